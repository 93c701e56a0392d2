/**
 * A people list on screen (search results, My Network): each person with whether they are a lead
 * already, a selection, and "Capture selected", which saves the chosen people in batches (one
 * transaction each), showing how far it got. The page's rows of known leads get a mark through
 * `onKnown` (the content script places it).
 */
import { computed, signal } from '@preact/signals';
import type { KnownPerson } from '../messaging/protocol';
import type { ListedPerson } from '../messaging/sidebar-channel';
import type { Send } from './send';
import type { StageDef } from '../pipeline/model';
import { runBusy } from './run-busy';

/** People per capture transaction: a batch stays short, so other writes never wait long behind it. */
export const CAPTURE_BATCH = 10;
/** The most people one lookup asks about. */
const LOOKUP_BATCH = 200;

export interface Progress {
  done: number;
  total: number;
}

export class PeopleListModel {
  readonly people = signal<ListedPerson[]>([]);
  /** Profile URL → the lead that person is. */
  readonly known = signal<Map<string, KnownPerson>>(new Map());
  readonly selected = signal<Set<string>>(new Set());
  readonly progress = signal<Progress | null>(null);
  /** What the last "Capture selected" did. */
  readonly result = signal<{ created: number; existing: number } | null>(null);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  /** The funnel's stages, to name the known people's stages. */
  readonly stages = signal<StageDef[]>([]);
  private generation = 0;

  readonly selectable = computed(() => this.people.value.filter((p) => p.name && !this.known.value.has(p.profileUrl)));

  constructor(
    private readonly send: Send,
    /** Told the profile URLs of the people who are leads, whenever that changes. */
    private readonly onKnown: (profileUrls: string[]) => void = () => {},
  ) {}

  async show(people: ListedPerson[]): Promise<void> {
    const urls = new Set(people.map((p) => p.profileUrl));
    this.people.value = people;
    this.selected.value = new Set([...this.selected.value].filter((u) => urls.has(u)));
    await this.lookup();
  }

  clear(): void {
    this.generation++;
    this.people.value = [];
    this.known.value = new Map();
    this.selected.value = new Set();
    this.progress.value = null;
    this.result.value = null;
  }

  async lookup(): Promise<void> {
    const people = this.people.value;
    const generation = ++this.generation;
    this.loading.value = true;
    try {
      const known = new Map<string, KnownPerson>();
      const { stages } = await this.send('settings.get', {});
      for (let i = 0; i < people.length; i += LOOKUP_BATCH) {
        const batch = people.slice(i, i + LOOKUP_BATCH);
        const { found } = await this.send('leads.lookupMany', { people: batch.map(keyOf) });
        found.forEach((lead, j) => lead && known.set(batch[j]!.profileUrl, lead));
      }
      if (generation !== this.generation) return;
      this.known.value = known;
      this.stages.value = stages;
      this.selected.value = new Set([...this.selected.value].filter((u) => !known.has(u)));
      this.error.value = null;
      this.onKnown([...known.keys()]);
    } catch (error) {
      if (generation === this.generation) this.error.value = (error as Error).message;
    } finally {
      if (generation === this.generation) this.loading.value = false;
    }
  }

  toggle(profileUrl: string, on: boolean): void {
    const next = new Set(this.selected.value);
    if (on) next.add(profileUrl);
    else next.delete(profileUrl);
    this.selected.value = next;
  }

  selectAll(on: boolean): void {
    this.selected.value = on ? new Set(this.selectable.value.map((p) => p.profileUrl)) : new Set();
  }

  /** Captures the selected people, a batch per transaction; progress after each batch. */
  async captureSelected(): Promise<void> {
    const chosen = this.people.value.filter((p) => p.name && this.selected.value.has(p.profileUrl));
    if (chosen.length === 0) return;
    this.result.value = null;
    this.progress.value = { done: 0, total: chosen.length };
    let created = 0;
    let existing = 0;
    await runBusy(this.busy, this.error, async () => {
      for (let i = 0; i < chosen.length; i += CAPTURE_BATCH) {
        const batch = chosen.slice(i, i + CAPTURE_BATCH);
        const { results } = await this.send('leads.captureMany', { rows: batch.map(captureRow) });
        const known = new Map(this.known.value);
        results.forEach((r, j) => {
          known.set(batch[j]!.profileUrl, r.lead);
          if (r.created) created++;
          else existing++;
        });
        this.known.value = known;
        this.selected.value = new Set([...this.selected.value].filter((u) => !known.has(u)));
        this.progress.value = { done: Math.min(i + batch.length, chosen.length), total: chosen.length };
      }
    });
    this.result.value = { created, existing };
    this.onKnown([...this.known.value.keys()]);
  }

  async onChanged(): Promise<void> {
    if (!this.busy.value && this.people.value.length > 0) await this.lookup();
  }
}

function keyOf(p: ListedPerson): { linkedinUrl?: string; linkedinMemberId?: string } {
  return {
    linkedinUrl: p.profileUrlKind === 'vanity' ? p.profileUrl : undefined,
    linkedinMemberId: p.memberId ?? undefined,
  };
}

/** A row as a lead: an out-of-network row names a member id, never a profile address of its own. */
function captureRow(p: ListedPerson) {
  return {
    name: p.name!,
    headline: p.headline,
    location: p.location,
    linkedinUrl: p.profileUrlKind === 'vanity' ? p.profileUrl : null,
    linkedinMemberId: p.memberId,
    source: 'linkedin' as const,
  };
}
