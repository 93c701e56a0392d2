/**
 * CSV import rows into the store, one batch per transaction. A row whose LinkedIn URL or email is
 * already stored fills that lead's empty fields (no second lead); others become new leads. A row
 * that fails is reported with its reason and the others are kept.
 */
import { mergeLeads } from '../pipeline/merge';
import { lead as leadSchema, type Lead } from '../pipeline/model';
import { newLead, normaliseEmails } from '../pipeline/lead';
import { withTemperature } from '../pipeline/temperature';
import type { ImportResult, ImportRow } from '../messaging/protocol';
import type { Db } from './schema';
import { plainLead, toStored } from './stored';
import { write } from './tx';

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
    // The latest version of each lead touched by the batch (a lookup may return an older copy).
    const current = new Map<string, Lead>();
    const latest = (lead: Lead | undefined) => (lead ? (current.get(lead.id) ?? lead) : undefined);
    const results: ImportResult[] = [];
    for (const row of rows) {
      const rowEmails = normaliseEmails(row.emails);
      const existing = latest((row.linkedinUrl ? byUrl.get(row.linkedinUrl) : undefined) ?? rowEmails.map((e) => byEmail.get(e)).find(Boolean));
      const stage = row.stage && stages.some((s) => s.id === row.stage) ? row.stage : null;
      const incoming = newLead({ ...row, emails: rowEmails }, { id: crypto.randomUUID(), at, stages, currency: w.settings.currency, stage });
      // A merge fills descriptive fields only: stage, BANT and touchpoints (so the temperature) stay.
      const draft = existing
        ? mergeLeads(existing, { ...incoming, stage: existing.stage, stageHistory: [], reached: [] }, stages)
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
      if (linked.linkedinUrl) byUrl.set(linked.linkedinUrl, linked);
      for (const e of linked.emails) byEmail.set(e, linked);
      results.push({ line: row.line, status: existing ? 'merged' : 'created', id: lead.id });
    }
    await Promise.all([...current.values()].map((lead) => w.leads.put(toStored(lead, stages, { thresholds: w.settings.thresholds }))));
    return results;
  });
}
