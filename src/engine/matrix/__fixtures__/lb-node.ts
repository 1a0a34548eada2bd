/** Test helper: one node of pods with load balancers and ACLs naming their VIPs, VFP derived. */
import { syntheticDraft } from '../../../../bench/synthetic';
import { programVfp } from '../../../model/program-vfp';
import type { EndpointPolicy, LbDistribution, Topology } from '../../../model/types';

export interface LbSpec {
  readonly port: number;
  readonly udp: boolean;
  readonly target: number;
  readonly backends: readonly number[];
  readonly dsr: boolean;
  readonly ilb: boolean;
  readonly distribution: LbDistribution;
  /** Non-DSR: SNAT to the node (-1) or to pod `snat`'s address. */
  readonly snat: number;
}

export interface AclSpec {
  readonly pod: number;
  readonly lb: number;
  readonly block: boolean;
  readonly dir: 'in' | 'out';
  readonly priority: number;
}

export const vipOf = (j: number) => `10.96.1.${j + 1}`;

/** A DSR load balancer of port 80 to 8080/tcp over pods `backends`, nothing else set. */
export const dsrLb = (backends: number[]): LbSpec => ({
  port: 80,
  udp: false,
  target: 8080,
  backends,
  dsr: true,
  ilb: false,
  distribution: 'none',
  snat: -1,
});

/** One node: `pods` pods and the load balancers and ACLs given, VFP derived. */
export function lbNode(pods: number, lbs: readonly LbSpec[], acls: readonly AclSpec[]): Topology {
  const draft = syntheticDraft(pods, 0);
  const podIp = (i: number) => draft.endpoints[`ep${i}`]!.ipAddress!;
  const loadBalancers: Topology['loadBalancers'] = {};
  lbs.forEach((s, j) => {
    loadBalancers[`lb${j}`] = {
      id: `lb${j}`,
      nodeId: 'n',
      networkId: 'net',
      kind: 'clusterip',
      frontendVips: [vipOf(j)],
      protocol: s.udp ? 17 : 6,
      internalPort: s.target,
      externalPort: s.port,
      backendEndpointIds: [...new Set(s.backends.map((b) => `ep${b % pods}`))],
      sourceVip: s.dsr ? null : s.snat < 0 ? '10.0.0.4' : podIp(s.snat % pods),
      flags: {
        dsr: s.dsr,
        ilb: s.ilb,
        localRoutedVip: false,
        ipv6: false,
        preserveDip: false,
        useMux: false,
      },
      distribution: s.distribution,
      serviceId: null,
      provenance: draft.endpoints.ep0!.provenance,
    };
  });
  const endpoints = { ...draft.endpoints };
  acls.forEach((a, i) => {
    const id = `ep${a.pod % pods}`;
    const ep = endpoints[id]!;
    const acl: EndpointPolicy = {
      type: 'ACL',
      hnsType: 'ACL',
      id: `acl${i}`,
      action: a.block ? 'block' : 'allow',
      direction: a.dir,
      priority: a.priority,
      protocols: [],
      localAddresses: [],
      remoteAddresses: [vipOf(a.lb % Math.max(1, lbs.length))],
      localPorts: [],
      remotePorts: [],
      ruleType: 'switch',
    };
    endpoints[id] = { ...ep, policies: [...ep.policies, acl] };
  });
  return programVfp({ ...draft, endpoints, loadBalancers });
}
