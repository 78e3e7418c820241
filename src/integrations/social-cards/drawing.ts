/**
 * Draws a social card (the image a chat app shows when a link is pasted) with
 * satori, which lays out HTML-like nodes as SVG, and resvg, which turns the SVG
 * into a PNG. Runs in the card workers and, in dev, on the main thread, so it
 * imports nothing from the site but types.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { SocialCard } from '../../lib/social-cards.ts';

export interface CardSize {
  width: number;
  height: number;
}

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

function layout(card: SocialCard, size: CardSize): Node {
  const titleSize = card.title.length > 90 ? 52 : card.title.length > 55 ? 60 : 70;
  return h(
    'div',
    {
      // Explicit size and border-box: with 100% and padding, satori pushes the bottom row off the card.
      width: size.width,
      height: size.height,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      // Flat colours rather than a gradient: the PNG is a quarter of the size, quicker to write and to unfurl.
      backgroundColor: '#0f172a',
      borderLeft: '24px solid #2563eb',
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

/** The card as a PNG. */
export async function drawCard(card: SocialCard, size: CardSize): Promise<Uint8Array> {
  const svg = await satori(layout(card, size) as never, { ...size, fonts: await loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: size.width } }).render().asPng();
}
