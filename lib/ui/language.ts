/**
 * Which language the extension's pages and sidebars show: the user's setting, or else the
 * browser's UI language (`i18n.getUILanguage()`, mapped to a shipped catalogue). Reads the
 * catalogue from the extension's own `_locales` files before anything is drawn in it.
 */
import { browser } from 'wxt/browser';
import { language, languageFor, localeOf, useLanguage } from '../i18n/i18n';
import type { Language } from '../settings/languages';

/** The catalogue language closest to the browser's UI language. */
export function browserLanguage(): Language {
  return languageFor(browser.i18n.getUILanguage());
}

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  return response.json();
}

let shown: Language | null = null;

/** Shows the UI in the setting's language (null: the browser's); text on screen follows at once. */
export async function showLanguage(setting: Language | null | undefined): Promise<void> {
  const wanted = setting ?? browserLanguage();
  if (shown === wanted && language.value === wanted) return;
  shown = wanted;
  await useLanguage(wanted, fetchJson);
  // Screen readers and fonts (Chinese glyphs) follow the page's language.
  document.documentElement.lang = localeOf(wanted);
}
