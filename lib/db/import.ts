/**
 * CSV import rows into the store, one batch per transaction. A row whose LinkedIn URL or email is
 * already stored fills that lead's empty fields (no second lead); others become new leads. A row
 * with neither is known by its place in its file (`importKey`): the lead it made is remembered in a
 * `meta` record (`import-row:<key>`), so the same file imported again completes that lead. A new
 * lead takes every field the row gives (BANT, override, dates, currency); a Lost row leaves the
 * funnel with its reason, a Later row is parked until its day. A row that fails is reported with
 * its reason and the others are kept.
 */
import { mergeLeads } from '../pipeline/merge';
import { lead as leadSchema, type Lead } from '../pipeline/model';
import { LATER, LOST } from '../pipeline/constants';
import { newLead, normaliseEmails } from '../pipeline/lead';
import { moveLead, type StageMove } from '../pipeline/stages';
import { withTemperature } from '../pipeline/temperature';
import type { ImportResult, ImportRow } from '../messaging/protocol';
import type { Db } from './schema';
import { plainLead, toStored } from './stored';
import { write, type Writer } from './tx';

export async function importRows(db: Db, now: Date, rows: ImportRow[]): Promise<ImportResult[]> {
  return write(db, now, async (w) => {
    const at = w.now.toISOString();
    const { stages } = w.settings;
    // Every key of the batch is looked up at once (the requests queue in the transaction); then
    // rows are applied in memory, in order, so a later row sees an earlier one's lead.
    const urls = [...new Set(rows.flatMap((r) => (r.linkedinUrl ? [r.linkedinUrl] : [])))];
    const emails = [...new Set(rows.flatMap((r) => normaliseEmails(r.emails)))];
    const [urlHits, emailHits] = await Promise.all([
      Promise.all(urls.map((u) => w.leads.index('byLinkedinUrl').get(u))),
      Promise.all(emails.map((e) => w.leads.index('byEmail').get(e))),
    ]);
    const byUrl = new Map<string, Lead | undefined>(urls.map((u, i) => [u, urlHits[i] && plainLead(urlHits[i])]));
    const byEmail = new Map<string, Lead | undefined>(emails.map((e, i) => [e, emailHits[i] && plainLead(emailHits[i])]));
    const byImportKey = await importedBefore(w, rows);
    // The latest version of each lead touched by the batch (a lookup may return an older copy).
    const current = new Map<string, Lead>();
    const latest = (lead: Lead | undefined) => (lead ? (current.get(lead.id) ?? lead) : undefined);
    const results: ImportResult[] = [];
    const remembered: { key: string; leadId: string }[] = [];
    for (const row of rows) {
      const rowEmails = normaliseEmails(row.emails);
      const keyed = keyOf(row);
      const existing = latest(
        (row.linkedinUrl ? byUrl.get(row.linkedinUrl) : undefined) ??
          rowEmails.map((e) => byEmail.get(e)).find(Boolean) ??
          (keyed ? byImportKey.get(keyed) : undefined),
      );
      const outside = exitOf(row);
      if ('code' in outside) {
        results.push({ line: row.line, status: 'error', ...outside, params: {} });
        continue;
      }
      const funnel = (id: string | null | undefined) => (id && stages.some((s) => s.id === id) ? id : null);
      // A lost or parked row enters the funnel where it left it, then leaves as the user had it leave.
      const stage = outside.move ? (funnel(row.stageBefore) ?? stages[0]!.id) : funnel(row.stage);
      const fresh = newLead({ ...row, emails: rowEmails }, { id: crypto.randomUUID(), at, stages, currency: row.currency ?? w.settings.currency, stage });
      const filled: Lead = {
        ...fresh,
        qualification: row.qualification ?? fresh.qualification,
        temperatureOverride: row.temperatureOverride ?? null,
        expectedCloseOn: row.expectedCloseOn ?? null,
        nextFollowUpOn: row.nextFollowUpOn ?? null,
      };
      const incoming = outside.move ? moveLead(filled, outside.move, w.now, stages) : filled;
      // A merge fills descriptive fields only: stage, BANT, the override and touchpoints (so the temperature) stay.
      const draft = existing
        ? mergeLeads(
            existing,
            {
              ...incoming,
              stage: existing.stage,
              lost: existing.lost,
              later: existing.later,
              stageHistory: [],
              reached: [],
              qualification: existing.qualification,
              temperatureOverride: existing.temperatureOverride,
            },
            stages,
          )
        : { ...incoming, ...(w.owner ? { owner: w.owner } : {}) };
      const parsed = leadSchema.safeParse({ ...draft, updatedAt: at });
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        results.push({ line: row.line, status: 'error', reason: detail, code: 'row_invalid', params: { detail } });
        continue;
      }
      const lead = existing ? parsed.data : withTemperature(parsed.data, [], w.now, w.settings);
      // The row's URL or an email may belong to another lead: report the row rather than abort the batch.
      const urlOwner = lead.linkedinUrl ? latest(byUrl.get(lead.linkedinUrl)) : undefined;
      if (urlOwner && urlOwner.id !== lead.id && lead.linkedinUrl !== existing?.linkedinUrl) {
        const params = { url: lead.linkedinUrl!, name: urlOwner.name };
        results.push({ line: row.line, status: 'error', reason: `${lead.linkedinUrl} already belongs to ${urlOwner.name}`, code: 'row_url_taken', params });
        continue;
      }
      const emailClash = rowEmails.find((e) => {
        const owner = latest(byEmail.get(e));
        return owner && owner.id !== lead.id;
      });
      if (emailClash) {
        const owner = latest(byEmail.get(emailClash))!.name;
        results.push({
          line: row.line,
          status: 'error',
          reason: `${emailClash} already belongs to ${owner}`,
          code: 'row_email_taken',
          params: { email: emailClash, name: owner },
        });
        continue;
      }
      const linked = await w.companyLinks.link(existing, lead);
      w.account(existing, linked);
      current.set(linked.id, linked);
      if (keyed) {
        byImportKey.set(keyed, linked);
        remembered.push({ key: `${IMPORT_ROW}${keyed}`, leadId: linked.id });
      }
      if (linked.linkedinUrl) byUrl.set(linked.linkedinUrl, linked);
      for (const e of linked.emails) byEmail.set(e, linked);
      results.push({ line: row.line, status: existing ? 'merged' : 'created', id: lead.id });
    }
    const meta = w.tx.objectStore('meta');
    await Promise.all([...current.values()].map((lead) => w.leads.put(toStored(lead, stages, { thresholds: w.settings.thresholds }))));
    await Promise.all(remembered.map((record) => meta.put(record)));
    return results;
  });
}

/** How a row leaves the funnel (Lost with its reason, Later with its day), or why it cannot. */
function exitOf(row: ImportRow): { move: StageMove | null } | { code: 'row_lost_no_reason' | 'row_later_no_day'; reason: string } {
  if (row.stage === LOST)
    return row.lostReason
      ? { move: { to: LOST, reason: row.lostReason } }
      : { code: 'row_lost_no_reason', reason: 'The stage is Lost but the row gives no lost reason.' };
  if (row.stage === LATER)
    return row.reengageOn
      ? { move: { to: LATER, reengageOn: row.reengageOn } }
      : { code: 'row_later_no_day', reason: 'The stage is Later but the row gives no re-engage day.' };
  return { move: null };
}

/** The meta record key prefix of a row's lead: `import-row:<file hash>#<line>`. */
export const IMPORT_ROW = 'import-row:';

/** The import key of a row only email and URL do not identify. */
const keyOf = (row: ImportRow): string | null => (!row.linkedinUrl && row.emails.length === 0 && row.importKey) || null;

/** The leads made before by the batch's keyed rows (a record whose lead is gone since counts as none). */
async function importedBefore(w: Writer, rows: ImportRow[]): Promise<Map<string, Lead>> {
  const keys = rows.flatMap((r) => keyOf(r) ?? []);
  const meta = w.tx.objectStore('meta');
  const records = await Promise.all(keys.map((k) => meta.get(`${IMPORT_ROW}${k}`)));
  const leads = await Promise.all(
    records.map((r) => {
      const leadId = (r as { leadId?: unknown } | undefined)?.leadId;
      return typeof leadId === 'string' ? w.leads.get(leadId) : undefined;
    }),
  );
  const found = new Map<string, Lead>();
  keys.forEach((k, i) => {
    const lead = leads[i];
    if (lead) found.set(k, plainLead(lead));
  });
  return found;
}
