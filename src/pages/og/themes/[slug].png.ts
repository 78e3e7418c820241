import type { APIRoute, GetStaticPaths } from 'astro';
import { themeCard } from '../../../lib/cards';
import { loadSite } from '../../../lib/content';
import type { Theme } from '../../../lib/model';
import { cardResponse } from '../../../integrations/social-cards';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.themes.map((theme) => ({ params: { slug: theme.id }, props: { theme } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(themeCard((props as { theme: Theme }).theme));
