import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { siteConfig } from './site.config';
import { eventSchema } from './schemas/event';
import { glossarySchema } from './schemas/glossary';
import { projectSchema } from './schemas/project';
import { recapSchema } from './schemas/recap';
import { talkSchema } from './schemas/talk';
import { themeSchema } from './schemas/theme';
import type { References } from './schemas/references';

const { contentDir } = siteConfig(process.env);

const refs: References = {
  event: reference('events'),
  theme: reference('themes'),
  project: reference('projects'),
  recap: reference('recaps'),
  talk: reference('talks'),
};

/** Ids are paths under the collection folder without the extension, never a frontmatter slug. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|ya?ml)$/, '');

export const collections = {
  talks: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/talks`, generateId: pathId }),
    schema: talkSchema(refs),
  }),
  themes: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/themes`, generateId: pathId }),
    schema: themeSchema(refs),
  }),
  events: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentDir}/events`, generateId: pathId }),
    schema: eventSchema,
  }),
  projects: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentDir}/projects`, generateId: pathId }),
    schema: projectSchema(refs),
  }),
  // One file, content/glossary.yaml; a content folder without one has no synonyms.
  glossary: defineCollection({
    loader: glob({ pattern: 'glossary.yaml', base: contentDir, generateId: pathId }),
    schema: glossarySchema,
  }),
  recaps: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentDir}/recaps`, generateId: pathId }),
    schema: recapSchema(refs),
  }),
};
