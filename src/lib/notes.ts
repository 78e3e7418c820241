import type { Note, Talk } from './model.ts';
import { slugify } from './slugs.ts';
import type { TocEntry } from './toc.ts';

export const recapsSaidHeading: TocEntry = { depth: 2, slug: 'what-the-recaps-said', text: 'What the recaps said' };
export const comparisonHeading: TocEntry = {
  depth: 3,
  slug: 'where-they-agree-and-differ',
  text: 'Where they agree and differ',
};

/** Where a note stands on its talk's page: under the recap's name. */
export const noteAnchorOnTalk = (note: Note) => slugify(note.recap.attribution);

/** Where a note stands on its recap's page: under the talk's slug. */
export const noteAnchorOnRecap = (note: Note) => note.talk.slug;

/** The headings of a talk page's "What the recaps said", composed from its notes, for the table of contents. */
export function recapsSaidHeadings(talk: Talk): TocEntry[] {
  return [
    recapsSaidHeading,
    ...talk.notes.map((note) => ({ depth: 3, slug: noteAnchorOnTalk(note), text: note.recap.attribution })),
    ...(talk.comparison ? [comparisonHeading] : []),
  ];
}
