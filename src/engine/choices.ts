/**
 * Hash-based choices a walk made (backend picks, NAT pool ports), logged only when asked.
 * The reachability matrix replays them for another source of the same class: when every
 * choice comes out the same for it, its walk is the representative's up to its own address.
 */
import { hashTuple } from './packet';

export interface Choice {
  readonly kind: 'backend' | 'port';
  readonly seed: number;
  /** The hash inputs after the seed, in order. */
  readonly args: readonly number[];
  /** Bit i set: `args[i]` is an IPv4 address (a port when set in `portMask`). */
  readonly ipMask: number;
  readonly portMask: number;
  readonly mod: number;
  readonly offset: number;
  /** What the walk got: `offset + hash % mod`. */
  readonly value: number;
  /** Backend choices: the picked candidate as `ip:port` numbers (ip as an unsigned number). */
  readonly pick: ((i: number) => readonly [number, number]) | null;
}

/** Masks for the 5-tuple argument order used everywhere: proto, src, sport, dst, dport. */
export const TUPLE_IPS = 0b01010;
export const TUPLE_PORTS = 0b10100;

/** Recompute a choice with some addresses and ports replaced. */
export function replayChoice(
  ch: Choice,
  ip: (n: number) => number,
  port: (n: number) => number,
): number {
  const args = ch.args.map((a, i) =>
    ch.ipMask & (1 << i) ? ip(a) : ch.portMask & (1 << i) ? port(a) : a,
  );
  return ch.offset + (hashTuple(ch.seed, ...args) % ch.mod);
}
