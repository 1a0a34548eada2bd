/** Public surface of the packet-flow engine (pure; see README.md). */
export { compileTopology, type CompiledTopology } from './compile';
export { traceFlow, traceVerdict } from './trace';
export { formatTraceText } from './format-text';
export { matchRule, type Field } from './match';
export { hashTuple } from './packet';
export {
  HOP_ACTIONS,
  isEndAction,
  isUserSpaceAction,
  opensConnection,
  type HopAction,
} from './hop-action';
export { TraceInputError } from './types';
export type {
  DeliveredTo,
  Hop,
  HopComponent,
  LegResult,
  NearMiss,
  OuterHeader,
  Trace,
  TracePacket,
  TraceRequest,
} from './types';
