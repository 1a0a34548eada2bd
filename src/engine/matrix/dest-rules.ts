/**
 * The rules side of destination classes: every distinct rule list once, the rule a column's
 * backends come from, and rules written as text up to what the classes leave out.
 */
import type { Cidr } from '../../shared/ip';
import type { Topology } from '../../model/types';
import { compiledPort, type CompiledTopology } from '../compile';
import type { CGroup, RuleBody } from '../compile-vfp';

/** A rule list some ports share, met once. */
export interface GroupInfo {
  readonly id: number;
  readonly g: CGroup;
  readonly where: string;
  readonly ports: string[];
}

/** Does rule `r` (conditions `cc`) pick backends for `vip:port/proto` as its destination? */
export function picksFor(
  r: RuleBody,
  dst: readonly Cidr[] | null,
  vip: number,
  port: number,
  proto: number,
): boolean {
  if (r.action.kind !== 'lbnat') return false;
  if (!dst || !dst.some((c) => c.bits === 32 && c.base === vip)) return false;
  const ps = r.conditions.dstPorts;
  if (ps && !ps.some((x) => x.from <= port && port <= x.to)) return false;
  const pr = r.conditions.protocols;
  return !pr || pr.includes(proto);
}

/** Every distinct rule list of `t`'s ports once, with the ports that hold it. */
export function distinctGroups(t: Topology, c: CompiledTopology): GroupInfo[] {
  const groups = new Map<object, GroupInfo[]>();
  const infos: GroupInfo[] = [];
  for (const id of Object.keys(t.ports)) {
    const cp = compiledPort(c, id);
    if (!cp) continue;
    for (const cl of cp.layers)
      for (const g of [...cl.outGroups, ...cl.inGroups]) {
        let list = groups.get(g.m);
        if (!list) groups.set(g.m, (list = []));
        let info = list.find((x) => x.g.rules === g.rules || sameRules(x.g.rules, g.rules));
        if (!info) {
          info = {
            id: infos.length,
            g,
            where: `${cl.layer.name}/${g.group.name}/${g.group.direction}`,
            ports: [],
          };
          list.push(info);
          infos.push(info);
        }
        info.ports.push(id);
      }
  }
  return infos;
}

/**
 * What a backend count decides besides the pick: none (a drop), or over 64 (a non-DSR limit).
 */
export const sizeClass = (n: number) => (n === 0 ? 'none' : n > 64 ? 'over 64' : 'some');

/** The pieces of rule texts that can be tokens (ids, names, addresses). */
export const PIECES = /[^\s_"{}[\],()/=|;:]+/g;
const ONE_PIECE = /^[^\s_"{}[\],()/=|;:]+$/;

/**
 * A rule as text: everything but an lbnat's backend list (the pick replays that), each piece
 * of a name, address or id passed through `piece` (how tokens become placeholders).
 */
export function ruleText(r: RuleBody, piece: (p: string) => string = (p) => p): string {
  const c = r.conditions;
  const a = r.action;
  const act =
    a.kind === 'lbnat'
      ? `lbnat ${word(a.loadBalancerId, piece)} ${sizeClass(a.backends.length)} ${a.distribution} ${word(a.snatIp, piece)}`
      : a.kind === 'nat'
        ? `nat ${a.side} ${word(a.ip, piece)} ${a.port}`
        : a.kind === 'allow' || a.kind === 'block'
          ? a.kind
          : word(JSON.stringify(a), piece);
  return `${word(r.name, piece)}|${r.priority}|${r.type}|${r.terminating ? 1 : 0}${r.stateful ? 1 : 0}|${prefixesText(c.srcPrefixes, piece)}|${prefixesText(c.dstPrefixes, piece)}|${portsText(c.srcPorts)}|${portsText(c.dstPorts)}|${c.protocols?.join(',') ?? '*'}|${act}`;
}

/** A text with each piece passed through `piece` (a lone piece without the regex). */
function word(x: string | null, piece: (p: string) => string): string {
  return x === null ? 'null' : ONE_PIECE.test(x) ? piece(x) : x.replace(PIECES, piece);
}

function prefixesText(x: readonly string[] | null, piece: (p: string) => string): string {
  if (!x) return '*';
  let out = '';
  for (let i = 0; i < x.length; i++) out += (i ? ',' : '') + word(x[i]!, piece);
  return out;
}

function portsText(x: readonly { from: number; to: number }[] | null): string {
  if (!x) return '*';
  let out = '';
  for (let i = 0; i < x.length; i++) out += `${i ? ',' : ''}${x[i]!.from}-${x[i]!.to}`;
  return out;
}

function sameRules(a: readonly RuleBody[], b: readonly RuleBody[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
