/**
 * hnsviz CLI. Exit 2 with a one-line error on bad arguments.
 *   hnsviz trace (--scenario <id> | --dump FILE…) --from <pod|ip|node|external>
 *                --to <ip[:port]|pod|service[:port]> [--proto tcp|udp|icmp] [--src-port N]
 *                [--reply] [--json] [--seed N]
 *   hnsviz describe (--scenario <id> | --dump FILE…) [--json]
 *   hnsviz parse FILE… [--json]      hnsviz lint FILE… [--json]
 */
import { readFileSync } from 'node:fs';
import { buildScenario, isScenarioId, SCENARIO_IDS } from '../scenarios/index';
import { formatTraceText, traceFlow, TraceInputError } from '../engine/index';
import { parseInputs, type ParseResult } from '../parsers/index';
import { toParseJson } from '../parsers/output/parse-json';
import type { CliIo } from './io';
import { diagnosticLines, runParse } from './parse';
import { runLint } from './lint';

class UsageError extends Error {}

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFileSync(path),
};

/** `--dump` takes every following argument up to the next option. */
const dumpFiles: string[] = [];

function parseArgs(argv: readonly string[]): { cmd: string; opts: Map<string, string | true> } {
  const [cmd, ...rest] = argv;
  const opts = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--dump') {
      while (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith('--'))
        dumpFiles.push(rest[++i]!);
      if (dumpFiles.length === 0) throw new UsageError('--dump needs at least one file');
      opts.set(a, true);
      continue;
    }
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument '${a}'`);
    const next = rest[i + 1];
    if (['--reply', '--json'].includes(a)) opts.set(a, true);
    else if (next === undefined || next.startsWith('--'))
      throw new UsageError(`${a} needs a value`);
    else {
      opts.set(a, next);
      i++;
    }
  }
  return { cmd: cmd ?? '', opts };
}

function str(opts: Map<string, string | true>, k: string, required = true): string | undefined {
  const v = opts.get(k);
  if (v === undefined && required) throw new UsageError(`missing ${k}`);
  return typeof v === 'string' ? v : undefined;
}

type Source = Pick<ParseResult, 'topology' | 'inputs' | 'diagnostics'>;

/** What to work on: a built-in scenario, or what the dump files say (a scenario is just another dump). */
function source(opts: Map<string, string | true>): Source {
  if (opts.has('--dump')) {
    if (opts.has('--scenario')) throw new UsageError('give --scenario or --dump, not both');
    const inputs = dumpFiles.map((name) => {
      try {
        return { name, bytes: readFileSync(name) };
      } catch (e) {
        throw new UsageError(`--dump: cannot read ${name}: ${(e as Error).message}`);
      }
    });
    const result = parseInputs(inputs);
    // Problems in the dump go to stderr; the command still runs on what was understood.
    for (const line of diagnosticLines(result)) console.error(line);
    return result;
  }
  const id = str(opts, '--scenario')!;
  if (!isScenarioId(id))
    throw new UsageError(
      `--scenario: unknown scenario '${id}' (one of ${SCENARIO_IDS.join(', ')})`,
    );
  const topology = buildScenario(id);
  const objects = Object.keys(topology.networks).length + Object.keys(topology.endpoints).length;
  return {
    topology,
    inputs: [
      { name: `scenario:${id}`, format: 'scenario', encoding: 'none', newline: 'none', objects },
    ],
    diagnostics: [],
  };
}

function num(
  opts: Map<string, string | true>,
  k: string,
  lo: number,
  hi: number,
): number | undefined {
  const v = str(opts, k, false);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi)
    throw new UsageError(`${k}: expected an integer ${lo}..${hi}, got '${v}'`);
  return Number(v);
}

function main(argv: readonly string[]): number {
  if (argv[0] === 'parse' || argv[0] === 'lint') {
    return argv[0] === 'parse' ? runParse(argv, io) : runLint(argv, io);
  }
  const { cmd, opts } = parseArgs(argv);
  if (cmd === 'trace') {
    const t = source(opts).topology;
    const proto = str(opts, '--proto', false) ?? 'tcp';
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'icmp')
      throw new UsageError(`--proto: expected tcp, udp or icmp, got '${proto}'`);
    const srcPort = num(opts, '--src-port', 1, 65535);
    const seed = num(opts, '--seed', 0, 2 ** 31);
    const trace = traceFlow(t, {
      from: str(opts, '--from')!,
      to: str(opts, '--to')!,
      proto,
      reply: opts.has('--reply'),
      ...(srcPort !== undefined ? { srcPort } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    console.log(opts.has('--json') ? JSON.stringify(trace, null, 2) : formatTraceText(trace));
    return 0;
  }
  if (cmd === 'describe') {
    const src = source(opts);
    const t = src.topology;
    console.log(
      opts.has('--json')
        ? JSON.stringify(toParseJson(src), null, 2)
        : `${t.title}\n${t.nodeIds.length} nodes, ${Object.keys(t.endpoints).length} endpoints, ${Object.keys(t.loadBalancers).length} load balancers, ${Object.keys(t.rules).length} VFP rules`,
    );
    return 0;
  }
  throw new UsageError(`unknown command '${cmd}' (trace | describe | parse | lint)`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || e instanceof TraceInputError) {
    console.error(`hnsviz: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
