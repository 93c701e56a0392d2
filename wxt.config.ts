import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './lib/sites/hosts';

/** Team sync asks at run time for the one server origin the user enters; plain http only on this computer (lib/sync/target.ts). */
const SYNC_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// Firefox's id for Leadline. Fixed, because Firefox MV3 needs one to sign the add-on, storage and
// IndexedDB belong to it across updates, and the e2e tests map it to a known moz-extension origin
// (they read it back from the built manifest).
const GECKO_ID = 'leadline@leadline.app';

// One code base, three targets:
// - Chrome: `wxt build` → .output/chrome-mv3 (service worker background).
// - Edge: the same Chrome build. Microsoft's porting guide asks for no `update_url` and no
//   "Chrome" in the name or description; every API used here (action, alarms, commands, runtime,
//   storage, tabs) is on Edge's supported list.
// - Firefox: `wxt build -b firefox` → .output/firefox-mv3 (MV3 as well, so the code paths match;
//   WXT writes `background.scripts`, an event page, since Firefox has no extension service worker).
export default defineConfig({
  manifestVersion: 3,
  // Promise-based `browser.*` from Mozilla's webextension-polyfill on every target: the module
  // points `wxt/browser` at it (in Firefox it hands back the native `browser`).
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    // Localised from public/_locales (the browser picks its UI language).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: HOST_MATCHES,
    optional_host_permissions: SYNC_ORIGINS,
    // The sidebar and compose frames are extension pages the content scripts embed on these hosts only.
    web_accessible_resources: [{ resources: ['sidebar.html', 'compose.html'], matches: HOST_MATCHES }],
    action: { default_title: 'Leadline' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmd_toggle_sidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first desktop Firefox with built-in data-collection consent, i.e. that
              // understands `data_collection_permissions` (extensionworkshop.com, "Firefox built-in
              // consent for data collection and transmission"); it also covers everything else
              // used: MV3 (109), host permissions granted in the install prompt (127),
              // optional_host_permissions for a later sync origin (128, mdn/browser-compat-data).
              strict_min_version: '140.0',
              // Nothing leaves the browser: no server, no analytics (the key's format as in
              // gorhill/uBlock platform/firefox/manifest.json, commit d5793b83f2).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    // What Mozilla's reviewer needs to rebuild the Firefox package byte for byte, and nothing
    // else: tests (their saved pages are real people's profiles), scripts and CI stay out.
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'wxt.config.ts',
      'tsconfig.json',
      'package.json',
      'package-lock.json',
      'SOURCES.md',
    ],
  },
  vite: (env) => ({
    plugins: [preact()],
    // The e2e build of the sync engine swaps the lab's no-op hook for the lab itself.
    resolve:
      env.mode === 'synclab'
        ? { alias: [{ find: /^.*\/lib\/sync\/lab-hook$/, replacement: fileURLToPath(new URL('./lib/sync/lab.ts', import.meta.url)) }] }
        : {},
  }),
});
