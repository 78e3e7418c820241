import { URL_PLACEHOLDER } from '../../lib/share.ts';

/** Every copy control on the page: section and takeaway links, code blocks, the page link and chat line. */
export function initCopyControls() {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');

  async function copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = Object.assign(document.createElement('textarea'), { value: text });
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    }
  }

  function confirm(control: HTMLElement, message: string) {
    control.dataset.copied = '';
    if (status) status.textContent = message;
    const label = control.dataset.copyLabel;
    if (label !== undefined) control.textContent = 'Copied';
    window.setTimeout(() => {
      delete control.dataset.copied;
      if (label !== undefined) control.textContent = label;
      if (status?.textContent === message) status.textContent = '';
    }, 2000);
  }

  /** The page's own address, without the query string a search result may have added. */
  const pageUrl = () => `${location.origin}${location.pathname}`;

  for (const button of document.querySelectorAll<HTMLElement>('[data-copy-code], [data-copy-text]')) {
    button.dataset.copyLabel = button.textContent ?? '';
    button.hidden = false;
  }

  document.addEventListener('click', async (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLAnchorElement>('a[data-copy-link]');
    if (link) {
      event.preventDefault();
      const hash = link.hash;
      const url = pageUrl() + hash;
      // The address shows the link, and the page stays where the reader is: copying is not navigating.
      history.replaceState(history.state, '', hash);
      if (await copy(url)) confirm(link, 'Link to section copied');
      return;
    }
    const code = target?.closest<HTMLElement>('[data-copy-code]');
    if (code) {
      const text = code.closest('figure')?.querySelector('pre')?.textContent ?? '';
      if (await copy(text)) confirm(code, 'Code copied');
      return;
    }
    const button = target?.closest<HTMLElement>('[data-copy-text]');
    if (button) {
      const text = (button.dataset.copyText ?? '').replace(URL_PLACEHOLDER, pageUrl());
      if (await copy(text)) confirm(button, button.dataset.copyMessage ?? 'Copied');
    }
  });
}
