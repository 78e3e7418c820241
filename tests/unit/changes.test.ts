import { describe, expect, it } from 'vitest';
import {
  compareChanges,
  projectTimeline,
  supersededMarks,
  talkVerdict,
  themeChanges,
  worstVerdict,
} from '../../src/lib/changes';
import type { ChangeData } from '../../src/lib/model';
import { linkSite, type RawContent, type RawEntry } from '../../src/lib/site';
import { problemsOf, projectRef, sampleContent, talkRef } from '../helpers/fixtures';

type Impact = ChangeData['talks'][number];
const impact = (talk: string, verdict: Impact['verdict'] = 'holds'): Impact => ({
  talk: talkRef(talk),
  verdict,
  note: `What it means for ${talk}.`,
});

function change(id: string, data: Partial<ChangeData>): RawEntry<ChangeData> {
  return {
    id,
    filePath: `content/changes/${id}.yaml`,
    data: {
      title: `Change ${id}.`,
      label: id,
      summary: 'What changed, in a couple of sentences of our own words.',
      date: '2023-10',
      projects: [],
      talks: [],
      sources: [{ url: 'https://example.org/release-notes', title: 'Release notes' }],
      checked: '2026-12-01',
      ...data,
    },
  };
}

const build = (changes: RawEntry<ChangeData>[], edit: (content: RawContent) => void = () => {}) => {
  const content = { ...sampleContent(), changes };
  edit(content);
  return linkSite(content, { includeDrafts: false });
};

describe('linkChanges (through linkSite)', () => {
  it('links changes to their projects and talks, and both back, newest change first', () => {
    const site = build([
      change('old', { date: '2022-01-11', projects: [projectRef('cilium')], talks: [impact('eu-2021/dns')] }),
      change('new', {
        date: '2024-08',
        projects: [projectRef('cilium')],
        talks: [impact('eu-2021/mesh', 'partly'), impact('eu-2021/dns', 'superseded')],
      }),
    ]);
    expect(site.changes.map((c) => c.id)).toEqual(['new', 'old']);
    const dns = site.talks.find((t) => t.id === 'eu-2021/dns')!;
    expect(dns.impacts.map((i) => [i.change.id, i.verdict])).toEqual([
      ['new', 'superseded'],
      ['old', 'holds'],
    ]);
    const cilium = site.projects.find((p) => p.id === 'cilium')!;
    expect(cilium.changes.map((c) => c.id)).toEqual(['new', 'old']);
    // A change lists its talks in talk order (same event, by title), whatever order the file gives.
    expect(site.changes[0]!.impacts.map((i) => i.talk.id)).toEqual(['eu-2021/dns', 'eu-2021/mesh']);
    expect(site.changes[0]!.projects.map((p) => p.name)).toEqual(['Cilium']);
  });

  it('names the file and field of an unknown project or talk', () => {
    const problems = problemsOf(() =>
      build([change('typo', { projects: [projectRef('cilum')], talks: [impact('eu-2021/nope')] })]),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^content\/changes\/typo\.yaml: field "projects": there is no project "cilum"/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^content\/changes\/typo\.yaml: field "talks\[0\]\.talk": there is no talk "eu-2021\/nope"/,
      ),
    );
  });

  it('skips a talk that is a draft in a production build instead of refusing the change', () => {
    const site = build([change('c', { talks: [impact('eu-2021/dns'), impact('eu-2021/mesh')] })], (content) => {
      content.talks.find((t) => t.id === 'eu-2021/mesh')!.data.draft = true;
    });
    expect(site.changes[0]!.impacts.map((i) => i.talk.id)).toEqual(['eu-2021/dns']);
  });

  it('checks each <Superseded> mark in a talk body against the change it names', () => {
    const mark = (ids: string[]) => (content: RawContent) => {
      const dns = content.talks.find((t) => t.id === 'eu-2021/dns')!;
      dns.body = `## Takeaways\n\n${ids.map((id) => `- <Superseded change="${id}" /> Do the thing.`).join('\n')}\n`;
    };
    const changes = [
      change('gone', { talks: [impact('eu-2021/dns', 'superseded')] }),
      change('fine', { talks: [impact('eu-2021/dns', 'holds')] }),
      change('elsewhere', { talks: [impact('eu-2021/mesh', 'superseded')] }),
    ];
    expect(() => build(changes, mark(['gone']))).not.toThrow();
    const problems = problemsOf(() => build(changes, mark(['missing', 'fine', 'elsewhere'])));
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/talks\/eu-2021\/dns\.mdx: <Superseded change="missing" \/>: there is no change "missing"/,
      ),
      expect.stringMatching(/<Superseded change="fine" \/>: .*fine\.yaml says the talk still holds/),
      expect.stringMatching(/<Superseded change="elsewhere" \/>: .*elsewhere\.yaml does not list this talk/),
    ]);
  });
});

describe('verdicts', () => {
  it('takes the most serious verdict, and none without changes', () => {
    expect(worstVerdict([])).toBeUndefined();
    expect(worstVerdict([{ verdict: 'holds' }, { verdict: 'partly' }, { verdict: 'holds' }])).toBe('partly');
    expect(worstVerdict([{ verdict: 'superseded' }, { verdict: 'partly' }])).toBe('superseded');
    const site = build([change('a', { talks: [impact('eu-2021/dns', 'partly')] })]);
    expect(talkVerdict(site.talks.find((t) => t.id === 'eu-2021/dns')!)).toBe('partly');
    expect(talkVerdict(site.talks.find((t) => t.id === 'eu-2021/mesh')!)).toBeUndefined();
  });

  it('orders changes newest first, a month before the days inside it, then by title', () => {
    const sorted = [
      { date: '2023-10', title: 'B' },
      { date: '2023-10-30', title: 'A' },
      { date: '2024-01-02', title: 'C' },
      { date: '2023-10', title: 'A' },
    ].sort(compareChanges);
    expect(sorted.map((c) => `${c.date} ${c.title}`)).toEqual([
      '2024-01-02 C',
      '2023-10-30 A',
      '2023-10 A',
      '2023-10 B',
    ]);
  });

  it('finds the marks a talk body carries', () => {
    expect(supersededMarks('- <Superseded change="a" /> x\n- y\n- <Superseded  change=\'b-2\'/> z')).toEqual([
      'a',
      'b-2',
    ]);
    expect(supersededMarks('No marks, only <Background title="x">.')).toEqual([]);
  });
});

describe('themeChanges', () => {
  it("lists the changes to a theme's talks, newest first, with only that theme's talks and their worst verdict", () => {
    const site = build([
      change('both', { date: '2024-01', talks: [impact('eu-2021/mesh', 'partly'), impact('eu-2023/argo')] }),
      change('networking-only', { date: '2022-05', talks: [impact('eu-2021/dns', 'superseded')] }),
    ]);
    const networking = themeChanges(site.themes.find((t) => t.id === 'networking')!);
    expect(networking.map((c) => [c.change.id, c.verdict, c.impacts.map((i) => i.talk.id)])).toEqual([
      ['both', 'partly', ['eu-2021/mesh']],
      ['networking-only', 'superseded', ['eu-2021/dns']],
    ]);
    const gitops = themeChanges(site.themes.find((t) => t.id === 'gitops')!);
    // The mesh talk is in both themes; Argo is gitops only. The worst verdict among gitops talks is partly.
    expect(gitops.map((c) => [c.change.id, c.verdict, c.impacts.map((i) => i.talk.id)])).toEqual([
      ['both', 'partly', ['eu-2023/argo', 'eu-2021/mesh']],
    ]);
  });
});

describe('projectTimeline', () => {
  const site = build([
    change('argo-cd-3', { date: '2025-05', projects: [projectRef('argo-cd')] }),
    change('argo-graduated', { date: '2022-12-06', projects: [projectRef('argo')] }),
    change('same-month', { date: '2023-04', projects: [projectRef('argo')] }),
    change('before-talks', { date: '2020-03-26', projects: [projectRef('argo')] }),
  ]);
  const argo = site.projects.find((p) => p.id === 'argo')!;

  it("interleaves the talks at each event with the project's and its sub-projects' changes, oldest first", () => {
    const steps = projectTimeline(argo).map((entry) =>
      entry.kind === 'event'
        ? `${entry.date} talks at ${entry.event.id}: ${entry.talks.map((t) => t.id)}`
        : `${entry.date} ${entry.change.id}`,
    );
    expect(steps).toEqual([
      '2020-03-26 before-talks',
      '2022-12-06 argo-graduated',
      // An event and a change on the same date: the event comes first.
      '2023-04 talks at eu-2023: eu-2023/argo',
      '2023-04 same-month',
      '2025-05 argo-cd-3',
    ]);
  });

  it("keeps a sub-project's timeline to its own changes and talks", () => {
    const argoCd = site.projects.find((p) => p.id === 'argo-cd')!;
    expect(projectTimeline(argoCd).map((e) => (e.kind === 'event' ? e.event.id : e.change.id))).toEqual([
      'eu-2023',
      'argo-cd-3',
    ]);
  });

  it('shows only talks for a project with no recorded change', () => {
    const cilium = site.projects.find((p) => p.id === 'cilium')!;
    const entries = projectTimeline(cilium);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'event', date: '2021-05-04' });
  });
});
