/** Search keys: the folded words of a lead's name, company, tags, location and headline, and its email addresses. Pure. */

/** Normalises text for prefix matching: lower case, accents removed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function words(text: string | null): string[] {
  return text
    ? fold(text)
        .split(/[^\p{L}\p{N}@._+-]+/u)
        .filter(Boolean)
    : [];
}

/** How many of a headline's words are keys: its first ones, which say the role and the company. */
export const HEADLINE_WORDS = 12;

/**
 * The keys a lead is found by, in this order (a quick-search row keeps the first 24): each word of
 * the name and company, each email and its local part, each tag (whole, and its words), the
 * location's words, and the first words of the headline (those of two or more characters).
 */
export function searchKeysOf(lead: {
  name: string;
  company: string | null;
  emails: string[];
  tags?: readonly string[];
  location?: string | null;
  headline?: string | null;
}): string[] {
  const keys = new Set<string>([...words(lead.name), ...words(lead.company)]);
  for (const email of lead.emails) {
    keys.add(fold(email));
    const local = email.split('@')[0];
    if (local) keys.add(fold(local));
  }
  for (const tag of lead.tags ?? []) {
    const whole = fold(tag).trim();
    if (whole) keys.add(whole);
    for (const w of words(tag)) keys.add(w);
  }
  for (const w of words(lead.location ?? null)) keys.add(w);
  for (const w of words(lead.headline ?? null)
    .filter((w) => w.length >= 2)
    .slice(0, HEADLINE_WORDS))
    keys.add(w);
  return [...keys];
}

/** The query's words; the first is looked up in the index, the others filter the hits. */
export function queryWords(query: string): string[] {
  return words(query.trim());
}
