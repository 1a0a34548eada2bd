/**
 * Built-in scenarios: the reference cluster in three designs. Each is built by code from
 * the one declarative description in `reference.ts`, then VFP is programmed from the HNS
 * objects exactly as for a dump, and the result is checked against the model invariants.
 */
import { programVfp } from '../model/program-vfp';
import { checkInvariants } from '../model/invariants';
import type { Design, Topology } from '../model/types';
import { finishTopology } from './common';
import { newDraft } from './new-design';
import { oldDraft } from './old-design';
import { REFERENCE_CLUSTER } from './reference';
import type { ClusterSpec } from './spec';

export const SCENARIO_IDS: readonly Design[] = ['old-winnat', 'new-l2bridge', 'new-overlay'];

export const SCENARIO_TITLES: Readonly<Record<Design, string>> = {
  'old-winnat': 'Old design: two endpoints per pod, WinNAT, user-space kube-proxy',
  'new-l2bridge': 'New design: one endpoint per pod on L2Bridge (flannel host-gw)',
  'new-overlay': 'New design: one endpoint per pod on Overlay (flannel VXLAN)',
};

export function isScenarioId(id: string): id is Design {
  return (SCENARIO_IDS as readonly string[]).includes(id);
}

/** Build a design of a cluster description (the reference cluster by default). */
export function buildScenario(id: Design, spec: ClusterSpec = REFERENCE_CLUSTER): Topology {
  const draft =
    id === 'old-winnat'
      ? oldDraft(spec)
      : newDraft(spec, id === 'new-l2bridge' ? 'l2bridge' : 'overlay');
  const topology = programVfp(
    finishTopology(spec, id, SCENARIO_TITLES[id], draft, id !== 'new-overlay'),
  );
  const problems = checkInvariants(topology);
  if (problems.length > 0) {
    throw new Error(
      `scenario ${id} breaks the model invariants:\n${problems.map((p) => `- ${p.message}`).join('\n')}`,
    );
  }
  return topology;
}

export { REFERENCE_CLUSTER };
export type { ClusterSpec };
