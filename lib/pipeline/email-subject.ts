/**
 * Email subjects compared across a reply chain: "Re: Pilot", "AW: Pilot", "Odp: Pilot" and
 * "回复：Pilot" all belong to the thread "Pilot". Pure.
 */

// Reply and forward prefixes mail clients write, by language (en Re/Fw/Fwd, de AW/WG, pl Odp/PD,
// fr/es/it TR/RV/R, pt RES/ENC, nl/sv/da/no SV/VS/Antw, cs/sk Odp/Fw/PŘ, vi TL/Trả lời/Chuyển tiếp,
// zh 回复/答复/转发/回覆/轉寄), each optionally numbered ("Re[2]:"), with an ASCII or full-width colon.
const PREFIX = /^\s*(?:re|fw|fwd|aw|wg|odp|pd|př|tr|rv|r|res|enc|sv|vs|antw|tl|trả lời|chuyển tiếp|回复|答复|转发|回覆|轉寄|转寄)\s*(?:\[\d+\])?\s*[:：]\s*/iu;

/** The subject without reply/forward prefixes, spaces collapsed, case folded. */
export function threadSubject(subject: string | null | undefined): string {
  let s = (subject ?? '').normalize('NFC');
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(PREFIX, '');
  }
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** The external id of an email logged as it was sent, before Gmail's message id is known. */
export const COMPOSE_ID_PREFIX = 'compose:';
/** How far apart the send and the message's own date may be and still be the same email. */
export const SENT_MATCH_MS = 15 * 60_000;
