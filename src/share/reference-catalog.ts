import type { Design } from '../model/types';
import {
  buildScenario,
  isScenarioId,
  SCENARIO_IDS,
  SCENARIO_SHORT as SHORT,
  SCENARIO_TITLES,
} from '../scenarios/index';
import type { ScenarioCatalog } from './scenario-catalog';

/** The reference cluster in its five designs. */
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
