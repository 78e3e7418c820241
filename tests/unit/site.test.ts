import { describe, expect, it } from 'vitest';
import { linkSite, ContentError } from '../../src/lib/site';
import { note, problemsOf, projectRef, sampleContent, talkRef, themeRef } from '../helpers/fixtures';

const build = (content = sampleContent(), includeDrafts = false) => linkSite(content, { includeDrafts });

describe('linkSite', () => {
  it('links talks to their event, themes, projects and recaps both ways', () => {
    const site = build();
    const dns = site.talks.find((t) => t.id === 'eu-2021/dns')!;
    expect(dns.event.shortName).toBe('Europe 2021');
    expect(dns.themes.map((t) => t.id)).toEqual(['networking']);
    expect(dns.projects.map((p) => p.name)).toEqual(['Cilium']);
    expect(dns.recaps.map((r) => r.attribution)).toEqual(['The diary']);
    const networking = site.themes.find((t) => t.id === 'networking')!;
    expect(networking.talks.map((t) => t.id)).toEqual(['eu-2021/dns', 'eu-2021/mesh']);
    expect(networking.startHere.map((t) => t.id)).toEqual(['eu-2021/dns']);
    const diary = site.recaps.find((r) => r.id === 'diary')!;
    expect(diary.talks.map((t) => t.id)).toEqual(['eu-2021/dns', 'eu-2021/mesh']);
    expect(diary.notes.map((n) => n.file)).toEqual(['content/recaps/diary/dns.md', 'content/recaps/diary/mesh.md']);
    expect(dns.notes.map((n) => [n.recap.id, n.talk.id])).toEqual([['diary', 'eu-2021/dns']]);
    expect(site.events.find((e) => e.id === 'eu-2023')!.recaps.map((r) => r.id)).toEqual(['report']);
    const argoCd = site.projects.find((p) => p.id === 'argo-cd')!;
    expect(argoCd.parent?.id).toBe('argo');
    expect(site.projects.find((p) => p.id === 'argo')!.children).toEqual([argoCd]);
  });

  it('derives slugs from titles and honours a slug override', () => {
    const slugs = build().talks.map((t) => t.slug);
    expect(slugs).toContain('dns-the-ndots-story');
    expect(slugs).toContain('argo-scale');
  });

  it('orders talks newest event first, then by title, and themes by their order', () => {
    const site = build();
    expect(site.talks.map((t) => t.title)).toEqual(['Argo at Scale', 'DNS: the ndots Story', 'Meshes Are Awesome']);
    expect(site.themes.map((t) => t.id)).toEqual(['gitops', 'networking']);
    expect(site.events.map((e) => e.id)).toEqual(['eu-2023', 'eu-2021']);
  });

  it('names the file and field of an unknown theme', () => {
    const content = sampleContent();
    content.talks[0]!.data.themes = [themeRef('networkin')];
    const problems = problemsOf(() => build(content));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/talks/eu-2021/dns.mdx: field "themes": there is no theme "networkin"');
    expect(problems[0]).toContain('gitops, networking');
  });

  it('names the file and field of unknown projects, note talks, parents and start-here talks', () => {
    const content = sampleContent();
    content.talks[0]!.data.projects = [projectRef('cilum')];
    content.notes.push(note('diary/meshes', 'eu-2021/meshes'));
    content.projects[1]!.data.parent = projectRef('argoproj');
    content.themes[0]!.data.startHere = [talkRef('eu-2021/dnss')];
    const problems = problemsOf(() => build(content)).join('\n');
    expect(problems).toContain('content/talks/eu-2021/dns.mdx: field "projects": there is no project "cilum"');
    expect(problems).toContain('content/recaps/diary/meshes.md: field "talk": there is no talk "eu-2021/meshes"');
    expect(problems).toContain('content/projects/argo-cd.yaml: field "parent": there is no project "argoproj"');
    expect(problems).toContain('content/themes/networking.mdx: field "startHere": there is no talk "eu-2021/dnss"');
  });

  it('refuses two talks with the same slug, naming both files', () => {
    const content = sampleContent();
    content.talks[2]!.data.slug = 'meshes-are-awesome';
    const [problem] = problemsOf(() => build(content));
    expect(problem).toMatch(/^content\/talks\/eu-2023\/argo\.mdx: field "slug": slug "meshes-are-awesome"/);
    expect(problem).toContain('content/talks/eu-2021/mesh.mdx');
  });

  it('refuses the same title twice at one event, but allows it at another', () => {
    const content = sampleContent();
    content.talks[1]!.data.title = 'DNS: The ndots story';
    content.talks[1]!.data.slug = 'other';
    expect(problemsOf(() => build(content))[0]).toContain('field "title"');
    const ok = sampleContent();
    ok.talks[2]!.data.title = 'DNS: the ndots Story';
    expect(() => build(ok)).not.toThrow();
  });

  it('refuses a talk with an empty body', () => {
    const content = sampleContent();
    content.talks[0]!.body = '  \n';
    expect(problemsOf(() => build(content))[0]).toContain('content/talks/eu-2021/dns.mdx: the body is empty');
  });

  it('refuses a theme that no talk uses', () => {
    const content = sampleContent();
    content.talks[2]!.data.themes = [themeRef('networking')];
    content.talks[1]!.data.themes = [themeRef('networking')];
    content.themes[1]!.data.startHere = [talkRef('eu-2021/dns')];
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringContaining('content/themes/gitops.mdx: no talk lists this theme'),
    ]);
  });

  it('leaves drafts out of a production build and keeps them in dev', () => {
    const content = sampleContent();
    content.talks[1]!.data.draft = true;
    expect(build(content).talks.map((t) => t.id)).not.toContain('eu-2021/mesh');
    expect(build(content, true).talks.map((t) => t.id)).toContain('eu-2021/mesh');
  });

  it('refuses a draft talk in a published start-here list', () => {
    const content = sampleContent();
    content.talks[0]!.data.draft = true;
    content.talks[1]!.data.themes = [themeRef('networking')];
    expect(problemsOf(() => build(content)).join('\n')).toContain(
      'content/themes/networking.mdx: field "startHere": talk "eu-2021/dns" is a draft',
    );
  });

  it('turns redirectFrom into redirects and refuses one that shadows a live talk', () => {
    const content = sampleContent();
    content.talks[0]!.data.redirectFrom = ['ndots-story'];
    const [redirect, ...others] = build(content).redirects;
    expect(others).toEqual([]);
    expect(redirect!.from).toBe('ndots-story');
    expect(redirect!.to.slug).toBe('dns-the-ndots-story');
    content.talks[0]!.data.redirectFrom = ['argo-scale'];
    expect(problemsOf(() => build(content))[0]).toContain('field "redirectFrom"');
  });

  it('reports every problem at once', () => {
    const content = sampleContent();
    content.talks[0]!.data.themes = [themeRef('x')];
    content.talks[1]!.body = '';
    let error: ContentError | undefined;
    try {
      build(content);
    } catch (e) {
      error = e as ContentError;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect(error!.problems.length).toBeGreaterThanOrEqual(2);
    expect(error!.message).toMatch(/^The content has \d+ problems/);
  });
});

describe('linkSite and the recaps’ notes', () => {
  it('puts a recap’s notes in the writer’s order, then the event’s order', () => {
    const content = sampleContent();
    content.notes = [
      note('diary/dns', 'eu-2021/dns'),
      note('diary/mesh', 'eu-2021/mesh', { order: 1 }),
      note('report/argo', 'eu-2023/argo'),
    ];
    expect(
      build(content)
        .recaps.find((r) => r.id === 'diary')!
        .talks.map((t) => t.id),
    ).toEqual(['eu-2021/mesh', 'eu-2021/dns']);
  });

  it('orders a talk’s notes by the recaps’ names', () => {
    const content = sampleContent();
    content.recaps.push({ ...content.recaps[0]!, id: 'blog', filePath: 'content/recaps/blog/index.mdx' });
    content.recaps.at(-1)!.data = { ...content.recaps[0]!.data, attribution: 'A blog' };
    content.notes.push(note('blog/dns', 'eu-2021/dns'));
    content.talks[0]!.data.comparison = 'They agree.';
    const dns = build(content).talks.find((t) => t.id === 'eu-2021/dns')!;
    expect(dns.recaps.map((r) => r.attribution)).toEqual(['A blog', 'The diary']);
  });

  it('refuses a talk no recap has a note on, naming the talk and the command that adds one', () => {
    const content = sampleContent();
    content.notes = content.notes.filter((n) => n.id !== 'diary/mesh');
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringMatching(
        /^content\/talks\/eu-2021\/mesh\.mdx: no recap has a note on this talk.*npm run new -- note --recap <recap> --talk meshes-are-awesome$/,
      ),
    ]);
  });

  it('refuses a second note from one recap on the same talk, naming both files', () => {
    const content = sampleContent();
    content.notes.push(note('diary/dns-again', 'eu-2021/dns'));
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringContaining(
        'content/recaps/diary/dns-again.md: field "talk": content/recaps/diary/dns.md is already this recap\'s note on "eu-2021/dns"',
      ),
    ]);
  });

  it('refuses a note on a talk from another event than the recap’s', () => {
    const content = sampleContent();
    content.notes.push(note('diary/argo', 'eu-2023/argo'));
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringMatching(
        /^content\/recaps\/diary\/argo\.md: field "talk": "eu-2023\/argo" was given at KubeCon Europe 2023, but this recap \(content\/recaps\/diary\/index\.mdx\) reports on KubeCon Europe 2021$/,
      ),
    ]);
  });

  it('refuses a note in a folder that has no recap', () => {
    const content = sampleContent();
    content.notes.push(note('blog/dns', 'eu-2021/dns'));
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringContaining('content/recaps/blog/dns.md: the folder content/recaps/blog/ has no index.mdx'),
    ]);
  });

  it('refuses a comparison on a talk with one note, and demands one on a talk with two', () => {
    const content = sampleContent();
    content.talks[0]!.data.comparison = 'Nothing to compare.';
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringContaining(
        'content/talks/eu-2021/dns.mdx: field "comparison": only The diary has a note on this talk, so there is nothing to compare',
      ),
    ]);
    content.talks[0]!.data.comparison = undefined;
    content.recaps.push({ ...content.recaps[0]!, id: 'blog', filePath: 'content/recaps/blog/index.mdx' });
    content.notes.push(note('blog/dns', 'eu-2021/dns'));
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringContaining(
        'content/talks/eu-2021/dns.mdx: field "comparison": 2 recaps have notes on this talk (content/recaps/diary/dns.md, content/recaps/blog/dns.md)',
      ),
    ]);
  });

  it('leaves a draft’s notes out of a production build, and lets a draft go without a note in dev', () => {
    const content = sampleContent();
    content.talks[1]!.data.draft = true;
    content.themes[1]!.data.startHere = [talkRef('eu-2023/argo')];
    expect(
      build(content)
        .recaps.find((r) => r.id === 'diary')!
        .talks.map((t) => t.id),
    ).toEqual(['eu-2021/dns']);
    content.notes = content.notes.filter((n) => n.id !== 'diary/mesh');
    expect(build(content, true).talks.find((t) => t.id === 'eu-2021/mesh')!.notes).toEqual([]);
  });
});

describe('linkSite with a missing event', () => {
  it('reports the unknown event instead of failing on it', async () => {
    const { eventRef } = await import('../helpers/fixtures');
    const content = sampleContent();
    content.talks[0]!.data.event = eventRef('eu-2031');
    expect(problemsOf(() => build(content))).toEqual([
      expect.stringContaining('content/talks/eu-2021/dns.mdx: field "event": there is no event "eu-2031"'),
    ]);
  });
});

describe('an empty note', () => {
  it('is refused in a production build, naming the file, and kept in dev', () => {
    const content = sampleContent();
    content.notes[0]!.body = '  \n';
    expect(problemsOf(() => build(content))).toContainEqual(
      expect.stringMatching(
        /^content\/recaps\/diary\/dns\.md: the note is empty; below its frontmatter, write what The diary saw/,
      ),
    );
    expect(build(content, true).talks.find((t) => t.id === 'eu-2021/dns')!.notes[0]!.empty).toBe(true);
  });
});

describe('a recap’s picks', () => {
  it('links each pick to its talk', () => {
    const content = sampleContent();
    content.recaps[0]!.data.picks = [talkRef('eu-2021/mesh')];
    const diary = build(content).recaps.find((r) => r.id === 'diary')!;
    expect(diary.picks.map((t) => t.id)).toEqual(['eu-2021/mesh']);
  });
  it('refuses a pick the recap has no note on, and one that names no talk', () => {
    const content = sampleContent();
    content.recaps[0]!.data.picks = [talkRef('eu-2023/argo'), talkRef('eu-2021/nothing')];
    expect(problemsOf(() => build(content))).toEqual([
      'content/recaps/diary/index.mdx: field "picks": this recap has no note on "eu-2023/argo"; pick only talks it wrote about, or add the note first',
      expect.stringMatching(/^content\/recaps\/diary\/index\.mdx: field "picks": there is no talk "eu-2021\/nothing"/),
    ]);
  });
  it('leaves out a pick of a draft in a production build', () => {
    const content = sampleContent();
    content.talks.find((t) => t.id === 'eu-2021/mesh')!.data.draft = true;
    content.recaps[0]!.data.picks = [talkRef('eu-2021/mesh')];
    expect(build(content).recaps.find((r) => r.id === 'diary')!.picks).toEqual([]);
    expect(
      build(content, true)
        .recaps.find((r) => r.id === 'diary')!
        .picks.map((t) => t.id),
    ).toEqual(['eu-2021/mesh']);
  });
});
