/**
 * The walk: a small state machine moving a packet between ports, vSwitches, host stacks and
 * the wire until it is delivered or dropped (at most MAX_STEPS steps, to stop loops).
 */
import { formatIpv4 } from '../shared/ip';
import { compiledPort, type CNode } from './compile';
import type { WalkCtx } from './context';
import { forwardVswitch } from './forward';
import { forwardWire } from './wire';
import { hostReceive, hostSend } from './host';
import type { Pkt } from './packet';
import { runPort } from './vfp-pipeline';
import { podSend } from './pod';
import type { End, Loc, Step } from './walk-types';

const MAX_STEPS = 64;
const NOBODY = { kind: 'pod', name: '', ip: '' } as const;

function portStep(ctx: WalkCtx, loc: Extract<Loc, { at: 'port' }>, p: Pkt): Step {
  const t = ctx.c.t;
  const cp = compiledPort(ctx.c, loc.portId);
  if (!cp) return { end: { verdict: 'dropped', reason: `unknown port ${loc.portId}` } };
  const port = cp.port;
  const cn: CNode | undefined = ctx.c.nodes.get(port.nodeId);
  if (!cn) return { end: { verdict: 'dropped', reason: `port ${port.id} has no node` } };
  if (port.kind === 'external') {
    if (ctx.rec.on)
      ctx.rec.record(
        {
          node: cn.node.name,
          component: 'port',
          name: port.friendlyName,
          objectId: port.id,
          direction: loc.dir,
          action: loc.dir === 'out' ? 'to wire' : 'from wire',
          why: [cp.layers.length === 0 ? 'no VFP layers on the external port' : 'external port'],
          confidence: 'documented',
          ref: 'domain.md §1.5 [S17]',
        },
        p,
        p,
      );
    if (loc.dir === 'out') {
      if (ctx.phase === 'request') ctx.leftNodeId = cn.node.id;
      return { next: { at: 'wire', fromNode: cn.node.name } };
    }
  } else {
    if (cp.layers.length === 0 && ctx.rec.on)
      ctx.rec.record(
        {
          node: cn.node.name,
          component: 'port',
          name: port.friendlyName,
          objectId: port.id,
          direction: loc.dir,
          action: 'pass',
          why: ['port has no VFP layers'],
          confidence: 'inferred',
          ref: null,
        },
        p,
        p,
      );
    const dstBefore = p.dst;
    const res = runPort(ctx, cp, loc.dir, p, cn);
    if (res.ok && loc.dir === 'in' && port.kind === 'host-vnic' && p.dst === dstBefore)
      return { next: { at: 'host-recv', nodeId: cn.node.id, local: false } };
    if (!res.ok) return { end: { verdict: 'dropped', reason: res.reason } };
  }
  if (loc.dir === 'out' || port.kind === 'external')
    return {
      next: { at: 'vswitch', nodeId: cn.node.id, vswitchId: port.vswitchId, fromPortId: port.id },
    };
  // Inbound into a vNIC: a pod, the host (bridge endpoint / host vNIC), or a hairpin back into the switch.
  const ep = port.endpointId ? t.endpoints[port.endpointId] : undefined;
  if (port.kind === 'container' && ep) {
    const pod = ep.podId ? t.pods[ep.podId] : undefined;
    ctx.rec.assume('Pods accept on any port (container ports are not in the model).');
    // A pod answers by its own route table; an endpoint without a pod, by its port.
    const replyFrom: Loc = pod
      ? { at: 'pod', pod, arrivedOn: ep.id }
      : { at: 'port', portId: port.id, dir: 'out' };
    // Verdict-only walks never read the reason or the recipient: skip their strings.
    if (!ctx.rec.on)
      return {
        end: {
          verdict: 'delivered',
          reason: '',
          to: NOBODY,
          replyFrom,
        },
      };
    ctx.rec.record(
      {
        node: cn.node.name,
        component: 'port',
        name: port.friendlyName,
        objectId: port.id,
        direction: 'in',
        action: 'deliver',
        why: [`to ${pod ? `pod ${pod.name}` : `endpoint ${ep.name}`} (${ep.ipAddress ?? '?'})`],
        confidence: 'documented',
        ref: 'domain.md §1.2, §2.2 [S18]',
      },
      p,
      p,
    );
    return {
      end: {
        verdict: 'delivered',
        reason: `delivered to ${pod ? `pod ${pod.name}` : `endpoint ${ep.name}`}`,
        to: { kind: pod ? 'pod' : 'host', name: pod?.name ?? ep.name, ip: formatIpv4(p.dst) },
        replyFrom,
      },
    };
  }
  if (cn.hostIps.has(p.dst) || ep?.role === 'host')
    return { next: { at: 'host-recv', nodeId: cn.node.id, local: false } };
  return {
    next: { at: 'vswitch', nodeId: cn.node.id, vswitchId: port.vswitchId, fromPortId: port.id },
  };
}

/** Walk `p` from `start` to its end. */
export function walk(ctx: WalkCtx, start: Loc, p: Pkt): End {
  let loc: Loc = start;
  for (let i = 0; i < MAX_STEPS; i++) {
    let step: Step;
    switch (loc.at) {
      case 'port':
        step = portStep(ctx, loc, p);
        break;
      case 'vswitch': {
        const cn = ctx.c.nodes.get(loc.nodeId)!;
        step = forwardVswitch(ctx, cn, loc.vswitchId, loc.fromPortId, p);
        break;
      }
      case 'host-recv':
        step = hostReceive(ctx, ctx.c.nodes.get(loc.nodeId)!, p, loc.local);
        break;
      case 'host-send':
        step = hostSend(ctx, ctx.c.nodes.get(loc.nodeId)!, p);
        break;
      case 'pod':
        step = podSend(ctx, loc.pod, p, loc.arrivedOn);
        break;
      case 'wire':
        step = forwardWire(ctx, loc.fromNode, p);
        break;
    }
    if (step.end) return step.end;
    loc = step.next;
  }
  return { verdict: 'dropped', reason: `forwarding loop: more than ${MAX_STEPS} steps` };
}
