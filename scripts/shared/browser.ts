/**
 * Headless Chromium for browser tests, screenshots, the benchmark and
 * Lighthouse. CHROME_PATH picks any Chromium (Debian's chromium package, say);
 * otherwise the one that ships inside the @sparticuz/chromium npm package is
 * unpacked, so nothing is downloaded.
 */
import { chromium, type Browser } from 'playwright-core';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One page of each kind (home, talk, theme…), for audits that visit every kind of page. */
export const samplePages = [
  ['home', '/'],
  ['talk', '/talks/how-to-break-your-kubernetes-cluster-with-networking/'],
  ['theme', '/themes/security/'],
  ['event', '/events/eu-2021/'],
  ['project', '/projects/cilium/'],
  ['recap', '/recaps/diary-2021/'],
  ['search', '/search/?q=karpenter'],
  ['404', '/404.html'],
] as const;

export async function chromiumPath(): Promise<string> {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: chromiumFlags });
}
