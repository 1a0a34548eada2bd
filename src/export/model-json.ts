/** The model as a `hnsviz.model/1` JSON document (re-importable, see import-file.ts). */
import type { Topology } from '../model/types';

/** Pretty-printed JSON of the topology. */
export function topologyToJson(t: Topology): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}
