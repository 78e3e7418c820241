/**
 * The editorial rules of the content, checked on the files themselves: the
 * themes the site promises, talk pages in the agreed shape, attribution to every
 * recap a talk cites, no orphan project, and our own words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, contentFiles, readBody, root } from '../helpers/site';

const talks = contentFiles('talks', { drafts: true });
const themes = contentFiles('themes', { drafts: true });
const projects = contentFiles('projects');
const recaps = contentFiles('recaps');
const attribution = new Map(recaps.map((recap) => [recap.id, String(recap.data.attribution)]));
const bodyOf = readBody;
const headings = (body: string, level: number) =>
  [...body.matchAll(new RegExp(`^${'#'.repeat(level)} (.+)$`, 'gm'))].map((match) => match[1]!.trim());
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

describe('themes', () => {
  it.each(['ebpf', 'security', 'gitops', 'observability'])('has the required theme %s, with at least three talks', (id) => {
    expect(themes.map((theme) => theme.id)).toContain(id);
    expect(talks.filter((talk) => list(talk.data.themes).includes(id)).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every theme at least one talk, and starts it with talks of that theme', () => {
    for (const theme of themes) {
      const inTheme = talks.filter((talk) => list(talk.data.themes).includes(theme.id)).map((talk) => talk.id);
      expect(inTheme.length, `${theme.file} has no talk`).toBeGreaterThan(0);
      for (const id of list(theme.data.startHere)) expect(inTheme, `${theme.file}: startHere ${id}`).toContain(id);
    }
  });
});

describe('talks', () => {
  it('has a page for every talk the recaps cover', () => {
    expect(talks.length).toBeGreaterThanOrEqual(45);
    expect(new Set(talks.map((talk) => talk.data.event))).toEqual(new Set(['eu-2021', 'eu-2023']));
  });

  it.each(talks.map((talk) => [talk.id, talk] as const))('%s has a theme, a recap and the sections in order', (_id, talk) => {
    expect(list(talk.data.themes).length).toBeGreaterThan(0);
    expect(list(talk.data.recaps).length).toBeGreaterThan(0);
    const body = bodyOf(talk.file);
    const sections = headings(body, 2);
    const order = ['What the talk covered', 'Takeaways', 'Tools and projects', 'What the recaps said'];
    expect(sections[0]).toBe('What the talk covered');
    expect(sections.at(-1)).toBe('What the recaps said');
    const known = sections.filter((section) => order.includes(section));
    expect(known).toEqual(order.filter((section) => known.includes(section)));
  });

  it.each(talks.map((talk) => [talk.id, talk] as const))('%s says what each of its recaps said', (_id, talk) => {
    const body = bodyOf(talk.file);
    const said = body.slice(body.indexOf('## What the recaps said'));
    const subsections = headings(said, 3);
    const cited = list(talk.data.recaps);
    for (const recap of cited) expect(subsections, `${talk.file}: ${recap}`).toContain(attribution.get(recap));
    if (cited.length > 1) expect(subsections.at(-1)).toBe('Where they agree and differ');
  });

  it.each(talks.map((talk) => [talk.id, talk] as const))('%s links exactly its projects under Tools and projects', (_id, talk) => {
    const body = bodyOf(talk.file);
    const start = body.indexOf('## Tools and projects');
    const ids = list(talk.data.projects);
    if (start === -1) {
      expect(ids, `${talk.file} lists projects but has no Tools and projects section`).toEqual([]);
      return;
    }
    const section = body.slice(start, body.indexOf('\n## ', start + 1));
    const linked = [...section.matchAll(/\]\(\/projects\/([a-z0-9-]+)\/\)/g)].map((match) => match[1]);
    expect(new Set(linked)).toEqual(new Set(ids));
  });

  it('marks untitled sessions and gives them a short, fixed slug', () => {
    for (const talk of talks.filter((t) => t.data.untitled)) {
      expect(talk.data.slug, talk.file).toBe(talk.id.split('/').pop());
    }
  });
});

describe('projects', () => {
  it('are each used by a talk, or are the parent of one that is', () => {
    const used = new Set(talks.flatMap((talk) => list(talk.data.projects)));
    const parents = new Set(projects.filter((p) => used.has(p.id)).map((p) => p.data.parent));
    for (const project of projects) {
      expect(used.has(project.id) || parents.has(project.id), `${project.file} is referenced by no page`).toBe(true);
    }
  });
});

describe('own words', () => {
  const tool = join(root, '../shared/tools/check-own-words.mjs');
  it.runIf(existsSync(tool))('repeats no passage of a source recap', () => {
    const run = () => execFileSync(process.execPath, [tool, contentDir], { encoding: 'utf8' });
    expect(run).not.toThrow();
  });
});
