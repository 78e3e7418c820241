/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Browser and scratch-build tests start servers and builds; keep them from fighting for two cores.
    fileParallelism: false,
    // Within a browser file, pages that wait on the network can share the cores: at most three at once.
    maxConcurrency: 3,
    // Browser tests poll for what a reader would see; on a loaded two-core machine a second is not always enough.
    expect: { poll: { timeout: 10_000 } },
  },
});
