import type { APIRoute, GetStaticPaths } from 'astro';
import { themeCard } from '../../../lib/cards';
import { loadSite } from '../../../lib/content';
import type { Theme } from '../../../lib/model';
import { cardResponse, prepareCards } from '../../../integrations/social-cards';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  await prepareCards(site.themes.map(themeCard));
  return site.themes.map((theme) => ({ params: { slug: theme.id }, props: { theme } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(themeCard((props as { theme: Theme }).theme));
