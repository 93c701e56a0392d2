/** storage.local key remembering whether the sidebar is collapsed (one setting for all sites). */
export const COLLAPSED_KEY = 'sidebar.collapsed';
