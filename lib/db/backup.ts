/**
 * JSON backup and restore of everything: leads, touchpoints, companies and settings. A restore parses and
 * checks the whole file before it writes anything, then replaces the stores in one transaction.
 */
import { z } from 'zod';
import { lead as leadSchema, touchpoint as touchpointSchema, type Lead, type Touchpoint } from '../pipeline/model';
import { rebuildWithInsights } from '../pipeline/aggregates';
import { readSettings, readStoredSettings, settings as settingsSchema, type Settings } from '../settings/settings';
import { putAllAggregates } from './insights-records';
import type { Db } from './schema';
import { plainLead, toStored } from './stored';
import { HEAD } from './aggregates-journal';
import { company as companySchema, companyStats, plainCompany, toStoredCompany, type Company } from '../pipeline/company';
import { planCompanies } from '../pipeline/company-plan';
import { isDefaultSummary, reasonsFromStored } from '../pipeline/legacy';
import type { ErrorCode, ErrorParams } from '../messaging/errors';

export const BACKUP_FORMAT = 'leadline-backup';
/**
 * 2 (2026-11): language-free data (reasons as rules, default stages unnamed). 3: companies, and
 * leads' company, member id and Sales Navigator page. Versions 1 and 2 are read and upgraded.
 */
export const BACKUP_VERSION = 3;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  leads: Lead[];
  touchpoints: Touchpoint[];
  /** Since format 3; a backup of format 1 or 2 has none (its leads are linked by company name on restore). */
  companies?: Company[];
}

/** Why a backup cannot be restored: English `message`, and a code with parameters for the page's language. */
export class BackupError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }
}

/** A consistent snapshot (one read transaction) as JSON text parts, to join into a Blob without one giant string. */
export async function exportBackup(db: Db, now = new Date()): Promise<{ parts: string[]; leads: number; touchpoints: number }> {
  const tx = db.transaction(['leads', 'touchpoints', 'meta', 'companies']);
  const [leads, touchpoints, settings, companies] = await Promise.all([
    tx.objectStore('leads').getAll(),
    tx.objectStore('touchpoints').getAll(),
    tx.objectStore('meta').get('settings'),
    tx.objectStore('companies').getAll(),
  ]);
  // Settings never saved are the defaults: the backup says so explicitly.
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), settings: readSettings(settings) };
  const parts = [`${JSON.stringify(head).slice(0, -1)},"leads":[`];
  const chunk = 5000;
  for (let i = 0; i < leads.length; i += chunk)
    parts.push(
      (i ? ',' : '') +
        leads
          .slice(i, i + chunk)
          .map((l) => JSON.stringify(plainLead(l)))
          .join(','),
    );
  parts.push('],"touchpoints":[');
  for (let i = 0; i < touchpoints.length; i += chunk)
    parts.push(
      (i ? ',' : '') +
        touchpoints
          .slice(i, i + chunk)
          .map((t) => JSON.stringify(t))
          .join(','),
    );
  parts.push(`],"companies":${JSON.stringify(companies.map(plainCompany))}}`);
  return { parts, leads: leads.length, touchpoints: touchpoints.length };
}

const where = (issue: z.core.$ZodIssue) => (issue.path.length ? `${issue.path.join('.')}: ` : '');

/**
 * A backup of any readable version in the current version's shape: settings through their upgrade
 * cascade; from format 1, temperature reasons from sentences to rules and one-click summaries
 * emptied (as the database's v4 migration does). Anything unexpected is left for the check.
 */
function upgraded(raw: Record<string, unknown>): Record<string, unknown> {
  const reading = readStoredSettings(raw.settings);
  const settings = reading.ok ? reading.settings : raw.settings;
  // Format 2 differs from 3 only by what it lacks (companies, the leads' new ids), which restore fills in.
  if (raw.version !== 1) return { ...raw, version: BACKUP_VERSION, settings };
  const leads = Array.isArray(raw.leads)
    ? raw.leads.map((l: Record<string, unknown>) =>
        l && typeof l === 'object' ? { ...l, temperatureReasons: reasonsFromStored(l.temperatureReasons, l as Parameters<typeof reasonsFromStored>[1]) } : l,
      )
    : raw.leads;
  const touchpoints = Array.isArray(raw.touchpoints)
    ? raw.touchpoints.map((t: Record<string, unknown>) =>
        t && typeof t === 'object' && isDefaultSummary(t as Parameters<typeof isDefaultSummary>[0]) ? { ...t, summary: '' } : t,
      )
    : raw.touchpoints;
  return { ...raw, version: BACKUP_VERSION, settings, leads, touchpoints };
}

/** Parses and checks a whole backup file; throws a BackupError saying what is wrong, first problem first. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError('backup_not_json', 'This file is not JSON: it is not a Leadline backup, or it is damaged.');
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(raw);
  if (!head.success) throw new BackupError('backup_not_leadline', 'This JSON file is not a Leadline backup.');
  if (!Number.isInteger(head.data.version) || head.data.version < 1 || head.data.version > BACKUP_VERSION)
    throw new BackupError('backup_version', `This backup has format version ${head.data.version}; this Leadline reads versions 1 to ${BACKUP_VERSION}.`, {
      version: head.data.version,
      supported: BACKUP_VERSION,
    });
  raw = upgraded(raw as Record<string, unknown>);
  const shape = z.object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string(),
    settings: settingsSchema,
    leads: z.array(leadSchema),
    touchpoints: z.array(touchpointSchema),
    companies: z.array(companySchema).optional(),
  });
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupError('backup_damaged', `The backup is damaged at ${where(issue)}${issue.message}. Nothing was restored.`, {
      path: issue.path.join('.'),
      detail: issue.message,
    });
  }
  const backup = parsed.data as Backup;
  if (head.data.version >= 3 && !backup.companies)
    throw new BackupError('backup_damaged', 'The backup is damaged at companies: missing. Nothing was restored.', { path: 'companies', detail: 'missing' });
  const ids = new Set<string>();
  const urls = new Set<string>();
  const emails = new Set<string>();
  const stageIds = new Set(backup.settings.stages.map((s) => s.id));
  for (const lead of backup.leads) {
    if (ids.has(lead.id)) throw new BackupError('backup_duplicate_id', `The backup holds lead ${lead.id} twice. Nothing was restored.`, { id: lead.id });
    ids.add(lead.id);
    if (lead.linkedinUrl && urls.has(lead.linkedinUrl))
      throw new BackupError('backup_shared_url', `Two leads of the backup share ${lead.linkedinUrl}. Nothing was restored.`, { url: lead.linkedinUrl });
    if (lead.linkedinUrl) urls.add(lead.linkedinUrl);
    for (const e of lead.emails) {
      if (emails.has(e)) throw new BackupError('backup_shared_email', `Two leads of the backup share ${e}. Nothing was restored.`, { email: e });
      emails.add(e);
    }
    if (lead.stage !== 'lost' && lead.stage !== 'later' && !stageIds.has(lead.stage))
      throw new BackupError('backup_unknown_stage', `Lead ${lead.name} is in stage "${lead.stage}", which the backup's settings lack. Nothing was restored.`, {
        name: lead.name,
        stage: lead.stage,
      });
  }
  for (const tp of backup.touchpoints) {
    if (!ids.has(tp.leadId))
      throw new BackupError('backup_orphan_touchpoint', `Touchpoint ${tp.id} belongs to no lead of the backup. Nothing was restored.`, { id: tp.id });
  }
  const companyIds = new Set((backup.companies ?? []).map((c) => c.id));
  for (const lead of backup.leads) {
    if (lead.companyId && !companyIds.has(lead.companyId))
      throw new BackupError('backup_unknown_company', `Lead ${lead.name} belongs to company ${lead.companyId}, which the backup lacks. Nothing was restored.`, {
        name: lead.name,
      });
  }
  return backup;
}

/** Replaces every lead, touchpoint and the settings by the backup's, in one transaction: all or nothing. */
export async function restoreBackup(db: Db, backup: Backup): Promise<void> {
  const tx = db.transaction(['leads', 'touchpoints', 'meta', 'trash', 'companies'], 'readwrite');
  try {
    await Promise.all([
      tx.objectStore('leads').clear(),
      tx.objectStore('touchpoints').clear(),
      tx.objectStore('trash').clear(),
      tx.objectStore('companies').clear(),
    ]);
    const { leads: linkedLeads, companies } = withCompanies(backup);
    const leads = tx.objectStore('leads');
    const touchpoints = tx.objectStore('touchpoints');
    // Requests are queued without awaiting each one; the transaction runs them in order.
    const writes: Promise<unknown>[] = [];
    for (const lead of linkedLeads) writes.push(leads.add(toStored(lead, backup.settings.stages, { thresholds: backup.settings.thresholds })));
    const people = new Map<string, Lead[]>();
    for (const lead of linkedLeads) {
      if (!lead.companyId) continue;
      const list = people.get(lead.companyId);
      if (list) list.push(lead);
      else people.set(lead.companyId, [lead]);
    }
    for (const company of companies) writes.push(tx.objectStore('companies').add(toStoredCompany(company, companyStats(people.get(company.id) ?? []))));
    for (const tp of backup.touchpoints) writes.push(touchpoints.add(tp));
    writes.push(tx.objectStore('meta').put({ key: 'settings', ...backup.settings }));
    writes.push(putAllAggregates(tx.objectStore('meta'), rebuildWithInsights(linkedLeads, backup.settings.stages)));
    // The aggregates' journal belonged to the data replaced (aggregates-journal.ts).
    writes.push(tx.objectStore('meta').delete(HEAD));
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => {});
    const detail = (error as Error).message;
    throw new BackupError('restore_failed', `Restore failed, nothing was changed: ${detail}`, { detail });
  }
}

/** The backup's leads and companies; a backup from before companies gets them planned from its leads' company names. */
function withCompanies(backup: Backup): { leads: Lead[]; companies: Company[] } {
  if (backup.companies) return { leads: backup.leads, companies: backup.companies };
  const plan = planCompanies(backup.leads, () => crypto.randomUUID(), new Date().toISOString());
  return { leads: backup.leads.map((l) => ({ ...l, companyId: plan.links.get(l.id) ?? null })), companies: plan.companies };
}
