/**
 * The wire (underlay) between nodes, and the outside world: nodes by IP, underlay routes,
 * modelled externals, the internet. domain.md §2.3, §2.4, §7.
 */
import { cidrContains, formatIpv4, parseCidr } from '../shared/ip';
import type { CNode } from './compile';
import { assume, recordAt, type WalkCtx } from './context';
import type { Pkt } from './packet';
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
    verify: ['pktmon filter add -t UDP -p 4789', 'pktmon start -c --comp nics'],
  };
  const toNode = (cn: CNode, why: string): Step => {
    const ext = [...cn.externalPortByVswitch.values()][0];
    recordAt(
      ctx,
      base,
      {
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
    recordAt(
      ctx,
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
    recordAt(
      ctx,
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
  assume(ctx, `${formatIpv4(dst)} is an internet host outside the model; it is assumed to answer.`);
  recordAt(
    ctx,
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
