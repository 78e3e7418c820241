import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/shared/browser';
import { serve, type StaticServer } from '../../scripts/shared/server';
import { distDir, requireBuild } from './site';

/**
 * For a test file: serves the built site on 127.0.0.1 and launches Chromium
 * before its tests, and stops both after them.
 */
export function useBuiltSite() {
  const state = {} as { server: StaticServer; browser: Browser; url: (path: string) => string };
  beforeAll(async () => {
    requireBuild();
    state.server = await serve(distDir);
    state.browser = await launchBrowser();
    state.url = (path) => new URL(path.replace(/^\//, ''), state.server.url).href;
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
