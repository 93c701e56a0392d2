import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setCatalogs, type Catalog } from '../../../lib/i18n/i18n';
import type { Language } from '../../../lib/settings/languages';

/** A shipped catalogue, read from public/_locales. */
export function catalogOf(lang: Language): Catalog {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'public', '_locales', lang, 'messages.json'), 'utf8')) as Catalog;
}

/** Shows messages in `lang` (English filling gaps), as a page would after loading its catalogue. */
export function speak(lang: Language): void {
  setCatalogs(lang, catalogOf(lang), catalogOf('en'));
}
