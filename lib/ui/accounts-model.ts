/**
 * The pipeline page's Accounts view: companies a page at a time in the order of a column (name,
 * people, deal value: each an index in the background), and a company opened to show its people
 * with their stages.
 */
import { signal } from '@preact/signals';
import type { CompanyRow, CompanyView } from '../messaging/protocol';
import type { AccountSort } from '../pipeline/company';
import type { Send } from './send';

export const ACCOUNTS_PAGE = 50;

export class AccountsModel {
  readonly rows = signal<CompanyRow[]>([]);
  readonly total = signal(0);
  readonly offset = signal(0);
  readonly sort = signal<AccountSort>('value');
  readonly desc = signal(true);
  /** The company opened to show its people. */
  readonly open = signal<CompanyView | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private generation = 0;

  constructor(private readonly send: Send) {}

  async load(): Promise<void> {
    const generation = ++this.generation;
    this.loading.value = true;
    try {
      const page = await this.send('companies.table', { sort: this.sort.value, desc: this.desc.value, offset: this.offset.value, limit: ACCOUNTS_PAGE });
      const open = this.open.value ? await this.send('company.get', { id: this.open.value.company.id }) : null;
      if (generation !== this.generation) return;
      this.rows.value = page.rows;
      this.total.value = page.total;
      this.open.value = open;
      this.error.value = null;
    } catch (error) {
      if (generation === this.generation) this.error.value = (error as Error).message;
    } finally {
      if (generation === this.generation) this.loading.value = false;
    }
  }

  /** Sorts by a column; the same column again flips the order. Names sort A→Z first, figures largest first. */
  async sortBy(column: AccountSort): Promise<void> {
    if (this.sort.value === column) this.desc.value = !this.desc.value;
    else {
      this.sort.value = column;
      this.desc.value = column !== 'name';
    }
    this.offset.value = 0;
    await this.load();
  }

  async page(direction: 1 | -1): Promise<void> {
    const next = this.offset.value + direction * ACCOUNTS_PAGE;
    if (next < 0 || next >= this.total.value) return;
    this.offset.value = next;
    await this.load();
  }

  /** Opens a company to show its people, or closes it when it is open. */
  async toggle(id: string): Promise<void> {
    if (this.open.value?.company.id === id) {
      this.open.value = null;
      return;
    }
    try {
      this.open.value = await this.send('company.get', { id });
    } catch (error) {
      this.error.value = (error as Error).message;
    }
  }
}
