/**
 * The one reader of content files, used by the content checks, the dev server's checker, the scaffolder, the
 * benchmark and the tests, so that they all read a file as the build does: Astro's own frontmatter split
 * (`astro/markdown`) and js-yaml, the YAML parser Astro's loaders use. A UTF-8 byte-order mark and Windows line
 * endings are read as Astro reads them.
 *
 * One difference, on purpose: js-yaml turns an impossible date written without quotes (`start: 2021-02-30`)
 * into the next real one (2 March), so the mistake could never be seen again. Here such a date stays the text it
 * was, for the schema to refuse; every real date is read exactly as Astro reads it.
 */
import { extractFrontmatter } from 'astro/markdown';
import yaml from 'js-yaml';
import { isCalendarDate } from './dates.ts';

/** A problem with how a file is written, before its fields are looked at. `line` is 1-based, in the file. */
export interface SourceProblem {
  line?: number;
  message: string;
}

export type Source =
  | {
      ok: true;
      /** The fields: the frontmatter of an MDX file, the whole of a YAML file. */
      data: Record<string, unknown>;
      /** The MDX body with the frontmatter blanked to empty lines, so positions in it are the file's; '' for YAML. */
      body: string;
      /** The line of each top-level field in the file. */
      fieldLines: Map<string, number>;
    }
  | { ok: false; problem: SourceProblem };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const jsYamlTypes = (yaml as unknown as { types: Record<string, yaml.Type> }).types;
const timestamp = jsYamlTypes.timestamp!;
/** js-yaml's timestamp, except that a YYYY-MM-DD that is not in the calendar is left as text. */
const calendarTimestamp = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (text: string) => timestamp.resolve(text) && (!isoDate.test(text) || isCalendarDate(text)),
  construct: (text: string) => timestamp.construct(text),
  instanceOf: Date,
});
const schema = yaml.DEFAULT_SCHEMA.extend({ implicit: [calendarTimestamp] });

/** The line each top-level `key:` starts on, counting from `firstLine`. */
function topLevelFields(yamlText: string, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  yamlText.split('\n').forEach((line, i) => {
    const key = /^([^\s#:'"-][^:]*?)\s*:(\s|$)/.exec(line.replace(/^\uFEFF/, ''))?.[1];
    if (key && !lines.has(key)) lines.set(key, firstLine + i);
  });
  return lines;
}

function parseYaml(text: string, firstLine: number): Source {
  let data: unknown;
  try {
    data = yaml.load(text, { schema });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const hint = /bad indentation of a mapping entry|end of the stream or a document separator/.test(error.reason)
      ? ' (a value that contains ": " or " #", or starts with a quote, [ or {, needs double quotes around it)'
      : '';
    return {
      ok: false,
      problem: {
        line: error.mark ? firstLine + error.mark.line : firstLine,
        message: `this is not valid YAML: ${error.reason}${hint}`,
      },
    };
  }
  if (data === null || data === undefined) return { ok: false, problem: { message: 'there are no fields' } };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problem: { line: firstLine, message: 'the fields must be written as name: value lines, not as a list or text' },
    };
  }
  return { ok: true, data: data as Record<string, unknown>, body: '', fieldLines: topLevelFields(text, firstLine) };
}

/** Reads a YAML data file (events, projects, recaps). */
export function readYaml(text: string): Source {
  if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, problem: { message: 'the file is empty' } };
  return parseYaml(text, 1);
}

/** Reads an MDX or Markdown file: its frontmatter fields and its body. */
export function readMarkdown(text: string): Source {
  const source = text.replace(/^\uFEFF/, '');
  if (!source.trim()) return { ok: false, problem: { message: 'the file is empty' } };
  const lines = source.split('\n');
  const openingLine = lines.findIndex((line) => line.trim() !== '');
  if (lines[openingLine]!.trim() !== '---') {
    return {
      ok: false,
      problem: {
        line: openingLine + 1,
        message:
          'the file does not start with its fields: the first line must be ---, then the fields, then another ---',
      },
    };
  }
  const raw = extractFrontmatter(text);
  if (raw === undefined) {
    return {
      ok: false,
      problem: {
        line: openingLine + 1,
        message: `the fields that open on line ${openingLine + 1} are never closed: add a line of --- after the last field`,
      },
    };
  }
  const start = text.indexOf(`---${raw}---`);
  const firstLine = text.slice(0, start).split('\n').length;
  // Fields without their closing line swallow the body up to its first --- (a horizontal rule), which then
  // reads as broken YAML.
  const parsed = parseYaml(raw, firstLine);
  if (!parsed.ok && /\n\s*\n#{1,6} /.test(raw)) {
    return {
      ok: false,
      problem: {
        line: firstLine,
        message:
          'the fields are not closed before the body: add a line of --- after the last field, before the first heading',
      },
    };
  }
  if (!parsed.ok) return parsed;
  const end = start + raw.length + 6;
  const blanked = text.slice(0, start).replace(/[^\r\n]/g, '') + raw.replace(/[^\r\n]/g, '');
  return { ...parsed, body: blanked + text.slice(end) };
}

/** Reads a content file by its extension. */
export function readSource(file: string, text: string): Source {
  return /\.mdx?$/.test(file) ? readMarkdown(text) : readYaml(text);
}
