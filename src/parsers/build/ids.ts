/** Ids and provenance shared by the topology builders. */

import type { Provenance } from '../../model/types';
import type { Origin } from '../normalise/normalise';

export const NODE_ID = 'node:dump';
export const VSWITCH_ID = 'vswitch:dump';

export function provenance(o: Origin | undefined, derived = false): Provenance {
  return {
    by: 'dump',
    id: o ? `${o.input}:${o.line}` : null,
    detail: o ? o.rendering : null,
    confidence: derived ? 'inferred' : 'observed',
    ref: null,
    derived,
  };
}
