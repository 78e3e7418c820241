/** The social-card integration's build path, with the worker pool mocked: cards land in the output, or the build fails clean. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocialCardEntry } from '../../src/lib/social-cards';

const pool = vi.hoisted(() => ({ run: vi.fn(), destroy: vi.fn(async () => {}) }));
vi.mock('tinypool', () => ({
  default: vi.fn(function Tinypool() {
    return pool;
  }),
}));

const { default: socialCards } = await import('../../src/integrations/social-cards/index');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const cards: SocialCardEntry[] = [
  { path: 'og/site.png', card: { eyebrow: 'E', title: 'Site', byline: 'B', chips: [] } },
  { path: 'og/talks/a.png', card: { eyebrow: 'E', title: 'A talk', byline: 'B', chips: ['Networking'] } },
];

async function build() {
  const out = mkdtempSync(join(tmpdir(), 'kcr-cards-out-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'kcr-cards-cache-'));
  mkdirSync(join(out, 'og'));
  writeFileSync(join(out, 'og/cards.json'), JSON.stringify(cards));
  const integration = socialCards({ cacheDir });
  const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
  hooks['astro:config:setup']!({ injectRoute: vi.fn() });
  hooks['astro:build:start']!({});
  const result = hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger }) as Promise<void>;
  return { out, result };
}

describe('the social-card integration', () => {
  beforeEach(() => {
    pool.run.mockReset();
    pool.destroy.mockClear();
  });

  it('puts every drawn card at its path, removes the card list and stops the pool', async () => {
    pool.run.mockImplementation(async ({ file, card }: { file: string; card: { title: string } }) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `png of ${card.title}`);
    });
    const { out, result } = await build();
    await result;
    expect(readFileSync(join(out, 'og/talks/a.png'), 'utf8')).toBe('png of A talk');
    expect(readFileSync(join(out, 'og/site.png'), 'utf8')).toBe('png of Site');
    expect(existsSync(join(out, 'og/cards.json'))).toBe(false);
    expect(pool.destroy).toHaveBeenCalledOnce();
  });

  it('fails the build, removes the output and stops the pool when a card cannot be drawn', async () => {
    pool.run.mockRejectedValue(new Error('satori: font missing'));
    const { out, result } = await build();
    await expect(result).rejects.toThrow('satori: font missing');
    expect(existsSync(out)).toBe(false);
    expect(pool.destroy).toHaveBeenCalledOnce();
  });
});
