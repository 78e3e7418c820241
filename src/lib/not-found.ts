/** The route names every address has, which say nothing about what the reader was looking for. */
const routeWords = new Set(['talks', 'themes', 'events', 'projects', 'recaps', 'search', 'index', 'html', 'www']);
/** Words in most titles, which would match nearly every page. */
const commonWords = new Set(['the', 'and', 'for', 'with', 'your', 'you', 'how', 'what', 'from', 'into', 'are', 'its']);

/**
 * The words of an address that did not resolve, for the 404 page to search for: "/talks/karpenter-autoscalin/"
 * gives ["karpenter", "autoscalin"]. The base path, route names, common words like "the", numbers and words under three letters are left
 * out, and at most six words are kept.
 */
export function wordsOfPath(pathname: string, base = '/'): string[] {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: use the address as it is.
  }
  if (path.startsWith(base)) path = path.slice(base.length);
  const words = path
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !routeWords.has(word) && !commonWords.has(word) && !/^\d+$/.test(word));
  return [...new Set(words)].slice(0, 6);
}
