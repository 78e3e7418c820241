/**
 * The header's search dialog, built from Pagefind's modal component the first
 * time a reader opens search. Its footer links to the full search page with the
 * same query, where filters and sorting live.
 */
import { createInstance, element, resultsElement } from './pagefind-ui';

interface ModalElement extends HTMLElement {
  open(): void;
}

let modal: Promise<ModalElement> | undefined;

export function openSearchModal(bundlePath: string, searchPage: string) {
  modal ??= build(bundlePath, searchPage);
  return modal.then((dialog) => dialog.open());
}

async function build(bundlePath: string, searchPage: string): Promise<ModalElement> {
  const instance = await createInstance({ bundlePath, name: 'header' });
  // Fetch the index while the reader types the first word, so results appear as soon as they stop.
  void instance.triggerLoad();
  const fullSearch = element('a', { class: 'search-modal__more', href: searchPage }, [
    document.createTextNode('Filter by theme, event or project on the search page'),
  ]) as HTMLAnchorElement;
  instance.on('search', (term) => {
    fullSearch.href = term ? `${searchPage}?q=${encodeURIComponent(term)}` : searchPage;
  });
  const dialog = element('pagefind-modal', { instance: 'header', 'reset-on-close': false }, [
    element('pagefind-modal-header', { instance: 'header' }, [
      element('pagefind-input', { instance: 'header', placeholder: 'Search talks, speakers, tools…' }),
    ]),
    element('pagefind-modal-body', { instance: 'header' }, [
      element('pagefind-summary', { instance: 'header' }),
      resultsElement('header'),
    ]),
    element('pagefind-modal-footer', { instance: 'header' }, [
      element('pagefind-keyboard-hints', { instance: 'header' }),
      fullSearch,
    ]),
  ]) as ModalElement;
  dialog.classList.add('search-modal');
  document.body.append(dialog);
  await customElements.whenDefined('pagefind-modal');
  return dialog;
}
