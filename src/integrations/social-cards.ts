/**
 * Social cards: one PNG per talk and theme, cached on disk by a hash of what
 * the card shows, so a rebuild without changes reads them back instead of
 * drawing them again.
 *
 * In a build, the integration starts a pool of worker threads, one per core, and
 * each card route hands its whole list to `prepareCards` from getStaticPaths, so
 * the workers draw every missing card while Astro renders the pages. In dev
 * there is no pool: a card is drawn when it is requested.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Tinypool from 'tinypool';
import { cardSize, type CardData } from '../lib/cards';
import { drawCard } from './card-drawing';

/** Bump when the card's look changes, so cached cards are redrawn. */
const DESIGN_VERSION = 2;
// KCR_CARD_CACHE moves the cache, so the benchmark can measure a cold one.
const cacheDir = process.env.KCR_CARD_CACHE || join(process.cwd(), 'node_modules', '.cache', 'kcr-cards');

// The pool is made by the integration, which runs outside Vite and knows the worker's real path;
// the routes that use it are bundled by Vite, so the two meet on globalThis.
const poolKey = Symbol.for('kubecon-recaps.card-pool');
const shared = globalThis as { [poolKey]?: Tinypool };

/** Cards being drawn by the pool, by cache file. */
const pending = new Map<string, Promise<void>>();

function cacheFile(card: CardData) {
  const key = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, card })).digest('hex').slice(0, 32);
  return join(cacheDir, `${key}.png`);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

function draw(pool: Tinypool, card: CardData, file: string) {
  let task = pending.get(file);
  if (!task) {
    task = pool.run({ card, size: cardSize, file }) as Promise<void>;
    pending.set(file, task);
    // Awaited by the card's route; this only keeps an early failure from going unhandled first.
    task.catch(() => {});
  }
  return task;
}

/** Starts drawing every card not yet cached, in the pool, without waiting. A no-op in dev. */
export async function prepareCards(cards: CardData[]) {
  const pool = shared[poolKey];
  if (!pool) return;
  for (const card of cards) {
    const file = cacheFile(card);
    if (!pending.has(file) && !(await exists(file))) void draw(pool, card, file);
  }
}

/** The PNG for a card, from the cache when its content has not changed. */
export async function renderCard(card: CardData): Promise<Uint8Array> {
  const file = cacheFile(card);
  const pool = shared[poolKey];
  if (pending.has(file) || (pool && !(await exists(file)))) await draw(pool!, card, file);
  try {
    return await readFile(file);
  } catch {
    // not cached, and no pool (dev): draw it here
  }
  const png = await drawCard(card, cardSize);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, png);
  return png;
}

/** The HTTP response for a card image endpoint. */
export async function cardResponse(card: CardData): Promise<Response> {
  return new Response(new Uint8Array(await renderCard(card)), { headers: { 'content-type': 'image/png' } });
}

/** Runs the card workers for the length of a build. */
export default function socialCards(): AstroIntegration {
  return {
    name: 'kubecon-recaps:social-cards',
    hooks: {
      'astro:build:start': () => {
        shared[poolKey] = new Tinypool({
          filename: new URL('./card-worker.ts', import.meta.url).href,
          maxThreads: availableParallelism(),
          // Let an interrupted build exit: idle workers end on their own.
          idleTimeout: 2000,
        });
      },
      'astro:build:done': async () => {
        await shared[poolKey]?.destroy();
        delete shared[poolKey];
      },
    },
  };
}
