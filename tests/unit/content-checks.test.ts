/**
 * Every mistake a writer can make in a content folder, one at a time on the small valid folder the build tests
 * use, checked by the same function the build and the dev server run before anything is written. Each must
 * come back as one problem naming the file, the line or field, what is wrong and what to do. The build tests
 * (tests/build/bad-content.test.ts) show that a build stops on these with the message alone.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bodyComponents,
  bodyProblems,
  collections,
  readContentFolder,
  type ContentFile,
} from '../../src/lib/content-checks';
import { checkContent, checkContentFolder, checkDigest } from '../../src/lib/content-folder';
import { scratchRoot, validContent, writeContent } from '../helpers/scratch';
import { root } from '../helpers/site';

const encoder = new TextEncoder();
type Files = Record<string, string | Uint8Array | undefined>;

function filesOf(files: Files): ContentFile[] {
  return Object.entries(files)
    .filter((entry): entry is [string, string | Uint8Array] => entry[1] !== undefined)
    .map(([path, text]) => ({ path, bytes: typeof text === 'string' ? encoder.encode(text) : text }));
}
const check = (files: Files, includeDrafts = false) =>
  checkContent(filesOf(files), { shownDir: 'content', includeDrafts });

const talk = 'talks/eu-2021/dns.mdx';
const event = 'events/eu-2021.yaml';
const valid = () => validContent() as Files;
const edit = (file: string, from: string | RegExp, to: string): Files => ({
  ...valid(),
  [file]: (validContent()[file] as string).replace(from, to),
});
/** The valid talk with a line added to its body. */
const withBody = (line: string) => edit(talk, 'It covered dns pitfalls.', `It covered dns pitfalls.\n\n${line}`);
/** The line withBody puts its line on. */
const bodyLine = 17;
const note = 'recaps/diary/dns.md';
/** The valid note with a line added below its text: line 7 of the file. */
const withNoteLine = (line: string) => edit(note, 'It liked it.', `It liked it.\n\n${line}`);
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** Mistakes in the valid event's start date: the case, the date written, and the problem after the field's name. */
const eventStarts: [string, string, string][] = [
  ['an impossible date, unquoted', '2021-02-30', 'a day in the calendar: February 2021 has 28 days'],
  ['an impossible date, quoted', '"2021-02-30"', 'a day in the calendar: February 2021 has 28 days'],
  ['a date in the wrong format', '4 May 2021', 'a date written YYYY-MM-DD'],
];
/** Mistakes in one line of the valid talk: the case, what it replaces, with what, and the problem after the file's name. */
const talkEdits: [string, string | RegExp, string, string][] = [
  [
    'frontmatter never closed',
    /\n---\n\n## What/,
    '\n\n## What',
    ':1: the fields that open on line 1 are never closed: add a line of --- after the last field',
  ],
  [
    'frontmatter not closed before a horizontal rule in the body',
    /\n---\n\n## What the talk covered\n/,
    '\n\n## What the talk covered\n\nIntro.\n\n---\n',
    ':1: the fields are not closed before the body: add a line of --- after the last field',
  ],
  [
    'a file that does not start with its fields',
    /^---\n/,
    'Notes\n---\n',
    ':1: the file does not start with its fields',
  ],
  [
    'broken YAML',
    'title: DNS Pitfalls',
    'title: DNS: the pitfalls',
    ':2: this is not valid YAML: bad indentation of a mapping entry (a value that contains ": "',
  ],
  ['a mistyped field name', 'themes:', 'theme:', ':8: "theme" is not a field of a talk; did you mean "themes"?'],
  [
    'a field that does not exist',
    'format: talk',
    'format: talk\nvideo: https://example.org',
    ':8: "video" is not a field of a talk; the fields are title, untitled, event',
  ],
  [
    'a missing field, with what it holds',
    /^format: .*\n/m,
    '',
    ': field "format" is missing: The kind of session: keynote, talk, tutorial',
  ],
  [
    'a value not among the options',
    'format: talk',
    'format: workshop',
    ':7: field "format": expected one of keynote, talk, tutorial, panel, lightning, co-located (it is "workshop")',
  ],
  [
    'one value where a list belongs',
    'themes: [networking]',
    'themes: networking',
    ':8: field "themes": expected a list, such as [a, b] (it is "networking")',
  ],
  [
    'a published talk without a summary',
    /^summary: .*\n/m,
    '',
    ': field "summary" is missing: One sentence in our words',
  ],
  [
    'a published talk with an empty summary',
    /^summary: .*$/m,
    'summary: ""',
    ':10: field "summary": a summary of at least 40 characters (it is "")',
  ],
  [
    'a title too long for a path or a card',
    'title: DNS Pitfalls',
    `title: ${'Very long '.repeat(200)}`,
    ':2: field "title": a title of at most 120 characters',
  ],
  [
    'a non-Latin title whose slug is too long for a file name',
    'title: DNS Pitfalls',
    `title: ${'複数クラスタ'.repeat(15)}`,
    ':2: field "title": the URL slug',
  ],
  [
    'a slug written with capitals',
    'projects: [cilium]',
    'projects: [cilium]\nslug: DNS-Pitfalls',
    ':10: field "slug": a slug of lower-case letters, digits and single hyphens, such as "ebpf-on-the-rise" (this one would be "dns-pitfalls")',
  ],
  // Between files (buildSite, once every file reads)
  [
    'an unknown theme',
    'themes: [networking]',
    'themes: [networkin]',
    ': field "themes": there is no theme "networkin"',
  ],
];
/** Mistakes in a line added to the valid talk's body: the case, the line, and the problem after the file and line. */
const bodyLines: [string, string, string][] = [
  [
    'a redirect in the body',
    '<meta http-equiv="refresh" content="0;url=https://example.org" />',
    '<meta> is not allowed in a content file',
  ],
  ['a script in the body', '<script>alert(1)</script>', '<script> is not allowed in a content file'],
  [
    'an iframe in the body',
    '<iframe src="https://example.org/"></iframe>',
    '<iframe> is not allowed in a content file',
  ],
  [
    'an event handler attribute',
    '<img src="/x.png" alt="x" onerror="alert(1)" />',
    'the onerror attribute on <img> would run code; remove it',
  ],
  [
    'a javascript: link in Markdown',
    '[click](javascript:alert(1))',
    'the link to "javascript:alert(1)" would run code',
  ],
  [
    'a javascript: link in an attribute, hidden by a tab',
    '<a href="java\tscript:alert(1)">click</a>',
    `href="java\tscript:alert(1)" on <a> would run code`,
  ],
  [
    'braces in prose',
    'Set {app} to the name.',
    `{app} would run as JavaScript (MDX reads what is between braces as code); to show the braces, write \\{app\\} or put it in backticks`,
  ],
  [
    'a component the site does not provide',
    '<Callout>Careful.</Callout>',
    '<Callout> is not a component the site provides; talks can use <Background title="…">, <Superseded change="…">',
  ],
  [
    'a Background block without its title',
    '<Background>What DNS is.</Background>',
    '<Background> needs a title="…" attribute',
  ],
  ['an import line', "import Thing from '../thing.js';", 'import and export lines are code'],
  ['an MDX syntax error', 'It covered <Unclosed', 'this is not valid MDX: Unexpected character'],
];

describe('the content checks', () => {
  it('find nothing wrong with the valid folder', () => {
    expect(check(valid())).toEqual([]);
  });

  it('know the components the talk route gives a body, and no other', () => {
    const route = readFileSync(join(root, 'src/pages/talks/[slug].astro'), 'utf8');
    const given = /<Content components=\{\{([^}]*)\}\}/.exec(route)![1]!;
    const names = given.split(',').map((entry) => entry.split(':')[0]!.trim());
    expect(names.sort()).toEqual(Object.keys(bodyComponents.talks!).sort());
  });

  it('know every collection content.config.ts loads, and no other', () => {
    const config = readFileSync(join(root, 'src/content.config.ts'), 'utf8');
    const loaded = [...config.matchAll(/^ {2}(\w+): defineCollection\(/gm)].map((match) => match[1]);
    expect(loaded.sort()).toEqual(Object.keys(collections).sort());
  });

  it.each<[string, Files, string]>([
    // Dates
    ...eventStarts.map(([name, start, problem]): [string, Files, string] => [
      name,
      edit(event, 'start: 2021-05-04', `start: ${start}`),
      `content/${event}:4: field "start": ${problem}`,
    ]),
    // Where files are and what they are called
    [
      'a note saved as .mdx',
      { ...valid(), [note]: undefined, 'recaps/diary/dns.mdx': validContent()[note] },
      'content/recaps/diary/dns.mdx: a note is a .md file, so the build would skip this one; rename it to dns.md',
    ],
    [
      'a talk saved as .md',
      { ...valid(), [talk]: undefined, 'talks/eu-2021/dns.md': validContent()[talk] },
      'content/talks/eu-2021/dns.md: a talk is a .mdx file, so the build would skip this one; rename it to dns.mdx',
    ],
    [
      'an event saved as .yml',
      { ...valid(), [event]: undefined, 'events/eu-2021.yml': validContent()[event] },
      'content/events/eu-2021.yml: an event is a .yaml file, so the build would skip this one; rename it to eu-2021.yaml',
    ],
    [
      'a folder that is not a collection',
      { ...valid(), 'talk/eu-2021/x.mdx': validContent()[talk] },
      'content/talk/eu-2021/x.mdx: "talk" is not a content folder; did you mean "talks"?',
    ],
    [
      'a file name that is not a slug',
      { ...valid(), 'themes/Sustainability.mdx': validContent()['themes/networking.mdx'] },
      'content/themes/Sustainability.mdx: the name "Sustainability" is not written the way the site writes names',
    ],
    // Encodings
    [
      'a file saved as Latin-1',
      { ...valid(), [talk]: latin1((validContent()[talk] as string).replace('It covered', 'Réseau: it covered')) },
      'content/talks/eu-2021/dns.mdx:15: this is not UTF-8 text',
    ],
    // Frontmatter
    ['an empty talk', { ...valid(), [talk]: '' }, 'content/talks/eu-2021/dns.mdx: the file is empty'],
    ['an empty YAML file', { ...valid(), [event]: '\n' }, 'content/events/eu-2021.yaml: the file is empty'],
    ...talkEdits.map(([name, from, to, problem]): [string, Files, string] => [
      name,
      edit(talk, from, to),
      `content/${talk}${problem}`,
    ]),
    // Bodies
    ...bodyLines.map(([name, line, problem]): [string, Files, string] => [
      name,
      withBody(line),
      `content/${talk}:${bodyLine}: ${problem}`,
    ]),
    // Notes are Markdown: the same markup is refused, and a component is named
    ...(
      [
        ['a <script> in a note', '<script>alert(1)</script>', '<script> is not allowed in a content file'],
        [
          'an on…= attribute in a note',
          'See <b onclick="x()">this</b>.',
          'the onClick attribute on <b> would run code',
        ],
        [
          'a javascript: link in a note',
          '[slides](javascript:alert(1))',
          'the link to "javascript:alert(1)" would run code',
        ],
        [
          'a javascript: href in a note',
          '<a href="javascript:x">slides</a>',
          'href="javascript:x" on <a> would run code',
        ],
        [
          'a component in a note',
          '<Callout>Read this.</Callout>',
          '<Callout> is not a component the site provides; notes use none',
        ],
      ] as const
    ).map(([name, line, problem]): [string, Files, string] => [
      name,
      withNoteLine(line),
      `content/${note}:7: ${problem}`,
    ]),
    // Between files (buildSite, once every file reads); an unknown theme is among the talk edits
    [
      'a draft in a published list',
      edit(talk, 'projects: [cilium]\n', 'projects: [cilium]\ndraft: true\n'),
      'content/themes/networking.mdx: field "startHere": talk "eu-2021/dns" is a draft',
    ],
    [
      'a folder without talks',
      { ...valid(), [talk]: undefined, 'talks/eu-2021/mesh.mdx': undefined },
      'content/talks/: there is no talk here; the site needs at least one',
    ],
  ])('refuse %s', (_case, files, expected) => {
    const problems = check(files);
    expect(problems.length, problems.join('\n')).toBeGreaterThan(0);
    expect(problems[0]).toContain(expected);
  });

  it('name a file whose name is not UTF-8, showing the byte', () => {
    const files = filesOf(valid());
    files.push({
      path: 'talks/eu-2021/r\uFFFDseau.mdx',
      bytes: new Uint8Array(),
      rawPath: latin1('talks/eu-2021/réseau.mdx'),
    });
    expect(checkContent(files, { shownDir: 'content', includeDrafts: false })).toEqual([
      expect.stringContaining(
        'content/talks/eu-2021/r\uFFFDseau.mdx: the name is not UTF-8 text (it reads "talks/eu-2021/r\\xE9seau.mdx")',
      ),
    ]);
  });

  it('report every file’s problems at once', () => {
    const files = { ...edit(talk, 'themes:', 'theme:'), [event]: '\n' };
    expect(check(files)).toHaveLength(2);
  });

  it('refuse a content folder that does not exist, in one line', () => {
    expect(checkContentFolder('/nonexistent/content', { includeDrafts: false })).toEqual([
      'KCR_CONTENT_DIR points to /nonexistent/content, which does not exist; point it at a folder holding talks/, themes/, events/, projects/, recaps/, changes/, or leave it unset to use ./content',
    ]);
  });

  it('read a file name with a Latin-1 byte from disk and name it', () => {
    const content = writeContent('latin1-name', validContent());
    try {
      const name = Buffer.concat([
        Buffer.from(`${content}/talks/eu-2021/r`),
        Buffer.from([0xe9]),
        Buffer.from('seau.mdx'),
      ]);
      writeFileSync(name, validContent()[talk]!);
      expect(checkContentFolder(content, { includeDrafts: false })).toEqual([
        expect.stringMatching(
          /talks\/eu-2021\/r\uFFFDseau\.mdx: the name is not UTF-8 text \(it reads "talks\/eu-2021\/r\\xE9seau\.mdx"\)/,
        ),
      ]);
    } finally {
      rmSync(join(scratchRoot, 'latin1-name'), { recursive: true, force: true });
    }
  });
});

describe('the content checks accept', () => {
  it('a talk saved with Windows line endings, and one with a byte-order mark', () => {
    const crlf = (validContent()[talk] as string).replace(/\n/g, '\r\n');
    expect(check({ ...valid(), [talk]: crlf })).toEqual([]);
    expect(
      check({ ...valid(), [talk]: `\uFEFF${validContent()[talk]}`, [event]: `\uFEFF${validContent()[event]}` }),
    ).toEqual([]);
  });

  it('lines counted the same with Windows line endings', () => {
    const crlf = (validContent()[talk] as string).replace('themes:', 'theme:').replace(/\n/g, '\r\n');
    expect(check({ ...valid(), [talk]: crlf })[0]).toContain('content/talks/eu-2021/dns.mdx:8: "theme" is not a field');
  });

  it('a Japanese title, and old slugs in Cyrillic and Japanese', () => {
    const files = edit(
      talk,
      'title: DNS Pitfalls',
      'title: 複数クラスタにまたがるLinkerd\nredirectFrom: [сетевые-политики, 古いタイトル]',
    );
    expect(check(files)).toEqual([]);
  });

  it('a draft with no summary and no note yet, as the scaffolder writes it', () => {
    const draft = edit(talk, /^summary: .*$/m, 'summary: ""\ndraft: true');
    const files: Files = { ...draft, 'recaps/diary/dns.md': undefined };
    expect(check(files, true)).toEqual([]);
    expect(check({ ...files, [talk]: (files[talk] as string).replace('draft: true', 'draft: false') }, true)).toEqual([
      'content/talks/eu-2021/dns.mdx:10: field "summary": a summary of at least 40 characters (it is "")',
    ]);
  });

  it('a recap folder with its index and its notes; an old single-file recap is told where to go', () => {
    expect(check({ ...valid(), 'recaps/diary.yaml': 'title: x\n' })).toEqual([
      'content/recaps/diary.yaml: a recap is a folder: its index.mdx, and one .md note per talk it covered; move this file to recaps/diary/index.mdx',
    ]);
    expect(check({ ...valid(), 'recaps/diary/dns.md': '---\nverdict: Good\n---\n' })[0]).toContain(
      'content/recaps/diary/dns.md: field "talk" is missing: The talk the note is about',
    );
  });

  it('a note with braces and plain inline markup: Markdown reads them as text', () => {
    expect(
      check(withNoteLine('Set {replicas: 3} and it <b>held</b>; see <a href="/talks/dns/">the talk</a>.')),
    ).toEqual([]);
  });

  it('markup that is only shown: a <script> in a code block or inline code, a comment', () => {
    expect(
      bodyProblems(
        'Use `<script>` here.\n\n```html\n<script>alert(1)</script>\n<a href="javascript:x">\n```\n\n{/* a note */}\n',
        'talks',
      ),
    ).toEqual([]);
  });
});

describe('a build’s content check', () => {
  const name = 'clean-record';
  const record = join(scratchRoot, `${name}-record`, 'content-checks-clean');
  const options = { includeDrafts: false, today: '2026-12-01' };
  const scratch = (files: Record<string, string | undefined>) => {
    rmSync(join(scratchRoot, `${name}-record`), { recursive: true, force: true });
    return writeContent(name, files);
  };
  const cleanUp = () => {
    for (const dir of [name, `${name}-record`]) rmSync(join(scratchRoot, dir), { recursive: true, force: true });
  };

  it('finds a mistake made after a clean check, and forgets that check', () => {
    const content = scratch(validContent());
    try {
      expect(checkContentFolder(content, options, record)).toEqual([]);
      expect(existsSync(record)).toBe(true);
      writeFileSync(join(content, talk), validContent()[talk]!.replace('themes:', 'theme:'));
      expect(checkContentFolder(content, options, record)).toEqual([
        expect.stringContaining('talks/eu-2021/dns.mdx:8: "theme" is not a field'),
      ]);
      expect(existsSync(record)).toBe(false);
    } finally {
      cleanUp();
    }
  });

  it('reports a folder’s problems every time, never recording it', () => {
    const content = scratch({ ...validContent(), [event]: '\n' });
    try {
      const first = checkContentFolder(content, options, record);
      expect(first).toHaveLength(1);
      expect(checkContentFolder(content, options, record)).toEqual(first);
      expect(existsSync(record)).toBe(false);
    } finally {
      cleanUp();
    }
  });

  it('does not check again a folder the record vouches for, and only that folder', () => {
    // A record that vouches for a broken folder shows that the check is skipped, not merely fast.
    const broken = { ...validContent(), [event]: '\n' };
    const content = scratch(broken);
    try {
      writeContentRecord(content);
      expect(checkContentFolder(content, options, record)).toEqual([]);
      expect(checkContentFolder(content, { ...options, today: '2026-12-02' }, record)).toHaveLength(1);
      expect(checkContentFolder(content, { ...options, includeDrafts: true }, record)).toHaveLength(1);
    } finally {
      cleanUp();
    }
  });

  function writeContentRecord(content: string) {
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(record, checkDigest(readContentFolder(content), options));
  }
});
