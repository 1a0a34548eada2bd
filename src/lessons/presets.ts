/**
 * Presets for the packet builder: every canonical walk of domain.md §7 on the reference cluster
 * (win-a 10.0.0.4: a1 10.244.1.10, a2 .11; win-b 10.0.0.5: b1 10.244.2.10, b2 .11, coredns .20).
 * Pure data.
 */
import type { TraceRequest } from '../engine/types';

export interface Preset {
  readonly id: string;
  /** The canonical walk it shows (domain.md §7), e.g. `S3`. */
  readonly walk: string;
  readonly label: string;
  readonly request: TraceRequest;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'pod-pod-same-node',
    walk: 'S1',
    label: 'Pod → pod, same node (a1 → a2:8080)',
    request: { from: 'a1', to: 'a2:8080', proto: 'tcp', reply: true },
  },
  {
    id: 'pod-pod-other-node',
    walk: 'S2',
    label: 'Pod → pod, other node (a1 → b1:8080)',
    request: { from: 'a1', to: 'b1:8080', proto: 'tcp', reply: true },
  },
  {
    id: 'pod-service',
    walk: 'S3',
    label: 'Pod → Service ClusterIP (a1 → web 10.96.10.10:80)',
    request: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp', reply: true, seed: 2 },
  },
  {
    id: 'pod-dns',
    walk: 'S4',
    label: 'Pod → kube-dns (a1 → 10.96.0.10:53/udp)',
    request: { from: 'a1', to: '10.96.0.10:53', proto: 'udp', reply: true },
  },
  {
    id: 'pod-internet',
    walk: 'S5',
    label: 'Pod → internet (a1 → 203.0.113.10:443)',
    request: { from: 'a1', to: '203.0.113.10:443', proto: 'tcp', reply: true },
  },
  {
    id: 'pod-internet-ping',
    walk: 'S5',
    label: 'Pod → internet ping (ICMP, the gotcha)',
    request: { from: 'a1', to: '203.0.113.10', proto: 'icmp', reply: true },
  },
  {
    id: 'external-nodeport',
    walk: 'S6',
    label: 'External client → NodePort (10.0.0.4:30080)',
    request: { from: 'external-client', to: '10.0.0.4:30080', proto: 'tcp', reply: true },
  },
  {
    id: 'external-externalip',
    walk: 'S7',
    label: 'External client → externalIP (10.0.0.100:80)',
    request: { from: 'external-client', to: '10.0.0.100:80', proto: 'tcp', reply: true },
  },
  {
    id: 'host-pod',
    walk: 'S8',
    label: 'Host win-a → pod a2:8080',
    request: { from: 'win-a', to: 'a2:8080', proto: 'tcp', reply: true },
  },
  {
    id: 'policy-deny',
    walk: 'S9',
    label: 'NetworkPolicy deny (a1 → b2:8080)',
    request: { from: 'a1', to: 'b2:8080', proto: 'tcp', reply: true },
  },
  {
    id: 'pod-own-node',
    walk: 'S10',
    label: 'Pod → own node IP (a1 → 10.0.0.4:10250)',
    request: { from: 'a1', to: '10.0.0.4:10250', proto: 'tcp', reply: true },
  },
];

/** The preset the builder starts on and the compare view uses (journey 1). */
export const DEFAULT_PRESET_ID = 'pod-service';

export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);
