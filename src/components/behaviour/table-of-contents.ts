/** Marks the section the reader is in, unfolds the table of contents beside the text, and folds the phone bar after a jump. */
export function initTableOfContents() {
  // The current section is the one whose heading was passed last while scrolling.
  const navs = [...document.querySelectorAll<HTMLElement>('[data-toc]')];
  const links = navs.flatMap((nav) => [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]);
  const ids = [...new Set(links.map((link) => decodeURIComponent(link.hash.slice(1))))].filter((id) => id !== 'main');
  const headings = ids.flatMap((id) => document.getElementById(id) ?? []);
  const label = document.querySelector<HTMLElement>('[data-toc-current]');
  let current: string | undefined;
  function mark() {
    // A heading counts as reached once it is in the top third of the window, below the sticky header.
    const line = innerHeight / 3;
    const reached = headings.filter((heading) => heading.getBoundingClientRect().top < line).at(-1) ?? headings[0];
    if (!reached || reached.id === current) return;
    current = reached.id;
    for (const link of links) {
      if (decodeURIComponent(link.hash.slice(1)) === current) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    if (label) label.textContent = links.find((link) => link.getAttribute('aria-current'))?.textContent ?? '';
  }
  if (headings.length) {
    let queued = false;
    addEventListener(
      'scroll',
      () => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => {
          queued = false;
          mark();
        });
      },
      { passive: true },
    );
    mark();
    // Unfolded beside the text on a wide screen, folded in the bar on a phone; following a link in the bar folds it.
    const details = document.querySelector<HTMLDetailsElement>('[data-toc] details');
    const wide = matchMedia('(min-width: 68rem)');
    if (details) {
      const fit = () => (details.open = wide.matches);
      fit();
      wide.addEventListener('change', fit);
      details.addEventListener('click', (event) => {
        if (!wide.matches && event.target instanceof Element && event.target.closest('a')) details.open = false;
      });
    }
  }
}
