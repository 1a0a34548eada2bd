/**
 * VFP rule actions applied to the working packet: allow/block, lbnat (backend by a seeded
 * 5-tuple hash or source-IP affinity), nat, dynnat (pool port), VXLAN encap/decap, MAC
 * transpose and paroute. Known platform limits surface here as drops with their source.
 */
import { cidrContains } from '../shared/ip';
import type { Confidence, PortRange, VfpRule } from '../model/types';
import { DYNAMIC_PORTS, rangeSize } from '../model/port-ranges';
import { ipOf, lbnatOf, type CNode } from './compile';
import type { RuleBody } from './compile-vfp';
import type { WalkCtx } from './context';
import { TUPLE_IPS, TUPLE_PORTS } from './choices';
import { hash2, hash5, type Pkt } from './packet';

export interface ActionResult {
  /** Set when the packet is dropped. */
  readonly drop: string | null;
  readonly why: readonly string[];
  readonly ref: string | null;
  /**
   * How sure the modelled effect is, apart from the rule's existence (its provenance): e.g. a
   * DSR lbnat exists (documented names) but its rewrite is inferred (domain.md §8.3).
   */
  readonly confidence: Confidence;
}

// Also what every action returns when nothing is recorded: verdict walks build no `why`.
const OK: ActionResult = { drop: null, why: [], ref: null, confidence: 'documented' };
const R_DSR_REWRITE = 'domain.md §7 S3, §8.3 [S12]';
const DSR_ASSUMED =
  'DSR is modelled as full DNAT at the source port, reversed on the reply (domain.md §8.3).';
function poolPort(ctx: WalkCtx, p: Pkt, pool: PortRange): number {
  const seed = ctx.seed ^ 0x5a5a;
  const v = pool.from + (hash5(seed, p.proto, p.src, p.sport, p.dst, p.dport) % rangeSize(pool));
  ctx.choices?.push({
    kind: 'port',
    seed,
    args: [p.proto, p.src, p.sport, p.dst, p.dport],
    ipMask: TUPLE_IPS,
    portMask: TUPLE_PORTS,
    mod: rangeSize(pool),
    offset: pool.from,
    value: v,
    pick: null,
    origin: null,
  });
  return v;
}

/** The MAC of the next hop (set by a paroute) or of the destination itself when on-link. */
export function nextHopMac(ctx: WalkCtx, node: CNode | undefined, p: Pkt): string | null {
  // No PA route chose one: the node's own routes say where the packet goes (old design, §2.5).
  const route =
    ctx.nextHop === null ? node?.routes.find((r) => cidrContains(r.cidr, p.dst)) : undefined;
  return macOnLink(ctx, node, ctx.nextHop ?? route?.nextHop ?? p.dst);
}

/**
 * The MAC a frame to `ip` is addressed to on the node's link: a node's, a local endpoint's, or
 * the default gateway's for the gateway itself and anything beyond the node subnet (the
 * upstream router takes it on). Null where the model does not know it, with an assumption.
 */
export function macOnLink(ctx: WalkCtx, node: CNode | undefined, ip: number): string | null {
  const n = ctx.c.nodeByIp.get(ip);
  if (n) return n.node.mac;
  const ep = node?.endpointsByIp.get(ip);
  if (ep) return ep.macAddress;
  if (viaGateway(ctx, ip)) {
    const mac = ctx.c.gateway?.mac ?? null;
    if (mac === null) ctx.rec.assume(GATEWAY_MAC_UNKNOWN);
    return mac;
  }
  ctx.rec.assume('The MAC of an off-model host on the node subnet is unknown; shown as null.');
  return null;
}

const GATEWAY_MAC_UNKNOWN =
  "The default gateway's MAC is not in the model (no underlay gatewayMac): frames to or from beyond the node subnet show it as unknown (null).";

/** True when a frame to (or from) `ip` goes by the default gateway: the gateway or beyond the node subnet. */
export function viaGateway(ctx: WalkCtx, ip: number): boolean {
  const gw = ctx.c.gateway;
  return gw !== null && (ip === gw.ip || (gw.subnet !== null && !cidrContains(gw.subnet, ip)));
}

/** The default gateway's MAC for a frame arriving from `ip` beyond the node subnet, if known. */
export function gatewayMacFrom(ctx: WalkCtx, ip: number): string | null {
  if (!viaGateway(ctx, ip)) return null;
  const mac = ctx.c.gateway?.mac ?? null;
  if (mac === null) ctx.rec.assume(GATEWAY_MAC_UNKNOWN);
  return mac;
}

/** Whose address an lbnat SNATs to: the node's, or the kube-proxy source VIP (overlay). */
function snatWhat(ctx: WalkCtx, node: CNode | undefined, ip: string): string {
  const n = ipOf(ctx.c, ip);
  if (n !== null && node?.hostIps.has(n)) return 'the node IP';
  if (node?.node.kubeProxy?.sourceVip === ip)
    return 'the kube-proxy source VIP, domain.md §2.4, §4.2';
  return 'the load balancer SourceVIP';
}

/** Index of the backend for `p`: a stable 5-tuple hash, or source-IP affinity. */
function chooseBackend(
  ctx: WalkCtx,
  rule: RuleBody,
  action: Extract<VfpRule['action'], { kind: 'lbnat' }>,
  p: Pkt,
): number {
  const affinity = action.distribution !== 'none';
  const h = affinity
    ? hash2(ctx.seed, p.src, action.distribution === 'source-ip-protocol' ? p.proto : 0)
    : hash5(ctx.seed, p.proto, p.src, p.sport, p.dst, p.dport);
  const i = h % action.backends.length;
  if (ctx.choices) {
    const ips = lbnatOf(ctx.c, action).ips;
    ctx.choices.push({
      kind: 'backend',
      seed: ctx.seed,
      args: affinity
        ? [p.src, action.distribution === 'source-ip-protocol' ? p.proto : 0]
        : [p.proto, p.src, p.sport, p.dst, p.dport],
      ipMask: affinity ? 1 : TUPLE_IPS,
      portMask: affinity ? 0 : TUPLE_PORTS,
      mod: action.backends.length,
      offset: 0,
      value: i,
      pick: (k) => [ips[k] ?? -1, action.backends[k]!.port],
      origin: rule,
    });
  }
  return i;
}

function backendWhy(ctx: WalkCtx, a: Extract<VfpRule['action'], { kind: 'lbnat' }>, i: number) {
  const n = a.backends.length;
  const how =
    a.distribution !== 'none' ? `source-IP affinity (${a.distribution})` : 'stable 5-tuple hash';
  return `backend ${i + 1}/${n} (${a.backends[i]!.ip}:${a.backends[i]!.port}) by ${how}, seed ${ctx.seed}`;
}

/** Apply `rule`'s action to `p` in place. */
export function applyAction(
  ctx: WalkCtx,
  rule: RuleBody,
  p: Pkt,
  node: CNode | undefined,
): ActionResult {
  const a = rule.action;
  switch (a.kind) {
    case 'allow':
    case 'other':
      return OK;
    case 'block':
      return {
        drop: `blocked by ${rule.name}`,
        why: [],
        ref: rule.provenance.ref,
        confidence: 'documented',
      };
    case 'lbnat': {
      const cl = lbnatOf(ctx.c, a);
      if (cl.limit)
        return { drop: cl.limit.drop, why: [], ref: cl.limit.ref, confidence: 'documented' };
      if (a.backends.length === 0)
        return {
          drop: `load balancer ${a.loadBalancerId} has no backends`,
          why: [],
          ref: rule.provenance.ref,
          confidence: 'inferred',
        };
      const i = chooseBackend(ctx, rule, a, p);
      p.dst = cl.ips[i] ?? p.dst;
      p.dport = a.backends[i]!.port;
      const mac = cl.macs[i];
      if (mac) p.dstMac = mac;
      if (a.snatIp) {
        p.src = ipOf(ctx.c, a.snatIp) ?? p.src;
        p.sport = poolPort(ctx, p, DYNAMIC_PORTS);
      }
      if (!ctx.rec.on) return OK;
      const whys = [backendWhy(ctx, a, i)];
      if (a.snatIp) whys.push(`source NAT to ${a.snatIp} (${snatWhat(ctx, node, a.snatIp)})`);
      else whys.push('client source IP kept');
      if (!cl.dsr) return { drop: null, why: whys, ref: null, confidence: 'documented' };
      whys.push('DSR rewrite modelled as DNAT at the source (inferred, domain.md §8.3)');
      ctx.rec.assume(DSR_ASSUMED);
      return { drop: null, why: whys, ref: R_DSR_REWRITE, confidence: 'inferred' };
    }
    case 'nat': {
      const ip = ipOf(ctx.c, a.ip) ?? 0;
      if (a.side === 'destination') {
        p.dst = ip;
        if (a.port !== null) p.dport = a.port;
      } else {
        p.src = ip;
        if (a.port !== null) p.sport = a.port;
      }
      if (!ctx.rec.on) return OK;
      return {
        drop: null,
        why: [`${a.side} → ${a.ip}${a.port !== null ? `:${a.port}` : ''}`],
        ref: null,
        confidence: 'documented',
      };
    }
    case 'dynnat': {
      p.src = ipOf(ctx.c, a.snatIp) ?? p.src;
      p.sport = poolPort(ctx, p, a.portPool);
      // Source-NATed to the host: the frame leaves the physical NIC as the host's, towards the
      // next hop (domain.md §2.4: a 0E-2A pod MAC never appears on the underlay).
      if (node && node.hostIps.has(p.src)) {
        p.srcMac = node.node.mac;
        p.dstMac = nextHopMac(ctx, node, p);
      }
      if (!ctx.rec.on) return OK;
      const why = [`source → ${a.snatIp}:${p.sport} (pool ${a.portPool.from}-${a.portPool.to})`];
      const assumed = rule.provenance.assumption;
      if (assumed) {
        why.push(assumed);
        ctx.rec.assume(assumed);
      }
      return { drop: null, why, ref: null, confidence: 'documented' };
    }
    case 'encap': {
      p.outer = {
        src: ipOf(ctx.c, a.outerSrcIp) ?? 0,
        dst: ipOf(ctx.c, a.outerDstIp) ?? 0,
        proto: 17,
        dport: a.udpPort,
        vni: a.vni,
      };
      if (a.innerDstMac) p.dstMac = a.innerDstMac;
      if (!ctx.rec.on) return OK;
      return {
        drop: null,
        why: [`VXLAN: outer ${a.outerSrcIp} → ${a.outerDstIp} UDP ${a.udpPort}, VNI ${a.vni}`],
        ref: null,
        confidence: 'documented',
      };
    }
    case 'decap': {
      if (p.outer && p.outer.vni !== a.vni)
        return {
          drop: `VNI ${p.outer.vni} does not match VSID ${a.vni}`,
          why: [],
          ref: rule.provenance.ref,
          confidence: 'inferred',
        };
      p.outer = null;
      // The inner frame was addressed to the remote DR MAC: it reaches the pod with the pod's own.
      if (a.innerDstMac) p.dstMac = a.innerDstMac;
      if (!ctx.rec.on) return OK;
      return {
        drop: null,
        why: [
          `VNI ${a.vni} = VSID; outer header removed`,
          ...(a.innerDstMac ? [`inner destination MAC → ${a.innerDstMac} (the pod's own)`] : []),
        ],
        ref: null,
        confidence: 'documented',
      };
    }
    case 'transpose': {
      if (a.srcMac) p.srcMac = a.srcMac;
      if (a.dstMac === 'next-hop') p.dstMac = nextHopMac(ctx, node, p);
      else if (a.dstMac) p.dstMac = a.dstMac;
      return OK;
    }
    case 'paroute':
      ctx.nextHop = a.nextHop ? ipOf(ctx.c, a.nextHop) : p.dst;
      if (!ctx.rec.on) return OK;
      return {
        drop: null,
        why: [`next hop ${a.nextHop ?? 'on-link'}`],
        ref: null,
        confidence: 'documented',
      };
  }
}
