import type { Topology } from '../model/types';

/** The designs a viewer can switch between, injected by the host (app/, embed, tests). */
export interface ScenarioCatalog {
  readonly ids: readonly string[];
  /** Short label for the switcher, e.g. `WS2019 + DSR · L2Bridge`. */
  shortTitle(id: string): string;
  /** Full title, e.g. `New design: one endpoint per pod on L2Bridge (flannel host-gw)`. */
  title(id: string): string;
  build(id: string): Topology;
}
