import type { APIRoute, GetStaticPaths } from 'astro';
import { talkCard } from '../../../lib/cards';
import { loadSite } from '../../../lib/content';
import type { Talk } from '../../../lib/model';
import { cardResponse, prepareCards } from '../../../integrations/social-cards';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  await prepareCards(site.talks.map(talkCard));
  return site.talks.map((talk) => ({ params: { slug: talk.slug }, props: { talk } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(talkCard((props as { talk: Talk }).talk));
