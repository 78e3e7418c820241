/**
 * What every script in scripts/ does first: read its arguments, with --help, and refuse a mistake in one line
 * (exit 2 for the arguments themselves, with the option that was probably meant), and check that what it
 * reads exists before it starts (exit 1). Imports carry their extensions: plain Node runs the scripts.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { nearest } from '../src/lib/suggest.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** What the value looks like in the usage text, e.g. "N". */
  value?: string;
  help: string;
}

export interface CommandSpec<Options extends Record<string, OptionSpec>> {
  /** How it is run, e.g. "npm run bench". */
  name: string;
  summary: string;
  /** Usage lines after the name, e.g. "-- talk --event <id> --title <title>". */
  usage: readonly string[];
  options: Options;
  /** What positional arguments it takes, for the usage text; none are accepted when absent. */
  positionals?: readonly { name: string; help: string }[];
  examples?: readonly string[];
}

type Values<Options extends Record<string, OptionSpec>> = {
  [K in keyof Options]?: Options[K]['type'] extends 'boolean'
    ? boolean
    : Options[K]['multiple'] extends true
      ? string[]
      : string;
};

/** A mistake in how a script was run: printed as one line, exit 2. */
export class UsageError extends Error {}
/** Something a script needs is missing (a build, a folder): printed as one line, exit 1. */
export class Refusal extends Error {}

export function usageText<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const options = Object.entries(spec.options).map(([name, option]) => [
    `--${name}${option.type === 'string' ? ` <${option.value ?? 'value'}>` : ''}`,
    option.help + (option.multiple ? ' (may be given more than once)' : ''),
  ]);
  options.push(['--help', 'show this help']);
  const width = Math.max(
    ...options.map(([flag]) => flag!.length),
    ...(spec.positionals ?? []).map((p) => p.name.length),
  );
  const lines = [spec.summary, '', 'Usage:', ...spec.usage.map((line) => `  ${spec.name} ${line}`.trimEnd())];
  if (spec.positionals?.length) {
    lines.push('', 'Arguments:', ...spec.positionals.map((p) => `  ${p.name.padEnd(width)}  ${p.help}`));
  }
  lines.push('', 'Options:', ...options.map(([flag, help]) => `  ${flag!.padEnd(width)}  ${help}`));
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n');
}

/**
 * The arguments, checked against the spec. Throws UsageError naming an unknown option with the nearest known
 * one, an option without its value, or an argument the script does not take.
 */
export function parseCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: string[],
): { values: Values<O>; positionals: string[]; help: boolean } {
  const known = Object.keys(spec.options);
  const { tokens } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(known.map((name) => [name, { type: spec.options[name]!.type, multiple: true }])),
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const more = `(${spec.name}${spec.name.startsWith('npm run') ? ' --' : ''} --help lists what it takes)`;
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.name === 'help' || token.name === 'h') {
      help = true;
      continue;
    }
    const option = spec.options[token.name];
    if (!option) {
      const guess = nearest(token.name, known);
      throw new UsageError(
        `${spec.name}: there is no option ${token.rawName}${guess ? `; did you mean --${guess}?` : ''} ${more}`,
      );
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(`${spec.name}: --${token.name} takes no value (got "${token.value}") ${more}`);
      }
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined) {
      throw new UsageError(
        `${spec.name}: --${token.name} needs a value, as in --${token.name} <${option.value ?? 'value'}> ${more}`,
      );
    }
    values[token.name] = option.multiple ? [...((values[token.name] as string[]) ?? []), token.value] : token.value;
  }
  const allowed = spec.positionals?.length ?? 0;
  if (!help && positionals.length > allowed && !spec.positionals?.some((p) => p.name.endsWith('...'))) {
    throw new UsageError(
      `${spec.name}: unexpected argument "${positionals[allowed]}"${allowed ? '' : '; it takes options only'} ${more}`,
    );
  }
  return { values: values as Values<O>, positionals, help };
}

/**
 * Runs a script's main function with its arguments parsed: --help prints the usage and exits 0; a
 * UsageError exits 2 and a Refusal exits 1, each as its one line. Anything else is a bug and keeps its stack.
 */
export async function runCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  main: (args: { values: Values<O>; positionals: string[] }) => Promise<void> | void,
  argv = process.argv.slice(2),
) {
  try {
    const { help, ...args } = parseCommand(spec, argv);
    if (help) {
      console.log(usageText(spec));
      return;
    }
    await main(args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof Refusal) {
      console.error(error.message);
      if (process.env.DEBUG) console.error(error.stack);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    throw error;
  }
}

/** The built site a script reads, or a Refusal saying how to make one. */
export function requireBuiltSite(name: string, dist: string): string {
  const relativePath = relative(process.cwd(), dist);
  const shown = relativePath.startsWith('..') ? dist : relativePath || '.';
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Refusal(
      `${name}: there is no built site in ${shown}/ (${existsSync(dist) ? 'it has no index.html' : 'it does not exist'}); run npm run build first`,
    );
  }
  return dist;
}
