/** The hosts Leadline's sidebars run on: the manifest and the background's sender check share them. */
export const LINKEDIN_MATCHES = ['*://*.linkedin.com/*'];
export const GMAIL_MATCHES = ['https://mail.google.com/*'];
export const HOST_MATCHES = [...LINKEDIN_MATCHES, ...GMAIL_MATCHES];
