import { defineCollection, reference } from 'astro:content';
import { checkedGlob } from './integrations/checked-glob.ts';
import { siteConfig } from './site.config.ts';
import { changeSchema } from './schemas/change.ts';
import { eventSchema } from './schemas/event.ts';
import { glossarySchema } from './schemas/glossary.ts';
import { projectSchema } from './schemas/project.ts';
import { noteSchema } from './schemas/note.ts';
import { recapSchema } from './schemas/recap.ts';
import { talkSchema } from './schemas/talk.ts';
import { themeSchema } from './schemas/theme.ts';
import type { References } from './schemas/references.ts';

const { contentDir, today } = siteConfig(process.env);
/** Dates after this day are refused (see KCR_TODAY). */
const clock = { today };

const refs: References = {
  event: reference('events'),
  theme: reference('themes'),
  project: reference('projects'),
  recap: reference('recaps'),
  talk: reference('talks'),
};

/**
 * Ids are paths under the collection folder without the extension, never a frontmatter slug. checkedGlob is
 * Astro's glob() loader, which in `astro dev` keeps a file the content checks refuse from stopping the server.
 */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

export const collections = {
  talks: defineCollection({
    loader: checkedGlob(contentDir, { pattern: '**/*.mdx', base: `${contentDir}/talks`, generateId: pathId }),
    schema: talkSchema(refs, clock),
  }),
  themes: defineCollection({
    loader: checkedGlob(contentDir, { pattern: '*.mdx', base: `${contentDir}/themes`, generateId: pathId }),
    schema: themeSchema(refs, clock),
  }),
  events: defineCollection({
    loader: checkedGlob(contentDir, { pattern: '*.yaml', base: `${contentDir}/events`, generateId: pathId }),
    schema: eventSchema,
  }),
  projects: defineCollection({
    loader: checkedGlob(contentDir, { pattern: '*.yaml', base: `${contentDir}/projects`, generateId: pathId }),
    schema: projectSchema(refs),
  }),
  // One file, content/glossary.yaml; a content folder without one has no synonyms.
  glossary: defineCollection({
    loader: checkedGlob(contentDir, { pattern: 'glossary.yaml', base: contentDir, generateId: pathId }),
    schema: glossarySchema,
  }),
  recaps: defineCollection({
    loader: checkedGlob(contentDir, {
      pattern: '*/index.mdx',
      base: `${contentDir}/recaps`,
      generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, ''),
    }),
    schema: recapSchema(refs),
  }),
  notes: defineCollection({
    loader: checkedGlob(contentDir, {
      pattern: '*/*.md',
      base: `${contentDir}/recaps`,
      generateId: pathId,
    }),
    schema: noteSchema(refs),
  }),
  changes: defineCollection({
    loader: checkedGlob(contentDir, { pattern: '*.yaml', base: `${contentDir}/changes`, generateId: pathId }),
    schema: changeSchema(refs, clock),
  }),
};
