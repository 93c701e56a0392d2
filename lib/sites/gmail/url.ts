/**
 * Gmail URL knowledge. A thread is open when the hash ends in a thread id:
 * - https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxWnPxNdGjKzCzsRZLvXqHdB   (2018+ ids)
 * - https://mail.google.com/mail/u/0/#inbox/16c1a2b3c4d5e6f7                  (legacy hex ids)
 * - https://mail.google.com/mail/u/1/#label/Clients/FMfcgzQbfxWnPxNdGjKzCzsRZLvXqHdB
 * - https://mail.google.com/mail/u/0/#search/acme/FMfcgzQbfxWnPxNdGjKzCzsRZLvXqHdB
 * Not threads: #inbox, #sent, #label/Clients, #search/acme, #settings/general, https://mail.google.com/chat/
 */

/** The thread id in a Gmail address, or null when no thread is open. */
export function threadIdFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.hostname !== 'mail.google.com' || !url.pathname.startsWith('/mail/')) return null;
  const parts = url.hash.replace(/^#/, '').split('/');
  if (parts.length < 2 || parts[0] === 'settings') return null;
  const last = decodeURIComponent(parts.at(-1) ?? '');
  // Thread ids are long and alphanumeric; labels and search words rarely are both.
  return /^[A-Za-z0-9]{16,}$/.test(last) && /\d/.test(last) ? last : null;
}

export function isThreadView(href: string): boolean {
  return threadIdFromUrl(href) !== null;
}
