import { describe, expect, it } from 'vitest';
import {
  groupBy,
  mostPraised,
  projectsByCategory,
  projectsByInitial,
  talksByEvent,
  talksByTheme,
  talksForProject,
  themeCounts,
} from '../../src/lib/queries';
import { linkSite } from '../../src/lib/site';
import { note, sampleContent, talkRef } from '../helpers/fixtures';

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
  it('groups projects by category in the categories’ order, and by initial A to Z', () => {
    expect([...projectsByCategory(site.projects)].map(([c, ps]) => [c, ps.map((p) => p.id)])).toEqual([
      ['networking', ['cilium']],
      ['delivery', ['argo', 'argo-cd']],
    ]);
    expect([...projectsByInitial(site.projects)].map(([l, ps]) => [l, ps.map((p) => p.id)])).toEqual([
      ['A', ['argo', 'argo-cd']],
      ['C', ['cilium']],
    ]);
  });
  it('counts an event’s talks per theme, biggest first', () => {
    const eu2021 = site.events.find((e) => e.id === 'eu-2021')!;
    expect(themeCounts(eu2021, site.themes).map(({ theme, count }) => [theme.id, count])).toEqual([
      ['networking', 2],
      ['gitops', 1],
    ]);
  });
});

describe('the talks the recaps praised most', () => {
  const picked = () => {
    const content = sampleContent();
    const diary = content.recaps[0]!;
    // A second 2021 recap that also wrote about, and picked, the DNS talk.
    content.recaps.push({
      ...diary,
      id: 'notes',
      filePath: 'content/recaps/notes/index.mdx',
      data: { ...diary.data, title: 'Notes', attribution: 'The notes', picks: [talkRef('eu-2021/dns')] },
    });
    content.notes.push(note('notes/dns', 'eu-2021/dns'));
    content.talks.find((t) => t.id === 'eu-2021/dns')!.data.comparison = 'Both liked it.';
    diary.data.picks = [talkRef('eu-2021/mesh'), talkRef('eu-2021/dns')];
    return linkSite(content, { includeDrafts: false });
  };
  it('puts the talk most recaps picked first, with each picking recap’s note', () => {
    const praised = mostPraised(picked().recaps, 6);
    expect(praised.map(({ talk }) => talk.id)).toEqual(['eu-2021/dns', 'eu-2021/mesh']);
    expect(praised[0]!.notes.map((n) => n.id).sort()).toEqual(['diary/dns', 'notes/dns']);
    expect(praised[1]!.notes.map((n) => n.id)).toEqual(['diary/mesh']);
  });
  it('keeps to the limit, and lists nothing when no recap picked a talk', () => {
    expect(mostPraised(picked().recaps, 1).map(({ talk }) => talk.id)).toEqual(['eu-2021/dns']);
    expect(mostPraised(linkSite(sampleContent(), { includeDrafts: false }).recaps, 6)).toEqual([]);
  });
});
