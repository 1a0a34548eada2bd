/**
 * A node of the trees of `dest-expand.ts` for a choice a traced walk made: its arguments
 * written as the source's own addresses, the column's VIP, or constants; a backend pick by a
 * rule naming the class's VIPs is replayed only when it is the column's own load-balancing rule
 * (then on the column's own backend list).
 */
import type { Choice } from '../choices';
import type { RuleBody } from '../compile-vfp';
import { parseCidr } from '../../shared/ip';
import { pushAll } from '../../shared/arrays';
import { picksFor, type DestClasses } from './dest-classes';
import { ARG_KEPT, ARG_VIP, choiceNode, type Node } from './dest-tree';
import type { OwnTokens } from './tokens';
import type { MatrixDestination } from './types';

const PROTO: Readonly<Record<string, number>> = { tcp: 6, udp: 17, icmp: 1 };

/** A tree node for choice `ch` made by (`s`, `d`); null when it cannot be replayed. */
export function treeNode(
  plan: {
    readonly destinations: readonly MatrixDestination[];
    readonly tokens: readonly (OwnTokens | null)[];
    readonly dests: DestClasses;
  },
  vips: ReadonlySet<number>,
  ch: Choice,
  s: number,
  d: number,
): Node | null {
  const dc = plan.dests;
  const ips = plan.tokens[s]?.ips ?? [];
  const roles = new Int32Array(ch.args.length).fill(ARG_KEPT);
  ch.args.forEach((a, i) => {
    if (!(ch.ipMask & (1 << i))) return;
    const own = ips.indexOf(a);
    if (own >= 0) roles[i] = own;
    else if (a === dc.vip[d]) roles[i] = ARG_VIP;
  });
  let byList = false;
  if (ch.kind === 'backend') {
    const named = namedVips(ch.origin, vips);
    if (named.length > 0) {
      const dst = plan.destinations[d]!;
      const rule = ch.origin as RuleBody;
      const cidrs = (rule.conditions?.dstPrefixes ?? []).flatMap((x) => {
        const c = parseCidr(x.includes('/') ? x : `${x}/32`);
        return c ? [c] : [];
      });
      // Only the column's own load-balancing rule is replayed on the column's list.
      if (
        named.length !== 1 ||
        named[0] !== dc.vip[d] ||
        !('conditions' in ch.origin!) ||
        !picksFor(rule, cidrs, dc.vip[d]!, dst.port, PROTO[dst.proto] ?? 0)
      )
        return null;
      const l = dc.list[d];
      if (!l || l.length !== ch.mod || !ch.pick) return null;
      const [ip, port] = ch.pick(ch.value);
      if (l[ch.value] !== ip * 65536 + port) return null;
      byList = true;
    }
  }
  return choiceNode(ch, roles, byList, plan.tokens.length);
}

/** The class's VIPs (`vips`) that the rule or proxy behind a choice names. */
function namedVips(origin: object | null, vips: ReadonlySet<number>): number[] {
  if (!origin) return [];
  const texts: string[] = [];
  if ('conditions' in origin) {
    const c = (origin as RuleBody).conditions;
    pushAll(texts, c.srcPrefixes ?? []);
    pushAll(texts, c.dstPrefixes ?? []);
  } else if ('listenIp' in origin) texts.push(String(origin.listenIp));
  const out: number[] = [];
  for (const x of texts) {
    const c = parseCidr(x.includes('/') ? x : `${x}/32`);
    if (c && c.bits === 32 && vips.has(c.base) && !out.includes(c.base)) out.push(c.base);
  }
  return out;
}
