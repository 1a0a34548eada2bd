/** Building blocks shared by the `hnsviz.model/1` schemas (topology-schema.ts, model-schema-vfp.ts). */
import { CREATORS, type PortRange, type Provenance } from '../model/types';
import { arr, bool, int, lit, nullable, num, obj, optional, str, type Schema } from './schema';
import { PORT_MAX } from '../model/port-ranges';

export const s = str();
export const ns = nullable(s);
export const strs = arr(s);
export const port = int(0, PORT_MAX);
export const proto = int(0, 255);
export const prio = num();
export const confidence = lit('documented', 'observed', 'inferred');
export const direction = lit('in', 'out');

export const provenance: Schema<Provenance> = obj({
  by: lit(
    'scenario',
    'dump',
    'network',
    'network-policy',
    'endpoint',
    'endpoint-policy',
    'load-balancer',
    'hns',
    'kube-proxy',
    'platform',
  ),
  id: ns,
  detail: ns,
  confidence,
  ref: ns,
  derived: bool,
  creator: optional(lit(...CREATORS)),
  nameSource: optional(lit('seen', 'model')),
  assumption: optional(str()),
});

export const portRange: Schema<PortRange> = obj({ from: port, to: port });

export const lbDistribution = lit('none', 'source-ip-protocol', 'source-ip');
