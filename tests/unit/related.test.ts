import { describe, expect, it } from 'vitest';
import { linkSite } from '../../src/lib/site';
import { sampleContent } from '../helpers/fixtures';

describe('related talks and theme neighbours', async () => {
  const { relatedTalks, themeNeighbours } = await import('../../src/lib/related');
  const site = linkSite(sampleContent(), { includeDrafts: false });
  const byId = (id: string) => site.talks.find((t) => t.id === id)!;

  it('ranks by shared themes, then shared projects, and never suggests an unrelated talk', () => {
    // mesh shares networking (2) and cilium (1) with dns; argo shares gitops (2) with mesh.
    expect(relatedTalks(byId('eu-2021/dns'), site.talks).map((t) => t.id)).toEqual(['eu-2021/mesh']);
    expect(relatedTalks(byId('eu-2021/mesh'), site.talks).map((t) => t.id)).toEqual(['eu-2021/dns', 'eu-2023/argo']);
    expect(relatedTalks(byId('eu-2021/mesh'), site.talks, 1)).toHaveLength(1);
  });

  it('breaks ties by same event, then title, exactly as a full sort of every talk would', () => {
    // A larger made-up set with many ties; only the fields relatedTalks reads are filled in.
    const themes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const projects = ['p', 'q', 'r'].map((id) => ({ id }));
    const events = ['e1', 'e2'].map((id) => ({ id }));
    const talks = Array.from({ length: 60 }, (_, i) => ({
      id: `t${i}`,
      title: `Talk ${String.fromCharCode(97 + ((i * 7) % 26))} ${i % 5}`,
      event: events[i % 2],
      themes: themes.filter((_, t) => (i >> t) % 3 === 0),
      projects: projects.filter((_, p) => (i + p) % 4 === 0),
    })) as unknown as typeof site.talks;
    const reference = (talk: (typeof talks)[number], limit: number) =>
      talks
        .filter((other) => other !== talk)
        .map((other) => ({
          other,
          score:
            2 * other.themes.filter((t) => talk.themes.includes(t)).length +
            other.projects.filter((p) => talk.projects.includes(p)).length,
        }))
        .filter(({ score }) => score > 0)
        .sort(
          (a, b) =>
            b.score - a.score ||
            Number(b.other.event === talk.event) - Number(a.other.event === talk.event) ||
            a.other.title.localeCompare(b.other.title, 'en'),
        )
        .slice(0, limit)
        .map(({ other }) => other.id);
    for (const talk of talks) {
      for (const limit of [1, 3, 5]) {
        expect(
          relatedTalks(talk, talks, limit).map((t) => t.id),
          `${talk.id} limit ${limit}`,
        ).toEqual(reference(talk, limit));
      }
    }
  });

  it('gives the previous and next talk in a theme', () => {
    const networking = site.themes.find((t) => t.id === 'networking')!;
    expect(themeNeighbours(byId('eu-2021/dns'), networking)).toEqual({
      previous: undefined,
      next: byId('eu-2021/mesh'),
    });
    expect(themeNeighbours(byId('eu-2021/mesh'), networking).previous).toBe(byId('eu-2021/dns'));
    expect(themeNeighbours(byId('eu-2023/argo'), networking)).toEqual({});
  });
});
