/**
 * The search box's engine: one query, many kinds of answer. Understands an IPv4 address, a
 * CIDR, a MAC in any spelling (`00-15-5D-…`, `00:15:5d:…`, `0015.5d…`, bare hex), a GUID
 * prefix, `VIP:port`, and otherwise a name (case-insensitive substring). Pure; results are
 * objects of the object index (so selecting one reveals it in the tree and the drawing).
 * Linear in the number of objects; VFP rules are searched by id/name only while there are
 * fewer than `MAX_RULES_SCANNED` of them (a materialised 1.5M-rule node stays responsive).
 */
import type { Topology } from '../model/types';
import { allVfpRules, vfpRuleCount } from '../model/vfp-rules';
import { cidrContains, parseCidr, parseIpv4 } from '../shared/ip';
import { indexTopology, type ObjectKind } from './object-index';

export const MAX_RESULTS = 50;
const MAX_RULES_SCANNED = 100_000;

export type QueryKind = 'ip' | 'cidr' | 'mac' | 'vip-port' | 'guid' | 'name';

export interface SearchHit {
  readonly id: string;
  readonly kind: ObjectKind;
  readonly name: string;
  /** Why it matched: `IP 10.244.2.10`, `MAC 00:15:5d:…`, `VIP 10.96.0.10:53`. */
  readonly why: string;
  readonly nodeId: string | null;
}

export interface SearchResult {
  readonly query: QueryKind;
  readonly hits: readonly SearchHit[];
  /** More matched than `MAX_RESULTS`. */
  readonly truncated: boolean;
}

/** A MAC in any spelling → `aa:bb:cc:dd:ee:ff`, else null. */
export function macOf(q: string): string | null {
  const hex = q.toLowerCase().replace(/[-:.\s]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  // Bare 12 hex digits could be a GUID prefix too; only separators make it surely a MAC.
  return hex.match(/../g)!.join(':');
}

/** What kind of query `q` is. */
export function classify(q: string): QueryKind {
  const t = q.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t) && parseIpv4(t) !== null) return 'ip';
  if (/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(t) && parseCidr(t) !== null) return 'cidr';
  if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(t)) return 'vip-port';
  if (/^[0-9a-f]{2}([-:.]?[0-9a-f]{2}){5}$/i.test(t) && /[-:.]/.test(t)) return 'mac';
  if (/^\{?[0-9a-f]{4,}(-[0-9a-f]*)*\}?$/i.test(t)) return 'guid';
  return 'name';
}

export function search(t: Topology, raw: string): SearchResult {
  const q = raw.trim();
  const query = classify(q);
  const index = indexTopology(t);
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const add = (id: string, why: string): boolean => {
    if (seen.has(id)) return true;
    const ref = index[id];
    if (!ref) return true;
    if (hits.length >= MAX_RESULTS) {
      truncated = true;
      return false;
    }
    seen.add(id);
    hits.push({ id, kind: ref.kind, name: ref.name, why, nodeId: ref.nodeId });
    return true;
  };
  if (q === '') return { query, hits, truncated };
  const eps = Object.values(t.endpoints);
  const lbs = Object.values(t.loadBalancers);
  switch (query) {
    case 'ip': {
      const n = parseIpv4(q)!;
      for (const node of Object.values(t.nodes)) {
        if (node.managementIp === q) add(node.id, `node IP ${q}`);
        for (const i of node.hostStack.interfaces)
          if (i.ips.includes(q)) add(node.id, `host address ${q} on ${i.name}`);
      }
      // The pod first, then its own endpoint, then the stand-ins other nodes keep for it.
      for (const p of Object.values(t.pods)) if (p.ip === q) add(p.id, `pod IP ${q}`);
      for (const e of eps) if (e.ipAddress === q && !e.isRemote) add(e.id, `endpoint IP ${q}`);
      for (const e of eps)
        if (e.ipAddress === q && e.isRemote) add(e.id, `remote endpoint IP ${q}`);
      for (const lb of lbs)
        if (lb.frontendVips.includes(q) && !add(lb.id, `VIP ${q}:${lb.externalPort}`)) break;
      for (const e of eps)
        for (const p of e.policies)
          if (p.type === 'PA' && p.providerAddress === q) add(e.id, `PA ${q}`);
      // The networks whose subnet holds it, last.
      for (const net of Object.values(t.networks))
        for (const s of net.subnets) {
          const c = parseCidr(s.addressPrefix);
          if (c && cidrContains(c, n)) add(net.id, `subnet ${s.addressPrefix} holds ${q}`);
        }
      break;
    }
    case 'cidr': {
      const c = parseCidr(q)!;
      const inside = (ip: string | null): boolean => {
        const n = ip === null ? null : parseIpv4(ip);
        return n !== null && cidrContains(c, n);
      };
      for (const net of Object.values(t.networks))
        for (const s of net.subnets) {
          const sc = parseCidr(s.addressPrefix);
          if (sc && (cidrContains(c, sc.base) || cidrContains(sc, c.base)))
            add(net.id, `subnet ${s.addressPrefix}`);
        }
      for (const node of Object.values(t.nodes))
        if (inside(node.managementIp)) add(node.id, `node IP ${node.managementIp ?? ''}`);
      for (const e of eps)
        if (inside(e.ipAddress) && !add(e.id, `IP ${e.ipAddress ?? ''} in ${q}`)) break;
      for (const lb of lbs) {
        const vip = lb.frontendVips.find((v) => inside(v));
        if (vip !== undefined && !add(lb.id, `VIP ${vip} in ${q}`)) break;
      }
      break;
    }
    case 'vip-port': {
      const [ip, port] = q.split(':');
      for (const lb of lbs)
        if (lb.frontendVips.includes(ip!) && lb.externalPort === Number(port))
          add(
            lb.id,
            `VIP ${q}/${lb.protocol === 17 ? 'udp' : lb.protocol === 6 ? 'tcp' : lb.protocol}`,
          );
      for (const e of eps) if (e.ipAddress === ip) add(e.id, `IP ${ip}`);
      break;
    }
    case 'mac': {
      const mac = macOf(q)!;
      for (const node of Object.values(t.nodes)) if (node.mac === mac) add(node.id, `MAC ${mac}`);
      for (const e of eps) if (e.macAddress === mac) add(e.id, `MAC ${mac}`);
      for (const p of Object.values(t.ports)) if (p.mac === mac) add(p.id, `port MAC ${mac}`);
      for (const net of Object.values(t.networks))
        if (net.drMac === mac) add(net.id, `DR MAC ${mac}`);
      break;
    }
    case 'guid': {
      const g = q.toLowerCase().replace(/[{}]/g, '');
      const hit = (id: string): boolean =>
        id
          .toLowerCase()
          .replace(/^[a-z-]+:/, '')
          .startsWith(g);
      for (const table of [t.networks, t.endpoints, t.loadBalancers, t.ports] as const)
        for (const x of Object.values(table) as { id: string; name?: string }[])
          if ((hit(x.id) || (x.name !== undefined && hit(x.name))) && !add(x.id, `id ${x.id}`))
            return { query, hits, truncated };
      if (vfpRuleCount(t) <= MAX_RULES_SCANNED)
        for (const r of allVfpRules(t))
          if (r.name.toLowerCase().startsWith(g) && !add(r.id, `rule ${r.name}`)) break;
      // Bare hex of MAC length: also a MAC.
      const mac = macOf(q);
      if (mac !== null) for (const e of eps) if (e.macAddress === mac) add(e.id, `MAC ${mac}`);
      break;
    }
    case 'name': {
      const needle = q.toLowerCase();
      const scan = (kinds: readonly ObjectKind[]): boolean => {
        for (const ref of Object.values(index)) {
          if (!kinds.includes(ref.kind) || !ref.name.toLowerCase().includes(needle)) continue;
          if (!add(ref.id, `name ${ref.name}`)) return false;
        }
        return true;
      };
      // Nodes, pods and services first, then networks, endpoints and the rest.
      if (!scan(['node', 'pod', 'service'])) break;
      if (!scan(['network', 'vswitch', 'endpoint', 'load-balancer'])) break;
      if (vfpRuleCount(t) <= MAX_RULES_SCANNED) scan(['port', 'layer', 'group', 'rule']);
      break;
    }
  }
  return { query, hits, truncated };
}
