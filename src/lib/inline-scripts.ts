/**
 * Scripts that must run inline, before the page paints. Astro does not hash inline
 * scripts, so the Content-Security-Policy allows each of these by its hash
 * (src/lib/hosting.ts); the hash is taken from this very text.
 */

/** Applies a remembered light or dark choice before the first paint (see ThemeToggle). */
export const colourSchemeScript = `try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}`;
