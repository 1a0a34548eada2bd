/**
 * Rule matching: does a packet meet a compiled rule's conditions? Returns the first field
 * that failed (for near-miss reporting) or null on a match. Order of checks: outer header
 * (encap/decap), protocol, destination, destination port, source, source port.
 */
import { formatCidr, formatIpv4, type Cidr } from '../shared/ip';
import type { PortRange, VfpRuleType } from '../model/types';
import type { CCond, CRule } from './compile';
import type { RuleBody } from './compile-vfp';
import type { Pkt } from './packet';
import type { NearMiss } from './types';

export type Field = 'outer' | 'protocol' | 'dst' | 'dstPort' | 'src' | 'srcPort';

function inCidrs(cs: readonly Cidr[], ip: number): boolean {
  for (const c of cs) if ((ip & c.mask) >>> 0 === c.base) return true;
  return false;
}

function inRanges(rs: readonly PortRange[], port: number): boolean {
  for (const r of rs) if (port >= r.from && port <= r.to) return true;
  return false;
}

/** Null when `p` matches `r`, else the first failing field. */
export function matchRule(r: CRule, p: Pkt): Field | null {
  return matchCond(r.rule.type, r, p);
}

/** `matchRule` on parsed conditions shared by many rules (`t` is the rule type). */
export function matchCond(t: VfpRuleType, r: CCond, p: Pkt): Field | null {
  if (t === 'encap' && p.outer !== null) return 'outer';
  if (t === 'decap' && p.outer === null) return 'outer';
  if (r.protos !== null && r.protos.length > 0 && !r.protos.includes(p.proto)) return 'protocol';
  if (r.dst !== null && !inCidrs(r.dst, p.dst)) return 'dst';
  // Port conditions never match a portless protocol (ICMP).
  if (r.dports !== null && (p.proto === 1 || !inRanges(r.dports, p.dport))) return 'dstPort';
  if (r.src !== null && !inCidrs(r.src, p.src)) return 'src';
  if (r.sports !== null && (p.proto === 1 || !inRanges(r.sports, p.sport))) return 'srcPort';
  return null;
}

const ranges = (rs: readonly PortRange[]) =>
  rs.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');

/** Describe a failed field of `ruleObj` (conditions `r`) for the trace. */
export function nearMiss(ruleObj: RuleBody, r: CCond, field: Field, p: Pkt): NearMiss {
  const rule = ruleObj.name;
  switch (field) {
    case 'outer':
      return {
        rule,
        field,
        expected: ruleObj.type === 'encap' ? 'no outer header' : 'outer header',
        actual: p.outer ? 'outer header' : 'none',
      };
    case 'protocol':
      return { rule, field, expected: (r.protos ?? []).join(','), actual: String(p.proto) };
    case 'dst':
      return {
        rule,
        field,
        expected: (r.dst ?? []).map(formatCidr).join(','),
        actual: formatIpv4(p.dst),
      };
    case 'dstPort':
      return { rule, field, expected: ranges(r.dports ?? []), actual: String(p.dport) };
    case 'src':
      return {
        rule,
        field,
        expected: (r.src ?? []).map(formatCidr).join(','),
        actual: formatIpv4(p.src),
      };
    case 'srcPort':
      return { rule, field, expected: ranges(r.sports ?? []), actual: String(p.sport) };
  }
}

/** The fields that made `r` match, for the hop's `why`. */
export function matchReasons(r: CCond, p: Pkt): string[] {
  const out: string[] = [];
  if (r.protos !== null && r.protos.length > 0)
    out.push(`proto ${p.proto} ∈ {${r.protos.join(',')}}`);
  if (r.dst !== null) out.push(`dst ${formatIpv4(p.dst)} ∈ ${r.dst.map(formatCidr).join(',')}`);
  if (r.dports !== null) out.push(`dport ${p.dport} ∈ ${ranges(r.dports)}`);
  if (r.src !== null) out.push(`src ${formatIpv4(p.src)} ∈ ${r.src.map(formatCidr).join(',')}`);
  if (r.sports !== null) out.push(`sport ${p.sport} ∈ ${ranges(r.sports)}`);
  if (out.length === 0) out.push('rule has no conditions (matches all)');
  return out;
}
