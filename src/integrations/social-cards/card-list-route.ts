import type { APIRoute } from 'astro';
import { allSocialCards } from '../../lib/social-cards.ts';
import { loadSite } from '../../lib/content.ts';
import { prepareCards } from './index.ts';

/** Every social card to draw; the social-cards integration turns it into PNGs and removes it from the output. */
export const GET: APIRoute = async () => {
  const cards = allSocialCards(await loadSite());
  prepareCards(cards);
  return Response.json(cards);
};
