/** Where a finding is: its objects grouped by the node they are on, with their IPs. */
import type { Topology } from '../model/types';
import type { Finding } from './types';

export interface FindingObject {
  readonly id: string;
  readonly kind: string;
  /** Endpoint IP, load-balancer VIPs, network subnets. */
  readonly ips: string[];
}

export interface FindingOnNode {
  /** The node's id, `` when no node holds the objects. */
  readonly node: string;
  readonly name: string;
  readonly objects: FindingObject[];
}

/** A finding's objects grouped by the node they are on, in the order the finding names them. */
export function onNodes(t: Topology, f: Pick<Finding, 'objectIds'>): FindingOnNode[] {
  const out = new Map<string, FindingOnNode>();
  for (const id of f.objectIds) {
    const e = t.endpoints[id];
    const lb = t.loadBalancers[id];
    const n = t.networks[id];
    const vs = t.vswitches[id];
    const node =
      e?.nodeId ??
      lb?.nodeId ??
      n?.nodeId ??
      vs?.nodeId ??
      t.ports[id]?.nodeId ??
      (t.nodes[id] ? id : null);
    const kind = e ? 'endpoint' : lb ? 'loadBalancer' : n ? 'network' : vs ? 'vswitch' : 'other';
    const ips = e?.ipAddress
      ? [e.ipAddress]
      : lb
        ? [...lb.frontendVips]
        : n
          ? n.subnets.map((s) => s.addressPrefix)
          : [];
    const key = node ?? '';
    let slot = out.get(key);
    if (!slot) {
      slot = {
        node: key,
        name: node !== null ? (t.nodes[node]?.name ?? node) : '(unknown node)',
        objects: [],
      };
      out.set(key, slot);
    }
    slot.objects.push({ id, kind, ips });
  }
  return [...out.values()];
}

/** The node names as people list them: `WIN-A`, `WIN-A and WIN-B`, `WIN-A, WIN-B and WIN-C`. */
export function nodeList(names: readonly string[], most = 4): string {
  if (names.length === 0) return '';
  if (names.length > most)
    return `${names.slice(0, most - 1).join(', ')} and ${names.length - most + 1} other nodes`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}
