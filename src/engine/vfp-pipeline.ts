/**
 * One port, one direction: the VFP pipeline. Layers in order for `out`, reversed for `in`;
 * per layer the groups of that direction (IPv4) by priority; per group the highest-priority
 * (lowest number) matching rule, or the longest prefix in an LPM group. A terminating rule
 * ends the layer. Stateful rules create a flow so the reply gets the inverse rewrite here
 * (the UFT fast path skips the stateful layers). domain.md §1.2 [S26][S36], §8.1.
 */
import { maskOf } from '../shared/ip';
import type { Direction } from '../model/types';
import type { CGroup, CNode, CPort, CRule } from './compile';
import { applyAction } from './actions';
import { assume, record, snap, type WalkCtx } from './context';
import { matchReasons, matchRule, nearMiss, type Field } from './match';
import { reversePacket, tupleKey, type Pkt } from './packet';
import type { NearMiss } from './types';

export type PortResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const R_VFP = 'domain.md §1.2 [S26][S36]';
const OK: PortResult = { ok: true };

interface Selected {
  readonly rule: CRule | null;
  readonly misses: NearMiss[];
  readonly icmpVsDynnat: boolean;
}

function selectRule(g: CGroup, p: Pkt, want: boolean): Selected {
  const misses: NearMiss[] = [];
  let icmp = false;
  const consider = (r: CRule): boolean => {
    const f: Field | null = matchRule(r, p);
    if (f === null) return true;
    if (f === 'protocol' && p.proto === 1 && r.rule.type === 'dynnat') icmp = true;
    if (want && misses.length < 3) misses.push(nearMiss(r, f, p));
    return false;
  };
  if (g.lpm) {
    for (const [bits, m] of g.lpmBuckets) {
      const rules = m.get((p.dst & maskOf(bits)) >>> 0);
      if (rules)
        for (const r of rules) if (consider(r)) return { rule: r, misses, icmpVsDynnat: icmp };
    }
    return { rule: null, misses, icmpVsDynnat: icmp };
  }
  const exact = g.exact.get(p.dst);
  const wild = g.wild;
  let i = 0;
  let j = 0;
  const ne = exact ? exact.length : 0;
  while (i < ne || j < wild.length) {
    const a = i < ne ? exact![i]! : null;
    const b = j < wild.length ? wild[j]! : null;
    const r = a && (!b || a.rule.priority <= b.rule.priority) ? (i++, a) : (j++, b!);
    if (consider(r)) return { rule: r, misses, icmpVsDynnat: icmp };
  }
  return { rule: null, misses, icmpVsDynnat: icmp };
}

function verifyCmds(port: CPort, layer: string, dir: Direction, p: Pkt): string[] {
  const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  return [
    `vfpctrl /port ${port.port.name} /layer ${layer} /list-rule`,
    `vfpctrl /port ${port.port.name} /process-tuples "${p.proto} ${ip(p.src)} ${p.sport} ${ip(p.dst)} ${p.dport} ${dir.toUpperCase()} 1"`,
  ];
}

/** Run `p` through `port` in direction `dir`, mutating it. */
export function runPort(
  ctx: WalkCtx,
  port: CPort,
  dir: Direction,
  p: Pkt,
  node: CNode | undefined,
): PortResult {
  const nodeName = node?.node.name ?? null;
  const base = {
    node: nodeName,
    component: 'port' as const,
    name: port.port.friendlyName,
    objectId: port.port.id,
    direction: dir,
  };
  const entry = { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport };
  ctx.nextHop = null;
  const flow = ctx.flows.get(`${port.port.id}|${tupleKey(p)}`);
  if (flow) {
    const before = snap(ctx, p);
    p.src = flow.src;
    p.dst = flow.dst;
    p.sport = flow.sport;
    p.dport = flow.dport;
    record(
      ctx,
      {
        ...base,
        layer: flow.layer,
        rule: flow.rule,
        ruleId: flow.ruleId,
        action: 'flow (inverse rewrite)',
        why: [
          `reply matches the flow created by ${flow.rule}`,
          'stateful layers skipped (unified flow table)',
        ],
        confidence: 'observed',
        ref: R_VFP,
        verify: [`vfpctrl /port ${port.port.name} /list-unified-flow`],
      },
      before,
      p,
    );
  }
  let stateful: { name: string; id: string; layer: string } | null = null;
  const n = port.layers.length;
  for (let k = 0; k < n; k++) {
    const cl = port.layers[dir === 'out' ? k : n - 1 - k]!;
    if (flow && cl.layer.stateful) continue;
    const groups = dir === 'out' ? cl.outGroups : cl.inGroups;
    if (groups.length === 0) continue;
    let matched = false;
    for (const g of groups) {
      const sel = selectRule(g, p, ctx.hops !== null);
      if (sel.rule === null) {
        if (sel.icmpVsDynnat) {
          record(
            ctx,
            {
              ...base,
              layer: cl.layer.name,
              group: g.group.name,
              action: 'drop',
              why: ['ICMP is not transposed by OutBoundNAT (no SNAT rule for protocol 1)'],
              nearMisses: sel.misses,
              confidence: 'documented',
              ref: 'domain.md §0 fact 9, §7 S5 [S7]',
              verify: verifyCmds(port, cl.layer.name, dir, p),
            },
            p,
            p,
          );
          return {
            ok: false,
            reason: `ICMP to ${formatDst(p)} cannot pass OutBoundNAT: VFP does not transpose ICMP (known limit)`,
          };
        }
        if (ctx.hops && g.size > 0)
          record(
            ctx,
            {
              ...base,
              layer: cl.layer.name,
              group: g.group.name,
              action: 'no match',
              why: [`no rule of ${g.size} matched`],
              nearMisses: sel.misses,
              confidence: 'inferred',
              ref: R_VFP,
              verify: verifyCmds(port, cl.layer.name, dir, p),
            },
            p,
            p,
          );
        continue;
      }
      matched = true;
      const rule = sel.rule.rule;
      const before = snap(ctx, p);
      const res = applyAction(ctx, rule, p, node);
      if (rule.type === 'lbnat' && cl.layer.name === 'LB_DSR')
        assume(
          ctx,
          'DSR is modelled as full DNAT at the source port, reversed on the reply (domain.md §8.3).',
        );
      record(
        ctx,
        {
          ...base,
          layer: cl.layer.name,
          group: g.group.name,
          rule: rule.name,
          ruleId: rule.id,
          action: res.drop ? 'drop' : rule.type,
          why: ctx.hops ? [...matchReasons(sel.rule, before), ...res.why] : [],
          nearMisses: sel.misses,
          confidence: rule.provenance.confidence,
          ref: res.ref ?? rule.provenance.ref,
          verify: verifyCmds(port, cl.layer.name, dir, before),
        },
        before,
        p,
      );
      if (res.drop)
        return {
          ok: false,
          reason: `${res.drop} (${port.port.friendlyName} ${dir.toUpperCase()}, ${cl.layer.name}/${g.group.name})`,
        };
      if (rule.stateful) stateful = { name: rule.name, id: rule.id, layer: cl.layer.name };
      if (rule.terminating) break;
    }
    if (!matched) {
      if (cl.layer.defaultAction === 'block') {
        record(
          ctx,
          {
            ...base,
            layer: cl.layer.name,
            action: 'drop',
            why: ['no rule matched; layer default is block'],
            confidence: 'inferred',
            ref: R_VFP,
          },
          p,
          p,
        );
        return { ok: false, reason: `no rule matched in ${cl.layer.name} (default block)` };
      }
      if (ctx.hops && groups.every((g) => g.size === 0))
        record(
          ctx,
          {
            ...base,
            layer: cl.layer.name,
            group: groups[0]!.group.name,
            action: 'allow (no rules)',
            why: ['group is empty; layer default allow'],
            confidence: 'inferred',
            ref: R_VFP,
          },
          p,
          p,
        );
    }
  }
  if (stateful) {
    const rev = reversePacket(p);
    const key = tupleKey(rev);
    const changed =
      entry.src !== p.src ||
      entry.dst !== p.dst ||
      entry.sport !== p.sport ||
      entry.dport !== p.dport;
    ctx.flows.set(`${port.port.id}|${key}`, {
      src: entry.dst,
      dst: entry.src,
      sport: entry.dport,
      dport: entry.sport,
      rule: stateful.name,
      ruleId: stateful.id,
      layer: stateful.layer,
      note: '',
    });
    if (changed) ctx.owners.set(key, port.port.id);
  }
  return OK;
}

function formatDst(p: Pkt): string {
  return `${p.dst >>> 24}.${(p.dst >>> 16) & 255}.${(p.dst >>> 8) & 255}.${p.dst & 255}`;
}
