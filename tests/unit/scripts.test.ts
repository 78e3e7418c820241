/**
 * Every script in scripts/ answers --help, refuses a mistaken option in one line naming the option it
 * probably meant (exit 2), and refuses to run without what it reads, in one line (exit 1); never a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../scripts/cli';
import { root } from '../helpers/site';

const empty = mkdtempSync(join(tmpdir(), 'kcr-empty-dist-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

/** Runs a script as npm would, without a terminal; the runs of a file go side by side. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'scripts', script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** One line, and nothing that looks like a stack trace. */
const oneLine = (text: string) => {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/^\s+at /m);
};

const scripts = ['new.ts', 'review.ts', 'bench.ts', 'published-urls.ts', 'lighthouse.ts', 'screenshot.ts'];

describe.concurrent('every script', () => {
  it.each(scripts)('%s prints its usage for --help', async (script) => {
    const result = await run(script, ['--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\nUsage:\n/);
    expect(result.stdout).toContain('--help');
  });

  it.each([
    ['new.ts', ['talk', '--theme', 'x'], 'there is no option --theme; did you mean --themes?'],
    ['bench.ts', ['--kep'], 'there is no option --kep; did you mean --keep?'],
    ['review.ts', ['--mnths', '6'], 'there is no option --mnths; did you mean --months?'],
    ['published-urls.ts', ['--dry-run'], 'there is no option --dry-run'],
    ['lighthouse.ts', ['--page', 'talk'], 'there is no option --page'],
    ['screenshot.ts', ['--ful'], 'there is no option --ful; did you mean --full?'],
  ])('%s refuses an unknown option, naming the nearest', async (script, args, message) => {
    const result = await run(script, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    oneLine(result.stderr);
  });
});

describe.concurrent('npm run bench', () => {
  it.each([['--n', 'abc'], ['--n=-5'], ['--n', '-5'], ['--n', '500,x']])(
    'refuses %s before running any build',
    async (...args) => {
      const started = performance.now();
      const result = await run('bench.ts', args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--n must be a whole number of talks from 10 to 50000, got "/);
      oneLine(result.stderr);
      expect(performance.now() - started).toBeLessThan(10_000);
    },
  );
});

describe.concurrent('scripts that read the last build', () => {
  it.each([
    ['published-urls.ts', 'npm run urls:record'],
    ['lighthouse.ts', 'npm run lighthouse'],
    ['screenshot.ts', 'node scripts/screenshot.ts'],
  ])('%s refuses an empty or missing output folder', async (script, name) => {
    for (const dist of [empty, join(empty, 'missing')]) {
      const result = await run(script, [], { KCR_OUT_DIR: dist });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${name}: there is no built site in ${dist}/`);
      expect(result.stderr).toContain('run npm run build first');
      oneLine(result.stderr);
    }
  });
});

describe('the argument parser', () => {
  const spec = {
    name: 'npm run x',
    summary: 'x',
    usage: [''],
    options: { n: { type: 'string', multiple: true, help: 'n' }, keep: { type: 'boolean', help: 'keep' } },
  } as const;
  it('reads values, repeated options and --help', () => {
    expect(parseCommand(spec, ['--n', '5', '--n=6', '--keep'])).toEqual({
      values: { n: ['5', '6'], keep: true },
      positionals: [],
      help: false,
    });
    expect(parseCommand(spec, ['-h']).help).toBe(true);
  });
  it('refuses a missing value, a value for a flag and an argument it does not take', () => {
    expect(() => parseCommand(spec, ['--n'])).toThrow(
      new UsageError('npm run x: --n needs a value, as in --n <value> (npm run x -- --help lists what it takes)'),
    );
    expect(() => parseCommand(spec, ['--keep=yes'])).toThrow(/--keep takes no value/);
    expect(() => parseCommand(spec, ['extra'])).toThrow(/unexpected argument "extra"; it takes options only/);
  });
});
