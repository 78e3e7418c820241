/**
 * `_redirects`, the file Netlify and Cloudflare Pages read for server redirects (an
 * underscore file name cannot be a route file of its own). The nginx configuration is
 * made from it after the build, so every server redirects the same paths.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../lib/content.ts';
import { redirectsFile, servedRedirects } from '../lib/hosting.ts';

export const getStaticPaths = (() => [{ params: { hostFile: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(redirectsFile(servedRedirects(import.meta.env.BASE_URL, site.redirects)), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
