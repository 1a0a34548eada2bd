/**
 * The canonical walks of domain.md §7 (S1–S12) as trace requests in the reference cluster, and
 * the designs each applies to. Every walk applies to every design: the old design is the
 * contrast (S9 "no equivalent" still passes a packet, S7 goes through the user-space proxy).
 */
import { DESIGNS, type Design, type Topology } from '../../model/types';
import { traceFlow } from '../trace';
import type { TraceRequest } from '../types';

export interface CanonicalWalk {
  readonly title: string;
  readonly request: TraceRequest;
  readonly designs: readonly Design[];
  /** Pick the source port whose backend is this pod (S12: the client itself). */
  readonly backend?: string;
}

const ALL = [...DESIGNS];

export const WALKS = {
  S1: { title: 'pod → pod, same node', request: { from: 'a1', to: 'a2:8080' }, designs: ALL },
  S2: { title: 'pod → pod, other node', request: { from: 'a1', to: 'b1:8080' }, designs: ALL },
  S3: {
    title: 'pod → Service ClusterIP',
    request: { from: 'a1', to: '10.96.10.10:80', srcPort: 40001 },
    designs: ALL,
  },
  S4: {
    title: 'pod → kube-dns (UDP 53)',
    request: { from: 'a1', to: '10.96.0.10:53', proto: 'udp' },
    designs: ALL,
  },
  S5: { title: 'pod → internet', request: { from: 'a1', to: '203.0.113.10:443' }, designs: ALL },
  S6: {
    title: 'external client → NodePort',
    request: { from: 'external-client', to: '10.0.0.4:30080', srcPort: 40000 },
    designs: ALL,
  },
  S7: {
    title: 'external client → externalIP',
    request: { from: 'external-client', to: '10.0.0.100:80', srcPort: 40000 },
    designs: ALL,
  },
  S8: { title: 'host → local pod', request: { from: 'win-a', to: 'a1:8080' }, designs: ALL },
  S9: {
    title: 'NetworkPolicy deny (a1 is not allowed to b2)',
    request: { from: 'a1', to: 'b2:8080' },
    designs: ALL,
  },
  'S9 allowed': {
    title: 'NetworkPolicy: the allowed a2 → b2, both legs',
    request: { from: 'a2', to: 'b2:8080' },
    designs: ALL,
  },
  S10: {
    title: 'pod → own node IP',
    request: { from: 'a1', to: '10.0.0.4:10250', srcPort: 40001 },
    designs: ALL,
  },
  S11: {
    title: 'pod → Service by FQDN',
    request: { from: 'a1', to: 'web.default.svc.cluster.local:80', srcPort: 40001 },
    designs: ALL,
  },
  S12: {
    title: 'pod → Service → itself (hairpin)',
    request: { from: 'a2', to: '10.96.10.10:80' },
    designs: ALL,
    backend: '10.244.1.11',
  },
} satisfies Record<string, CanonicalWalk>;

export type WalkId = keyof typeof WALKS;

/** The walk's request with its reply; for S12 the first source port whose backend is the client. */
export function requestOf(t: Topology, w: WalkId): TraceRequest {
  const walk: CanonicalWalk = WALKS[w];
  const r: TraceRequest = { ...walk.request, reply: true };
  if (!walk.backend) return r;
  for (let srcPort = 40000; srcPort < 40200; srcPort++) {
    const tr = traceFlow(t, { ...r, srcPort });
    const picked = tr.hops.some(
      (h) =>
        h.phase === 'request' &&
        (h.action === 'lbnat' || h.component === 'kube-proxy') &&
        h.after.dstIp === walk.backend,
    );
    if (picked) return { ...r, srcPort };
  }
  throw new Error(`${w}: no source port picks ${walk.backend}`);
}
