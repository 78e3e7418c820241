/**
 * Draws social cards (the image a chat app shows when a link is pasted) with
 * satori, which lays out HTML-like nodes as SVG, and resvg, which turns the SVG
 * into a PNG. Cards are cached on disk by a hash of what they show, so a rebuild
 * without changes reads them back instead of drawing them again.
 */
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { cardSize, type CardData } from '../lib/cards';

/** Bump when the card's look changes, so cached cards are redrawn. */
const DESIGN_VERSION = 1;
// KCR_CARD_CACHE moves the cache, so the benchmark can measure a cold one.
const cacheDir = process.env.KCR_CARD_CACHE || join(process.cwd(), 'node_modules', '.cache', 'kcr-cards');

const require = createRequire(import.meta.url);
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Inter',
      weight,
      style: 'normal' as const,
      data: await readFile(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    })),
  );
  return fonts;
}

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

function layout(card: CardData): Node {
  const titleSize = card.title.length > 90 ? 52 : card.title.length > 55 ? 60 : 70;
  return h(
    'div',
    {
      // Explicit size and border-box: with 100% and padding, satori pushes the bottom row off the card.
      width: cardSize.width,
      height: cardSize.height,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      backgroundColor: '#0f172a',
      backgroundImage: 'linear-gradient(135deg, #0f172a 0%, #1e3a8a 100%)',
      color: '#f8fafc',
      fontFamily: 'Inter',
    },
    [
      h('div', { display: 'flex', flexDirection: 'column' }, [
        h('div', { display: 'flex', fontSize: 30, color: '#bfdbfe', fontWeight: 700 }, card.eyebrow),
        h(
          'div',
          { display: 'flex', marginTop: 28, fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 },
          card.title,
        ),
        h('div', { display: 'flex', marginTop: 28, fontSize: 32, color: '#e2e8f0' }, card.byline),
      ]),
      h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' }, [
        h(
          'div',
          { display: 'flex', flexWrap: 'wrap', maxWidth: 860 },
          card.chips.map((chip) =>
            h(
              'div',
              {
                display: 'flex',
                marginRight: 14,
                marginTop: 12,
                padding: '8px 22px',
                borderRadius: 999,
                background: '#1d4ed8',
                border: '2px solid #93c5fd',
                fontSize: 26,
                color: '#ffffff',
              },
              chip,
            ),
          ),
        ),
        h('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: '#ffffff' }, 'KubeCon Recaps'),
      ]),
    ],
  );
}

/** The PNG for a card, from the cache when its content has not changed. */
export async function renderCard(card: CardData): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, card })).digest('hex').slice(0, 32);
  const cached = join(cacheDir, `${key}.png`);
  try {
    return await readFile(cached);
  } catch {
    // not cached yet: draw it
  }
  const svg = await satori(layout(card) as never, { ...cardSize, fonts: await loadFonts() });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: cardSize.width } }).render().asPng();
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, png);
  return png;
}

/** The HTTP response for a card image endpoint. */
export async function cardResponse(card: CardData): Promise<Response> {
  return new Response(new Uint8Array(await renderCard(card)), { headers: { 'content-type': 'image/png' } });
}
