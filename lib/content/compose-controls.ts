/**
 * A "Log to Leadline" control in every Gmail compose window (new message, reply, forward; in the
 * page or popped out): an extension frame in the compose's bottom bar showing which recipients are
 * leads. On send — the user's own click on Send (or Send and archive) or Ctrl/⌘-Enter; synthetic
 * events the page makes are ignored — each recipient who is a lead gets one outbound email
 * touchpoint, logged by the background (the compose closes at once, taking its frame with it).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findComposes, readCompose, type GmailCompose } from '../sites/gmail/compose';
import { COMPOSE_SEND } from '../sites/gmail/selectors';
import type { ComposeSummary, PageContext } from '../messaging/sidebar-channel';
import type { FrameChannel, FrameLink } from './frame-channel';
import type { Send } from '../ui/send';

/** How long a send waits for a switch change still on its way from the compose control. */
const SWITCH_SETTLE_MS = 300;
const COLLAPSED = { width: '210px', height: '34px' };
const EXPANDED = { width: '300px', height: '260px' };
/** Send and archive sits beside Send (InboxSDK getSendAndArchiveButton: `.Uo`). */
const SEND_BUTTONS = [...COMPOSE_SEND.map((c) => c.selector), '.IZ .Up div[role="button"].Uo'].join(', ');

interface Control {
  link: FrameLink;
  cell: HTMLElement;
  iframe: HTMLIFrameElement;
  logOnSend: boolean | null;
  summary: string;
  stop: AbortController;
}

export function summaryOf(compose: GmailCompose): ComposeSummary {
  return { kind: compose.kind, recipients: compose.recipients.map(({ email, name, field }) => ({ email, name, field })), subject: compose.subject };
}

export class ComposeControls {
  private readonly controls = new Map<Element, Control>();
  private autoLog: boolean | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly channel: FrameChannel,
    private readonly send: Send,
    private readonly ownEmails: () => string[],
  ) {
    ctx.onInvalidated(() => {
      for (const el of this.controls.keys()) this.drop(el);
    });
  }

  private scanning = false;

  /**
   * Finds new compose windows, updates the open ones, forgets the closed ones. New controls wait
   * until `before` resolves (the sidebar frame's load): frames start one at a time, which keeps the
   * page's start light and keeps DevTools-protocol clients (test drivers) from losing one of two
   * extension frames created in the same instant.
   */
  scanAfter(before: Promise<void>, root: Document): void {
    if (this.scanning) return;
    this.scanning = true;
    void before.finally(() => {
      this.scanning = false;
      if (this.ctx.isValid) this.scan(root);
    });
  }

  /** Finds new compose windows, updates the open ones, forgets the closed ones. */
  scan(root: Document): void {
    const live = new Set(findComposes(root));
    for (const el of this.controls.keys()) if (!live.has(el) || !el.isConnected) this.drop(el);
    for (const el of live) {
      const compose = readCompose(el);
      const control = this.controls.get(el) ?? this.mount(el, compose);
      if (!control) continue;
      const summary = JSON.stringify(summaryOf(compose));
      if (summary !== control.summary) {
        control.summary = summary;
        control.link.post({ type: 'context', context: this.context(compose) });
      }
    }
  }

  private context(compose: GmailCompose): PageContext {
    return { kind: 'gmail-compose', url: location.href, compose: summaryOf(compose), ownEmails: this.ownEmails() };
  }

  private mount(el: Element, compose: GmailCompose): Control | null {
    if (!compose.toolbar) return null;
    const cell = document.createElement('td');
    cell.dataset.leadline = 'compose';
    // The list opens upward and to the right, over the compose's body, never past its left edge.
    Object.assign(cell.style, { position: 'relative', width: COLLAPSED.width, minWidth: COLLAPSED.width, padding: '0 4px', verticalAlign: 'middle' });
    const iframe = document.createElement('iframe');
    iframe.src = browser.runtime.getURL('/compose.html');
    iframe.title = 'Leadline';
    iframe.setAttribute('allowtransparency', 'true');
    Object.assign(iframe.style, {
      border: '0',
      display: 'block',
      background: 'transparent',
      position: 'absolute',
      left: '4px',
      bottom: '0',
      zIndex: '10',
      ...COLLAPSED,
    });
    cell.append(iframe);
    // After the send group, as InboxSDK adds its own bottom-bar buttons.
    const sendCell = compose.sendButton?.closest('td');
    if (sendCell?.parentElement === compose.toolbar) sendCell.after(cell);
    else compose.toolbar.append(cell);

    const control: Control = {
      cell,
      iframe,
      logOnSend: null,
      summary: '',
      stop: new AbortController(),
      link: this.channel.open('compose', {
        onConnect: () => control.link.post({ type: 'context', context: this.context(readCompose(el)) }),
        onMessage: (message) => {
          if (message?.type === 'log-on-send' && typeof message.value === 'boolean') control.logOnSend = message.value;
          if (message?.type === 'expand' && typeof message.value === 'boolean') Object.assign(iframe.style, message.value ? EXPANDED : COLLAPSED);
        },
      }),
    };
    iframe.addEventListener('load', () => control.link.greet(iframe));
    const { signal } = control.stop;
    el.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted && (event.target as Element | null)?.closest?.(SEND_BUTTONS)) this.sent(el, control);
      },
      { capture: true, signal },
    );
    el.addEventListener(
      'keydown',
      (event) => {
        const key = event as KeyboardEvent;
        if (key.isTrusted && key.key === 'Enter' && (key.ctrlKey || key.metaKey)) this.sent(el, control);
      },
      { capture: true, signal },
    );
    this.controls.set(el, control);
    return control;
  }

  private async sent(el: Element, control: Control): Promise<void> {
    // Read before Gmail closes the window.
    const compose = readCompose(el);
    const own = new Set(this.ownEmails());
    const recipients = [...new Set(compose.recipients.map((r) => r.email).filter((e) => !own.has(e)))];
    if (recipients.length === 0) return;
    // The switch's last word travels from its frame through the background: a switch turned off
    // just before Send must still count, so the decision waits a moment (the compose was read).
    await new Promise((resolve) => this.ctx.setTimeout(() => resolve(null), SWITCH_SETTLE_MS));
    let log = control.logOnSend;
    if (log === null) log = this.autoLog ??= (await this.send('settings.get', {})).autoLog;
    if (!log) return;
    const onThread = compose.kind !== 'new' && /#[^/]+\/[^/?]+/.test(location.hash);
    await this.send('compose.sent', {
      recipients,
      subject: compose.subject ?? '',
      draftId: compose.draftId ?? undefined,
      threadUrl: onThread ? location.href : undefined,
    }).catch((error: Error) => console.warn('Leadline: logging the sent email failed', error.message));
  }

  private drop(el: Element): void {
    const control = this.controls.get(el);
    if (!control) return;
    control.stop.abort();
    control.link.close();
    control.cell.remove();
    this.controls.delete(el);
  }
}
