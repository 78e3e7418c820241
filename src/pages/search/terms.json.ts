/**
 * The site's shorthand and synonyms for search, from the glossary and the projects' aliases. The Pagefind
 * integration reads this file once the index exists, checks that every meaning appears on some page, and
 * publishes it beside the index (pagefind/kcr-terms.json) with the vocabulary corrections use.
 */
import type { APIRoute } from 'astro';
import { loadSearchTerms } from '../../lib/content.ts';

export const GET: APIRoute = async () => {
  const { synonyms, where } = await loadSearchTerms();
  return new Response(JSON.stringify({ synonyms, where }), {
    headers: { 'content-type': 'application/json' },
  });
};
