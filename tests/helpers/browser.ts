/**
 * Headless Chromium for browser tests and screenshots. CHROME_PATH picks any
 * Chromium (Debian's chromium package, say); otherwise the one that ships inside
 * the @sparticuz/chromium npm package is unpacked, so nothing is downloaded.
 */
import { chromium, type Browser } from 'playwright-core';

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function chromiumPath(): Promise<string> {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: flags });
}
