import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './lib/sites/hosts';

/** Team sync asks at run time for the one server origin the user enters; plain http only on this computer (lib/sync/target.ts). */
const SYNC_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  manifest: {
    name: 'Leadline',
    description: 'Capture leads from LinkedIn and Gmail, keep their temperature honest, see your funnel. Local-first.',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: HOST_MATCHES,
    optional_host_permissions: SYNC_ORIGINS,
    action: { default_title: 'Leadline' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Leadline sidebar',
      },
    },
  },
  vite: (env) => ({
    plugins: [preact()],
    // The e2e build of the sync engine swaps the lab's no-op hook for the lab itself.
    resolve: env.mode === 'synclab' ? { alias: [{ find: /^.*\/lib\/sync\/lab-hook$/, replacement: fileURLToPath(new URL('./lib/sync/lab.ts', import.meta.url)) }] } : {},
  }),
});
