/**
 * Parses the full dates Gmail puts in `title` attributes, in the user's local time. A form that
 * is not recognised gives null (reported missing), never a guess.
 *
 * Gmail writes the CLDR medium date (skeleton yMMMd, with or without the abbreviated weekday) and
 * the short time, joined as CLDR says for the UI language. The three real titles found in public
 * pages are exactly what CLDR 48 gives for their language, which is why the other languages follow
 * CLDR too (tests/unit/gmail-dates.test.ts lists each form with its source):
 * - "Thu, Dec 18, 2014 at 12:35 PM"      en-US, classic Gmail (real, 2014 inbox list)
 * - "Thu, Jun 14, 2018, 3:05 PM"         en-US, new Gmail
 * - "Sep 3, 2025, 10:57 AM"              en-US (real, 2025)
 * - "20 Aug 2025, 13:19"                 en-GB (real, 2025); "Wed, 20 Aug 2025, 13:19" with weekday
 * - "2016年5月4日 上午10:08"               zh-CN (real, 2016; 上午 = AM, 下午 = PM); "2016年5月4日 10:08"
 * - "20. 8. 2025 13:19"                  cs (CLDR); "st 20. 8. 2025 13:19"
 * - "20 sie 2025, 13:19"                 pl (CLDR); "śr., 20 sie 2025, 13:19"
 * - "13:19 20 thg 8, 2025"               vi (CLDR: time first); "13:19 Thứ 4, 20 thg 8, 2025"
 * - "20. Aug. 2025, 13:19"               de (CLDR); "Mi., 20. Aug. 2025, 13:19"
 * - "20 août 2025, 13:19"                fr (CLDR); "mer. 20 août 2025, 13:19"
 * - "20 ago 2025, 13:19"                 es (CLDR); "mié, 20 ago 2025, 13:19"
 * - "20 de ago. de 2025, 13:19"          pt-BR (CLDR); "qua., 20 de ago. de 2025, 13:19"
 * Not read: numeric forms whose day/month order the string does not show (pt-PT "20/08/2025, 13:19"),
 * relative forms ("yesterday, morning") and languages without a table below (ru, ja, …).
 */

/**
 * Abbreviated month names as CLDR 48 writes them inside a date ("format" context), keyed without
 * a trailing period and lower-cased. Every language's table agrees where spellings meet (es/fr/pl
 * "mar" is March in all three), so one table serves all.
 */
const MONTHS: Record<string, number> = {
  // en (en-US and en-GB; "sept" is en-GB)
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  // pl
  sty: 0,
  lut: 1,
  kwi: 3,
  maj: 4,
  cze: 5,
  lip: 6,
  sie: 7,
  wrz: 8,
  paź: 9,
  lis: 10,
  gru: 11,
  // de
  märz: 2,
  mai: 4,
  juni: 5,
  juli: 6,
  okt: 9,
  dez: 11,
  // fr
  janv: 0,
  févr: 1,
  mars: 2,
  avr: 3,
  juin: 5,
  juil: 6,
  août: 7,
  déc: 11,
  // es
  ene: 0,
  abr: 3,
  ago: 7,
  dic: 11,
  // pt-BR
  fev: 1,
  set: 8,
  out: 9,
};

function monthOf(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

function build(y: number, mo: number, d: number, h: number, mi: number): Date | null {
  const date = new Date(y, mo, d, h, mi);
  // Reject impossible dates rather than letting Date roll them over.
  if (date.getFullYear() !== y || date.getMonth() !== mo || date.getDate() !== d || h > 23 || mi > 59) return null;
  return date;
}

function to24(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = /^(pm|p\.m\.|下午|晚上)$/i.test(meridiem);
  return (hour % 12) + (pm ? 12 : 0);
}

// An abbreviated weekday before the date ("Wed,", "śr.,", "mer.", "Mi.,", "mié,", "qua.,", "st"):
// it only repeats the date, so any short word is let through and the date itself is checked.
const WEEKDAY = String.raw`(?:\p{L}{2,6}\.?,? )?`;
const MONTH = String.raw`(\p{L}{3,5}\.?)`;

/** The instant a Gmail date title names, or null for a form we do not know. */
export function parseGmailDate(title: string): Date | null {
  const t = title.replace(/\s+/g, ' ').trim();

  // en-US: "Thu, Dec 18, 2014 at 12:35 PM", "Sep 3, 2025, 10:57 AM"
  let m = /^(?:[A-Za-z]{3},? )?([A-Za-z]{3,4}) (\d{1,2}), (\d{4}),? (?:at )?(\d{1,2}):(\d{2}) ?([AaPp]\.?[Mm]\.?)?$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    const hour = to24(Number(m[4]), m[6]?.replace(/\./g, ''));
    if (month === undefined || hour === null) return null;
    return build(Number(m[3]), month, Number(m[2]), hour, Number(m[5]));
  }

  // Day first, month name: en-GB "20 Aug 2025, 13:19", pl "20 sie 2025, 13:19", fr "20 août 2025, 13:19",
  // es "20 ago 2025, 13:19", de "20. Aug. 2025, 13:19"
  m = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})\.? ${MONTH} (\d{4}),? (?:at )?(\d{1,2}):(\d{2})$`, 'u').exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    if (month === undefined) return null;
    return build(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]));
  }

  // pt-BR: "20 de ago. de 2025, 13:19"
  m = new RegExp(String.raw`^${WEEKDAY}(\d{1,2}) de ${MONTH} de (\d{4}),? (\d{1,2}):(\d{2})$`, 'u').exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    if (month === undefined) return null;
    return build(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]));
  }

  // cs: "20. 8. 2025 13:19" (day, then month, each followed by a period and a space)
  m = new RegExp(String.raw`^(?:\p{L}{2} )?(\d{1,2})\. (\d{1,2})\. (\d{4}),? (\d{1,2}):(\d{2})$`, 'u').exec(t);
  if (m) return build(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));

  // vi: "13:19 20 thg 8, 2025", with weekday "13:19 Thứ 4, 20 thg 8, 2025" (CN = Sunday)
  m = /^(\d{1,2}):(\d{2}) (?:(?:Thứ \d|CN),? )?(\d{1,2}) thg (\d{1,2}),? (\d{4})$/u.exec(t);
  if (m) return build(Number(m[5]), Number(m[4]) - 1, Number(m[3]), Number(m[1]), Number(m[2]));

  // zh-CN: "2016年5月4日 上午10:08", "2025年8月20日 13:19"
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:[（(][^)）]*[)）]|周.)? ?(上午|下午|凌晨|中午|晚上)?(\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const hour = m[4] === '中午' ? Number(m[5]) : m[4] === '凌晨' ? Number(m[5]) % 12 : to24(Number(m[5]), m[4]);
    if (hour === null) return null;
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, Number(m[6]));
  }
  return null;
}
