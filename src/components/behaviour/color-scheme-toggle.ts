import { colorSchemeStorageKey } from '../../lib/color-scheme.ts';

/** The colour toggle: switches to the scheme not on screen, and forgets a choice that matches the system. */
export function initColorSchemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('[data-scheme-toggle]');
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const root = document.documentElement;
  const shown = () => (root.dataset.scheme ?? (systemDark.matches ? 'dark' : 'light')) as 'light' | 'dark';
  function render() {
    // A toggle button for dark: pressed when the page is dark.
    button!.setAttribute('aria-pressed', String(shown() === 'dark'));
    button!.title = `Colour scheme: ${shown()}. Switch to ${shown() === 'dark' ? 'light' : 'dark'}`;
  }
  if (button) {
    button.hidden = false;
    render();
    button.addEventListener('click', () => {
      const next = shown() === 'dark' ? 'light' : 'dark';
      if (next === (systemDark.matches ? 'dark' : 'light')) {
        localStorage.removeItem(colorSchemeStorageKey);
        delete root.dataset.scheme;
      } else {
        localStorage.setItem(colorSchemeStorageKey, next);
        root.dataset.scheme = next;
      }
      render();
    });
    systemDark.addEventListener('change', render);
  }
}
