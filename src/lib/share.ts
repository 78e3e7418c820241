/** Text a reader pastes into chat: `{url}` is filled in by the page with its own clean address. */
export const URL_PLACEHOLDER = '{url}';

const escapeMarkdown = (text: string) => text.replace(/([\\[\]*_`])/g, '\\$1');

/** "[Title](url) · Event: one-sentence summary", as Markdown. */
export function chatLine(title: string, context: string, summary: string): string {
  return `[${escapeMarkdown(title)}](${URL_PLACEHOLDER}) · ${escapeMarkdown(context)}: ${escapeMarkdown(summary)}`;
}
