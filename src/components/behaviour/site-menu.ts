/** The phone menu closes on Escape, on a tap outside it, and when a link in it is followed. */
export function initSiteMenu() {
  // The phone menu closes on Escape, on a tap outside it, and when a link in it is followed.
  const menu = document.querySelector<HTMLDetailsElement>('[data-site-menu]');
  if (menu) {
    const close = () => {
      if (menu.open) menu.open = false;
    };
    document.addEventListener('click', (event) => {
      if (event.target instanceof Node && !menu.contains(event.target)) close();
    });
    menu.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && menu.open) {
        close();
        menu.querySelector('summary')?.focus();
      }
    });
    menu.querySelector('nav')?.addEventListener('click', close);
  }
}
