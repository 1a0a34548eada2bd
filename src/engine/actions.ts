/**
 * VFP rule actions applied to the working packet: allow/block, lbnat (backend by a seeded
 * 5-tuple hash or source-IP affinity), nat, dynnat (pool port), VXLAN encap/decap, MAC
 * transpose and paroute. Known platform limits surface here as drops with their source.
 */
import { parseIpv4 } from '../shared/ip';
import type { LbBackend, VfpRule } from '../model/types';
import type { CNode } from './compile';
import { assume, type WalkCtx } from './context';
import { hashTuple, type Pkt } from './packet';

export interface ActionResult {
  /** Set when the packet is dropped. */
  readonly drop: string | null;
  readonly why: readonly string[];
  readonly ref: string | null;
}

const OK: ActionResult = { drop: null, why: [], ref: null };
const poolPort = (ctx: WalkCtx, p: Pkt, from: number, to: number) =>
  from + (hashTuple(ctx.seed ^ 0x5a5a, p.proto, p.src, p.sport, p.dst, p.dport) % (to - from + 1));

/** The MAC of the next hop (set by a paroute) or of the destination itself when on-link. */
export function nextHopMac(ctx: WalkCtx, node: CNode | undefined, p: Pkt): string | null {
  const ip = ctx.nextHop ?? p.dst;
  const n = ctx.c.nodeByIp.get(ip);
  if (n) return n.node.mac;
  const ep = node?.endpointsByIp.get(ip);
  if (ep) return ep.macAddress;
  assume(ctx, 'The MAC of the underlay gateway / off-model next hop is unknown; shown as null.');
  return null;
}

function chooseBackend(
  ctx: WalkCtx,
  action: Extract<VfpRule['action'], { kind: 'lbnat' }>,
  p: Pkt,
): [LbBackend, string] {
  const n = action.backends.length;
  const affinity = action.distribution !== 'none';
  const h = affinity
    ? hashTuple(ctx.seed, p.src, action.distribution === 'source-ip-protocol' ? p.proto : 0)
    : hashTuple(ctx.seed, p.proto, p.src, p.sport, p.dst, p.dport);
  const i = h % n;
  const how = affinity ? `source-IP affinity (${action.distribution})` : 'stable 5-tuple hash';
  return [
    action.backends[i]!,
    `backend ${i + 1}/${n} (${action.backends[i]!.ip}:${action.backends[i]!.port}) by ${how}, seed ${ctx.seed}`,
  ];
}

/** Apply `rule`'s action to `p` in place. */
export function applyAction(
  ctx: WalkCtx,
  rule: VfpRule,
  p: Pkt,
  node: CNode | undefined,
): ActionResult {
  const a = rule.action;
  switch (a.kind) {
    case 'allow':
    case 'other':
      return OK;
    case 'block':
      return { drop: `blocked by ${rule.name}`, why: [], ref: rule.provenance.ref };
    case 'lbnat': {
      const lb = ctx.c.t.loadBalancers[a.loadBalancerId];
      const svc = lb?.serviceId ? ctx.c.t.services[lb.serviceId] : undefined;
      if (
        lb &&
        svc?.externalTrafficPolicy === 'Local' &&
        lb.kind !== 'clusterip' &&
        !lb.flags.dsr
      ) {
        return {
          drop: 'externalTrafficPolicy=Local works only with DSR (known limit)',
          why: [],
          ref: 'domain.md §0 fact 10, §4.2 [S7][S4]',
        };
      }
      if (a.backends.length > 64 && !(lb?.flags.dsr ?? false)) {
        return {
          drop: `more than 64 backends (${a.backends.length}): "invalid number of destinations" (known limit)`,
          why: [],
          ref: 'domain.md §4.3 [S30][S7]',
        };
      }
      if (a.backends.length === 0)
        return {
          drop: `load balancer ${a.loadBalancerId} has no backends`,
          why: [],
          ref: rule.provenance.ref,
        };
      const [b, why] = chooseBackend(ctx, a, p);
      const ip = parseIpv4(b.ip) ?? p.dst;
      const ep = b.endpointId ? ctx.c.t.endpoints[b.endpointId] : undefined;
      p.dst = ip;
      p.dport = b.port;
      if (ep && !ep.isRemote && ep.macAddress) p.dstMac = ep.macAddress;
      const whys = [why];
      if (a.snatIp) {
        p.src = parseIpv4(a.snatIp) ?? p.src;
        p.sport = poolPort(ctx, p, 49152, 65535);
        whys.push(`source NAT to ${a.snatIp} (node IP / SourceVIP)`);
      } else whys.push('client source IP kept');
      return { drop: null, why: whys, ref: null };
    }
    case 'nat': {
      const ip = parseIpv4(a.ip) ?? 0;
      if (a.side === 'destination') {
        p.dst = ip;
        if (a.port !== null) p.dport = a.port;
      } else {
        p.src = ip;
        if (a.port !== null) p.sport = a.port;
      }
      return {
        drop: null,
        why: [`${a.side} → ${a.ip}${a.port !== null ? `:${a.port}` : ''}`],
        ref: null,
      };
    }
    case 'dynnat': {
      p.src = parseIpv4(a.snatIp) ?? p.src;
      p.sport = poolPort(ctx, p, a.portPool.from, a.portPool.to);
      return {
        drop: null,
        why: [`source → ${a.snatIp}:${p.sport} (pool ${a.portPool.from}-${a.portPool.to})`],
        ref: null,
      };
    }
    case 'encap': {
      p.outer = {
        src: parseIpv4(a.outerSrcIp) ?? 0,
        dst: parseIpv4(a.outerDstIp) ?? 0,
        proto: 17,
        dport: a.udpPort,
        vni: a.vni,
      };
      if (a.innerDstMac) p.dstMac = a.innerDstMac;
      return {
        drop: null,
        why: [`VXLAN: outer ${a.outerSrcIp} → ${a.outerDstIp} UDP ${a.udpPort}, VNI ${a.vni}`],
        ref: null,
      };
    }
    case 'decap': {
      if (p.outer && p.outer.vni !== a.vni)
        return {
          drop: `VNI ${p.outer.vni} does not match VSID ${a.vni}`,
          why: [],
          ref: rule.provenance.ref,
        };
      p.outer = null;
      return { drop: null, why: [`VNI ${a.vni} = VSID; outer header removed`], ref: null };
    }
    case 'transpose': {
      if (a.srcMac) p.srcMac = a.srcMac;
      if (a.dstMac === 'next-hop') p.dstMac = nextHopMac(ctx, node, p);
      else if (a.dstMac) p.dstMac = a.dstMac;
      return OK;
    }
    case 'paroute':
      ctx.nextHop = a.nextHop ? parseIpv4(a.nextHop) : p.dst;
      return { drop: null, why: [`next hop ${a.nextHop ?? 'on-link'}`], ref: null };
  }
}
