/**
 * The engine's working packet: numeric IPv4 addresses for fast matching, converted to
 * `TracePacket` (strings) only when a hop is recorded.
 */
import { formatIpv4 } from '../shared/ip';
import type { TracePacket } from './types';

export interface Outer {
  src: number;
  dst: number;
  proto: number;
  dport: number;
  vni: number;
}

/** Mutable working packet. Always copy with `clonePacket` before recording a "before". */
export interface Pkt {
  src: number;
  dst: number;
  sport: number;
  dport: number;
  proto: number;
  srcMac: string | null;
  dstMac: string | null;
  outer: Outer | null;
}

export function clonePacket(p: Pkt): Pkt {
  // Field by field: V8 builds `{ ...p, outer }` literals far more slowly.
  return {
    src: p.src,
    dst: p.dst,
    sport: p.sport,
    dport: p.dport,
    proto: p.proto,
    srcMac: p.srcMac,
    dstMac: p.dstMac,
    outer: p.outer ? { ...p.outer } : null,
  };
}

export function toTracePacket(p: Pkt): TracePacket {
  return {
    srcIp: formatIpv4(p.src),
    srcPort: p.sport,
    dstIp: formatIpv4(p.dst),
    dstPort: p.dport,
    proto: p.proto,
    srcMac: p.srcMac,
    dstMac: p.dstMac,
    outer: p.outer
      ? {
          srcIp: formatIpv4(p.outer.src),
          dstIp: formatIpv4(p.outer.dst),
          proto: p.outer.proto,
          dstPort: p.outer.dport,
          vni: p.outer.vni,
        }
      : null,
  };
}

/** The packet a reply to `p` would be: addresses, ports and MACs swapped, no outer header. */
export function reversePacket(p: Pkt): Pkt {
  return {
    src: p.dst,
    dst: p.src,
    sport: p.dport,
    dport: p.sport,
    proto: p.proto,
    srcMac: p.dstMac,
    dstMac: p.srcMac,
    outer: null,
  };
}

/** Stable 32-bit FNV-1a hash of a tuple and a seed (backend choice, NAT pool ports). */
export function hashTuple(seed: number, ...parts: readonly number[]): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const n of parts) h = fnv(h, n);
  return h >>> 0;
}

/** `hashTuple` over the first `n` numbers of `parts` (replays reuse one scratch array). */
export function hashList(seed: number, parts: ArrayLike<number>, n: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < n; i++) h = fnv(h, parts[i]!);
  return h >>> 0;
}

/** `hashList` in steps: its state before any part, then `hashStep` per part. */
export const hashStart = (seed: number) => (0x811c9dc5 ^ seed) >>> 0;

/** Feed the 4 little-endian bytes of `n` to an FNV-1a state. */
export function hashStep(h: number, n: number): number {
  return fnv(h, n);
}

/** Feed the 4 little-endian bytes of `n` to an FNV-1a state. */
function fnv(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xff), 0x01000193) >>> 0;
  h = Math.imul(h ^ ((n >>> 8) & 0xff), 0x01000193) >>> 0;
  h = Math.imul(h ^ ((n >>> 16) & 0xff), 0x01000193) >>> 0;
  return Math.imul(h ^ ((n >>> 24) & 0xff), 0x01000193) >>> 0;
}

// Fixed-arity forms of `hashTuple` for the per-packet paths (no rest-argument array).
export function hash2(seed: number, a: number, b: number): number {
  return fnv(fnv((0x811c9dc5 ^ seed) >>> 0, a), b);
}

export function hash5(seed: number, a: number, b: number, c: number, d: number, e: number): number {
  return fnv(fnv(fnv(fnv(fnv((0x811c9dc5 ^ seed) >>> 0, a), b), c), d), e);
}

export const PROTO_NAMES: Readonly<Record<number, 'tcp' | 'udp' | 'icmp'>> = {
  6: 'tcp',
  17: 'udp',
  1: 'icmp',
};
