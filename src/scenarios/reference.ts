/**
 * The reference cluster: fixed names and addresses that lessons, tests and docs refer to.
 * Addresses follow the canonical walks of domain.md §7.
 */
import { PROTO } from '../model/types';
import type { ClusterSpec } from './spec';

export const REFERENCE_CLUSTER: ClusterSpec = {
  clusterCidr: '10.244.0.0/16',
  serviceCidr: '10.96.0.0/12',
  nodeSubnet: '10.0.0.0/24',
  gatewayIp: '10.0.0.1',
  // A router pair's VRRP virtual MAC (00-00-5E-00-01-<VRID>) answering for 10.0.0.1.
  gatewayMac: '00-00-5e-00-01-01',
  dnsServer: '10.96.0.10',
  dnsSearch: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  vni: 4096,
  nodes: [
    {
      name: 'win-a',
      ip: '10.0.0.4',
      mac: '00-15-5d-00-00-04',
      podCidr: '10.244.1.0/24',
      natCidr: '172.20.1.0/24',
      pods: [
        { name: 'a1', ip: '10.244.1.10', natIp: '172.20.1.10', labels: { app: 'client' } },
        {
          name: 'a2',
          ip: '10.244.1.11',
          natIp: '172.20.1.11',
          labels: { app: 'web' },
          containers: ['web', 'metrics-sidecar'],
        },
      ],
    },
    {
      name: 'win-b',
      ip: '10.0.0.5',
      mac: '00-15-5d-00-00-05',
      podCidr: '10.244.2.0/24',
      natCidr: '172.20.2.0/24',
      pods: [
        { name: 'b1', ip: '10.244.2.10', natIp: '172.20.2.10', labels: { app: 'web' } },
        { name: 'b2', ip: '10.244.2.11', natIp: '172.20.2.11', labels: { app: 'api' } },
        {
          name: 'coredns',
          ip: '10.244.2.20',
          natIp: '172.20.2.20',
          labels: { 'k8s-app': 'kube-dns' },
        },
      ],
    },
  ],
  services: [
    {
      name: 'web',
      namespace: 'default',
      clusterIp: '10.96.10.10',
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: PROTO.tcp, nodePort: 30080 }],
      externalIps: ['10.0.0.100'],
      backends: ['a2', 'b1'],
    },
    {
      name: 'kube-dns',
      namespace: 'kube-system',
      clusterIp: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, targetPort: 53, protocol: PROTO.udp },
        { name: 'dns-tcp', port: 53, targetPort: 53, protocol: PROTO.tcp },
      ],
      backends: ['coredns'],
    },
  ],
  externalIpRoutes: { '10.0.0.100': 'win-a' },
  networkPolicies: [
    {
      name: 'b2-allow-from-a2',
      pod: 'b2',
      ingress: [{ fromPods: ['a2'], port: 8080, protocol: PROTO.tcp }],
    },
  ],
  externals: [
    {
      name: 'internet-server',
      kind: 'internet-server',
      ip: '203.0.113.10',
      listens: [
        { protocol: PROTO.tcp, port: 443 },
        { protocol: PROTO.udp, port: 53 },
      ],
    },
    { name: 'external-client', kind: 'external-client', ip: '198.51.100.7', listens: [] },
  ],
};
