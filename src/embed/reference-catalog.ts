import type { Design } from '../model/types';
import { buildScenario, isScenarioId, SCENARIO_IDS, SCENARIO_TITLES } from '../scenarios/index';
import type { ScenarioCatalog } from '../share/scenario-catalog';

const SHORT: Readonly<Record<Design, string>> = {
  'old-winnat': 'Old · WinNAT',
  'new-l2bridge': 'New · L2Bridge',
  'new-overlay': 'New · Overlay',
};

/** The reference cluster in its three designs. */
export const referenceCatalog: ScenarioCatalog = {
  ids: SCENARIO_IDS,
  shortTitle: (id) => (isScenarioId(id) ? SHORT[id] : id),
  title: (id) => (isScenarioId(id) ? SCENARIO_TITLES[id] : id),
  build: (id) => {
    if (!isScenarioId(id)) throw new Error(`E_UNKNOWN_SCENARIO: ${id}`);
    return buildScenario(id);
  },
};

/** The default design the app opens on. */
export const DEFAULT_SCENARIO: Design = 'new-l2bridge';
