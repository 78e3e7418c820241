/**
 * Bad content stops the build with a message a writer understands: the file,
 * the field and what was expected. One broken file per case, each built from a
 * small scratch content folder; a failed build leaves no output behind.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build';
import { scratchRoot, talkFile, validContent, writeContent } from '../helpers/scratch';

function build(name: string, change: Record<string, string | undefined>) {
  const content = writeContent(name, { ...validContent(), ...change });
  const out = join(scratchRoot, name, 'dist');
  const result = buildSite({ KCR_CONTENT_DIR: content, KCR_OUT_DIR: out });
  const left = existsSync(out) ? readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')) : [];
  return { ...result, left };
}

const talk = 'talks/eu-2021/dns.mdx';
const replaceIn = (file: string, from: string | RegExp, to: string) => ({
  [file]: validContent()[file]!.replace(from, to),
});

describe('bad content', () => {
  afterAll(() => rmSync(scratchRoot, { recursive: true, force: true }));

  it('builds the valid scratch content, so each failure below is the broken file’s', () => {
    const result = build('valid', {});
    expect(result.output).toContain('Complete!');
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a missing required field', replaceIn(talk, /^summary: .*\n/m, ''), talk.replace('.mdx', ''), 'summary'],
    ['a value of the wrong type', replaceIn(talk, 'format: talk', 'format: workshop'), 'dns', 'format'],
    [
      'a date in the wrong format',
      replaceIn('events/eu-2021.yaml', 'start: 2021-05-04', 'start: 4 May 2021'),
      'eu-2021',
      'YYYY-MM-DD',
    ],
    [
      'an unknown theme',
      replaceIn(talk, 'themes: [networking]', 'themes: [networkin]'),
      talk,
      'field "themes": there is no theme "networkin"',
    ],
    [
      'an unknown event',
      replaceIn(talk, 'event: eu-2021', 'event: eu-2031'),
      talk,
      'field "event": there is no event "eu-2031"',
    ],
    [
      'an unknown project',
      replaceIn(talk, 'projects: [cilium]', 'projects: [cilum]'),
      talk,
      'field "projects": there is no project "cilum"',
    ],
    [
      'an unknown recap',
      replaceIn(talk, 'recaps: [diary]', 'recaps: [blog]'),
      talk,
      'field "recaps": there is no recap "blog"',
    ],
    [
      'a duplicate slug',
      replaceIn(talk, 'recaps: [diary]\n', 'recaps: [diary]\nslug: meshes-are-awesome\n'),
      'talks/eu-2021',
      'slug "meshes-are-awesome" is also used by',
    ],
    [
      'a duplicate title within an event',
      replaceIn(talk, 'title: DNS Pitfalls', 'title: Meshes Are Awesome\nslug: other'),
      'talks/eu-2021',
      'field "title": "Meshes Are Awesome" is also the title of',
    ],
    ['an MDX syntax error', replaceIn(talk, 'It covered', 'It covered <Unclosed'), 'dns.mdx', ''],
    [
      'a talk with an empty body',
      { [talk]: validContent()[talk]!.replace(/\n---\n[\s\S]*$/, '\n---\n') },
      talk,
      'the body is empty',
    ],
    [
      'a theme that no talk uses',
      {
        'themes/gitops.mdx': `---\ntitle: GitOps\ndescription: Git.\norder: 2\nstartHere: [eu-2021/dns]\n---\n\nText.\n`,
      },
      'themes/gitops.mdx',
      'no talk lists this theme',
    ],
    [
      'a draft in a published list',
      replaceIn(talk, 'recaps: [diary]\n', 'recaps: [diary]\ndraft: true\n'),
      'themes/networking.mdx',
      'field "startHere": talk "eu-2021/dns" is a draft',
    ],
    [
      'a glossary meaning no page has',
      { 'glossary.yaml': 'HPA:\n  means: [Horizontal Pod Autoscaler]\n' },
      'glossary.yaml: field "HPA.means"',
      '"Horizontal Pod Autoscaler" names nothing on the site',
    ],
    ['a malformed glossary entry', { 'glossary.yaml': 'HPA: [Horizontal Pod Autoscaler]\n' }, 'glossary', 'HPA'],
    [
      'a project alias the glossary defines too',
      {
        ...replaceIn('projects/cilium.yaml', 'description:', 'aliases: [ebpfcni]\ndescription:'),
        'glossary.yaml': 'ebpfcni:\n  means: [Cilium]\n',
      },
      'glossary.yaml: field "ebpfcni.means"',
      'is also defined in',
    ],
  ] as const)('refuses %s', (_case, change, file, message) => {
    const result = build(_case.replace(/\W+/g, '-'), change);
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toContain(file);
    expect(result.output).toContain(message);
    expect(result.left, 'a failed build must leave no pages behind').toEqual([]);
  });

  it('accepts a new talk with a different title at another event', () => {
    const result = build('other-event', {
      'events/eu-2023.yaml': `name: Example Con 2023\nshortName: Example 2023\nlocation: Amsterdam\nstart: 2023-04\nend: 2023-04\nabout: In person.\n`,
      'talks/eu-2023/dns.mdx': talkFile('DNS Pitfalls', 'slug: dns-2023\n').replace('event: eu-2021', 'event: eu-2023'),
    });
    expect(result.ok, result.output).toBe(true);
  });
});
