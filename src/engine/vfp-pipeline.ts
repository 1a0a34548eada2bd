/**
 * One port, one direction: the VFP pipeline. Layers in order for `out`, reversed for `in`;
 * per layer the groups of that direction (IPv4) by priority; per group the highest-priority
 * (lowest number) matching rule, or the longest prefix in an LPM group. A terminating rule
 * ends the layer. Stateful rules create a flow so the reply gets the inverse rewrite here.
 * domain.md §1.2 [S26][S36], §8.1.
 *
 * A packet that matches a flow (a reply) still crosses the stateless layers (decap, MAC
 * rewrite, routing) in their order; the flow's inverse rewrite stands for the stateful layers
 * and is applied where the first of them sits, so an inbound VXLAN packet is decapsulated
 * before it is un-NATed, and an outbound reply is un-NATed before it is routed.
 */
import { formatIpv4 } from '../shared/ip';
import { weakest } from '../model/confidence';
import type { Direction } from '../model/types';
import { ipOf, type CNode } from './compile';
import { ruleIdOf, type CGroup, type CLayer, type CPort, type RuleBody } from './compile-vfp';
import { applyAction, type ActionResult } from './actions';
import {
  adoptFlowTuple,
  getFlow,
  setReplyFlow,
  setReplyOwner,
  type FlowEntry,
  type WalkCtx,
} from './context';
import { matchReasons } from './match';
import { selectRule } from './select';
import type { Pkt } from './packet';
import type { HopWhere } from './recorder';
import type { NearMiss } from './types';
import { layerVerify, ruleVerify } from './verify';

export type PortResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const R_VFP = 'domain.md §1.2 [S26][S36]';
const R_ICMP = 'domain.md §0 fact 9, §7 S5 [S7]';
const R_STATEFUL_ACL = 'domain.md §1.2, §5.2 [S26][S36]';
const PASS_THROUGH =
  'ACL rules are stateful: a connection let through one way is let back the other (inferred)';
const OK: PortResult = { ok: true };

/** Run `p` through `port` in direction `dir`, mutating it. */
export function runPort(
  ctx: WalkCtx,
  port: CPort,
  dir: Direction,
  p: Pkt,
  node: CNode | undefined,
): PortResult {
  const rec = ctx.rec;
  const where: HopWhere = {
    node: node?.node.name ?? null,
    component: 'port',
    name: port.port.friendlyName,
    objectId: port.port.id,
    direction: dir,
  };
  const src0 = p.src;
  const dst0 = p.dst;
  const sport0 = p.sport;
  const dport0 = p.dport;
  ctx.nextHop = null;
  const flow = getFlow(ctx, port.port.id, p);
  // Set once the flow's inverse rewrite is applied: the stateful layers are then covered by it.
  let covered = false;
  // The last stateful rule that matched (and its layer) creates the port's flow.
  let stateful: RuleBody | null = null;
  let statefulGroup: CGroup | null = null;
  let statefulLayer = '';
  const n = port.layers.length;
  for (let k = 0; k < n; k++) {
    const cl = port.layers[dir === 'out' ? k : n - 1 - k]!;
    if (flow && cl.layer.stateful) {
      if (!covered) applyFlow(ctx, where, port, flow, p, dir);
      covered = true;
      continue;
    }
    const groups = dir === 'out' ? cl.outGroups : cl.inGroups;
    if (groups.length === 0) continue;
    let matched = false;
    for (const g of groups) {
      // An empty group never matches and records nothing (no ICMP flag, no "no match" hop).
      if (g.size === 0) continue;
      const misses: NearMiss[] | null = rec.on ? [] : null;
      const pos = selectRule(ctx, g, p, misses);
      if (pos < 0) {
        if (ctx.icmpVsDynnat) {
          rec.hop(
            where,
            () => ({
              layer: cl.layer.name,
              group: g.group.name,
              action: 'drop',
              why: ['ICMP is not transposed by OutBoundNAT (no SNAT rule for protocol 1)'],
              nearMisses: misses ?? [],
              confidence: 'documented',
              ref: R_ICMP,
              verify: ruleVerify(
                port.port.name,
                cl.layer.name,
                g.group.name,
                null,
                null,
                dir,
                p,
                true,
              ),
            }),
            p,
            p,
          );
          return {
            ok: false,
            reason: `ICMP to ${dstText(p)} cannot pass OutBoundNAT: VFP does not transpose ICMP (known limit)`,
          };
        }
        rec.hop(
          where,
          () => ({
            layer: cl.layer.name,
            group: g.group.name,
            action: 'no match',
            why: [`no rule of ${g.size} matched`],
            nearMisses: misses ?? [],
            confidence: 'inferred',
            ref: R_VFP,
            verify: ruleVerify(
              port.port.name,
              cl.layer.name,
              g.group.name,
              null,
              null,
              dir,
              p,
              false,
            ),
          }),
          p,
          p,
        );
        continue;
      }
      matched = true;
      const rule = g.rules[pos]!;
      const before = rec.snap(p);
      const res = applyAction(ctx, rule, p, node);
      if (rec.on) recordRule(ctx, where, port, cl, g, pos, rule, res, dir, before, p, misses);
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
        rec.hop(
          where,
          {
            layer: cl.layer.name,
            action: 'drop',
            why: ['no rule matched; layer default is block'],
            confidence: 'inferred',
            ref: R_VFP,
            verify: rec.on ? layerVerify(port.port.name, cl.layer.name, true) : undefined,
          },
          p,
          p,
        );
        return { ok: false, reason: `no rule matched in ${cl.layer.name} (default block)` };
      }
      if (rec.on && groups.every((g) => g.size === 0))
        rec.hop(
          where,
          {
            layer: cl.layer.name,
            group: groups[0]!.group.name,
            action: 'allow (no rules)',
            why: ['group is empty; layer default allow'],
            confidence: 'inferred',
            ref: R_VFP,
            verify: layerVerify(port.port.name, cl.layer.name, false),
          },
          p,
          p,
        );
    }
  }
  // A flow on a port without stateful layers (a dump's odd listing): apply it after them all.
  if (flow && !covered) applyFlow(ctx, where, port, flow, p, dir);
  if (stateful) {
    const changed = src0 !== p.src || dst0 !== p.dst || sport0 !== p.sport || dport0 !== p.dport;
    setReplyFlow(ctx, port.port.id, p, {
      src: dst0,
      dst: src0,
      sport: dport0,
      dport: sport0,
      rule: stateful.name,
      // Only a recorded reply hop shows it; a derived rule's id is a string to build.
      ruleId: rec.on ? ruleIdOf(statefulGroup!, stateful) : null,
      nameSource: stateful.provenance.nameSource ?? 'seen',
      layer: statefulLayer,
      note: '',
    });
    if (changed) setReplyOwner(ctx, p, port.port.id);
  } else if (!flow && port.layers.some((l) => l.layer.stateful)) {
    // Every connection through stateful layers gets a flow (the UFT keeps one per connection),
    // even when no stateful rule rewrote it. Coming in: its reply leaves by it instead of
    // meeting the OUT rules (SNAT). Going out: its reply is let back in instead of meeting an
    // IN default block (stateful ACLs, domain.md §5.2).
    setReplyFlow(ctx, port.port.id, p, {
      src: p.dst,
      dst: p.src,
      sport: p.dport,
      dport: p.sport,
      rule: '',
      ruleId: null,
      nameSource: null,
      layer: null,
      note: dir,
    });
  }
  return OK;
}

/** The flow's inverse rewrite: one hop standing for every stateful layer of the port. */
function applyFlow(
  ctx: WalkCtx,
  where: HopWhere,
  port: CPort,
  flow: FlowEntry,
  p: Pkt,
  dir: Direction,
): void {
  const before = ctx.rec.snap(p);
  adoptFlowTuple(p, flow);
  // The flow restores the whole frame: a reply un-NATed back to this port's endpoint is
  // addressed to the endpoint's MAC, whatever it arrived with (the host's, after SNAT).
  if (dir === 'in' && port.port.mac && p.dst === endpointIp(ctx, port)) p.dstMac = port.port.mac;
  ctx.rec.hop(
    where,
    () => ({
      layer: flow.layer,
      rule: flow.rule || null,
      ruleId: flow.ruleId,
      nameSource: flow.nameSource,
      action: 'flow (inverse rewrite)',
      why: [
        flow.rule
          ? `reply matches the flow created by ${flow.rule}`
          : `reply matches the flow its connection created ${flow.note === 'out' ? 'going out' : 'coming in'} (nothing to rewrite)`,
        'the stateful layers are covered by the flow (unified flow table); stateless layers still apply in order',
        ...(flow.rule ? [] : [PASS_THROUGH]),
      ],
      // A rule's flow is the paper's flow pair; one for a connection no stateful rule rewrote
      // (an ACL allow, an empty ACL layer) is inferred from the rules' stateful flag (§5.2).
      confidence: flow.rule ? 'observed' : 'inferred',
      ref: flow.rule ? R_VFP : R_STATEFUL_ACL,
      verify: [`vfpctrl /port ${port.port.name} /list-unified-flow`],
    }),
    before,
    p,
  );
}

/** Record the hop of a matched rule: its reasons, weakest confidence and verify commands. */
function recordRule(
  ctx: WalkCtx,
  where: HopWhere,
  port: CPort,
  cl: CLayer,
  g: CGroup,
  pos: number,
  rule: RuleBody,
  res: ActionResult,
  dir: Direction,
  before: Pkt,
  p: Pkt,
  misses: NearMiss[] | null,
): void {
  const dropped = res.drop !== null;
  ctx.rec.hop(
    where,
    {
      layer: cl.layer.name,
      group: g.group.name,
      rule: rule.name,
      ruleId: ruleIdOf(g, rule),
      nameSource: rule.provenance.nameSource ?? 'seen',
      priority: rule.priority,
      action: dropped ? 'drop' : rule.type,
      why: [...matchReasons(g.m.conds[pos]!, before), ...res.why],
      nearMisses: misses ?? [],
      // A hop is as sure as the least sure of the rule's existence and what its action did.
      confidence: weakest(rule.provenance.confidence, res.confidence),
      ref: res.ref ?? rule.provenance.ref,
      verify: ruleVerify(
        port.port.name,
        cl.layer.name,
        g.group.name,
        rule.name,
        rule.type,
        dir,
        before,
        dropped,
      ),
    },
    before,
    p,
  );
}

function endpointIp(ctx: WalkCtx, port: CPort): number | null {
  const ep = port.port.endpointId ? ctx.c.t.endpoints[port.port.endpointId] : undefined;
  return ep?.ipAddress ? ipOf(ctx.c, ep.ipAddress) : null;
}

function dstText(p: Pkt): string {
  return formatIpv4(p.dst);
}
