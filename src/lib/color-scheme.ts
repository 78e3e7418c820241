/** The reader's light or dark choice: remembered in localStorage, applied as data-scheme on <html>. */
export const colorSchemes = ['system', 'light', 'dark'] as const;
export type ColorScheme = (typeof colorSchemes)[number];

/** The localStorage key; its value predates the name "colour scheme", and changing it would forget every choice. */
export const colorSchemeStorageKey = 'theme';
