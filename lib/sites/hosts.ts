/**
 * The hosts Leadline's content scripts run on: the manifest and the background's sender check
 * share them. https only: a page served over plain http could be anyone's.
 */
export const LINKEDIN_MATCHES = ['https://*.linkedin.com/*'];
export const GMAIL_MATCHES = ['https://mail.google.com/*'];
export const HOST_MATCHES = [...LINKEDIN_MATCHES, ...GMAIL_MATCHES];
