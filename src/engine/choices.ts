/**
 * Hash-based choices a walk made (backend picks, NAT pool ports), logged only when asked.
 * The reachability matrix replays them for another source of the same class: when every
 * choice comes out the same for it, its walk is the representative's up to its own address.
 */
import { hashList, hashTuple } from './packet';

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
  /**
   * What made a backend choice: the lbnat rule, or the kube-proxy proxy (null for pool ports).
   * The matrix replays a choice for another destination only when it knows whose it is.
   */
  readonly origin: object | null;
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
  // A choice's tuple: a handful of values (see `Choice`).
  // eslint-disable-next-line no-restricted-syntax
  return ch.offset + (hashTuple(ch.seed, ...args) % ch.mod);
}

/**
 * A choice prepared for replay by walkers that differ only in their own addresses: which
 * arguments are the walker's own addresses (`own[i]` indexes its address list, -1: kept).
 */
export interface PreparedChoice {
  readonly ch: Choice;
  readonly own: Int32Array;
  /** No argument is an own address: every walker gets `ch.value`. */
  readonly fixed: boolean;
}

export function prepareChoice(ch: Choice, ownIps: readonly number[]): PreparedChoice {
  const own = new Int32Array(ch.args.length).fill(-1);
  let fixed = true;
  ch.args.forEach((a, i) => {
    if (!(ch.ipMask & (1 << i))) return;
    own[i] = ownIps.indexOf(a);
    if (own[i] >= 0) fixed = false;
  });
  return { ch, own, fixed };
}

const scratch: number[] = [];

/** `replayChoice` for a walker whose own addresses are `ownIps` (same order as prepared). */
export function replayPrepared(p: PreparedChoice, ownIps: readonly number[]): number {
  const { ch, own } = p;
  if (p.fixed) return ch.value;
  const n = ch.args.length;
  for (let i = 0; i < n; i++) scratch[i] = own[i]! >= 0 ? ownIps[own[i]!]! : ch.args[i]!;
  return ch.offset + (hashList(ch.seed, scratch, n) % ch.mod);
}
