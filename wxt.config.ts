import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './lib/sites/hosts';

export default defineConfig({
  manifest: {
    name: 'Leadline',
    description: 'Capture leads from LinkedIn and Gmail, keep their temperature honest, see your funnel. Local-first.',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: HOST_MATCHES,
    // The sidebar frame is an extension page the content scripts embed on these hosts only.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: HOST_MATCHES }],
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
