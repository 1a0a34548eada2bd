/**
 * Whether to derive a topology's VFP now or leave it to be derived per port (`I_VFP_DEFERRED`):
 * `parseInputs` decides for one node's inputs, `parseCluster` once for a whole import.
 */
import { fitModelLimits, MAX_MODEL_STRING } from '../model/limits';
import { programVfp } from '../model/program-vfp';
import type { Topology } from '../model/types';
import { DiagSink, type Diagnostic } from './diagnostics';

/**
 * Above this estimate (local ports × (load balancers + 10)) VFP rules are not derived while
 * parsing: a node with 300 pods and 5,000 load balancers would get about a million rules.
 * Callers can still run `programVfp` on the topology (or on chosen ports) later.
 */
export const MAX_DERIVED_RULES_ESTIMATE = 200_000;

/**
 * The rules `programVfp` would derive for `t`, estimated as the parser does, node by node: its
 * ports without layers × (its load balancers + 10). One node: local ports × (load balancers + 10).
 */
export function derivedRulesEstimate(t: Topology): number {
  const lbs = new Map<string, number>();
  for (const id in t.loadBalancers) {
    const n = t.loadBalancers[id]!.nodeId;
    lbs.set(n, (lbs.get(n) ?? 0) + 1);
  }
  let estimate = 0;
  for (const id in t.ports) {
    const p = t.ports[id]!;
    if (p.layerIds.length === 0) estimate += (lbs.get(p.nodeId) ?? 0) + 10;
  }
  return estimate;
}

/**
 * What `parseInputs` does after building a topology, for one read with `deriveVfp: false` (a
 * cluster's nodes, each read alone, then assembled): `programVfp` when `derivedRulesEstimate`
 * is within `MAX_DERIVED_RULES_ESTIMATE`, the derived objects fitted to the model limits; else
 * `I_VFP_DEFERRED` on input `inputName` (the engine and the viewer derive a port when needed).
 * Deciding once for the whole cluster keeps 20 nodes of 63,000 rules each from becoming 1.3M
 * derived rules that the page and every worker hold.
 */
export function deriveVfpWithin(
  t: Topology,
  inputName: string,
): { topology: Topology; diagnostics: Diagnostic[] } {
  const sink = new DiagSink(inputName);
  const estimate = derivedRulesEstimate(t);
  if (estimate > MAX_DERIVED_RULES_ESTIMATE) {
    let local = 0;
    for (const id in t.ports) if (t.ports[id]!.layerIds.length === 0) local++;
    sink.add(
      'I_VFP_DEFERRED',
      0,
      0,
      `VFP rules were not derived for ${local} ports (about ${estimate} rules); they are derived per port on demand`,
    );
    return { topology: t, diagnostics: sink.list };
  }
  const derived = programVfp(t);
  if (derived === t) return { topology: t, diagnostics: [] };
  // Only the derived tables are new: the others were fitted when `t` was read.
  const keep = new Set<unknown>(Object.values(t).filter((v) => typeof v === 'object'));
  const fitted = fitModelLimits(derived, keep);
  if (fitted.report.strings + fitted.report.cuts > 0)
    sink.add(
      'W_VALUE_CUT',
      0,
      0,
      `${fitted.report.strings} derived value(s) longer than ${MAX_MODEL_STRING} characters shortened`,
    );
  return { topology: fitted.topology, diagnostics: sink.list };
}
