/**
 * Everything between VFP ports: vSwitch forwarding, the wire (underlay) between nodes,
 * and the outside world. domain.md §2.1–2.4, §7.
 */
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../shared/ip';
import type { Confidence } from '../model/types';
import type { CNode } from './compile';
import { assume, record, snap, type WalkCtx } from './context';
import { nextHopMac } from './actions';
import { tupleKey, type Pkt } from './packet';
import type { Loc, Step } from './walk-types';

const R_SWITCH = 'domain.md §1.2, §2.1 [S18][S26]';

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
  const base = {
    node: cn.node.name,
    component: 'vswitch' as const,
    name: vs?.name ?? vswitchId,
    objectId: vswitchId,
    verify: [`pktmon filter add -i ${formatIpv4(p.dst)}`, 'pktmon start -c --comp all --type all'],
  };
  const onSwitch = (portId: string | null | undefined): portId is string =>
    !!portId && t.ports[portId]?.vswitchId === vswitchId && portId !== fromPortId;
  const go = (
    portId: string,
    why: string,
    confidence: Confidence = 'documented',
    ref = R_SWITCH,
  ): Step => {
    record(
      ctx,
      {
        ...base,
        action: 'forward',
        why: [why, `→ ${t.ports[portId]?.friendlyName ?? portId}`],
        confidence,
        ref,
      },
      p,
      p,
    );
    return {
      next: { at: 'port', portId, dir: t.ports[portId]?.kind === 'external' ? 'out' : 'in' },
    };
  };
  const extPort = cn.externalPortByVswitch.get(vswitchId) ?? null;
  if (p.outer) {
    if (p.outer.dst === cn.ip && fromPortId === extPort) {
      const ep = cn.endpointsByIp.get(p.dst);
      if (ep && onSwitch(ep.portId))
        return go(
          ep.portId,
          `VXLAN for this node (VNI ${p.outer.vni}): inner destination ${formatIpv4(p.dst)} is endpoint ${ep.name}`,
          'inferred',
          'domain.md §2.4 [S20]',
        );
      return {
        end: {
          verdict: 'dropped',
          reason: `no local endpoint for inner destination ${formatIpv4(p.dst)} after VXLAN`,
        },
      };
    }
    if (extPort && extPort !== fromPortId)
      return go(extPort, `encapsulated for ${formatIpv4(p.outer.dst)}: out of the external port`);
  }
  const owner = ctx.owners.get(tupleKey(p));
  if (onSwitch(owner))
    return go(
      owner,
      'matches a NAT flow owned by this port (reply)',
      'observed',
      'domain.md §1.2 [S36]',
    );
  const ep = cn.endpointsByIp.get(p.dst);
  if (ep && onSwitch(ep.portId))
    return go(ep.portId, `destination ${formatIpv4(p.dst)} is local endpoint ${ep.name}`);
  const hostIface = cn.hostIps.get(p.dst);
  if (hostIface !== undefined || cn.hostVips.has(p.dst) || ep?.role === 'source-vip') {
    const iface = cn.node.hostStack.interfaces.find((i) => i.name === hostIface);
    const portId = onSwitch(iface?.portId) ? iface.portId : cn.mgmtPortId;
    if (onSwitch(portId)) {
      const why =
        ep?.role === 'source-vip'
          ? 'source VIP endpoint lives in the host'
          : hostIface
            ? `host address on ${hostIface}`
            : 'VIP handled on the host port (LocalRoutedVIP)';
      return go(portId, why);
    }
  }
  if (vs && vs.kind !== 'external') {
    const gw = vs.portIds.find((id) => t.ports[id]?.kind === 'host-vnic' && id !== fromPortId);
    if (gw) return go(gw, 'internal switch: everything else goes to the host vNIC (the gateway)');
    return {
      end: {
        verdict: 'dropped',
        reason: `no port for ${formatIpv4(p.dst)} on internal vSwitch ${vs.name}`,
      },
    };
  }
  if (!extPort || fromPortId === extPort) {
    record(
      ctx,
      {
        ...base,
        action: 'drop',
        why: [`no port on this switch owns ${formatIpv4(p.dst)}`],
        confidence: 'inferred',
        ref: R_SWITCH,
      },
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
  const from = fromPortId ? t.ports[fromPortId] : undefined;
  if (from?.kind === 'host-vnic' && !p.outer) hostSideRouting(ctx, cn, vswitchId, p);
  return go(extPort, `${formatIpv4(p.dst)} is not on this node: out of the external port`);
}

/** Host-originated or hairpinned traffic leaving through the switch: host routes / overlay encap (inferred). */
function hostSideRouting(ctx: WalkCtx, cn: CNode, vswitchId: string, p: Pkt): void {
  const t = ctx.c.t;
  const before = snap(ctx, p);
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
      record(
        ctx,
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
  record(
    ctx,
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

/** The underlay: deliver to the node, routed prefix or external that owns the destination. */
export function forwardWire(ctx: WalkCtx, fromNode: string | null, p: Pkt): Step {
  const c = ctx.c;
  const dst = p.outer ? p.outer.dst : p.dst;
  const base = {
    node: fromNode,
    component: 'wire' as const,
    name: 'underlay',
    objectId: null,
    verify: ['pktmon filter add -t UDP -p 4789', 'pktmon start -c --comp nics'],
  };
  const toNode = (cn: CNode, why: string): Step => {
    const ext = [...cn.externalPortByVswitch.values()][0];
    record(
      ctx,
      {
        ...base,
        action: 'forward',
        why: [why],
        confidence: 'documented',
        ref: 'domain.md §2.3, §2.4 [S13][S20]',
      },
      p,
      p,
    );
    if (!ext)
      return { end: { verdict: 'dropped', reason: `${cn.node.name} has no external port` } };
    return { next: { at: 'port', portId: ext, dir: 'in' } };
  };
  const direct = c.nodeByIp.get(dst);
  if (direct) return toNode(direct, `${formatIpv4(dst)} is node ${direct.node.name}`);
  for (const r of c.underlay) {
    if (!cidrContains(r.cidr, dst) || r.via === null) continue;
    const via = c.nodeByIp.get(r.via);
    if (via)
      return toNode(via, `underlay route ${r.prefix} via ${formatIpv4(r.via)} (${via.node.name})`);
  }
  const ext = c.externalByIp.get(dst);
  if (ext) {
    const listens =
      p.proto === 1 ||
      ctx.phase === 'reply' ||
      ext.listens.some((l) => l.protocol === p.proto && l.port === p.dport);
    record(
      ctx,
      {
        ...base,
        component: 'external',
        name: ext.name,
        objectId: ext.id,
        action: listens ? 'deliver' : 'drop',
        why: [
          listens
            ? `${ext.name} listens on ${p.proto}/${p.dport}`
            : `${ext.name} does not listen on ${p.proto}/${p.dport}`,
        ],
        confidence: 'documented',
        ref: 'issue 2 reference cluster',
      },
      p,
      p,
    );
    return listens
      ? {
          end: {
            verdict: 'delivered',
            reason: `delivered to ${ext.name}`,
            to: { kind: 'external', name: ext.name, ip: ext.ip },
            replyFrom: { at: 'wire', fromNode: null },
          },
        }
      : { end: { verdict: 'dropped', reason: `${ext.name} refuses ${p.proto}/${p.dport}` } };
  }
  const cl = c.t.cluster;
  const inCluster =
    cl &&
    [cl.clusterCidr, cl.serviceCidr].some((x) => {
      const cc = parseCidr(x);
      return cc !== null && cidrContains(cc, dst);
    });
  if (inCluster || !c.t.underlay) {
    record(
      ctx,
      {
        ...base,
        action: 'drop',
        why: [`no underlay route for ${formatIpv4(dst)}`],
        confidence: 'inferred',
        ref: null,
      },
      p,
      p,
    );
    return {
      end: { verdict: 'dropped', reason: `no route on the underlay for ${formatIpv4(dst)}` },
    };
  }
  assume(ctx, `${formatIpv4(dst)} is an internet host outside the model; it is assumed to answer.`);
  record(
    ctx,
    {
      ...base,
      component: 'external',
      name: 'internet',
      objectId: null,
      action: 'deliver',
      why: [`default gateway ${c.t.underlay.gatewayIp}`],
      confidence: 'inferred',
      ref: null,
    },
    p,
    p,
  );
  return {
    end: {
      verdict: 'delivered',
      reason: 'delivered to the internet',
      to: { kind: 'external', name: 'internet', ip: formatIpv4(dst) },
      replyFrom: { at: 'wire', fromNode: null },
    },
  };
}

export type { Loc };
