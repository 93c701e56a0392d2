/**
 * Marks the rows of a people list whose person is already a lead: a small text badge after the
 * name, in the page itself. The badge is inert (no handler, no link, no data the page could not
 * see: only that this row is marked), so the host page can click it to no effect. Every badge is
 * removed when the content script is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PersonRow } from '../sites/linkedin/people-list';
import { sduiNameElement } from '../sites/linkedin/selectors';

const MARK = 'leadline-known';

export class RowMarks {
  private known = new Set<string>();
  private rows: PersonRow[] = [];
  /** Each badge placed, with the profile URL of its row. */
  private readonly badges = new Map<HTMLElement, string>();

  constructor(ctx: Pick<ContentScriptContext, 'onInvalidated'>) {
    ctx.onInvalidated(() => this.clear());
  }

  /** The people the sidebar found to be leads (profile URLs), from the frame. */
  setKnown(profileUrls: string[]): void {
    this.known = new Set(profileUrls);
    this.apply();
  }

  /** The rows of the latest reading (none off list pages). */
  setRows(rows: PersonRow[]): void {
    this.rows = rows;
    this.apply();
  }

  /** Puts a badge on each known row that lacks one, and takes it off rows no longer known. */
  apply(): void {
    for (const [badge, url] of this.badges) {
      const row = this.rows.find((r) => r.element.contains(badge));
      if (!row || row.profileUrl !== url || !this.known.has(url)) {
        badge.remove();
        this.badges.delete(badge);
      }
    }
    for (const row of this.rows) {
      if (!this.known.has(row.profileUrl) || row.element.querySelector(`[data-leadline="${MARK}"]`)) continue;
      const name = row.element.querySelector('a[href*="/in/"] span[aria-hidden="true"]') ?? sduiNameElement(row.element);
      if (!name) continue;
      const mark = badge(row.element.ownerDocument);
      (name.closest('a') ?? name).after(mark);
      this.badges.set(mark, row.profileUrl);
    }
  }

  clear(): void {
    for (const badge of this.badges.keys()) badge.remove();
    this.badges.clear();
  }
}

function badge(doc: Document): HTMLElement {
  const el = doc.createElement('span');
  el.dataset.leadline = MARK;
  // The product's name, the same in every language (like the sidebar's landmark label).
  el.textContent = 'Leadline';
  Object.assign(el.style, {
    display: 'inline-block',
    marginLeft: '6px',
    padding: '0 6px',
    borderRadius: '8px',
    background: '#0b6bcb',
    color: '#fff',
    font: '600 11px/16px system-ui, sans-serif',
    verticalAlign: 'middle',
    pointerEvents: 'none',
    userSelect: 'none',
  });
  return el;
}
