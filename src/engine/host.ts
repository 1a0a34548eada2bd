/**
 * The host TCP/IP stack of a node: local delivery, routing, WinNAT (old design) and the
 * user-space kube-proxy (old design: the VIP lives on the host, the proxy accepts and opens
 * a second connection to the backend). domain.md §2.2, §3.2, §7 S3–S6.
 */
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../shared/ip';
import type { CNode } from './compile';
import { getFlow, setReplyFlow, type WalkCtx } from './context';
import { macOnLink } from './actions';
import { TUPLE_IPS, TUPLE_PORTS } from './choices';
import { hash5, hashTuple, reversePacket, type Pkt } from './packet';
import { switchVerify } from './verify';
import type { Step } from './walk-types';

const R_OLD = 'domain.md §3.2 [S1][S5][S6]';

function restore(ctx: WalkCtx, scope: string, p: Pkt): { rule: string; note: string } | null {
  const f = getFlow(ctx, scope, p);
  if (!f) return null;
  p.src = f.src;
  p.dst = f.dst;
  p.sport = f.sport;
  p.dport = f.dport;
  return { rule: f.rule, note: f.note };
}

/** A packet arrives at the host stack of `cn` (`local`: it was sent by this host itself). */
export function hostReceive(ctx: WalkCtx, cn: CNode, p: Pkt, local: boolean): Step {
  const node = cn.node;
  const base = {
    node: node.name,
    component: 'host-stack' as const,
    name: 'host TCP/IP',
    objectId: node.id,
  };
  const before = ctx.rec.snap(p);
  const nat = restore(ctx, cn.natScope, p);
  if (nat) {
    ctx.rec.hop(
      base,
      {
        component: 'winnat',
        name: node.winnat?.name ?? 'WinNAT',
        action: 'un-NAT',
        why: ['reply matches a WinNAT session'],
        confidence: 'documented',
        ref: R_OLD,
        verify: ['Get-NetNatSession'],
      },
      before,
      p,
    );
    return { next: { at: 'host-send', nodeId: node.id } };
  }
  const kp = restore(ctx, cn.kpScope, p);
  if (kp) {
    ctx.rec.hop(
      base,
      {
        component: 'kube-proxy',
        name: 'kube-proxy (userspace)',
        action: 'proxy reply',
        why: [`backend reply copied onto the client connection (${kp.note})`],
        confidence: 'documented',
        ref: R_OLD,
        verify: ['netsh interface portproxy show all'],
      },
      before,
      p,
    );
    return { next: { at: 'host-send', nodeId: node.id } };
  }
  if (cn.hostIps.has(p.dst)) {
    const kpx = node.kubeProxy;
    const proxy =
      kpx?.mode === 'userspace'
        ? kpx.proxies.find(
            (x) =>
              x.listenPort === p.dport &&
              x.protocol === p.proto &&
              (x.listenIp === '0.0.0.0' || parseIpv4(x.listenIp) === p.dst),
          )
        : undefined;
    if (proxy) {
      if (proxy.backends.length === 0)
        return {
          end: {
            verdict: 'dropped',
            reason: `kube-proxy ${proxy.serviceId}/${proxy.portName} has no backends`,
          },
        };
      const svc = ctx.c.t.services[proxy.serviceId];
      const affinity = svc?.sessionAffinity === 'ClientIP';
      const h = affinity
        ? hashTuple(ctx.seed, p.src)
        : hash5(ctx.seed, p.proto, p.src, p.sport, p.dst, p.dport);
      const b = proxy.backends[h % proxy.backends.length]!;
      ctx.choices?.push({
        kind: 'backend',
        seed: ctx.seed,
        args: affinity ? [p.src] : [p.proto, p.src, p.sport, p.dst, p.dport],
        ipMask: affinity ? 1 : TUPLE_IPS,
        portMask: affinity ? 0 : TUPLE_PORTS,
        mod: proxy.backends.length,
        offset: 0,
        value: h % proxy.backends.length,
        pick: (k) => [parseIpv4(proxy.backends[k]!.ip) ?? -1, proxy.backends[k]!.port],
        origin: proxy,
      });
      const client = { ...p };
      const route = cn.routes.find((r) => cidrContains(r.cidr, parseIpv4(b.ip) ?? 0));
      const iface = node.hostStack.interfaces.find((i) => i.name === route?.iface);
      p.src = parseIpv4(iface?.ips[0] ?? node.managementIp ?? '') ?? 0;
      p.sport = 40000 + (ctx.ephemeral++ % 20000);
      p.dst = parseIpv4(b.ip) ?? 0;
      p.dport = b.port;
      p.outer = null;
      const rev = reversePacket(client);
      setReplyFlow(ctx, cn.kpScope, p, {
        src: rev.src,
        dst: rev.dst,
        sport: rev.sport,
        dport: rev.dport,
        rule: `${proxy.serviceId}/${proxy.portName}`,
        ruleId: null,
        nameSource: null,
        layer: null,
        note: `listener ${proxy.listenIp}:${proxy.listenPort}`,
      });
      const why = [
        `listener ${proxy.listenIp}:${proxy.listenPort}/${p.proto} (service ${svc?.name ?? proxy.serviceId}, port ${proxy.portName})`,
        `accepts, then opens a second connection to backend ${b.ip}:${b.port} (round-robin modelled as a seeded hash)`,
        'the backend sees the host address as source',
      ];
      if (proxy.dnsSuffixes)
        why.push(
          `DNS proxy: short names are retried with suffixes "", ${proxy.dnsSuffixes.join(', ')}`,
        );
      ctx.rec.hop(
        base,
        {
          component: 'kube-proxy',
          name: 'kube-proxy (userspace)',
          action: 'proxy',
          rule: `${svc?.name ?? proxy.serviceId}:${proxy.portName}`,
          why,
          confidence: 'documented',
          ref: R_OLD,
          verify: ['netsh interface portproxy show all', 'netsh interface ipv4 show addresses'],
        },
        before,
        p,
      );
      return { next: { at: 'host-send', nodeId: node.id } };
    }
    if (
      local &&
      p.proto !== 1 &&
      cn.lbs.some(
        (lb) => lb.kind === 'nodeport' && lb.externalPort === p.dport && lb.protocol === p.proto,
      )
    ) {
      ctx.rec.hop(
        base,
        {
          action: 'drop',
          why: [
            'NodePort from the node that hosts it: the packet never reaches the vSwitch LB rules',
          ],
          confidence: 'documented',
          ref: 'domain.md §0 fact 10, §7 S6 [S7]',
        },
        before,
        p,
      );
      return {
        end: {
          verdict: 'dropped',
          reason: `NodePort ${p.dport} is not reachable from its own node ${node.name} (known limit)`,
        },
      };
    }
    // SNATed to the node's own address on the way in (overlay OutBoundNAT does not exempt the
    // node subnet, domain.md §2.4): the answer will be addressed to the host itself.
    if (!local && cn.hostIps.has(p.src)) ctx.selfSourcedAt = node.id;
    ctx.rec.assume(
      'A host process accepts packets addressed to the node (no host listeners in the model).',
    );
    ctx.rec.hop(
      base,
      {
        action: 'deliver',
        why: [
          `${formatIpv4(p.dst)} is a local address (${cn.hostIps.get(p.dst)})`,
          ...(ctx.selfSourcedAt === node.id
            ? [`the source ${formatIpv4(p.src)} is this host's own address too (source NAT)`]
            : []),
        ],
        confidence: 'documented',
        ref: 'domain.md §2.2 [S11]',
        verify: ['Get-NetIPAddress'],
      },
      before,
      p,
    );
    return {
      end: {
        verdict: 'delivered',
        reason: `delivered to host ${node.name}`,
        to: { kind: 'host', name: node.name, ip: formatIpv4(p.dst) },
        replyFrom: { at: 'host-send', nodeId: node.id },
      },
    };
  }
  if (!node.hostStack.ipForwarding)
    return { end: { verdict: 'dropped', reason: `${node.name} does not forward IP packets` } };
  const wn = node.winnat;
  const inside = wn ? parseCidr(wn.internalPrefix) : null;
  if (wn && inside && cidrContains(inside, p.src) && !cidrContains(inside, p.dst)) {
    const pre = { ...p, outer: null };
    p.src = parseIpv4(wn.externalIp) ?? p.src;
    p.sport =
      wn.portPool.from +
      (hash5(ctx.seed, p.proto, pre.src, pre.sport, p.dst, p.dport) %
        (wn.portPool.to - wn.portPool.from + 1));
    ctx.choices?.push({
      kind: 'port',
      seed: ctx.seed,
      args: [p.proto, pre.src, pre.sport, p.dst, p.dport],
      ipMask: TUPLE_IPS,
      portMask: TUPLE_PORTS,
      mod: wn.portPool.to - wn.portPool.from + 1,
      offset: wn.portPool.from,
      value: p.sport,
      pick: null,
      origin: null,
    });
    const rev = reversePacket(pre);
    setReplyFlow(ctx, cn.natScope, p, {
      src: rev.src,
      dst: rev.dst,
      sport: rev.sport,
      dport: rev.dport,
      rule: wn.name,
      ruleId: null,
      nameSource: null,
      layer: null,
      note: '',
    });
    ctx.rec.hop(
      base,
      {
        component: 'winnat',
        name: wn.name,
        action: 'snat',
        why: [
          `source ${formatIpv4(pre.src)} ∈ ${wn.internalPrefix}`,
          `→ ${wn.externalIp}:${p.sport}`,
        ],
        confidence: 'documented',
        ref: 'domain.md §2.1, §3.2 [S18][S1]',
        verify: ['Get-NetNat', 'Get-NetNatSession'],
      },
      before,
      p,
    );
  }
  return { next: { at: 'host-send', nodeId: node.id } };
}

/** The host routes a packet it sends or forwards. */
export function hostSend(ctx: WalkCtx, cn: CNode, p: Pkt): Step {
  const node = cn.node;
  const base = {
    node: node.name,
    component: 'host-stack' as const,
    name: 'host TCP/IP',
    objectId: node.id,
    verify: ['route print -4', 'Get-NetRoute -AddressFamily IPv4'],
  };
  if (cn.hostIps.has(p.dst) && ctx.phase === 'reply' && ctx.selfSourcedAt === node.id)
    return selfAddressedReply(ctx, base, p);
  if (cn.hostIps.has(p.dst)) {
    ctx.rec.hop(
      base,
      {
        action: 'loopback',
        why: [`${formatIpv4(p.dst)} is this host's own address: delivered inside the stack`],
        confidence: 'documented',
        ref: 'domain.md §7 S6 [S7]',
      },
      p,
      p,
    );
    return { next: { at: 'host-recv', nodeId: node.id, local: true } };
  }
  const route = cn.routes.find((r) => cidrContains(r.cidr, p.dst));
  if (!route) {
    // A dump without the host's route table (no `route print`) has no routes at all: the drop
    // is the model's, not the node's, and the user is told what to collect.
    const none = node.hostStack.routes.length === 0;
    if (none)
      ctx.rec.assume(
        `${node.name}: no host routes were read (the input had no route table); the host is taken to have none. Check with route print -4 or Get-NetRoute.`,
      );
    return {
      end: {
        verdict: 'dropped',
        reason: `${node.name}: no route to ${formatIpv4(p.dst)}${none ? ' (no host routes were read)' : ''}`,
      },
    };
  }
  const iface = node.hostStack.interfaces.find((i) => i.name === route.iface);
  const before = ctx.rec.snap(p);
  if (p.src === 0) p.src = parseIpv4(iface?.ips[0] ?? '') ?? 0;
  p.srcMac = iface?.mac ?? p.srcMac;
  const hop = route.nextHop ?? p.dst;
  p.dstMac = macOnLink(ctx, cn, hop);
  ctx.rec.hop(
    base,
    {
      action: 'route',
      why: [
        `route ${route.prefix} via ${route.nextHop !== null ? formatIpv4(route.nextHop) : 'on-link'} on ${route.iface}`,
      ],
      confidence: 'documented',
      ref: 'domain.md §2.2, §2.3 [S13]',
    },
    before,
    p,
  );
  if (!iface?.portId)
    return {
      end: {
        verdict: 'dropped',
        reason: `interface ${route.iface} has no vSwitch port in the model`,
      },
    };
  return { next: { at: 'port', portId: iface.portId, dir: 'out' } };
}

const R_SELF = 'domain.md §1.6, §2.4 [S20][S19]';

/**
 * The host answers a request that reached it SNATed to its own address (a pod → its own node
 * on overlay: OutBoundNAT exempts only the cluster and service CIDRs, domain.md §2.4). The
 * answer is addressed to the host itself, so the stack keeps it: it never goes down to the
 * vSwitch, where the pod port's SNAT flow would have turned it back into the pod's address.
 * The pod never gets an answer (inferred from the addressing; no source shows a capture).
 */
function selfAddressedReply(
  ctx: WalkCtx,
  base: { node: string; component: 'host-stack'; name: string; objectId: string },
  p: Pkt,
): Step {
  const dst = `${formatIpv4(p.dst)}:${p.dport}`;
  ctx.rec.hop(
    base,
    {
      action: 'drop',
      why: [
        `the reply is addressed to ${dst}: the pod's connection was source-NATed to this host's own address`,
        'so it loops back inside the host stack, which has no connection on that port, and never reaches the vSwitch',
        "the SNAT flow that would restore the pod's address sits on the pod's port: the pod never gets an answer",
      ],
      confidence: 'inferred',
      ref: R_SELF,
      // The endpoint's OutBoundNAT ExceptionList, and a capture showing the answer never
      // reaches the switch.
      verify: ['Get-HnsEndpoint', ...switchVerify(p)],
    },
    p,
    p,
  );
  return {
    end: {
      verdict: 'dropped',
      reason: `${base.node}: the reply is addressed to the node itself (the request was SNATed to the node IP), so it never leaves the host stack for the pod`,
    },
  };
}
