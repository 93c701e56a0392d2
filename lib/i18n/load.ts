/** Loads the UI language's catalogue from the extension's own files (English when that language has none yet). */
import { browser } from 'wxt/browser';
import { languageFor, useLanguage } from './i18n';

const fetchJson = async (path: string): Promise<unknown> => (await fetch(browser.runtime.getURL(path as '/'))).json();

export async function loadCatalog(): Promise<void> {
  try {
    await useLanguage(languageFor(navigator.language), fetchJson);
  } catch {
    await useLanguage('en', fetchJson);
  }
}
