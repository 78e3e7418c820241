/** Every page type, opened in Chromium, requests nothing from any other origin, and breaks no CSP rule. */
import { describe, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site';

const site = useBuiltSite();

const pages = [
  '/',
  '/talks/',
  '/talks/how-to-break-your-kubernetes-cluster-with-networking/?highlight=ndots',
  '/themes/',
  '/themes/ebpf/',
  '/events/eu-2023/',
  '/projects/cilium/',
  '/recaps/deezer-2021/',
  '/search/?q=karpenter',
  '/no-such-page/',
];

describe('requests', { concurrent: true }, () => {
  it.for(pages)('%s stays on the site’s own origin', async (path, { expect }) => {
    const page = await site.browser.newPage();
    const origin = new URL(site.url('/')).origin;
    const offsite: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) offsite.push(request.url());
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    // Open search too, so its lazily loaded code and index are covered.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ebpf');
    await page.waitForLoadState('networkidle');
    expect(offsite).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
