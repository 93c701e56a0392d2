/** The LinkedIn sidebar's state: the profile on screen, the capture draft, or the known lead. */
import { computed, signal } from '@preact/signals';
import type { ProfileExtraction, ProfileField } from '../sites/linkedin/extract';
import type { Lead } from '../pipeline/model';
import type { Settings } from '../settings/settings';
import { LeadCardModel } from './lead-card-model';
import type { Send } from './send';
import { runBusy } from './run-busy';
import type { Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

export const DRAFT_FIELDS = ['name', 'headline', 'company', 'location'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

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

  /** Shows a (new or updated) reading of the profile on screen and looks the person up. */
  async showProfile(profile: ProfileExtraction): Promise<void> {
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
      const { lead, duplicates } = await this.send('lead.lookup', {
        linkedinUrl: url,
        name: this.draft.value.name.trim() || undefined,
        company: this.draft.value.company.trim() || null,
      });
      if (generation !== this.generation) return; // another profile is on screen by now
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
