/**
 * `hnsviz diff BEFORE AFTER`: what changed between two snapshots (each a dump file, a folder of
 * one or several nodes' files, or a zip), as text or one `hnsviz.diff/1` document (`--json`).
 * With `--from` and `--to` the same trace runs on both sides. Exit 0 when nothing changed, 1
 * when something did.
 */
import {
  diffTopologies,
  MAX_DIFF_DERIVED_RULES,
  parseCluster,
  type ClusterResult,
} from '../../cluster/index';
import { traceFlow, TraceInputError, type TraceRequest } from '../../engine/index';
import { choiceOption, defineCommand, intOption, UsageError } from '../command';
import { readInputs } from '../io';

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'Show what changed between two snapshots (objects, fields, VFP rules, a trace).',
  usage: ['BEFORE AFTER [--json] [--from WHO --to DEST [--proto P] [--seed N]]'],
  details: [
    'BEFORE and AFTER are each a dump file, a folder of node dumps, or a zip: the same node(s) at two times, or two nodes that should be alike.',
    'Objects are matched by what they are (node and name, IP, VIP:port, rule name), not by GUID; backends compare as IPs.',
    'VFP rules derived by hnsviz from HNS policies (no vfpctrl output) are marked "derived". For a big dump whose derivation was deferred, only ports whose HNS inputs changed are derived, up to --derive-limit rules.',
  ],
  options: {
    json: { type: 'boolean', help: 'print one hnsviz.diff/1 JSON document' },
    from: { type: 'string', value: 'WHO', help: 'also trace from here on both sides' },
    to: { type: 'string', value: 'DEST', help: 'destination of that trace' },
    proto: { type: 'string', value: 'tcp|udp|icmp', help: 'protocol of that trace (default tcp)' },
    seed: { type: 'string', value: 'N', help: 'seed of that trace (default 1)' },
    'derive-limit': {
      type: 'string',
      value: 'N',
      help: `derive at most about N VFP rules per side for deferred ports (default ${MAX_DIFF_DERIVED_RULES})`,
    },
  },
  positionals: { min: 2, max: 2 },
  examples: [
    'hnsviz diff before/ after/',
    'hnsviz diff before.zip after.zip --json --from a1 --to 10.96.10.10:80',
  ],
  run({ values, positionals }, { io, out }) {
    if ((values.from === undefined) !== (values.to === undefined))
      throw new UsageError('--from and --to go together');
    const read = (p: string): ClusterResult => {
      const { inputs, error } = readInputs([p], io);
      if (error !== null) throw new UsageError(error);
      return parseCluster(inputs);
    };
    const b = read(positionals[0]!);
    const a = read(positionals[1]!);
    const limit = intOption('derive-limit', values['derive-limit'], 0, 2 ** 31);
    const diff = diffTopologies(b.topology, a.topology, {
      ...(limit !== undefined ? { maxDerivedRules: limit } : {}),
    });
    let trace: {
      request: TraceRequest;
      before: { verdict: string; reason: string; hops: number };
      after: { verdict: string; reason: string; hops: number };
    } | null = null;
    if (values.from !== undefined && values.to !== undefined) {
      const seed = intOption('seed', values.seed, 0, 2 ** 31);
      const request: TraceRequest = {
        from: values.from,
        to: values.to,
        proto: choiceOption('proto', values.proto, ['tcp', 'udp', 'icmp'], 'tcp'),
        ...(seed !== undefined ? { seed } : {}),
      };
      const run = (t: ClusterResult['topology']) => {
        try {
          const tr = traceFlow(t, request);
          return { verdict: tr.verdict, reason: tr.reason, hops: tr.hops.length };
        } catch (e) {
          // A pod gone on one side is an answer, not a usage error.
          if (e instanceof TraceInputError) return { verdict: 'error', reason: e.message, hops: 0 };
          throw e;
        }
      };
      trace = { request, before: run(b.topology), after: run(a.topology) };
    }
    const changed = diff.added.length + diff.removed.length + diff.changed.length > 0;
    if (values.json) {
      const doc = {
        ...diff,
        before: { inputs: b.inputs.map((i) => i.name), nodes: b.nodes.map((n) => n.id) },
        after: { inputs: a.inputs.map((i) => i.name), nodes: a.nodes.map((n) => n.id) },
        ...(trace ? { trace } : {}),
      };
      out(JSON.stringify(doc, null, 2) + '\n');
      return changed ? 1 : 0;
    }
    const lines: string[] = [];
    const mark = (x: { derived?: boolean }): string => (x.derived ? ' [derived]' : '');
    for (const x of diff.removed) lines.push(`- ${x.label}${mark(x)}`);
    for (const x of diff.added) lines.push(`+ ${x.label}${mark(x)}`);
    for (const x of diff.changed) {
      lines.push(`~ ${x.label}${mark(x)}`);
      for (const f of x.fields)
        lines.push(`    ${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`);
    }
    if (!changed) lines.push('no differences');
    if (
      diff.added.concat(diff.removed).some((x) => x.derived) ||
      diff.changed.some((x) => x.derived)
    )
      lines.push(
        '[derived]: a VFP rule hnsviz derived from the HNS policies (no vfpctrl output for it)',
      );
    const v = diff.vfp;
    if (v.skippedPorts > 0)
      lines.push(
        `VFP rules of ${v.skippedPorts} port(s) not compared (deriving them would pass ${v.ruleLimit} rules; --derive-limit raises it): ${v.skipped.join(', ')}${v.skippedPorts > v.skipped.length ? ', …' : ''}`,
      );
    if (trace)
      lines.push(
        '',
        `trace ${trace.request.from} → ${trace.request.to}:`,
        `  before: ${trace.before.verdict}: ${trace.before.reason}`,
        `  after:  ${trace.after.verdict}: ${trace.after.reason}`,
      );
    out(lines.join('\n') + '\n');
    return changed ? 1 : 0;
  },
});
