import type { z } from 'astro/zod';

/** What a link to another entry parses to: the entry's id and its collection. */
export interface EntryRef {
  id: string;
  collection: string;
}

/** A schema that turns an entry name written in frontmatter into an EntryRef. */
export type RefSchema = z.ZodType<EntryRef, unknown>;

/**
 * The schemas used for links between collections. content.config.ts passes
 * Astro's reference(); tests pass a plain stand-in so schemas parse outside Astro.
 */
export interface References {
  event: RefSchema;
  theme: RefSchema;
  project: RefSchema;
  recap: RefSchema;
  talk: RefSchema;
}
