import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/** Parses a saved page without running its scripts. */
export function loadPage(relativePath: string): Document {
  const html = readFileSync(join(FIXTURES, relativePath), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixtureNames(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.html')).sort();
}
