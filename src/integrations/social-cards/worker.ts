/** A card worker's task: draw one card and write it to the cache. Loaded by Tinypool, outside Vite. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SocialCard } from '../../lib/social-cards.ts';
import { drawCard, type CardSize } from './drawing.ts';

export default async function drawToFile({ card, size, file }: { card: SocialCard; size: CardSize; file: string }) {
  const png = await drawCard(card, size);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, png);
}
