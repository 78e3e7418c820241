/**
 * Social cards: one PNG per talk and theme, plus one for the site, cached on
 * disk by a hash of what the card shows.
 *
 * The route `og/cards.json` lists every card (path and content). In a build,
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
import { access, copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { cardSize, type CardData, type CardEntry } from '../lib/cards';
import { reportFigures } from './build-report';
import { drawCard } from './card-drawing';

/** Bump when the card's look changes, so cached cards are redrawn. */
const DESIGN_VERSION = 2;
// KCR_CARD_CACHE moves the cache, so the benchmark can measure a cold one.
const cacheDir = process.env.KCR_CARD_CACHE || join(process.cwd(), 'node_modules', '.cache', 'kcr-cards');
/** The card list's path in the output, relative to the base path. */
const cardListPath = 'og/cards.json';

// The integration runs outside Vite and the card-list route is bundled by it, so each has its own copy
// of this module; the pool and the cards it is drawing are shared through globalThis.
interface Drawing {
  pool: Tinypool;
  pending: Map<string, Promise<void>>;
}
const drawingKey = Symbol.for('kubecon-recaps.card-drawing');
const shared = globalThis as { [drawingKey]?: Drawing };

function cacheFile(card: CardData) {
  const key = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, card })).digest('hex').slice(0, 32);
  return join(cacheDir, `${key}.png`);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The cached file for a card, drawn by the pool if it is not cached yet. */
function drawn({ pool, pending }: Drawing, card: CardData): Promise<string> {
  const file = cacheFile(card);
  let task = pending.get(file);
  if (!task) {
    task = exists(file).then((cached) => (cached ? undefined : pool.run({ card, size: cardSize, file })));
    pending.set(file, task);
    // Awaited when the build is done; this only keeps an early failure from going unhandled first.
    task.catch(() => {});
  }
  return task.then(() => file);
}

/** Starts drawing, in a build, every card the cache lacks, without waiting. A no-op in dev. */
export function prepareCards(cards: CardEntry[]) {
  const drawing = shared[drawingKey];
  if (drawing) for (const { card } of cards) void drawn(drawing, card).catch(() => {});
}

/** A card's PNG, drawn on this thread (dev) unless cached. */
export async function renderCard(card: CardData): Promise<Uint8Array> {
  const file = cacheFile(card);
  try {
    return await readFile(file);
  } catch {
    // not cached yet: draw it
  }
  const png = await drawCard(card, cardSize);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, png);
  return png;
}

async function place(from: string, to: string) {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

export default function socialCards(): AstroIntegration {
  let base = '/';
  return {
    name: 'kubecon-recaps:social-cards',
    hooks: {
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
            ).json()) as CardEntry[];
            const entry = list.find((item) => `${base}${item.path}` === path);
            if (!entry) return next();
            response.setHeader('content-type', 'image/png');
            response.end(await renderCard(entry.card));
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:start': () => {
        shared[drawingKey] = {
          pool: new Tinypool({
            filename: new URL('./card-worker.ts', import.meta.url).href,
            maxThreads: availableParallelism(),
            // Let an interrupted build exit: idle workers end on their own.
            idleTimeout: 2000,
          }),
          pending: new Map(),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const drawing = shared[drawingKey]!;
        try {
          const started = performance.now();
          const listFile = join(out, cardListPath);
          const list = JSON.parse(await readFile(listFile, 'utf8')) as CardEntry[];
          const toDraw = (await Promise.all(list.map(({ card }) => exists(cacheFile(card))))).filter((c) => !c).length;
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
          await drawing.pool.destroy();
          delete shared[drawingKey];
        }
      },
    },
  };
}
