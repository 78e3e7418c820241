/** Opens the search dialog from the header, the keyboard, the home page field and its examples. */
export function initSearchLauncher() {
  const trigger = document.querySelector<HTMLAnchorElement>('[data-search-trigger]');
  let typed: string | undefined;
  function open(event?: Event, initial = '') {
    if (!trigger) return;
    event?.preventDefault();
    if (typed !== undefined) {
      typed += initial;
      return;
    }
    // Keep what the reader types while the dialog's code loads, so no keystroke is lost.
    typed = initial;
    document.addEventListener('keydown', buffer, true);
    import('../search/dialog')
      .then(({ openSearchDialog }) =>
        openSearchDialog(trigger.dataset.bundlePath!, trigger.getAttribute('href')!, typed),
      )
      .catch(() => location.assign(trigger.href))
      .finally(() => {
        document.removeEventListener('keydown', buffer, true);
        typed = undefined;
      });
  }
  function buffer(event: KeyboardEvent) {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    typed += event.key;
  }
  const typing = (target: EventTarget | null) =>
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (trigger && !location.pathname.endsWith('/search/')) {
    trigger.addEventListener('click', (event) => open(event));
    document.addEventListener('keydown', (event) => {
      const modK = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);
      const slash = event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !typing(event.target);
      if (modK || slash) open(event);
    });
    document.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-search-open]') : null;
      if (target) open(event, target.dataset.searchQuery ?? '');
    });
    for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-form]')) {
      const field = form.querySelector('input')!;
      // What is typed in the field moves to the dialog, which then keeps the focus.
      const move = (event: Event) => {
        const value = field.value;
        field.value = '';
        open(event, value);
      };
      form.addEventListener('submit', move);
      field.addEventListener('input', move);
      // A tap or click opens the dialog straight away, so a phone's keyboard opens once, on the dialog's field.
      field.addEventListener('pointerdown', move);
    }
  }
}
