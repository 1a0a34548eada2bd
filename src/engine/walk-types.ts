/** Internal types of the walk state machine. */
import type { Direction, Pod } from '../model/types';
import type { DeliveredTo } from './types';

/** Where the packet is next. */
export type Loc =
  | { readonly at: 'port'; readonly portId: string; readonly dir: Direction }
  | {
      readonly at: 'vswitch';
      readonly nodeId: string;
      readonly vswitchId: string;
      readonly fromPortId: string | null;
    }
  | { readonly at: 'host-recv'; readonly nodeId: string; readonly local: boolean }
  | { readonly at: 'host-send'; readonly nodeId: string }
  /** A pod sends (by its route table); `arrivedOn`: the endpoint its request came in on (a reply). */
  | { readonly at: 'pod'; readonly pod: Pod; readonly arrivedOn: string | null }
  | { readonly at: 'wire'; readonly fromNode: string | null };

export type End =
  | {
      readonly verdict: 'delivered';
      readonly reason: string;
      readonly to: DeliveredTo;
      readonly replyFrom: Loc;
    }
  | { readonly verdict: 'dropped'; readonly reason: string };

/** One step of the walk: go on, or stop. */
export type Step =
  | { readonly next: Loc; readonly end?: undefined }
  | { readonly end: End; readonly next?: undefined };
