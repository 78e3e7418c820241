/**
 * A small, valid content folder written from scratch, for tests that break one
 * file at a time and build it. Small, so each build takes seconds, not minutes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from './site';

export const scratchRoot = join(root, 'tests/.tmp/scratch');

const talk = (title: string, extra = '') => `---
title: ${title}
event: eu-2021
speakers:
  - name: Ada Example
    affiliation: Example Corp
format: talk
themes: [networking]
projects: [cilium]
summary: A summary long enough to describe what the talk was about in one sentence.
${extra}---

## What the talk covered

It covered ${title.toLowerCase()}.
`;

/** One recap's note on a talk. */
const note = (talk: string, body = 'It liked it.') => `---\ntalk: ${talk}\n---\n\n${body}\n`;

export function validContent(): Record<string, string> {
  return {
    'events/eu-2021.yaml': `name: Example Con 2021\nshortName: Example 2021\nlocation: virtual\nstart: 2021-05-04\nend: 2021-05-07\nabout: Online.\n`,
    'recaps/diary/index.mdx': `---\ntitle: A diary\nauthor: Someone\nattribution: The diary\nevent: eu-2021\nscope: Talk by talk.\n---\n`,
    'recaps/diary/dns.md': note('eu-2021/dns'),
    'recaps/diary/mesh.md': note('eu-2021/mesh'),
    'projects/cilium.yaml': `name: Cilium\ndescription: An eBPF-based CNI.\ncategory: networking\n`,
    'themes/networking.mdx': `---\ntitle: Networking\ndescription: Packets and DNS.\norder: 1\nstartHere: [eu-2021/dns]\n---\n\nAn overview.\n`,
    'talks/eu-2021/dns.mdx': talk('DNS Pitfalls'),
    'talks/eu-2021/mesh.mdx': talk('Meshes Are Awesome'),
  };
}

/** Writes a content folder from files (path → text; undefined deletes) and returns its path. */
export function writeContent(name: string, files: Record<string, string | undefined>): string {
  const dir = join(scratchRoot, name, 'content');
  rmSync(join(scratchRoot, name), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export { talk as talkFile, note as noteFile };
