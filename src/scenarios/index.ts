/**
 * Built-in scenarios: the reference cluster in five designs. Each is built by code from
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
import type { ClusterSpec, LbMode, NewFlavour } from './spec';

export const SCENARIO_IDS: readonly Design[] = [
  'old-winnat',
  'new-2017',
  'new-l2bridge',
  'new-overlay',
  'new-overlay-nodsr',
];

export const SCENARIO_TITLES: Readonly<Record<Design, string>> = {
  'old-winnat': 'Old design (WS2016): two endpoints per pod, WinNAT, user-space kube-proxy',
  'new-2017':
    'New design as 2017 shipped it (1709/1803): one endpoint per pod on L2Bridge, VFP NAT, kernel load balancing on the host port without DSR',
  'new-l2bridge':
    'New design (WS2019 + DSR): one endpoint per pod on L2Bridge (flannel host-gw), LB_DSR on the pod port',
  'new-overlay':
    'New design (WS2019 + DSR): one endpoint per pod on Overlay (flannel VXLAN), LB_DSR on the pod port',
  'new-overlay-nodsr':
    'WS2019 overlay, no DSR: one endpoint per pod on Overlay (flannel VXLAN), kube-proxy without --enable-dsr load-balances ClusterIP traffic on the host port and SNATs it to its --source-vip (where the rules sit is inferred, domain.md §8.4)',
};

/** Short labels for switchers and compare panes. */
export const SCENARIO_SHORT: Readonly<Record<Design, string>> = {
  'old-winnat': 'Old · WS2016',
  'new-2017': '1709/1803 · no DSR',
  'new-l2bridge': 'WS2019 + DSR · L2Bridge',
  'new-overlay': 'WS2019 + DSR · Overlay',
  'new-overlay-nodsr': 'WS2019 · Overlay, no DSR',
};

/** The network flavour and load-balancing mode of each single-endpoint design. */
const NEW_DESIGNS: Readonly<Record<Exclude<Design, 'old-winnat'>, [NewFlavour, LbMode]>> = {
  'new-2017': ['l2bridge', 'non-dsr'],
  'new-l2bridge': ['l2bridge', 'dsr'],
  'new-overlay': ['overlay', 'dsr'],
  // Overlay came with WS2019 + KB4489899 (domain.md §2.1), so without DSR this is WS2019, not 1803.
  'new-overlay-nodsr': ['overlay', 'non-dsr'],
};

export function isScenarioId(id: string): id is Design {
  return (SCENARIO_IDS as readonly string[]).includes(id);
}

/** Build a design of a cluster description (the reference cluster by default). */
export function buildScenario(id: Design, spec: ClusterSpec = REFERENCE_CLUSTER): Topology {
  // A design's fixed tuple of options.
  // eslint-disable-next-line no-restricted-syntax
  const draft = id === 'old-winnat' ? oldDraft(spec) : newDraft(spec, ...NEW_DESIGNS[id]);
  const overlay = id === 'new-overlay' || id === 'new-overlay-nodsr';
  const topology = programVfp(finishTopology(spec, id, SCENARIO_TITLES[id], draft, !overlay));
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
