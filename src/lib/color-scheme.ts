/** The reader's light or dark choice: remembered in localStorage, applied as data-scheme on <html>. */
export const colorSchemes = ['system', 'light', 'dark'] as const;
export type ColorScheme = (typeof colorSchemes)[number];

/** The localStorage key; its value predates the name "colour scheme", and changing it would forget every choice. */
export const colorSchemeStorageKey = 'theme';

/**
 * Applies the remembered choice before the first paint (ColorSchemeInit renders it inline). Astro does not hash
 * inline scripts, so the Content-Security-Policy allows this one by the hash of this very text (src/lib/hosting.ts).
 */
export const colorSchemeInitScript = `try {
  const scheme = localStorage.getItem(${JSON.stringify(colorSchemeStorageKey)});
  if (scheme === 'light' || scheme === 'dark') document.documentElement.dataset.scheme = scheme;
} catch {}`;
