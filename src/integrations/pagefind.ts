import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index from the finished HTML once Astro has written
 * it. Only elements marked data-pagefind-body are indexed, so the layout decides
 * which pages are searchable. Any Pagefind error fails the build and removes the
 * output, so a site without a working index never looks finished.
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'kubecon-recaps:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const started = performance.now();
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          if (added.page_count === 0) {
            throw new Error('Pagefind indexed no page: no page has a data-pagefind-body element');
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(
            `read ${added.page_count} pages, indexed those marked searchable, in ${Math.round(performance.now() - started)} ms`,
          );
        } catch (error) {
          await rm(outDir, { recursive: true, force: true });
          throw error;
        } finally {
          await close();
        }
      },
    },
  };
}
