/**
 * The dev server draws social cards on request, as a build would publish them,
 * so a writer can look at a talk's card before building.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../helpers/build';

let dev: Awaited<ReturnType<typeof startDevServer>>;
beforeAll(async () => {
  dev = await startDevServer();
}, 90_000);
afterAll(() => dev?.close());

describe('astro dev', () => {
  it('serves a talk’s card as a 1200×630 PNG, and a 404 for a card that does not exist', async () => {
    const card = await fetch(`${dev.url}og/talks/how-to-break-your-kubernetes-cluster-with-networking.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await card.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect((await fetch(`${dev.url}og/talks/no-such-talk.png`)).status).toBe(404);
  }, 60_000);
});
