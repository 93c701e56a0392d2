/** The popup's state: the summary the background keeps. */
import { signal } from '@preact/signals';
import type { Summary } from '../messaging/protocol';
import type { Send } from './send';

export class PopupModel {
  readonly summary = signal<Summary | null>(null);
  readonly error = signal<string | null>(null);

  constructor(private readonly send: Send) {}

  async load(): Promise<void> {
    try {
      this.summary.value = await this.send('summary.get', {});
      this.error.value = null;
    } catch (error) {
      this.error.value = (error as Error).message;
    }
  }
}
