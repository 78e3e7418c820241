import type { APIRoute, GetStaticPaths } from 'astro';
import { themeCard } from '../../../lib/cards';
import { loadSite } from '../../../lib/content';
import type { Theme } from '../../../lib/model';
import { renderCard } from '../../../integrations/social-cards';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.themes.map((theme) => ({ params: { slug: theme.id }, props: { theme } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await renderCard(themeCard((props as { theme: Theme }).theme))), {
    headers: { 'content-type': 'image/png' },
  });
