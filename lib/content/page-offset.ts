/** Narrows the host page while the sidebar is open, so the sidebar covers none of its controls. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export class PageOffset {
  private style: HTMLStyleElement | null = null;

  constructor(
    ctx: ContentScriptContext,
    private readonly width: number,
  ) {
    ctx.onInvalidated(() => this.set(false));
  }

  set(on: boolean): void {
    if (on && !this.style) {
      this.style = document.createElement('style');
      this.style.dataset.leadline = 'page-offset';
      this.style.textContent = `html { margin-right: ${this.width}px !important; }`;
      document.head.append(this.style);
    } else if (!on && this.style) {
      this.style.remove();
      this.style = null;
    }
  }
}
