import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Hosts the sidebars run on. Kept in one place: the manifest's host permissions and the
// background's sender check both derive from it.
export const LINKEDIN_MATCHES = ['*://*.linkedin.com/*'];
export const GMAIL_MATCHES = ['https://mail.google.com/*'];

export default defineConfig({
  manifest: {
    name: 'Leadline',
    description: 'Capture leads from LinkedIn and Gmail, keep their temperature honest, see your funnel. Local-first.',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: [...LINKEDIN_MATCHES, ...GMAIL_MATCHES],
    action: { default_title: 'Leadline' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Leadline sidebar',
      },
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
