/**
 * What a reader sees of the recorded changes: "Since this talk" on the talks they affect and nowhere else,
 * project pages as timelines, "Since then" on themes, change pages, feed items and search. Then, in small
 * scratch builds with a fixed KCR_TODAY, the quiet notice on a page not reviewed for a year, and the build
 * refusing a change without a source, with an unknown talk, or dated after today.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstroBuild } from '../helpers/build';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { scratchRoot, talkFile, validContent, writeContent } from '../helpers/scratch';
import { contentFiles, distDir, requireBuild, talkPath } from '../helpers/site';

const html = (path: string) => readFileSync(join(distDir, path, 'index.html'), 'utf8');
/** The HTML of the element that starts at the first match of `open`, up to its matching close tag. */
function section(page: string, open: RegExp): string | undefined {
  const start = page.search(open);
  if (start === -1) return undefined;
  const tag = /^<(\w+)/.exec(page.slice(start))![1]!;
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  for (let m = re.exec(page); m; m = re.exec(page)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return page.slice(start, m.index + m[0].length);
  }
  return undefined;
}
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const talks = contentFiles('talks');
const changes = contentFiles('changes');
const affected = new Set(changes.flatMap((change) => (change.data.talks as { talk: string }[]).map((i) => i.talk)));
const pspTalk = '/talks/kubernetes-release-cadence-and-podsecuritypolicy-deprecation/';

describe('changes on the built site', () => {
  beforeAll(() => requireBuild());

  it('shows "Since this talk" with each change, its date, verdict and source link on the talk it affects', () => {
    const block = section(html(pspTalk), /<section class="since"/);
    expect(block, 'the PSP talk has a Since this talk block').toBeDefined();
    expect(block).toContain('<h2 id="since-this-talk">Since this talk</h2>');
    expect(block).toContain('href="https://kubernetes.io/docs/concepts/policy/pod-security-policy/"');
    expect(block).toContain('href="/changes/podsecuritypolicy-removed/"');
    expect(textOf(block!)).toMatch(/23 August 2022 Kubernetes 1\.25 removed PodSecurityPolicy/);
    expect(textOf(block!)).toMatch(/^Since this talk Superseded Our judgement:/);
    // Newest first.
    const dates = [...block!.matchAll(/<li class="since__item"[\s\S]*?<time datetime="([^"]+)"/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('comes right under the talk header, before the body', () => {
    const page = html(pspTalk);
    const header = page.indexOf('</header>', page.indexOf('class="talk-header"'));
    const since = page.indexOf('<section class="since"');
    expect(since).toBeGreaterThan(header);
    expect(since).toBeLessThan(page.indexOf('class="with-toc"'));
  });

  it('marks the superseded takeaway where it stands, linking to the change', () => {
    const item = section(html(pspTalk), /<li id="takeaway-inventory-what-your-podsecuritypolicies/);
    expect(item).toMatch(/<a class="superseded-mark" href="#change-podsecuritypolicy-removed"[^>]*>Superseded/);
    expect(html(pspTalk)).toContain('id="change-podsecuritypolicy-removed"');
  });

  it('shows the block on every talk a change affects and on no other', () => {
    for (const talk of talks) {
      const page = html(talkPath(talk));
      expect(page.includes('id="since-this-talk"'), `${talk.file}`).toBe(affected.has(talk.id));
      expect(textOf(page), talk.file).toContain('Checked against current releases: December 2026');
      expect(page, talk.file).not.toContain('review-status__stale');
    }
  });

  it('tells on a talk no change affects only when it was checked', () => {
    const page = html('/talks/dt-kubernetes-story/');
    expect(page).not.toContain('Since this talk');
    expect(textOf(section(page, /<p class="review-status"/)!)).toBe('Checked against current releases: December 2026');
  });

  it('turns a project page into a timeline: talks at each event and changes, in date order, each linked', () => {
    const page = html('/projects/karpenter/');
    const timeline = section(page, /<ol class="timeline">/)!;
    const steps = [...timeline.matchAll(/<li class="timeline__step" data-kind="(\w+)" id="timeline-([\w-]+)"/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(steps).toEqual(['event eu-2021', 'change karpenter-nodepool-replaces-provisioner', 'change karpenter-1-0']);
    expect(timeline).toContain('href="/talks/groupless-autoscaling-with-karpenter/"');
    expect(timeline).toContain('href="/changes/karpenter-1-0/"');
    const glance = textOf(section(page, /<ol class="timeline-glance"/)!);
    expect(glance).toBe(
      '1 talk at Europe 2021 May 2021 NodePool replaces Provisioner October 2023 Karpenter 1.0 August 2024',
    );
  });

  it("lists a sub-project's talks on its parent's timeline, said to come through it", () => {
    const timeline = section(html('/projects/argo/'), /<ol class="timeline">/)!;
    expect(timeline).toContain('href="/talks/tips-from-the-trenches-gitops-at-adobe/"');
    expect(textOf(timeline)).toContain('Through Argo CD.');
    const order = [...timeline.matchAll(/id="timeline-([\w-]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['argo-graduated', 'eu-2023']);
  });

  it('ends each theme overview with "Since then", before "Start here"', () => {
    for (const theme of contentFiles('themes')) {
      const page = html(`/themes/${theme.id}/`);
      const since = page.indexOf('<h2 id="since-then">');
      expect(since, theme.file).toBeGreaterThan(0);
      expect(since, theme.file).toBeLessThan(page.indexOf('<h2 id="start-here">'));
    }
    const security = textOf(section(html('/themes/security/'), /<section class="since-then"/)!);
    expect(security).toMatch(/recorded changes affect the talks in this theme\. These change what a talk advises:/);
    expect(security).toContain('Kubernetes 1.25 removed PodSecurityPolicy');
  });

  it('gives each change a page with what it means for each talk and the pages that document it', () => {
    const page = html('/changes/podsecuritypolicy-removed/');
    expect(page).toMatch(/<h1>Kubernetes 1\.25 removed PodSecurityPolicy/);
    expect(page).toContain(`href="${pspTalk}#change-podsecuritypolicy-removed"`);
    expect(page).toContain(
      'href="https://github.com/kubernetes/enhancements/blob/master/keps/sig-auth/2579-psp-replacement/kep.yaml"',
    );
    const list = html('/changes/');
    for (const change of changes) expect(list, change.file).toContain(`href="/changes/${change.id}/"`);
  });

  it('adds a dated feed item for every recorded change', () => {
    const feed = readFileSync(join(distDir, 'rss.xml'), 'utf8');
    for (const change of changes) {
      const item = new RegExp(
        `<item><title>Since the talks: [^<]*</title><link>http://localhost:4321/changes/${change.id}/</link><guid[^>]*>[^<]*</guid><description>[^<]*</description><pubDate>[^<]+</pubDate>`,
      );
      expect(feed, change.file).toMatch(item);
    }
  });

  describe('search', () => {
    let pagefind: PagefindApi;
    beforeAll(async () => {
      pagefind = await openIndex(distDir);
    });
    afterAll(() => pagefind?.destroy());

    it('finds the talk a removed API affects by searching for its successor, at the change', async () => {
      const hits = await pagefind.search('Pod Security Admission');
      const psp = hits.findIndex((hit) => hit.url === pspTalk);
      expect(
        psp,
        hits
          .slice(0, 5)
          .map((h) => h.url)
          .join(', '),
      ).toBeGreaterThanOrEqual(0);
      expect(psp).toBeLessThan(3);
      expect(hits[psp]!.subResults.map((sub) => sub.url)).toContain(`${pspTalk}#since-this-talk`);
    });

    it('finds the Karpenter talk by the name of the resource that replaced its API', async () => {
      const hits = await pagefind.search('NodePool');
      expect(hits.slice(0, 3).map((hit) => hit.url)).toContain('/talks/groupless-autoscaling-with-karpenter/');
    });
  });
});

describe('review dates and change refusals in a scratch build', () => {
  afterAll(() => rmSync(join(scratchRoot, 'changes'), { recursive: true, force: true }));
  const change = (fields: string) =>
    `title: DNS moved on.\nlabel: DNS moved on\nsummary: Something changed about DNS, in more than a few words, so that the summary is long enough.\n${fields}`;
  const valid =
    'date: 2026-11\nprojects: [cilium]\ntalks:\n  - talk: eu-2021/dns\n    verdict: partly\n    note: The advice on DNS only partly holds now.\nsources:\n  - url: https://example.org/notes\n    title: Release notes\nchecked: 2026-11-30\n';

  function build(name: string, files: Record<string, string>) {
    const content = writeContent(`changes/${name}`, { ...validContent(), ...files });
    const out = join(scratchRoot, 'changes', name, 'dist');
    return { ...runAstroBuild({ KCR_CONTENT_DIR: content, KCR_OUT_DIR: out, KCR_TODAY: '2026-12-01' }), out };
  }

  it('shows a quiet notice on a page not reviewed for twelve months, and none on a fresh one', () => {
    const result = build('stale', {
      'talks/eu-2021/dns.mdx': talkFile('DNS Pitfalls', 'reviewed: 2025-12\n'),
      'talks/eu-2021/mesh.mdx': talkFile('Meshes Are Awesome', 'reviewed: 2026-01\n'),
      'changes/dns-moved-on.yaml': change(valid),
    });
    expect(result.ok, result.output).toBe(true);
    const page = (slug: string) => readFileSync(join(result.out, 'talks', slug, 'index.html'), 'utf8');
    const stale = textOf(section(page('dns-pitfalls'), /<p class="review-status"/)!);
    expect(stale).toBe(
      'Checked against current releases: December 2025 That was more than 12 months ago, so the projects it covers may have moved on since.',
    );
    expect(page('dns-pitfalls')).toContain('href="https://example.org/notes"');
    expect(page('meshes-are-awesome')).not.toContain('review-status__stale');
    expect(page('meshes-are-awesome')).not.toContain('Since this talk');
  });

  it.each([
    [
      'a change with no source',
      change(valid.replace(/sources:[\s\S]*?(?=checked)/, 'sources: []\n')),
      'field "sources": at least one source',
    ],
    [
      'a change for an unknown talk',
      change(valid.replace('eu-2021/dns', 'eu-2021/dsn')),
      'field "talks[0].talk": there is no talk "eu-2021/dsn"',
    ],
    [
      'a change for an unknown project',
      change(valid.replace('[cilium]', '[cilum]')),
      'field "projects": there is no project "cilum"',
    ],
    [
      'a change dated after today',
      change(valid.replace('date: 2026-11', 'date: 2026-12-24')),
      'field "date": a date not after today (2026-12-01)',
    ],
  ])('refuses %s, naming the file and the field', (_case, text, message) => {
    const result = build(_case.replace(/\W+/g, '-'), { 'changes/dns-moved-on.yaml': text });
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toContain('changes/dns-moved-on.yaml');
    expect(result.output).toContain(message);
    expect(result.output).not.toContain('Hint:');
    expect(existsSync(join(result.out, 'index.html')), 'a failed build leaves no site behind').toBe(false);
  });
});
