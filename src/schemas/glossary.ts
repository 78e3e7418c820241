import { z } from 'astro/zod';
import { lineSchema } from './common.ts';

/** One word a reader types: letters and digits only, so search can match it as a single word. */
export const searchWordSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}]+$/u, 'a single word of letters and digits, such as "k8s" or "otel"');

/** What one glossary word means on this site. */
export const glossaryEntrySchema = z.strictObject({
  means: z
    .array(lineSchema)
    .min(1, 'at least one meaning')
    .max(5, 'at most five meanings')
    .describe(
      'The words or phrases pages use for it, e.g. [Horizontal Pod Autoscaler] for HPA; each must appear on the site.',
    ),
});

/**
 * content/glossary.yaml: the field's shorthand and synonyms, for search. Each key is a word a
 * reader may type (k8s, HPA, mTLS); search then also finds the pages that use its meanings.
 */
export const glossarySchema = z.record(searchWordSchema, glossaryEntrySchema);
