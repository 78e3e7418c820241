/**
 * Two builds of the same commit give the same files, byte for byte, so a
 * deploy diff shows only what changed in the content or code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstroBuild } from '../helpers/build';
import { distDir, requireBuild, root, walk } from '../helpers/site';

const again = join(root, 'tests/.tmp/repro-dist');
const digest = (dir: string) =>
  Object.fromEntries(
    walk(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );

describe('a second build of the same sources', () => {
  beforeAll(() => {
    requireBuild();
    const result = runAstroBuild({ KCR_OUT_DIR: again });
    if (!result.ok) throw new Error(result.output);
  }, 600_000);
  afterAll(() => rmSync(again, { recursive: true, force: true }));

  it('is identical to the first, file for file', () => {
    const first = digest(distDir);
    const second = digest(again);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    const differing = Object.keys(first).filter((file) => first[file] !== second[file]);
    expect(differing).toEqual([]);
  });
});
