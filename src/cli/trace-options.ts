/**
 * The packet options that `trace` and `export` share (`--from`, `--to`, `--proto`,
 * `--src-port`, `--reply`, `--seed`, and the source options), how they become a
 * `TraceRequest`, and how a request the engine cannot place becomes a usage error.
 */
import { traceFlow, TraceInputError, type Trace, type TraceRequest } from '../engine/index';
import { PORT_MAX } from '../model/port-ranges';
import type { Topology } from '../model/types';
import { choiceOption, intOption, UsageError } from './command';
import { SOURCE_OPTIONS } from './source';

export const TRACE_OPTIONS = {
  ...SOURCE_OPTIONS,
  from: {
    type: 'string',
    value: 'WHO',
    help: 'where the packet starts: pod name, IP, node name or external name',
  },
  to: {
    type: 'string',
    value: 'DEST',
    help: 'where it goes: IP, IP:port, pod name, service or service:port, or a Service DNS name (web.default.svc.cluster.local:80)',
  },
  proto: { type: 'string', value: 'tcp|udp|icmp', help: 'protocol (default tcp)' },
  'src-port': { type: 'string', value: 'N', help: 'source port (default: derived from the seed)' },
  reply: { type: 'boolean', help: 'also trace the reply; the verdict is the reply leg’s' },
  seed: { type: 'string', value: 'N', help: 'seed for backend choice and NAT ports (default 1)' },
} as const;

/** The parsed values of `TRACE_OPTIONS` (what `defineCommand` hands to `run`). */
export interface TraceValues {
  readonly proto?: string;
  readonly 'src-port'?: string;
  readonly reply?: boolean;
  readonly seed?: string;
}

/** Everything of the request but its ends, checked: a bad value is a usage error naming it. */
export function packetOptions(values: TraceValues): Omit<TraceRequest, 'from' | 'to'> {
  const proto = choiceOption('proto', values.proto, ['tcp', 'udp', 'icmp'], 'tcp');
  const srcPort = intOption('src-port', values['src-port'], 1, PORT_MAX);
  const seed = intOption('seed', values.seed, 0, 2 ** 31);
  return {
    proto,
    reply: values.reply === true,
    ...(srcPort !== undefined ? { srcPort } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}

/** Trace `request`; a name or address the topology does not know is a usage error (exit 2). */
export function traceOrUsageError(topology: Topology, request: TraceRequest): Trace {
  try {
    return traceFlow(topology, request);
  } catch (e) {
    if (e instanceof TraceInputError) throw new UsageError(e.message);
    throw e;
  }
}
