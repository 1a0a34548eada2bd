/**
 * The reference cluster with many extra pods per node, for the 300-endpoint animation bench.
 * Same nodes, Services and names as REFERENCE_CLUSTER (a1, b1, web … still exist).
 */
import { REFERENCE_CLUSTER } from './reference';
import type { ClusterSpec } from './spec';

/** REFERENCE_CLUSTER plus `extraPerNode` pods (`x-<node>-<n>`) on each node (max 200). */
export function scaledCluster(extraPerNode: number): ClusterSpec {
  const n = Math.max(0, Math.min(200, Math.trunc(extraPerNode)));
  return {
    ...REFERENCE_CLUSTER,
    nodes: REFERENCE_CLUSTER.nodes.map((node, k) => ({
      ...node,
      pods: [
        ...node.pods,
        ...Array.from({ length: n }, (_, i) => ({
          name: `x-${node.name}-${String(i).padStart(3, '0')}`,
          ip: `10.244.${k + 1}.${40 + i}`,
          natIp: `172.20.${k + 1}.${40 + i}`,
          labels: { app: 'filler' },
        })),
      ],
    })),
  };
}
