/**
 * A person a LinkedIn page shows who is not on their own profile page: a messaging partner (named
 * by member id) or a Sales Navigator lead (named by their lead page). Shows the lead, or a capture
 * draft with leads of the same name to link instead ("Same person: link" stores the id that
 * named the person here on that lead).
 */
import { signal } from '@preact/signals';
import type { Lead } from '../pipeline/model';
import type { Settings } from '../settings/settings';
import { LeadCardModel } from './lead-card-model';
import type { Send } from './send';
import { runBusy } from './run-busy';
import { CodedError } from '../messaging/errors';

export const PERSON_FIELDS = ['name', 'headline', 'company', 'location'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A person as a page shows them, with the ids it names them by. */
export interface Sighting {
  name: string | null;
  headline: string | null;
  company: string | null;
  location: string | null;
  /** The public profile (`/in/<slug>/`), when the page shows it. */
  linkedinUrl: string | null;
  linkedinMemberId: string | null;
  salesNavUrl: string | null;
  /** The id "Same person: link" stores on the chosen lead. */
  linkBy: 'linkedinMemberId' | 'salesNavUrl';
  /** Where touchpoints logged from here link back to. */
  pageUrl: string | null;
}

export type PersonState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'new' } | { kind: 'known'; card: LeadCardModel } | { kind: 'error'; message: string };

const identity = (s: Sighting | null) => (s ? JSON.stringify([s.linkedinUrl, s.linkedinMemberId, s.salesNavUrl]) : '');

export class PersonPanelModel {
  readonly state = signal<PersonState>({ kind: 'idle' });
  readonly sighting = signal<Sighting | null>(null);
  readonly draft = signal<Record<PersonField, string>>({ name: '', headline: '', company: '', location: '' });
  readonly duplicates = signal<Lead[]>([]);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  settings: Settings | null = null;
  private touched = new Set<PersonField>();
  private generation = 0;

  constructor(private readonly send: Send) {}

  /** The id this person is named by here: what links them to a lead. */
  get key(): string | null {
    const s = this.sighting.value;
    return s ? s[s.linkBy] : null;
  }

  /** Shows a (new or re-read) sighting and looks the person up when it is another person. */
  async show(sighting: Sighting): Promise<void> {
    const same = identity(sighting) === identity(this.sighting.value);
    if (!same) this.touched.clear();
    this.sighting.value = sighting;
    const next = { ...this.draft.value };
    for (const field of PERSON_FIELDS) if (!this.touched.has(field)) next[field] = sighting[field] ?? '';
    this.draft.value = next;
    if (!same || this.state.value.kind === 'idle' || this.state.value.kind === 'error') await this.lookup();
  }

  clear(): void {
    this.generation++;
    this.sighting.value = null;
    this.state.value = { kind: 'idle' };
    this.duplicates.value = [];
    this.touched.clear();
  }

  edit(field: PersonField, value: string): void {
    this.touched.add(field);
    this.draft.value = { ...this.draft.value, [field]: value };
  }

  async lookup(): Promise<void> {
    const s = this.sighting.value;
    if (!s) return;
    const generation = ++this.generation;
    if (this.state.value.kind !== 'known') this.state.value = { kind: 'loading' };
    try {
      this.settings ??= await this.send('settings.get', {});
      const name = this.draft.value.name.trim() || undefined;
      if (!s.linkedinUrl && !s.linkedinMemberId && !s.salesNavUrl && !name) {
        this.state.value = { kind: 'new' };
        return;
      }
      let { lead, duplicates } = await this.send('lead.lookup', {
        linkedinUrl: s.linkedinUrl ?? undefined,
        linkedinMemberId: s.linkedinMemberId ?? undefined,
        salesNavUrl: s.salesNavUrl ?? undefined,
        name,
        company: this.draft.value.company.trim() || null,
      });
      if (generation !== this.generation) return;
      // Found by its public profile: the id that named the person here is stored on it too.
      const id = s[s.linkBy];
      if (lead && id && lead.lead[s.linkBy] === null) {
        try {
          const { conflicts: _c, ...view } = await this.send('lead.update', { id: lead.lead.id, patch: { [s.linkBy]: id }, base: { [s.linkBy]: null } });
          lead = view;
        } catch {
          // Another lead has that id (the same person captured twice): shown as is; the pipeline page merges them.
        }
      }
      if (generation !== this.generation) return;
      this.duplicates.value = lead ? [] : duplicates;
      const current = this.state.value;
      if (lead && current.kind === 'known' && current.card.id === lead.lead.id) current.card.setView(lead);
      else if (lead) this.state.value = { kind: 'known', card: new LeadCardModel(this.send, lead, this.settings, s.pageUrl) };
      else this.state.value = { kind: 'new' };
    } catch (error) {
      if (generation === this.generation) this.state.value = { kind: 'error', message: (error as Error).message };
    }
  }

  get canCapture(): boolean {
    const s = this.sighting.value;
    return !!s && this.draft.value.name.trim() !== '' && !!(s.linkedinUrl || s.linkedinMemberId || s.salesNavUrl);
  }

  async capture(): Promise<void> {
    const s = this.sighting.value;
    if (!s || !this.canCapture) return;
    const d = this.draft.value;
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    await runBusy(this.busy, this.error, async () => {
      this.settings ??= await this.send('settings.get', {});
      const { lead } = await this.send('lead.capture', {
        name: d.name.trim(),
        headline: orNull(d.headline),
        company: orNull(d.company),
        location: orNull(d.location),
        linkedinUrl: s.linkedinUrl,
        linkedinMemberId: s.linkedinMemberId,
        salesNavUrl: s.salesNavUrl,
        source: 'linkedin',
      });
      this.generation++;
      this.duplicates.value = [];
      this.state.value = { kind: 'known', card: new LeadCardModel(this.send, lead, this.settings, s.pageUrl) };
    });
  }

  /** "Same person: link": stores this page's id for the person on an existing lead. */
  async link(leadId: string): Promise<void> {
    const s = this.sighting.value;
    const id = s ? s[s.linkBy] : null;
    if (!s || !id) return;
    await runBusy(this.busy, this.error, async () => {
      this.settings ??= await this.send('settings.get', {});
      const { conflicts, ...view } = await this.send('lead.update', { id: leadId, patch: { [s.linkBy]: id }, base: { [s.linkBy]: null } });
      // Linked to someone else meanwhile: the lead is not this person after all.
      if (conflicts.length > 0)
        throw new CodedError('linked_elsewhere', `${view.lead.name} is already linked to another LinkedIn member.`, { name: view.lead.name });
      this.generation++;
      this.duplicates.value = [];
      this.state.value = { kind: 'known', card: new LeadCardModel(this.send, view, this.settings, s.pageUrl) };
    });
  }

  async onChanged(leadIds: string[]): Promise<void> {
    const current = this.state.value;
    if (current.kind === 'known' && leadIds.length > 0 && !leadIds.includes(current.card.id)) return;
    if (current.kind === 'known' || current.kind === 'new') await this.lookup();
  }
}
