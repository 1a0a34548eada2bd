import type { Topology } from './types';

/** `t` as a deferred dump leaves it (`I_VFP_DEFERRED`): no layers on any port, no VFP tables. */
export function stripVfp(t: Topology): Topology {
  const ports = Object.fromEntries(
    Object.entries(t.ports).map(([id, p]) => [id, { ...p, layerIds: [] }]),
  );
  return { ...t, ports, layers: {}, groups: {}, rules: {}, ruleSets: {} };
}
