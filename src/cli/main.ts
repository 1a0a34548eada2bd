/**
 * hnsviz CLI: `trace` and `describe` (issue 3). Exit 2 with a one-line error on bad arguments.
 *   hnsviz trace --scenario <id> --from <pod|ip|node|external> --to <ip[:port]|pod|service[:port]>
 *                [--proto tcp|udp|icmp] [--src-port N] [--reply] [--json] [--seed N]
 *   hnsviz describe --scenario <id> --json
 */
import { buildScenario, isScenarioId, SCENARIO_IDS } from '../scenarios/index';
import { formatTraceText, traceFlow, TraceInputError } from '../engine/index';
import { toParseJson } from '../model/to-parse-json';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { cmd: string; opts: Map<string, string | true> } {
  const [cmd, ...rest] = argv;
  const opts = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
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

function scenario(opts: Map<string, string | true>) {
  if (opts.has('--dump'))
    throw new UsageError('--dump is not supported yet (dump import, issue 4)');
  const id = str(opts, '--scenario')!;
  if (!isScenarioId(id))
    throw new UsageError(
      `--scenario: unknown scenario '${id}' (one of ${SCENARIO_IDS.join(', ')})`,
    );
  return buildScenario(id);
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
  const { cmd, opts } = parseArgs(argv);
  if (cmd === 'trace') {
    const t = scenario(opts);
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
    const t = scenario(opts);
    console.log(
      opts.has('--json')
        ? JSON.stringify(toParseJson(t), null, 2)
        : `${t.title}\n${t.nodeIds.length} nodes, ${Object.keys(t.endpoints).length} endpoints, ${Object.keys(t.loadBalancers).length} load balancers, ${Object.keys(t.rules).length} VFP rules`,
    );
    return 0;
  }
  throw new UsageError(`unknown command '${cmd}' (trace | describe)`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || e instanceof TraceInputError) {
    console.error(`hnsviz: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
