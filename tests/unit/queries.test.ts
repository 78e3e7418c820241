import { describe, expect, it } from 'vitest';
import { groupBy, talksByEvent, talksByTheme, talksForProject } from '../../src/lib/queries';
import { linkSite } from '../../src/lib/site';
import { sampleContent } from '../helpers/fixtures';

describe('queries', () => {
  const site = linkSite(sampleContent(), { includeDrafts: false });
  it('includes sub-projects’ talks on a parent project', () => {
    const argo = site.projects.find((p) => p.id === 'argo')!;
    expect(argo.talks).toEqual([]);
    expect(talksForProject(argo).map((t) => t.id)).toEqual(['eu-2023/argo']);
  });
  it('groups by event in talk order and by theme in theme order', () => {
    expect([...talksByEvent(site.talks).keys()].map((e) => e.id)).toEqual(['eu-2023', 'eu-2021']);
    const byTheme = talksByTheme(site.talks, site.themes);
    expect([...byTheme.keys()].map((t) => t.id)).toEqual(['gitops', 'networking']);
    expect(byTheme.get(site.themes[0]!)!.map((t) => t.id)).toEqual(['eu-2023/argo', 'eu-2021/mesh']);
  });
  it('groupBy puts an item under each of its keys', () => {
    expect(groupBy([1, 2, 3], (n) => (n % 2 ? ['odd', 'all'] : ['all']))).toEqual(
      new Map([
        ['odd', [1, 3]],
        ['all', [1, 2, 3]],
      ]),
    );
  });
});
