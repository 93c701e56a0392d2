/** The LinkedIn sidebar's state: the profile on screen, the capture draft, or the known lead. */
import { computed, signal } from '@preact/signals';
import type { ProfileExtraction, ProfileField } from '../sites/linkedin/extract';
import type { Lead } from '../pipeline/model';
import type { Settings } from '../settings/settings';
import type { LeadView } from '../messaging/protocol';
import { LeadCardModel } from './lead-card-model';
import type { Send } from './send';
import { runBusy } from './run-busy';
import type { Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

export const DRAFT_FIELDS = ['name', 'headline', 'company', 'location'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export interface ProfileLinks {
  memberId?: string | null;
  companyUrl?: string | null;
}

export type PanelState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'new' } | { kind: 'known'; card: LeadCardModel } | { kind: 'error'; message: Text };

export class ProfilePanelModel {
  readonly state = signal<PanelState>({ kind: 'idle' });
  readonly profile = signal<ProfileExtraction | null>(null);
  readonly draft = signal<Record<DraftField, string>>({ name: '', headline: '', company: '', location: '' });
  readonly duplicates = signal<Lead[]>([]);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  /** Draft fields the user typed in: a later extraction leaves them alone. */
  private touched = new Set<DraftField>();
  private settings: Settings | null = null;
  private generation = 0;

  /** Fields the page did not show: flagged in the form for the user to type. */
  readonly missing = computed<ProfileField[]>(() => this.profile.value?.missing ?? []);
  readonly canCapture = computed(() => this.draft.value.name.trim() !== '' && !!this.profile.value?.found.linkedinUrl);

  constructor(private readonly send: Send) {}

  /** What the page says beyond the fields: the member id and the current company's page. */
  private links: ProfileLinks = {};

  /** Shows a (new or updated) reading of the profile on screen and looks the person up. */
  async showProfile(profile: ProfileExtraction, links: ProfileLinks = {}): Promise<void> {
    this.links = links;
    const previousUrl = this.profile.value?.found.linkedinUrl;
    const samePerson = previousUrl !== undefined && previousUrl === profile.found.linkedinUrl;
    if (!samePerson) this.touched.clear();
    this.profile.value = profile;
    const next = { ...this.draft.value };
    for (const field of DRAFT_FIELDS) if (!this.touched.has(field)) next[field] = profile.found[field] ?? '';
    this.draft.value = next;
    if (!samePerson || this.state.value.kind === 'idle' || this.state.value.kind === 'error') await this.lookup();
  }

  /** Forgets the profile (the tab left profile pages). */
  clear(): void {
    this.generation += 1;
    this.profile.value = null;
    this.state.value = { kind: 'idle' };
    this.duplicates.value = [];
    this.touched.clear();
  }

  edit(field: DraftField, value: string): void {
    this.touched.add(field);
    this.draft.value = { ...this.draft.value, [field]: value };
  }

  async lookup(): Promise<void> {
    const url = this.profile.value?.found.linkedinUrl;
    if (!url) {
      this.state.value = { kind: 'new' };
      return;
    }
    const generation = ++this.generation;
    if (this.state.value.kind !== 'known') this.state.value = { kind: 'loading' };
    try {
      this.settings ??= await this.send('settings.get', {});
      let { lead, duplicates } = await this.send('lead.lookup', {
        linkedinUrl: url,
        linkedinMemberId: this.links.memberId ?? undefined,
        name: this.draft.value.name.trim() || undefined,
        company: this.draft.value.company.trim() || null,
      });
      if (generation !== this.generation) return; // another profile is on screen by now
      lead = lead && (await this.completeIds(lead, url));
      if (generation !== this.generation) return;
      this.duplicates.value = duplicates.filter((d) => d.linkedinUrl !== url);
      const current = this.state.value;
      if (lead && current.kind === 'known' && current.card.id === lead.lead.id) current.card.setView(lead);
      else if (lead) this.state.value = { kind: 'known', card: new LeadCardModel(this.send, lead, this.settings, url) };
      else this.state.value = { kind: 'new' };
    } catch (error) {
      if (generation === this.generation) this.state.value = { kind: 'error', message: problemText(error) };
    }
  }

  async capture(): Promise<void> {
    const profile = this.profile.value;
    if (!profile?.found.linkedinUrl || !this.canCapture.value) return;
    const d = this.draft.value;
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    await this.act(async () => {
      this.settings ??= await this.send('settings.get', {});
      const { lead } = await this.send('lead.capture', {
        name: d.name.trim(),
        headline: orNull(d.headline),
        company: orNull(d.company),
        location: orNull(d.location),
        linkedinUrl: profile.found.linkedinUrl,
        photoUrl: profile.found.photoUrl ?? null,
        source: 'linkedin',
        linkedinMemberId: this.links.memberId ?? null,
        // The company link names the company only while the company field is still what the page shows.
        companyLinkedinUrl: orNull(d.company) === (profile.found.company ?? null) ? (this.links.companyUrl ?? null) : null,
      });
      this.generation += 1;
      this.duplicates.value = [];
      this.state.value = { kind: 'known', card: new LeadCardModel(this.send, lead, this.settings, profile.found.linkedinUrl ?? null) };
    });
  }

  /** Links an existing lead (same name and company) to this profile instead of capturing a second one. */
  async linkDuplicate(leadId: string): Promise<void> {
    const url = this.profile.value?.found.linkedinUrl;
    if (!url) return;
    await this.act(async () => {
      this.settings ??= await this.send('settings.get', {});
      const view = await this.send('lead.update', { id: leadId, patch: { linkedinUrl: url } });
      this.duplicates.value = [];
      this.state.value = { kind: 'known', card: new LeadCardModel(this.send, view, this.settings, url) };
    });
  }

  /**
   * A lead found by this profile that lacks the profile's other id gets it: the member id (so
   * messaging finds the lead), or the profile address (a lead captured from messaging).
   */
  private async completeIds(lead: LeadView, url: string): Promise<LeadView> {
    const patch: { linkedinMemberId?: string; linkedinUrl?: string } = {};
    if (this.links.memberId && lead.lead.linkedinMemberId === null) patch.linkedinMemberId = this.links.memberId;
    if (lead.lead.linkedinUrl === null) patch.linkedinUrl = url;
    if (Object.keys(patch).length === 0) return lead;
    const base = Object.fromEntries(Object.keys(patch).map((k) => [k, null]));
    try {
      const { conflicts: _c, ...view } = await this.send('lead.update', { id: lead.lead.id, patch, base });
      return view;
    } catch {
      // Another lead has that id (the same person captured twice): shown as is; the pipeline page merges them.
      return lead;
    }
  }

  /** Data changed somewhere (another tab, the pipeline page): refresh what is shown. */
  async onChanged(leadIds: string[]): Promise<void> {
    const current = this.state.value;
    if (current.kind === 'known') {
      if (leadIds.length === 0 || leadIds.includes(current.card.id)) await this.lookup();
    } else if (current.kind === 'new') await this.lookup();
  }

  private async act(action: () => Promise<void>): Promise<void> {
    await runBusy(this.busy, this.error, action);
  }
}
