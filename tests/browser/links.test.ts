/** Section links a reader copies into chat, in headless Chromium. */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { serve, type StaticServer } from '../helpers/server';
import { distDir, requireBuild } from '../helpers/site';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  requireBuild();
  server = await serve(distDir);
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('copying links', () => {
  it('copies a section’s full URL from its heading, and says so', async () => {
    const page = await context.newPage();
    await page.goto(
      new URL('talks/how-to-break-your-kubernetes-cluster-with-networking/?highlight=x', server.url).href,
    );
    const control = page.getByRole('link', { name: 'Copy link to section: Takeaways' });
    await control.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      new URL('talks/how-to-break-your-kubernetes-cluster-with-networking/#takeaways', server.url).href,
    );
    await expect.poll(() => page.locator('[data-copy-status]').innerText()).toBe('Link to section copied');
    expect(await control.getAttribute('data-copied')).toBe('');
    expect(new URL(page.url()).hash).toBe('#takeaways');
    await page.close();
  });

  it('copies a link to one takeaway', async () => {
    const page = await context.newPage();
    await page.goto(new URL('talks/how-to-break-your-kubernetes-cluster-with-networking/', server.url).href);
    const item = page.locator('li[id^="takeaway-"]').first();
    const id = await item.getAttribute('id');
    await item.locator('a[data-copy-link]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`#${id}$`));
    await page.close();
  });

  it('copies a code snippet', async () => {
    const page = await context.newPage();
    await page.goto(new URL('talks/how-to-break-your-kubernetes-cluster-with-networking/', server.url).href);
    const figure = page.locator('figure.code-figure').first();
    await figure.getByRole('button', { name: 'Copy' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('apiVersion: v1');
    expect(copied).toBe(await figure.locator('pre').innerText());
    await page.close();
  });
});

describe('copy for chat', () => {
  it('copies the page link and a Markdown line with title, event, summary and URL', async () => {
    const page = await context.newPage();
    const path = 'talks/how-to-break-your-kubernetes-cluster-with-networking/';
    await page.goto(new URL(`${path}?highlight=ndots`, server.url).href);
    const url = new URL(path, server.url).href;
    await page.getByRole('button', { name: /^Copy link to How to Break/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.getByRole('button', { name: /^Copy for chat/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Copy for chat/ }).innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `[How to Break your Kubernetes Cluster with Networking](${url}) · KubeCon + CloudNativeCon Europe 2021: A Cilium maintainer walks through the everyday networking mistakes that take clusters down, from the ndots default flooding DNS to CRD watches saturating the API server.`,
    );
    await page.close();
  });
});
