/**
 * `hnsviz trace`: trace one packet (and its reply with `--reply`) hop by hop, rule by rule, on a
 * scenario or a dump. Text like `ofproto/trace`, or `--json`: one `hnsviz.trace/1` document.
 * Exit 1 when the packet is dropped (the trace is still printed).
 */
import { formatTraceText } from '../../engine/index';
import { defineCommand, UsageError } from '../command';
import { loadSource } from '../source';
import { packetOptions, TRACE_OPTIONS, traceOrUsageError } from '../trace-options';

export const traceCommand = defineCommand({
  name: 'trace',
  summary: 'Trace a packet hop by hop and rule by rule.',
  usage: ['--scenario ID --from WHO --to DEST [options]', 'FILE… --from WHO --to DEST [options]'],
  details: [
    'Problems in a dump are printed to stderr; the trace runs on what was understood.',
    'Exit status 1 means the packet was dropped (the trace says where and why).',
    '--to also takes a Service by its DNS names, as a Windows pod resolves them: the short name (web) ' +
      'and the fully qualified name (web.default.svc.cluster.local, with or without the final dot) ' +
      'everywhere; a name with dots but no cluster domain (web.default) only where kube-proxy’s DNS ' +
      'proxy appends the search suffixes (the old design, old-winnat), since a pod’s own resolver ' +
      'appends them only to a name without dots (domain.md §7 S11).',
  ],
  options: {
    ...TRACE_OPTIONS,
    json: { type: 'boolean', help: 'print one hnsviz.trace/1 JSON document' },
  },
  positionals: { min: 0, max: Infinity },
  examples: [
    'hnsviz trace --scenario new-l2bridge --from a1 --to 10.96.10.10:80 --reply',
    'hnsviz trace node1.json --from 10.244.1.5 --to 10.96.0.10:53 --proto udp --json',
    'hnsviz trace --scenario new-overlay --from a1 --to kube-dns.kube-system.svc.cluster.local:53 --proto udp',
  ],
  run({ values, positionals }, ctx) {
    const { topology } = loadSource(values.scenario, [...(values.dump ?? []), ...positionals], ctx);
    if (values.from === undefined) throw new UsageError('missing --from');
    if (values.to === undefined) throw new UsageError('missing --to');
    const trace = traceOrUsageError(topology, {
      from: values.from,
      to: values.to,
      ...packetOptions(values),
    });
    ctx.out((values.json ? JSON.stringify(trace, null, 2) : formatTraceText(trace)) + '\n');
    return trace.verdict === 'dropped' ? 1 : 0;
  },
});
