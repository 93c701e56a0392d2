import { describe, expect, it } from 'vitest';
import { parseGmailDate } from '../../lib/sites/gmail/dates';

/** Local wall-clock time, as Gmail's titles give it, as an ISO instant. */
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();

/*
 * Where these forms come from.
 *
 * Real Gmail `span.g3[title]` values found in public pages (the code index's exact-string search
 * gives a file id, not its repository):
 * - "Sep 3, 2025, 10:57 AM"   en-US, a saved 2025 thread header (`span#:27b.g3[role=gridcell]`), index file 41081133346
 * - "20 Aug 2025, 13:19"      en-GB, a saved 2025 thread header (`span#:1wk.g3`), index file 1410000851; also shared/research/selectors.md
 * - "26 дек. 2019 г., 22:53"  ru, a saved 2019 thread header (`span#:7z.g3`), index file 27234222622
 * - "2016年5月4日 上午10:08"    zh-CN, shared/research/selectors.md (index file 8026370374)
 * - "Thu, Dec 18, 2014 at 12:35 PM", tests/fixtures/gmail/2014-12_inbox-list__inboxsdk.html (real)
 * Each is exactly CLDR's medium date (skeleton yMMMd) + short time, joined with the language's
 * medium date-time glue: en "MMM d, y" + "h:mm a" + "{1}, {0}"; en-GB "d MMM y" + "HH:mm" + "{1}, {0}";
 * ru "d MMM y 'г'." + "HH:mm" + "{1}, {0}". No real title was found for cs, pl, vi, de, fr, es or pt,
 * so their forms below are CLDR's, read from the npm package cldr-dates-full@48.2.0
 * (main/<lang>/ca-gregorian.json: availableFormats.yMMMd / yMMMEd, timeFormats.short,
 * dateTimeFormats.medium) — the strongest evidence short of a real page:
 * - cs     yMMMd "d. M. y",             yMMMEd "E d. M. y",             time "H:mm",  glue "{1} {0}"
 * - pl     yMMMd "d MMM y",             yMMMEd "E, d MMM y",            time "HH:mm", glue "{1}, {0}"; months sty…gru
 * - vi     yMMMd "d MMM, y",            yMMMEd "E, d MMM, y",           time "HH:mm", glue "{0} {1}" (time first); months "thg 1"…
 * - de     yMMMd "d. MMM y",            yMMMEd "E, d. MMM y",           time "HH:mm", glue "{1}, {0}"; months "Jan.", "März", "Mai", "Juni"…
 * - fr     yMMMd "d MMM y",             yMMMEd "E d MMM y",             time "HH:mm", glue "{1}, {0}"; months "janv.", "août"…
 * - es     yMMMd "d MMM y",             yMMMEd "EEE, d MMM y",          time "H:mm",  glue "{1}, {0}"; months "ene", "ago", "sept"…
 * - pt     yMMMd "d 'de' MMM 'de' y",   yMMMEd "E, d 'de' MMM 'de' y",  time "HH:mm", glue "{1} {0}"; months "jan.", "ago."…
 *   (ICU 78.2 with the same CLDR joins pt with ", ": "20 de ago. de 2025, 13:19"; both are read.)
 */

describe("Gmail date titles in our users' languages", () => {
  it.each([
    // en-US, real
    ['en-US', 'Thu, Dec 18, 2014 at 12:35 PM', local(2014, 12, 18, 12, 35)],
    ['en-US', 'Sep 3, 2025, 10:57 AM', local(2025, 9, 3, 10, 57)],
    ['en-US', 'Sep 3, 2025, 10:57\u202fAM', local(2025, 9, 3, 10, 57)], // CLDR 42+ puts U+202F before AM
    // en-GB, real; with weekday from yMMMEd
    ['en-GB', '20 Aug 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['en-GB', 'Wed, 20 Aug 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['en-GB', '3 Sept 2025, 09:05', local(2025, 9, 3, 9, 5)],
    // cs
    ['cs', '20. 8. 2025 13:19', local(2025, 8, 20, 13, 19)],
    ['cs', 'st 20. 8. 2025 13:19', local(2025, 8, 20, 13, 19)],
    ['cs', '5. 1. 2025 9:05', local(2025, 1, 5, 9, 5)],
    // pl
    ['pl', '20 sie 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['pl', 'śr., 20 sie 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['pl', '14 paź 2025, 08:30', local(2025, 10, 14, 8, 30)],
    // vi
    ['vi', '13:19 20 thg 8, 2025', local(2025, 8, 20, 13, 19)],
    ['vi', '13:19 Thứ 4, 20 thg 8, 2025', local(2025, 8, 20, 13, 19)],
    ['vi', '09:05 CN, 5 thg 1, 2025', local(2025, 1, 5, 9, 5)],
    // de
    ['de', '20. Aug. 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['de', 'Mi., 20. Aug. 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['de', '3. März 2025, 07:45', local(2025, 3, 3, 7, 45)],
    // fr
    ['fr', '20 août 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['fr', 'mer. 20 août 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['fr', '5 janv. 2025, 09:05', local(2025, 1, 5, 9, 5)],
    // es
    ['es', '20 ago 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['es', 'mié, 20 ago 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['es', '5 ene 2025, 9:05', local(2025, 1, 5, 9, 5)],
    // pt (pt-BR)
    ['pt', '20 de ago. de 2025 13:19', local(2025, 8, 20, 13, 19)],
    ['pt', '20 de ago. de 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['pt', 'qua., 20 de ago. de 2025, 13:19', local(2025, 8, 20, 13, 19)],
    // zh-CN, real (2016) and CLDR 48 (24-hour, weekday "周三")
    ['zh-CN', '2016年5月4日 上午10:08', local(2016, 5, 4, 10, 8)],
    ['zh-CN', '2025年8月20日周三 13:19', local(2025, 8, 20, 13, 19)],
  ])('%s: %s', (_lang, title, want) => {
    expect(parseGmailDate(title)?.toISOString()).toBe(want);
  });

  it.each([
    // ru is real but we have no table for it: reported missing, not guessed
    ['ru', '26 дек. 2019 г., 22:53'],
    // pt-PT writes the date in digits only; 08/20 and 20/08 cannot be told apart from the string
    ['pt-PT', '20/08/2025, 13:19'],
    // a German short date is not one of Gmail's title forms
    ['de', '20.08.2025, 13:19'],
    // impossible dates in forms we do read
    ['cs', '31. 2. 2025 13:19'],
    ['vi', '25:19 20 thg 8, 2025'],
    ['pl', '20 xyz 2025, 13:19'],
  ])('%s: does not guess from "%s"', (_lang, title) => {
    expect(parseGmailDate(title)).toBeNull();
  });
});
