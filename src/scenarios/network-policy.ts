/** NetworkPolicy in the new design: HNS ACLs on the selected pod's endpoint. */
import type { EndpointPolicy } from '../model/types';
import { podIp } from './common';
import type { ClusterSpec, NetworkPolicySpec, NodeSpec } from './spec';

/** NetworkPolicy → HNS ACLs the way Calico programs them (domain.md §5.3): host 900, rules 1000+, final block. */
export function aclPolicies(
  spec: ClusterSpec,
  node: NodeSpec,
  np: NetworkPolicySpec,
): EndpointPolicy[] {
  const acl = (
    id: string,
    action: 'allow' | 'block',
    priority: number,
    extra: Partial<EndpointPolicy & { type: 'ACL' }>,
  ) =>
    ({
      type: 'ACL',
      hnsType: 'ACL',
      id,
      action,
      direction: 'in',
      priority,
      protocols: [],
      localAddresses: [],
      remoteAddresses: [],
      localPorts: [],
      remotePorts: [],
      ruleType: 'switch',
      ...extra,
    }) as EndpointPolicy;
  const rules: EndpointPolicy[] = [
    acl('allow-host-to-endpoint', 'allow', 900, { remoteAddresses: [node.ip] }),
  ];
  np.ingress.forEach((rule, i) => {
    rules.push(
      acl(`policy-default.${np.name}-${i}`, 'allow', 1000 + i, {
        protocols: [rule.protocol],
        remoteAddresses: rule.fromPods.map((p) => `${podIp(spec, p)}/32`),
        localPorts: [{ from: rule.port, to: rule.port }],
      }),
    );
  });
  rules.push(acl(`policy-default.${np.name}-deny`, 'block', 65000, {}));
  return rules;
}
