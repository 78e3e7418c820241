/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Within a browser file, pages that wait on the network can share the cores: at most three at once.
    maxConcurrency: 3,
    // Browser tests poll for what a reader would see; on a loaded two-core machine a second is not always enough.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          // These only read the built site (or nothing on disk), so two files can run at once.
          name: 'pages and units',
          include: ['tests/{unit,components,content,browser}/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // These run Astro builds, dev servers and nginx, which share Astro's cache and the two cores: one file
          // at a time, after the others.
          name: 'builds',
          include: ['tests/{build,deploy}/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
