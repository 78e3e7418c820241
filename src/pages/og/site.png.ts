import type { APIRoute } from 'astro';
import { siteCard } from '../../lib/cards';
import { renderCard } from '../../integrations/social-cards';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await renderCard(siteCard)), { headers: { 'content-type': 'image/png' } });
