/**
 * Serialise a topology in the `hnsviz.parse/1` shape (networks, endpoints, loadBalancers,
 * vfp, diagnostics) so a scenario reads like a parsed dump. Each endpoint names its pod.
 */
import type { Topology } from './types';

/** The `hnsviz.parse/1` document for `t`. */
export function toParseJson(t: Topology): Record<string, unknown> {
  const pods = t.pods;
  return {
    format: 'hnsviz.parse/1',
    topology: t.id,
    networks: Object.values(t.networks),
    endpoints: Object.values(t.endpoints).map((e) => ({
      ...e,
      pod: e.podId && !e.isRemote ? (pods[e.podId]?.name ?? null) : null,
    })),
    loadBalancers: Object.values(t.loadBalancers),
    vfp: Object.values(t.ports).map((p) => ({
      port: p,
      layers: p.layerIds.map((lid) => {
        const l = t.layers[lid]!;
        return {
          ...l,
          groups: l.groupIds.map((gid) => {
            const g = t.groups[gid]!;
            return { ...g, rules: g.ruleIds.map((r) => t.rules[r]) };
          }),
        };
      }),
    })),
    diagnostics: [],
  };
}
