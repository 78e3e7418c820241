import type { APIRoute } from 'astro';
import { siteCard } from '../../lib/cards';
import { cardResponse } from '../../integrations/social-cards';

export const GET: APIRoute = () => cardResponse(siteCard);
