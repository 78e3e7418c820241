/**
 * The editorial rules of the content, checked on the files themselves: the
 * themes the site promises, talk pages in the agreed shape, attribution to every
 * recap a talk cites, no orphan project, every change sourced and dated, every page
 * with a review month, and our own words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, contentFiles, noteFiles, readBody, recapFiles, root } from '../helpers/site';

const talks = contentFiles('talks', { drafts: true });
const themes = contentFiles('themes', { drafts: true });
const projects = contentFiles('projects');
const recaps = recapFiles();
const notes = noteFiles();
const events = contentFiles('events');
const changes = contentFiles('changes');
const notesOn = (talkId: string) => notes.filter((note) => note.data.talk === talkId);
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
    // Every event has talks, and every talk is at an event on file: adding a conference adds both.
    expect(new Set(talks.map((talk) => talk.data.event))).toEqual(new Set(events.map((event) => event.id)));
  });

  it.each(talks.map((talk) => [talk.id, talk] as const))('%s has a theme, a recap note and the sections in order', (_id, talk) => {
    expect(list(talk.data.themes).length).toBeGreaterThan(0);
    expect(notesOn(talk.id).length, `${talk.file}: no recap has a note on it`).toBeGreaterThan(0);
    const body = bodyOf(talk.file);
    const sections = headings(body, 2);
    const order = ['What the talk covered', 'Takeaways', 'Tools and projects'];
    expect(sections[0]).toBe('What the talk covered');
    // "What the recaps said" is composed from the notes in content/recaps/; the talk file never writes it.
    expect(sections).not.toContain('What the recaps said');
    const known = sections.filter((section) => order.includes(section));
    expect(known).toEqual(order.filter((section) => known.includes(section)));
  });

  it.each(talks.map((talk) => [talk.id, talk] as const))('%s compares its notes exactly when it has several', (_id, talk) => {
    expect(Boolean(talk.data.comparison), talk.file).toBe(notesOn(talk.id).length > 1);
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

describe('recaps', () => {
  it('each have notes, and every note has a body in our words about a talk of the recap’s event', () => {
    const talkEvent = new Map(talks.map((talk) => [talk.id, talk.data.event]));
    for (const recap of recaps) {
      const own = notes.filter((note) => note.id.startsWith(`${recap.id}/`));
      expect(own.length, `${recap.file} has no notes`).toBeGreaterThan(0);
      for (const note of own) {
        expect(bodyOf(note.file).trim().length, `${note.file} is empty`).toBeGreaterThan(40);
        expect(talkEvent.get(String(note.data.talk)), note.file).toBe(recap.data.event);
      }
    }
  });

  it.each(recaps.map((recap) => [recap.id, recap] as const))('%s numbers its notes 1, 2, 3… in the writer’s order, once it numbers any', (_id, recap) => {
    const own = notes.filter((note) => note.id.startsWith(`${recap.id}/`));
    const numbered = own.filter((note) => note.data.order !== undefined);
    if (numbered.length === 0) return;
    // A half-numbered recap would list its unnumbered notes last, out of the writer's order.
    expect(own.filter((note) => note.data.order === undefined).map((note) => `${note.file}: no order`)).toEqual([]);
    expect(
      numbered.map((note) => Number(note.data.order)).sort((a, b) => a - b),
      `${recap.file}: the order fields of its notes`,
    ).toEqual(own.map((_, i) => i + 1));
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

describe('changes since the talks', () => {
  // YAML reads an unquoted 2026-12-01 as a Date.
  const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

  it('are recorded', () => expect(changes.length).toBeGreaterThan(0));

  it.each(changes.map((change) => [change.id, change] as const))(
    '%s has a source on an https URL and the day it was checked',
    (_id, change) => {
      const sources = change.data.sources as { url?: unknown }[] | undefined;
      expect(sources?.length, `${change.file}: sources`).toBeGreaterThan(0);
      for (const source of sources ?? []) expect(String(source.url), change.file).toMatch(/^https:\/\/[^/\s]+\.[a-z]+\//);
      expect(text(change.data.checked), `${change.file}: checked`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it('affect only talks that exist, each with a verdict and a note', () => {
    const ids = new Set(talks.map((talk) => talk.id));
    for (const change of changes) {
      for (const impact of (change.data.talks ?? []) as { talk: string; verdict: string; note: string }[]) {
        expect(ids.has(impact.talk), `${change.file}: ${impact.talk}`).toBe(true);
        expect(['holds', 'partly', 'superseded'], change.file).toContain(impact.verdict);
        expect(impact.note.length, change.file).toBeGreaterThan(20);
      }
    }
  });

  it('mark a superseded takeaway inside the Takeaways list of a talk the change affects', () => {
    for (const talk of talks) {
      const body = bodyOf(talk.file);
      for (const match of body.matchAll(/<Superseded change="([^"]+)" \/>/g)) {
        const line = body.slice(body.lastIndexOf('\n', match.index) + 1, match.index);
        expect(line, `${talk.file}: the mark starts a list item`).toBe('- ');
        const section = body.slice(0, match.index).split(/^## /m).at(-1)!;
        expect(section.startsWith('Takeaways'), `${talk.file}: the mark is under ## Takeaways`).toBe(true);
        const change = changes.find((c) => c.id === match[1]);
        const impact = ((change?.data.talks ?? []) as { talk: string }[]).find((i) => i.talk === talk.id);
        expect(impact, `${talk.file}: ${match[1]} lists this talk`).toBeDefined();
      }
    }
  });
});

describe('review months', () => {
  it.each([...talks, ...themes].map((page) => [page.file.slice(contentDir.length + 1), page] as const))(
    '%s says when it was last checked against current releases',
    (_file, page) => {
      expect(String(page.data.reviewed), `${page.file}: reviewed`).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
    },
  );

  it('never dates a talk review before the talk was given', () => {
    // The helpers read dates as the build does: an unquoted YYYY-MM-DD is a Date.
    const text = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
    const start = new Map(events.map((event) => [event.id, text(event.data.start).slice(0, 7)]));
    for (const talk of talks) {
      expect(text(talk.data.reviewed) >= start.get(String(talk.data.event))!, talk.file).toBe(true);
    }
  });
});

describe('own words', () => {
  const tool = join(root, '../shared/tools/check-own-words.mjs');
  // The checker lives beside the repository, not in it. Outside CI a clone without it skips this test with
  // the reason in its name; in CI a missing checker fails.
  const available = existsSync(tool) || process.env.CI === 'true';
  const name = available
    ? 'repeats no passage of a source recap'
    : `repeats no passage of a source recap (SKIPPED: ${tool} is missing)`;
  it.runIf(available)(name, () => {
    expect(existsSync(tool), `${tool} is missing; CI must run with ../shared beside the repository`).toBe(true);
    const run = () => execFileSync(process.execPath, [tool, contentDir], { encoding: 'utf8' });
    expect(run).not.toThrow();
  });
  if (!available) console.warn(`\n  ⚠ own-words check skipped: ${tool} is missing\n`);
});
