/** The UI languages Leadline ships, as `_locales` folder names. Zod-free: UI bundles read it. */
export const LANGUAGES = ['en', 'cs', 'pl', 'vi', 'zh_CN'] as const;
export type Language = (typeof LANGUAGES)[number];
