/** kube-proxy winkernel in the new design: the HNS load balancers it programs per Service. */
import { PROTO } from '../model/types';
import type { LoadBalancer } from '../model/types';
import { given, ids, nodeOfPod } from './common';
import type { ClusterSpec, LbMode, NewFlavour, NodeSpec } from './spec';

const REF_LB = 'domain.md §4.1 [S3][S4][S15]';

/** kube-proxy winkernel: one HNS load balancer per frontend (ClusterIP, NodePort, externalIP) and port. */
export function kubeProxyLoadBalancers(
  spec: ClusterSpec,
  node: NodeSpec,
  flavour: NewFlavour,
  networkId: string,
  sourceVipIp: string,
  lbMode: LbMode,
): LoadBalancer[] {
  const out: LoadBalancer[] = [];
  const sourceVip = flavour === 'overlay' ? sourceVipIp : node.ip;
  for (const svc of spec.services) {
    const backends = svc.backends.map((b) =>
      nodeOfPod(spec, b).name === node.name
        ? ids.endpoint(node.name, b)
        : ids.endpoint(node.name, `remote:${b}`),
    );
    for (const p of svc.ports) {
      const proto = p.protocol === PROTO.udp ? 'udp' : 'tcp';
      const base = {
        nodeId: ids.node(node.name),
        networkId,
        protocol: p.protocol,
        internalPort: p.targetPort,
        backendEndpointIds: backends,
        sourceVip,
        distribution: 'none' as const,
        serviceId: ids.service(svc.name),
      };
      const flags = {
        dsr: false,
        ilb: false,
        localRoutedVip: false,
        ipv6: false,
        preserveDip: false,
        useMux: false,
      };
      const prov = (detail: string) => ({
        ...given('documented', REF_LB, detail),
        by: 'kube-proxy' as const,
        creator: 'kube-proxy' as const,
      });
      out.push({
        ...base,
        id: ids.loadBalancer(node.name, `${svc.name}:${p.port}:${proto}:clusterip`),
        kind: 'clusterip',
        frontendVips: [svc.clusterIp],
        externalPort: p.port,
        // Without DSR: an ELB policy list with the ILB flag (internal VIP) (domain.md §4.1).
        flags: lbMode === 'dsr' ? { ...flags, dsr: true } : { ...flags, ilb: true },
        provenance: prov(
          `Service ${svc.namespace}/${svc.name} port ${p.name}: ClusterIP${lbMode === 'dsr' ? ' (DSR)' : ' (ELB, no DSR)'}`,
        ),
      });
      if (p.nodePort !== undefined) {
        out.push({
          ...base,
          id: ids.loadBalancer(node.name, `${svc.name}:${p.nodePort}:${proto}:nodeport`),
          kind: 'nodeport',
          frontendVips: [],
          externalPort: p.nodePort,
          flags: { ...flags, localRoutedVip: true },
          provenance: prov(`Service ${svc.namespace}/${svc.name} port ${p.name}: NodePort`),
        });
      }
      for (const ext of svc.externalIps ?? []) {
        out.push({
          ...base,
          id: ids.loadBalancer(node.name, `${svc.name}:${ext}:${p.port}:${proto}:externalip`),
          kind: 'externalip',
          frontendVips: [ext],
          externalPort: p.port,
          flags,
          provenance: prov(
            `Service ${svc.namespace}/${svc.name} port ${p.name}: externalIP ${ext}`,
          ),
        });
      }
    }
  }
  return out;
}
