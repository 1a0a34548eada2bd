/**
 * One CLI command: its options (parsed by `node:util` parseArgs, strict), its help text, and
 * what it does. Commands are listed in `commands/index.ts`; `run.ts` dispatches to them.
 *
 * Exit codes, the same for every command: 0 done, 1 done but the answer is bad (errors in the
 * input, a dropped packet, a failed check), 2 bad usage or unreadable input (nothing done).
 */
import { parseArgs } from 'node:util';
import { writer, type CliIo } from './io';
import { maxOf, pushAll } from '../shared/arrays';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** May be given more than once (the values are collected in order). */
  readonly multiple?: boolean;
  /** Placeholder shown in help, e.g. `ID` in `--scenario ID`. */
  readonly value?: string;
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed value of each option: absent options are `undefined`. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['multiple'] extends true
      ? string[]
      : string;
};

export interface CommandContext {
  readonly io: CliIo;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface CommandArgs<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

export interface CommandSpec<O extends OptionSpecs> {
  readonly name: string;
  /** One line for `hnsviz --help`. */
  readonly summary: string;
  /** Synopsis lines after `usage: hnsviz <name> `. */
  readonly usage: readonly string[];
  /** Paragraphs shown by `hnsviz <name> --help` after the synopsis. */
  readonly details?: readonly string[];
  readonly options: O;
  /** Positional arguments: how many are allowed (default none). */
  readonly positionals?: { readonly min: number; readonly max?: number };
  readonly examples?: readonly string[];
  readonly run: (args: CommandArgs<O>, ctx: CommandContext) => number | Promise<number>;
}

/** A command with its option types erased, as listed in the command table. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: () => string | Promise<string>;
  /** Parse `argv` (the words after the command name) and run. */
  readonly main: (argv: readonly string[], io: CliIo) => Promise<number>;
}

/**
 * A command whose module is loaded only when it runs (or shows its own help), so that
 * `hnsviz --version` and `hnsviz --help` do not load the engine, the parsers or the scenarios.
 * `summary` must be the loaded command's own (a test checks every entry of the table).
 */
export function lazyCommand(
  name: string,
  summary: string,
  load: () => Promise<Command>,
): Command & { readonly load: () => Promise<Command> } {
  return {
    name,
    summary,
    load,
    help: async () => (await load()).help(),
    main: async (argv, io) => (await load()).main(argv, io),
  };
}

/** Bad usage: reported as `hnsviz <cmd>: <message>` with a pointer to `--help`, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

function optionLines(options: OptionSpecs): string[] {
  const rows = Object.entries({ ...options, help: HELP_OPTION }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, o.help + (o.multiple ? ' (repeatable)' : '')] as const;
  });
  const width = maxOf(rows.map(([f]) => f.length));
  return rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`);
}

function helpText<O extends OptionSpecs>(spec: CommandSpec<O>): string {
  const lines = [
    ...spec.usage.map((u, i) => `${i === 0 ? 'usage:' : '      '} hnsviz ${spec.name} ${u}`),
    '',
    spec.summary,
  ];
  for (const p of spec.details ?? []) lines.push('', p);
  lines.push('', 'options:');
  pushAll(lines, optionLines(spec.options));
  if (spec.examples?.length) {
    lines.push('', 'examples:');
    pushAll(
      lines,
      spec.examples.map((e) => `  ${e}`),
    );
  }
  lines.push('', 'exit status: 0 done, 1 done but the result is bad, 2 bad usage or input');
  return lines.join('\n') + '\n';
}

/** parseArgs' own errors carry a code; turn them into one-line usage errors. */
function usageFromParseError(e: unknown): UsageError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  const m = (e as Error).message;
  // "Unknown option '--x'. To specify a positional argument starting with a '-', …" → first sentence.
  return new UsageError(m.split(/\. (?=[A-Z])/)[0]!.replace(/\.$/, ''));
}

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const help = () => helpText(spec);
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    async main(argv, io) {
      const out = writer(io.stdout);
      const err = writer(io.stderr);
      try {
        const parsed = parseArgs({
          args: [...argv],
          options: { ...spec.options, help: HELP_OPTION },
          strict: true,
          allowPositionals: true,
          allowNegative: false,
        });
        const values = parsed.values as Record<string, unknown>;
        if (values.help === true) {
          out(help());
          return 0;
        }
        const { min = 0, max = 0 } = spec.positionals ?? {};
        const n = parsed.positionals.length;
        if (n > max) throw new UsageError(`unexpected argument '${parsed.positionals[max] ?? ''}'`);
        if (n < min) throw new UsageError(`expected at least ${min} argument(s), got ${n}`);
        return await spec.run(
          { values: parsed.values, positionals: parsed.positionals },
          { io, out, err },
        );
      } catch (e) {
        const usage = e instanceof UsageError ? e : usageFromParseError(e);
        if (!usage) throw e;
        err(`hnsviz ${spec.name}: ${usage.message}\nrun 'hnsviz ${spec.name} --help' for usage\n`);
        return 2;
      }
    },
  };
}

/** An integer option in lo..hi, or undefined when absent. */
export function intOption(
  name: string,
  v: string | undefined,
  lo: number,
  hi: number,
): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi)
    throw new UsageError(`--${name}: expected an integer ${lo}..${hi}, got '${v}'`);
  return Number(v);
}

/** One of a fixed set of words, or `fallback` when absent. */
export function choiceOption<const T extends string>(
  name: string,
  v: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v))
    throw new UsageError(`--${name}: expected ${choices.join(', ')}, got '${v}'`);
  return v as T;
}
