// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { transformerMetaHighlight, transformerNotationDiff } from '@shikijs/transformers';
import { codeTitle, markdownPlugins } from './src/integrations/markdown.ts';
import pagefind from './src/integrations/pagefind.ts';
import contentChecks from './src/integrations/content-checks.ts';
import atomicOutput, { stagingDir } from './src/integrations/atomic-output.ts';
import socialCards from './src/integrations/social-cards/index.ts';
import hosting from './src/integrations/hosting.ts';
import { contentSecurityPolicy, parseRedirectsFile } from './src/lib/hosting.ts';
import { siteConfig } from './src/site.config.ts';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const { site, base, outDir, cacheDir, contentDir, cardCacheDir } = siteConfig(process.env);

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Astro's terminal output, less a warning the site has handled (see the file).
  logger: { entrypoint: './src/integrations/log.ts' },
  // Stylesheets and scripts as files, never inline: each inline one would add its hash to the CSP of every page.
  // Four pages at a time: rendering one at a time, the main thread waited on each page's write a third of the
  // render phase (1 s of 7 at 2,000 talks).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [
    // First: refuse broken content before anything else runs or anything is written.
    contentChecks(contentDir),
    // Static parts of each MDX body become one HTML string instead of a tree of JSX nodes to render:
    // the same HTML, and at thousands of talks the render phase takes a fraction of the time.
    mdx({ optimize: true }),
    // Pages only: card images and the redirect stubs of renamed talks are not pages to list.
    sitemap({ filter: (page) => !isRedirectStub(page) }),
    socialCards({ cacheDir: cardCacheDir }),
    pagefind(),
    // After Pagefind: headers, redirects and compressed copies cover the index too.
    hosting(),
    // Last: the finished build replaces the output folder only once everything above has written into it.
    atomicOutput(),
  ],
  // The Content-Security-Policy <meta> on every page; servers send the same policy as a header (src/lib/hosting.ts).
  security: { csp: contentSecurityPolicy },
  vite: {
    // Benchmarks and tests write whole sites into these folders; the dev server must not reload for them.
    server: { watch: { ignored: ['**/.bench/**', '**/tests/.tmp/**', '**/dist/**', '**/.dist.*/**'] } },
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro marks MDX modules with a directive the bundler warns about once per file; it is harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  markdown: {
    processor: satteri({
      hastPlugins: markdownPlugins(base),
    }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [codeTitle, transformerMetaHighlight(), transformerNotationDiff()],
    },
  },
});

/**
 * A built page that only redirects (a renamed talk's old URL): one of the old URLs in the `_redirects` the build
 * wrote, which the sitemap reads while the build is still in its staging folder. Read once per build, not once
 * per page (reading 2,000 pages to look for a refresh tag took 0.3 s).
 * @param {string} page
 */
function isRedirectStub(page) {
  const file = join(stagingDir(resolve(outDir)), '_redirects');
  const written = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (!renamed || renamed.written !== written) {
    const rules = written === undefined ? [] : parseRedirectsFile(readFileSync(file, 'utf8'));
    renamed = { written, from: new Set(rules.map((rule) => rule.from)) };
  }
  return renamed.from.has(new URL(page).pathname);
}
/** @type {{ written: number | undefined, from: Set<string> } | undefined} */
let renamed;
