/** Search keys: the lower-cased words of a lead's name and company, and its email addresses. Pure. */

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

/** The keys a lead is found by: each word of name and company, each email and its local part. */
export function searchKeysOf(lead: { name: string; company: string | null; emails: string[] }): string[] {
  const keys = new Set<string>([...words(lead.name), ...words(lead.company)]);
  for (const email of lead.emails) {
    keys.add(fold(email));
    const local = email.split('@')[0];
    if (local) keys.add(fold(local));
  }
  return [...keys];
}

/** The query's words; the first is looked up in the index, the others filter the hits. */
export function queryWords(query: string): string[] {
  return words(query.trim());
}
