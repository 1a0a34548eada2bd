/**
 * One port, one direction: the VFP pipeline. Layers in order for `out`, reversed for `in`;
 * per layer the groups of that direction (IPv4) by priority; per group the highest-priority
 * (lowest number) matching rule, or the longest prefix in an LPM group. A terminating rule
 * ends the layer. Stateful rules create a flow so the reply gets the inverse rewrite here
 * (the UFT fast path skips the stateful layers). domain.md §1.2 [S26][S36], §8.1.
 */
import type { Direction } from '../model/types';
import type { CNode } from './compile';
import { ruleIdOf, type CGroup, type CPort, type RuleBody } from './compile-vfp';
import { applyAction } from './actions';
import {
  assume,
  getFlow,
  recordAt,
  setReplyFlow,
  setReplyOwner,
  snap,
  type WalkCtx,
} from './context';
import { matchReasons } from './match';
import { selectRule } from './select';
import type { Pkt } from './packet';
import type { NearMiss } from './types';

export type PortResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const R_VFP = 'domain.md §1.2 [S26][S36]';
const OK: PortResult = { ok: true };

// `n >>> 24` (not masked) as before: the same text for every address.
const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

function verifyCmds(port: CPort, layer: string, dir: Direction, p: Pkt): string[] {
  return [
    `vfpctrl /port ${port.port.name} /layer ${layer} /list-rule`,
    `vfpctrl /port ${port.port.name} /process-tuples "${p.proto} ${ip(p.src)} ${p.sport} ${ip(p.dst)} ${p.dport} ${dir.toUpperCase()} 1"`,
  ];
}

interface Base {
  readonly node: string | null;
  readonly component: 'port';
  readonly name: string;
  readonly objectId: string;
  readonly direction: Direction;
}

/** Run `p` through `port` in direction `dir`, mutating it. */
export function runPort(
  ctx: WalkCtx,
  port: CPort,
  dir: Direction,
  p: Pkt,
  node: CNode | undefined,
): PortResult {
  const rec = ctx.hops !== null;
  // Hop fields are only built when a trace is recorded (verdict-only walks allocate nothing here).
  const base: Base | null = rec
    ? {
        node: node?.node.name ?? null,
        component: 'port',
        name: port.port.friendlyName,
        objectId: port.port.id,
        direction: dir,
      }
    : null;
  const src0 = p.src;
  const dst0 = p.dst;
  const sport0 = p.sport;
  const dport0 = p.dport;
  ctx.nextHop = null;
  const flow = getFlow(ctx, port.port.id, p);
  if (flow) {
    const before = snap(ctx, p);
    p.src = flow.src;
    p.dst = flow.dst;
    p.sport = flow.sport;
    p.dport = flow.dport;
    if (base)
      recordAt(
        ctx,
        base,
        {
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
  // The last stateful rule that matched (and its layer) creates the port's flow.
  let stateful: RuleBody | null = null;
  let statefulGroup: CGroup | null = null;
  let statefulLayer = '';
  const n = port.layers.length;
  for (let k = 0; k < n; k++) {
    const cl = port.layers[dir === 'out' ? k : n - 1 - k]!;
    if (flow && cl.layer.stateful) continue;
    const groups = dir === 'out' ? cl.outGroups : cl.inGroups;
    if (groups.length === 0) continue;
    let matched = false;
    for (const g of groups) {
      // An empty group never matches and records nothing (no ICMP flag, no "no match" hop).
      if (g.size === 0) continue;
      const misses: NearMiss[] | null = rec ? [] : null;
      const pos = selectRule(ctx, g, p, misses);
      if (pos < 0) {
        if (ctx.icmpVsDynnat) {
          if (base)
            recordAt(
              ctx,
              base,
              {
                layer: cl.layer.name,
                group: g.group.name,
                action: 'drop',
                why: ['ICMP is not transposed by OutBoundNAT (no SNAT rule for protocol 1)'],
                nearMisses: misses ?? [],
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
        if (base && g.size > 0)
          recordAt(
            ctx,
            base,
            {
              layer: cl.layer.name,
              group: g.group.name,
              action: 'no match',
              why: [`no rule of ${g.size} matched`],
              nearMisses: misses ?? [],
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
      const rule = g.rules[pos]!;
      const before = snap(ctx, p);
      const res = applyAction(ctx, rule, p, node);
      if (rule.type === 'lbnat' && cl.layer.name === 'LB_DSR')
        assume(
          ctx,
          'DSR is modelled as full DNAT at the source port, reversed on the reply (domain.md §8.3).',
        );
      if (base)
        recordAt(
          ctx,
          base,
          {
            layer: cl.layer.name,
            group: g.group.name,
            rule: rule.name,
            ruleId: ruleIdOf(g, rule),
            action: res.drop ? 'drop' : rule.type,
            why: [...matchReasons(g.m.conds[pos]!, before), ...res.why],
            nearMisses: misses ?? [],
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
      if (rule.stateful) {
        stateful = rule;
        statefulGroup = g;
        statefulLayer = cl.layer.name;
      }
      if (rule.terminating) break;
    }
    if (!matched) {
      if (cl.layer.defaultAction === 'block') {
        if (base)
          recordAt(
            ctx,
            base,
            {
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
      if (base && groups.every((g) => g.size === 0))
        recordAt(
          ctx,
          base,
          {
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
    const changed = src0 !== p.src || dst0 !== p.dst || sport0 !== p.sport || dport0 !== p.dport;
    setReplyFlow(ctx, port.port.id, p, {
      src: dst0,
      dst: src0,
      sport: dport0,
      dport: sport0,
      rule: stateful.name,
      // Only a recorded reply hop shows it; a derived rule's id is a string to build.
      ruleId: rec ? ruleIdOf(statefulGroup!, stateful) : null,
      layer: statefulLayer,
      note: '',
    });
    if (changed) setReplyOwner(ctx, p, port.port.id);
  }
  return OK;
}

function formatDst(p: Pkt): string {
  return `${p.dst >>> 24}.${(p.dst >>> 16) & 255}.${(p.dst >>> 8) & 255}.${p.dst & 255}`;
}
