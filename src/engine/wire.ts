/**
 * The wire (underlay) between nodes, and the outside world: nodes by IP, underlay routes,
 * modelled externals, the internet. domain.md §2.3, §2.4, §7.
 */
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../shared/ip';
import type { CNode } from './compile';
import type { WalkCtx } from './context';
import { clonePacket, type Pkt } from './packet';
import { gatewayMacFrom } from './actions';
import type { Step } from './walk-types';

/** The underlay: deliver to the node, routed prefix or external that owns the destination. */
export function forwardWire(ctx: WalkCtx, fromNode: string | null, p: Pkt): Step {
  const c = ctx.c;
  const dst = p.outer ? p.outer.dst : p.dst;
  const base = {
    node: fromNode,
    component: 'wire' as const,
    name: 'underlay',
    objectId: null,
    verify: wireVerify(p),
  };
  const toNode = (cn: CNode, why: string): Step => {
    const ext = [...cn.externalPortByVswitch.values()][0];
    // A frame from outside the modelled nodes (an external client) reaches the node's NIC from
    // the last router (the default gateway, whose MAC the underlay may give), addressed to the
    // node's own MAC.
    const before = fromNode === null && p.outer === null && p.dstMac === null ? clonePacket(p) : p;
    if (before !== p) {
      p.dstMac = cn.node.mac;
      p.srcMac ??= gatewayMacFrom(ctx, p.src);
    }
    ctx.rec.hop(
      base,
      {
        action: 'forward',
        why:
          before !== p
            ? [
                why,
                `the last router${routerText(ctx)} hands the frame to ${cn.node.name}'s NIC (${cn.node.mac ?? 'MAC unknown'})`,
              ]
            : [why],
        // Between dumped nodes the underlay is inferred from their subnets (src/cluster).
        confidence: c.t.design === null ? 'inferred' : 'documented',
        ref: 'domain.md §2.3, §2.4 [S13][S20]',
      },
      before,
      p,
    );
    const stale = c.t.design === null && c.t.nodeIds.length > 1 ? notOnNode(ctx, cn, p) : null;
    if (stale !== null) return stale;
    if (ext) return { next: { at: 'port', portId: ext, dir: 'in' } };
    // No external port in the model (a dump): the packet enters the external vSwitch by its uplink.
    const vsId =
      cn.node.vswitchIds.find((id) => c.t.vswitches[id]?.kind === 'external') ??
      cn.node.vswitchIds[0];
    if (!vsId)
      return { end: { verdict: 'dropped', reason: `${cn.node.name} has no external port` } };
    return { next: { at: 'vswitch', nodeId: cn.node.id, vswitchId: vsId, fromPortId: null } };
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
    ctx.rec.hop(
      base,
      {
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
        ref: 'the scenario: its external host and the ports it listens on',
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
  if (!c.t.underlay || c.t.design === null) {
    // The underlay is not modelled (a dump of one node), or only inferred between the imported
    // nodes (a dump of several): what lies beyond them is unknown.
    const back = ctx.phase === 'reply' && ctx.leftNodeId ? c.nodes.get(ctx.leftNodeId) : undefined;
    if (back) {
      ctx.rec.assume(
        `The reply comes back from outside the model to ${back.node.name}, where the request left.`,
      );
      return toNode(back, `reply from beyond the dump back to ${back.node.name} (assumed)`);
    }
    return leaveModel(ctx, fromNode, p);
  }
  const cl = c.t.cluster;
  const inCluster =
    cl &&
    [cl.clusterCidr, cl.serviceCidr].some((x) => {
      const cc = parseCidr(x);
      return cc !== null && cidrContains(cc, dst);
    });
  if (inCluster) {
    ctx.rec.hop(
      base,
      {
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
  ctx.rec.assume(
    `${formatIpv4(dst)} is an internet host outside the model; it is assumed to answer.`,
  );
  ctx.rec.hop(
    base,
    {
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

/** ` (gateway 10.0.0.1, 00:00:5e:00:01:01)`: the default gateway, as far as the underlay says. */
function routerText(ctx: WalkCtx): string {
  const u = ctx.c.t.underlay;
  if (!u || ctx.c.t.design === null) return '';
  return ` (gateway ${u.gatewayIp}, ${u.gatewayMac ?? 'MAC unknown'})`;
}

/**
 * The end of a trace whose packet left a node towards something the topology does not hold:
 * `deliveredTo.kind` `wire`, with the address it left towards (types.ts `DeliveredTo`).
 */
function leaveModel(ctx: WalkCtx, fromNode: string | null, p: Pkt): Step {
  const end = { verdict: 'delivered', replyFrom: { at: 'wire', fromNode: null } } as const;
  // Verdict-only walks never read the reason or the recipient: skip their strings.
  if (!ctx.rec.on) return { end: { ...end, reason: '', to: { kind: 'wire', name: '', ip: '' } } };
  const c = ctx.c;
  const node = fromNode ?? 'the node';
  let toward: string;
  let name: string;
  let why: string;
  if (p.outer) {
    toward = formatIpv4(p.outer.dst);
    name = `PA ${toward} (peer node not in the dump)`;
    why = `leaves ${node} towards PA ${toward} (VXLAN VNI ${p.outer.vni}); the peer node is not in the dump`;
  } else {
    const hop = ctx.nextHop !== null && ctx.nextHop !== p.dst ? ctx.nextHop : null;
    const owner = remoteOwner(c, p.dst);
    toward = formatIpv4(hop ?? p.dst);
    name =
      hop !== null
        ? `next hop ${toward} (not in the dump)`
        : owner
          ? `${toward} (${owner}; not in the dump)`
          : `${toward} (outside the dump)`;
    why =
      hop !== null
        ? `leaves ${node} towards next hop ${toward} for ${formatIpv4(p.dst)}; that host is not in the dump`
        : owner
          ? `leaves ${node} towards ${toward} (${owner}); the peer node is not in the dump`
          : `leaves ${node} towards ${toward}; the network beyond the uplink is not in the dump`;
  }
  ctx.rec.assume(
    c.t.nodeIds.length > 1
      ? `The packet leaves ${node} towards ${toward}, which is none of the imported nodes: the trace ends there (import that node's dump to follow it); the peer is assumed to answer.`
      : 'The dump holds one node and no underlay: the trace ends when the packet leaves the node; the peer is assumed to answer.',
  );
  ctx.rec.hop(
    {
      node: fromNode,
      component: 'wire',
      name: 'underlay',
      objectId: null,
      verify: wireVerify(p),
    },
    { action: 'leave', why: [why], confidence: 'inferred', ref: 'domain.md §2.3, §2.4 [S13][S20]' },
    p,
    p,
  );
  return { end: { ...end, reason: why, to: { kind: 'wire', name, ip: toward } } };
}

/**
 * A capture filter for the frame on the wire: VXLAN (UDP 4789) only when the packet is
 * encapsulated (overlay); otherwise the packet itself, by destination address and port.
 */
export function wireVerify(p: Pkt): string[] {
  if (p.outer) return ['pktmon filter add -t UDP -p 4789', 'pktmon start -c --comp nics'];
  const proto = p.proto === 6 ? 'TCP' : p.proto === 17 ? 'UDP' : p.proto === 1 ? 'ICMP' : null;
  const filter = [`pktmon filter add -i ${formatIpv4(p.dst)}`];
  if (proto !== null) filter.push(`-t ${proto}`);
  if (proto === 'TCP' || proto === 'UDP') filter.push(`-p ${p.dport}`);
  return [filter.join(' '), 'pktmon start -c --comp nics'];
}

/** What the model knows of a destination outside the node: a remote endpoint or a RemoteSubnetRoute. */
function remoteOwner(c: WalkCtx['c'], dst: number): string | null {
  for (const ep of Object.values(c.t.endpoints)) {
    if (!ep.isRemote || parseIpv4(ep.ipAddress ?? '') !== dst) continue;
    const pa = ep.policies.find((x) => x.type === 'PA');
    return pa?.type === 'PA' ? `remote endpoint, PA ${pa.providerAddress}` : 'remote endpoint';
  }
  for (const n of Object.values(c.t.networks))
    for (const pol of n.policies) {
      if (pol.type !== 'RemoteSubnetRoute') continue;
      const cc = parseCidr(pol.destinationPrefix);
      if (cc && cidrContains(cc, dst))
        return `RemoteSubnetRoute ${pol.destinationPrefix}, PA ${pol.providerAddress}`;
    }
  return null;
}

/**
 * A packet arriving at a node of a dumped cluster for an address in that node's pod subnets
 * that no local endpoint, host address or VIP there holds: the node drops it. Usually a stale
 * remote endpoint or load-balancer backend on the sending node (the pod is gone).
 */
function notOnNode(ctx: WalkCtx, cn: CNode, p: Pkt): Step | null {
  const c = ctx.c;
  const dst = p.dst;
  if (cn.endpointsByIp.has(dst) || cn.hostIps.has(dst) || cn.hostVips.has(dst) || dst === cn.ip)
    return null;
  let prefix: string | null = null;
  for (const n of Object.values(c.t.networks)) {
    if (n.nodeId !== cn.node.id) continue;
    for (const s of n.subnets) {
      const cc = parseCidr(s.addressPrefix);
      if (cc && cidrContains(cc, dst)) prefix = s.addressPrefix;
    }
  }
  if (prefix === null) return null;
  const ip = formatIpv4(dst);
  const remote = Object.values(c.t.endpoints).find(
    (e) => e.isRemote && e.nodeId !== cn.node.id && e.ipAddress === ip,
  );
  const from = remote ? c.t.nodes[remote.nodeId]?.name : undefined;
  const reason = remote
    ? `stale remote endpoint: ${ip} is no endpoint on ${cn.node.name} (its pod subnet ${prefix}); ${from ?? 'the sending node'} still holds remote endpoint ${remote.name || remote.id} for it`
    : `${ip} is no endpoint on ${cn.node.name} (its pod subnet ${prefix})`;
  ctx.rec.hop(
    {
      node: cn.node.name,
      component: 'vswitch',
      name: c.t.vswitches[cn.node.vswitchIds[0] ?? '']?.name ?? 'vSwitch',
      objectId: cn.node.vswitchIds[0] ?? null,
      verify: [
        `Get-HnsEndpoint | ? IPAddress -eq '${ip}'`,
        'pktmon start -c --comp all --type drop',
      ],
    },
    {
      action: 'drop',
      why: [reason, `${cn.node.name}'s dump lists every endpoint of the subnet; none has ${ip}`],
      confidence: 'inferred',
      ref: 'domain.md §2.3, §2.4 [S13][S20]',
    },
    p,
    p,
  );
  return { end: { verdict: 'dropped', reason } };
}
