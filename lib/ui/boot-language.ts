/** Loads the UI language's catalogue before a Leadline page or frame first renders. */
import { browser } from 'wxt/browser';
import { languageFor, useLanguage } from '../i18n/i18n';

export async function loadUiLanguage(): Promise<void> {
  await useLanguage(languageFor(browser.i18n.getUILanguage()), async (path) => (await fetch(browser.runtime.getURL(path as '/'))).json());
}
