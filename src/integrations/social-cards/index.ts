/**
 * Social cards: one PNG per talk and theme, plus one for the site, cached on
 * disk by a hash of what the card shows.
 *
 * The route `og/cards.json`, which this integration injects, lists every card (path and content). In a build,
 * that route starts a pool of worker threads drawing the cards the cache lacks
 * while Astro renders the pages; when the build is done, this integration puts
 * each card into the output as a hard link to its cached file (a copy where a
 * link is not possible) and removes the list. Cards are not Astro routes
 * because a route costs a few milliseconds each even for a cached file, which
 * at thousands of talks was most of the build. In dev, a middleware draws a card
 * when it is requested.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { socialCardSize, type SocialCard, type SocialCardEntry } from '../../lib/social-cards.ts';
import { reportFigures } from '../build-report.ts';

/** The card list's path in the output, relative to the base path. */
const cardListPath = 'og/cards.json';

// The integration runs outside Vite and its card-list route is bundled by it, so each has its own copy
// of this module; the pool, the cards it is drawing and the cache folder are shared through globalThis.
interface Drawing {
  /** The worker pool, during a build. */
  pool?: Tinypool;
  pending: Map<string, Promise<void>>;
  cache: CardCache;
}
const drawingKey = Symbol.for('kubecon-recaps.card-drawing');
const shared = globalThis as { [drawingKey]?: Drawing };

/** Where cards are cached, and a hash of the code that draws them. */
interface CardCache {
  dir: string;
  drawingHash: string;
}

/**
 * A card is cached under a hash of what it shows and of the code that draws it, so changing the drawing
 * redraws every card without anyone remembering to bump a version.
 */
function cardCache(dir: string): CardCache {
  const code = readFileSync(new URL('./drawing.ts', import.meta.url));
  return { dir, drawingHash: createHash('sha256').update(code).digest('hex') };
}

function cacheFile({ dir, drawingHash }: CardCache, card: SocialCard) {
  const key = createHash('sha256').update(drawingHash).update(JSON.stringify(card)).digest('hex').slice(0, 32);
  return join(dir, `${key}.png`);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The cached file for a card, drawn by the pool if it is not cached yet. */
function drawn({ pool, pending, cache }: Drawing, card: SocialCard): Promise<string> {
  const file = cacheFile(cache, card);
  let task = pending.get(file);
  if (!task) {
    task = exists(file).then((cached) => (cached ? undefined : pool?.run({ card, size: socialCardSize, file })));
    pending.set(file, task);
    // Awaited when the build is done; this only keeps an early failure from going unhandled first.
    task.catch(() => {});
  }
  return task.then(() => file);
}

/** Starts drawing, in a build, every card the cache lacks, without waiting. A no-op in dev. */
export function prepareCards(cards: SocialCardEntry[]) {
  const drawing = shared[drawingKey];
  if (drawing?.pool) for (const { card } of cards) void drawn(drawing, card).catch(() => {});
}

/** A card's PNG, drawn on this thread (dev) unless cached. */
async function renderCard(cache: CardCache, card: SocialCard): Promise<Uint8Array> {
  const file = cacheFile(cache, card);
  try {
    return await readFile(file);
  } catch {
    // not cached yet: draw it
  }
  // Loaded only to draw: a build draws in the pool's workers, and satori alone takes 0.1 s to load.
  const { drawCard } = await import('./drawing.ts');
  const png = await drawCard(card, socialCardSize);
  await mkdir(cache.dir, { recursive: true });
  await writeFile(file, png);
  return png;
}

async function place(from: string, to: string) {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

export interface SocialCardOptions {
  /** Where drawn cards are cached between builds. */
  cacheDir: string;
}

export default function socialCards({ cacheDir }: SocialCardOptions): AstroIntegration {
  const cache = cardCache(cacheDir);
  let base = '/';
  return {
    name: 'kubecon-recaps:social-cards',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        shared[drawingKey] = { pending: new Map(), cache };
        injectRoute({ pattern: `/${cardListPath}`, entrypoint: new URL('./card-list-route.ts', import.meta.url) });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(`${base}og/`) || !path.endsWith('.png')) return next();
          try {
            const list = (await (
              await fetch(`http://${request.headers.host}${base}${cardListPath}`)
            ).json()) as SocialCardEntry[];
            const entry = list.find((item) => `${base}${item.path}` === path);
            if (!entry) return next();
            response.setHeader('content-type', 'image/png');
            response.end(await renderCard(cache, entry.card));
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:start': () => {
        shared[drawingKey] = {
          cache,
          pool: new Tinypool({
            filename: new URL('./worker.ts', import.meta.url).href,
            maxThreads: availableParallelism(),
            // No worker until a card needs drawing: from a warm cache, a build draws none, and a worker waiting
            // from the start loaded the drawing code for nothing while Vite compiled.
            minThreads: 0,
            // Let an interrupted build exit: idle workers end on their own.
            idleTimeout: 2000,
          }),
          pending: new Map(),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const drawing = shared[drawingKey]!;
        const { pool } = drawing;
        try {
          const started = performance.now();
          const listFile = join(out, cardListPath);
          const list = JSON.parse(await readFile(listFile, 'utf8')) as SocialCardEntry[];
          const toDraw = (await Promise.all(list.map(({ card }) => exists(cacheFile(cache, card))))).filter(
            (c) => !c,
          ).length;
          await Promise.all(list.map(async ({ path, card }) => place(await drawn(drawing, card), join(out, path))));
          await rm(listFile);
          const cardsPlacedMs = Math.round(performance.now() - started);
          logger.info(`${list.length} cards in ${cardsPlacedMs} ms after the pages (${toDraw} still to draw then)`);
          await reportFigures({ cards: list.length, cardsPlacedMs, cardsDrawnAfterPages: toDraw });
        } catch (error) {
          // Nothing half-built is left looking finished.
          await rm(out, { recursive: true, force: true });
          throw error;
        } finally {
          await pool?.destroy();
          shared[drawingKey] = { pending: new Map(), cache };
        }
      },
    },
  };
}
