/** Section links a reader copies into chat, in headless Chromium. */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site';

const site = useBuiltSite();
let context: BrowserContext;
beforeAll(async () => {
  context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url('/')).origin });
});
afterAll(() => context?.close());

describe('copying links', () => {
  it('copies a section’s full URL from its heading, and says so', async () => {
    const page = await context.newPage();
    await page.goto(site.url('talks/how-to-break-your-kubernetes-cluster-with-networking/?highlight=x'));
    const control = page.getByRole('link', { name: 'Copy link to section: Takeaways' });
    await control.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(site.url('talks/how-to-break-your-kubernetes-cluster-with-networking/#takeaways'));
    await expect.poll(() => page.locator('[data-copy-status]').innerText()).toBe('Link to section copied');
    expect(await control.getAttribute('data-copied')).toBe('');
    expect(new URL(page.url()).hash).toBe('#takeaways');
    await page.close();
  });

  it('copies a link to one takeaway', async () => {
    const page = await context.newPage();
    await page.goto(site.url('talks/how-to-break-your-kubernetes-cluster-with-networking/'));
    const item = page.locator('li[id^="takeaway-"]').first();
    const id = await item.getAttribute('id');
    await item.locator('a[data-copy-link]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`#${id}$`));
    await page.close();
  });

  it('copies a code snippet', async () => {
    const page = await context.newPage();
    await page.goto(site.url('talks/how-to-break-your-kubernetes-cluster-with-networking/'));
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
    await page.goto(site.url(`${path}?highlight=ndots`));
    const url = site.url(path);
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
