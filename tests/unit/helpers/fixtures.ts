import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/**
 * Parses a saved page into an inert fragment: nothing in it runs or loads (scripts, frames,
 * styles), as the extractors only read markup.
 */
export function loadPage(relativePath: string): DocumentFragment {
  return parseInert(readFileSync(join(FIXTURES, relativePath), 'utf8'));
}

export function parseInert(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

export function fixtureNames(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.html'))
    .sort();
}
