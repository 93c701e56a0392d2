/**
 * Parses the full dates Gmail puts in `title` attributes, in the user's local time. A form that
 * is not recognised gives null (reported missing), never a guess.
 *
 * Forms seen (research/selectors.md and the 2014 inbox list):
 * - "Thu, Dec 18, 2014 at 12:35 PM"      en-US, classic Gmail
 * - "Thu, Jun 14, 2018, 3:05 PM"         en-US, new Gmail
 * - "20 Aug 2025, 13:19"                 en-GB
 * - "Wed, 20 Aug 2025, 13:19"            en-GB with weekday
 * - "2016年5月4日 上午10:08"               zh-CN (上午 = AM, 下午 = PM)
 * - "2016年5月4日 10:08"                  zh/ja 24-hour
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

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

/** The instant a Gmail date title names, or null for a form we do not know. */
export function parseGmailDate(title: string): Date | null {
  const t = title.replace(/\s+/g, ' ').trim();
  let m = /^(?:[A-Za-z]{3},? )?([A-Za-z]{3,4}) (\d{1,2}), (\d{4}),? (?:at )?(\d{1,2}):(\d{2}) ?([AaPp]\.?[Mm]\.?)?$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    const hour = to24(Number(m[4]), m[6]?.replace(/\./g, ''));
    if (month === undefined || hour === null) return null;
    return build(Number(m[3]), month, Number(m[2]), hour, Number(m[5]));
  }
  m = /^(?:[A-Za-z]{3},? )?(\d{1,2}) ([A-Za-z]{3,4}) (\d{4}),? (?:at )?(\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month === undefined) return null;
    return build(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]));
  }
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:[（(][^)）]*[)）])? ?(上午|下午|凌晨|中午|晚上)?(\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const hour = m[4] === '中午' ? Number(m[5]) : m[4] === '凌晨' ? Number(m[5]) % 12 : to24(Number(m[5]), m[4]);
    if (hour === null) return null;
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, Number(m[6]));
  }
  return null;
}
