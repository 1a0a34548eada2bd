/**
 * vSwitch forwarding between the ports of one node (and host-side routing into the
 * underlay or the overlay). The wire is in `wire.ts`. domain.md §2.1–2.4, §7.
 */
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../shared/ip';
import type { Confidence, Topology } from '../model/types';
import type { CNode } from './compile';
import { getOwner, type WalkCtx } from './context';
import { hairpin } from './hairpin';
import { nextHopMac } from './actions';
import type { Pkt } from './packet';
import type { Step } from './walk-types';
import { switchVerify, wireVerify } from './verify';

const R_SWITCH = 'domain.md §1.2, §2.1 [S18][S26]';

/** True when `portId` is another port of this switch. */
function onSwitch(
  t: Topology,
  vswitchId: string,
  fromPortId: string | null,
  portId: string | null | undefined,
): portId is string {
  return !!portId && t.ports[portId]?.vswitchId === vswitchId && portId !== fromPortId;
}

/** Where `forwardVswitch` sends a packet: a port on this switch, with why (built when recorded). */
function go(
  ctx: WalkCtx,
  cn: CNode,
  vswitchId: string,
  p: Pkt,
  portId: string,
  why: string | (() => string),
  confidence: Confidence = 'documented',
  ref = R_SWITCH,
): Step {
  const t = ctx.c.t;
  ctx.rec.record(
    () => ({
      node: cn.node.name,
      component: 'vswitch',
      name: t.vswitches[vswitchId]?.name ?? vswitchId,
      objectId: vswitchId,
      verify: switchVerify(p),
      action: 'forward',
      why: [typeof why === 'string' ? why : why(), `→ ${t.ports[portId]?.friendlyName ?? portId}`],
      confidence,
      ref,
    }),
    p,
    p,
  );
  return {
    next: { at: 'port', portId, dir: t.ports[portId]?.kind === 'external' ? 'out' : 'in' },
  };
}

/** Forward a packet inside node `cn`'s vSwitch. */
export function forwardVswitch(
  ctx: WalkCtx,
  cn: CNode,
  vswitchId: string,
  fromPortId: string | null,
  p: Pkt,
): Step {
  const t = ctx.c.t;
  const vs = t.vswitches[vswitchId];
  const extPort = cn.externalPortByVswitch.get(vswitchId) ?? null;
  if (p.outer) {
    if (fromPortId === extPort && (p.outer.dst === cn.ip || cn.pas.has(p.outer.dst))) {
      const ep = cn.endpointsByIp.get(p.dst);
      if (ep && onSwitch(t, vswitchId, fromPortId, ep.portId)) {
        const vni = p.outer.vni;
        return go(
          ctx,
          cn,
          vswitchId,
          p,
          ep.portId,
          () =>
            `VXLAN for this node (VNI ${vni}): inner destination ${formatIpv4(p.dst)} is endpoint ${ep.name}`,
          'inferred',
          'domain.md §2.4 [S20]',
        );
      }
      // Not a pod here: replies to the source VIP (or to a flow the host port created) are
      // decapsulated on the host side, mirroring hostSideRouting's encap (mechanics inferred).
      if (getOwner(ctx, p) === undefined && ep?.role !== 'source-vip' && !cn.hostIps.has(p.dst)) {
        return {
          end: {
            verdict: 'dropped',
            reason: `no local endpoint for inner destination ${formatIpv4(p.dst)} after VXLAN`,
          },
        };
      }
      hostSideDecap(ctx, cn, vswitchId, p);
    }
    if (p.outer) {
      const pa = p.outer.dst;
      if (extPort && extPort !== fromPortId)
        return go(
          ctx,
          cn,
          vswitchId,
          p,
          extPort,
          () => `encapsulated for ${formatIpv4(pa)}: out of the external port`,
        );
      if (!extPort && fromPortId !== null && vs?.kind !== 'internal' && vs?.kind !== 'private')
        return toUplink(ctx, cn, vswitchId, p, `encapsulated for ${formatIpv4(pa)}`);
    }
  }
  // A packet a port sends to its own endpoint (a pod reaching itself through a Service).
  if (fromPortId !== null && t.ports[fromPortId]?.kind === 'container') {
    const back = hairpin(ctx, cn, fromPortId, p);
    if (back) return back;
  }
  const owner = getOwner(ctx, p);
  if (onSwitch(t, vswitchId, fromPortId, owner))
    return go(
      ctx,
      cn,
      vswitchId,
      p,
      owner,
      'matches a NAT flow owned by this port (reply)',
      'observed',
      'domain.md §1.2 [S36]',
    );
  const ep = cn.endpointsByIp.get(p.dst);
  if (ep && onSwitch(t, vswitchId, fromPortId, ep.portId)) {
    // The host stack (host vNIC port) sends what it passes to a local endpoint from its own
    // MAC to that endpoint's MAC: a request its load balancer NATed to a local backend, or a
    // reply it un-NATed back to the client pod. The client's MAC never reaches the backend.
    const from = fromPortId !== null ? t.ports[fromPortId] : undefined;
    if (from?.kind === 'host-vnic' && !p.outer) {
      p.srcMac = from.mac ?? cn.node.mac ?? p.srcMac;
      if (ep.macAddress) p.dstMac = ep.macAddress;
    }
    return go(
      ctx,
      cn,
      vswitchId,
      p,
      ep.portId,
      () => `destination ${formatIpv4(p.dst)} is local endpoint ${ep.name}`,
    );
  }
  const hostIface = cn.hostIps.get(p.dst);
  if (hostIface !== undefined || cn.hostVips.has(p.dst) || ep?.role === 'source-vip') {
    const iface = cn.node.hostStack.interfaces.find((i) => i.name === hostIface);
    const portId = onSwitch(t, vswitchId, fromPortId, iface?.portId) ? iface.portId : cn.mgmtPortId;
    if (onSwitch(t, vswitchId, fromPortId, portId)) {
      if (cn.steeredVips.has(p.dst))
        return go(
          ctx,
          cn,
          vswitchId,
          p,
          portId,
          () =>
            `ROUTE ${routeOf(t, fromPortId, p.dst) ?? 'service CIDR'} NeedEncap: service traffic goes to the host port, where the load balancer is (no DSR)`,
          'inferred',
          'domain.md §2.3, §8.5 [S13]',
        );
      const why =
        ep?.role === 'source-vip'
          ? 'source VIP endpoint lives in the host'
          : hostIface
            ? `host address on ${hostIface}`
            : 'VIP handled on the host port (LocalRoutedVIP)';
      return go(ctx, cn, vswitchId, p, portId, why);
    }
  }
  if (vs && vs.kind !== 'external') {
    const gw = vs.portIds.find((id) => t.ports[id]?.kind === 'host-vnic' && id !== fromPortId);
    if (gw)
      return go(
        ctx,
        cn,
        vswitchId,
        p,
        gw,
        'internal switch: everything else goes to the host vNIC (the gateway)',
      );
    return {
      end: {
        verdict: 'dropped',
        reason: `no port for ${formatIpv4(p.dst)} on internal vSwitch ${vs.name}`,
      },
    };
  }
  const from = fromPortId ? t.ports[fromPortId] : undefined;
  if (!extPort || fromPortId === extPort) {
    if (!extPort && fromPortId !== null) {
      if (from?.kind === 'host-vnic' && !p.outer) hostSideRouting(ctx, cn, vswitchId, p);
      return toUplink(ctx, cn, vswitchId, p, `${formatIpv4(p.dst)} is not on this node`);
    }
    ctx.rec.record(
      () => ({
        node: cn.node.name,
        component: 'vswitch',
        name: vs?.name ?? vswitchId,
        objectId: vswitchId,
        verify: switchVerify(p, true),
        action: 'drop',
        why: [`no port on this switch owns ${formatIpv4(p.dst)}`],
        confidence: 'inferred',
        ref: R_SWITCH,
      }),
      p,
      p,
    );
    return {
      end: {
        verdict: 'dropped',
        reason: `vSwitch ${vs?.name ?? vswitchId} on ${cn.node.name}: no port for ${formatIpv4(p.dst)}`,
      },
    };
  }
  if (from?.kind === 'host-vnic' && !p.outer) hostSideRouting(ctx, cn, vswitchId, p);
  return go(
    ctx,
    cn,
    vswitchId,
    p,
    extPort,
    () => `${formatIpv4(p.dst)} is not on this node: out of the external port`,
  );
}

/**
 * Out of an external vSwitch whose external port the topology lacks (a dump without vfpctrl
 * port output): the packet leaves by the uplink all the same, straight onto the wire.
 */
function toUplink(ctx: WalkCtx, cn: CNode, vswitchId: string, p: Pkt, why: string): Step {
  const t = ctx.c.t;
  const vs = t.vswitches[vswitchId];
  if (ctx.phase === 'request') ctx.leftNodeId = cn.node.id;
  const uplink = vs?.externalAdapter ?? 'the physical adapter';
  ctx.rec.assume(
    `${cn.node.name} has no external port in the model; packets for other hosts are assumed to leave by its uplink (${uplink}).`,
  );
  if (ctx.rec.on)
    ctx.rec.record(
      {
        node: cn.node.name,
        component: 'vswitch',
        name: vs?.name ?? vswitchId,
        objectId: vswitchId,
        verify: ['vfpctrl /list-vmswitch-port', ...wireVerify(p)],
        action: 'forward',
        why: [`${why}: out of the uplink (${uplink})`, 'no external port in the model (inferred)'],
        confidence: 'inferred',
        ref: R_SWITCH,
      },
      p,
      p,
    );
  return { next: { at: 'wire', fromNode: cn.node.name } };
}

/** VXLAN for the host side of this node (source VIP, host-created flows): drop the outer header. */
function hostSideDecap(ctx: WalkCtx, cn: CNode, vswitchId: string, p: Pkt): void {
  const before = ctx.rec.snap(p);
  const vni = p.outer?.vni ?? 0;
  p.outer = null;
  if (ctx.rec.on)
    ctx.rec.record(
      {
        node: cn.node.name,
        component: 'vswitch',
        name: ctx.c.t.vswitches[vswitchId]?.name ?? vswitchId,
        objectId: vswitchId,
        action: 'decap',
        why: [
          `VXLAN for this node (VNI ${vni}): inner destination ${formatIpv4(p.dst)} is on the host side`,
          'host-side traffic out of the overlay (mechanics inferred)',
        ],
        confidence: 'inferred',
        ref: 'domain.md §2.4, §7 S6 [S20][S4]',
      },
      before,
      p,
    );
}

/** Host-originated or hairpinned traffic leaving through the switch: host routes / overlay encap (inferred). */
function hostSideRouting(ctx: WalkCtx, cn: CNode, vswitchId: string, p: Pkt): void {
  const t = ctx.c.t;
  const before = ctx.rec.snap(p);
  for (const nid of t.vswitches[vswitchId]?.networkIds ?? []) {
    const net = t.networks[nid];
    if (net?.type !== 'overlay') continue;
    for (const pol of net.policies) {
      const c = pol.type === 'RemoteSubnetRoute' ? parseCidr(pol.destinationPrefix) : null;
      if (pol.type !== 'RemoteSubnetRoute' || !c || !cidrContains(c, p.dst)) continue;
      p.outer = {
        src: cn.ip ?? 0,
        dst: parseIpv4(pol.providerAddress) ?? 0,
        proto: 17,
        dport: 4789,
        vni: pol.isolationId,
      };
      if (pol.drMac) p.dstMac = pol.drMac;
      // The host side sends the inner frame: from the source VIP endpoint when that is the
      // source (the load balancer's SNAT), else from the host; never from the client pod.
      const src = cn.endpointsByIp.get(p.src);
      p.srcMac = (src?.role === 'source-vip' ? src.macAddress : null) ?? cn.node.mac ?? p.srcMac;
      ctx.rec.record(
        {
          node: cn.node.name,
          component: 'vswitch',
          name: t.vswitches[vswitchId]?.name ?? vswitchId,
          objectId: vswitchId,
          action: 'encap',
          why: [
            `RemoteSubnetRoute ${pol.destinationPrefix} → PA ${pol.providerAddress}, VNI ${pol.isolationId}`,
            'host-side traffic into the overlay (mechanics inferred)',
          ],
          confidence: 'inferred',
          ref: 'domain.md §2.4, §7 S6 [S20][S4]',
        },
        before,
        p,
      );
      return;
    }
  }
  const route = cn.routes.find((r) => cidrContains(r.cidr, p.dst));
  ctx.nextHop = route?.nextHop ?? null;
  p.srcMac = cn.node.mac;
  p.dstMac = nextHopMac(ctx, cn, p);
  ctx.rec.record(
    {
      node: cn.node.name,
      component: 'vswitch',
      name: t.vswitches[vswitchId]?.name ?? vswitchId,
      objectId: vswitchId,
      action: 'transpose',
      why: [
        `host route ${route?.prefix ?? '(none)'} via ${route?.nextHop !== null && route ? formatIpv4(route.nextHop) : 'on-link'}`,
        'MACs rewritten to host → next hop (inferred)',
      ],
      confidence: 'inferred',
      ref: 'domain.md §2.3, §7 S6 [S13]',
    },
    before,
    p,
  );
}

/** The sending endpoint's ROUTE NeedEncap prefix that covers `dst`, if any. */
function routeOf(t: Topology, fromPortId: string | null, dst: number): string | null {
  const epId = fromPortId ? t.ports[fromPortId]?.endpointId : null;
  const ep = epId ? t.endpoints[epId] : undefined;
  for (const pol of ep?.policies ?? []) {
    if (pol.type !== 'ROUTE' || !pol.needEncap) continue;
    const c = parseCidr(pol.destinationPrefix);
    if (c && cidrContains(c, dst)) return pol.destinationPrefix;
  }
  return null;
}
