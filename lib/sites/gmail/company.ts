/** Guesses a company name from an email domain, except for free-mail providers. */

export const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'yahoo.co.uk',
  'hotmail.co.uk',
  'outlook.fr',
  'orange.fr',
  'free.fr',
  'libero.it',
]);

// Second-level labels under country codes: "acme.co.uk" is Acme, not Co.
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'gv']);

/** "jane@mail.acme-corp.co.uk" → "Acme Corp"; null for free mail or an unusable address. */
export function guessCompany(email: string): string | null {
  const domain = email.split('@')[1]?.trim().toLowerCase();
  if (!domain || FREE_MAIL_DOMAINS.has(domain) || [...FREE_MAIL_DOMAINS].some((d) => domain.endsWith(`.${d}`))) return null;
  const labels = domain.split('.').filter(Boolean);
  if (labels.length < 2) return null;
  let i = labels.length - 2;
  if (labels.length >= 3 && labels[i]!.length <= 3 && GENERIC_SECOND_LEVEL.has(labels[i]!) && labels.at(-1)!.length === 2) i -= 1;
  const name = labels[i]!;
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
