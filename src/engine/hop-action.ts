/**
 * What a hop did, as one closed set (`Hop.action`). The strings are part of `hnsviz.trace/1`;
 * the UI, lessons and the compare summary switch on them, so a new action is added here first.
 */
import { VFP_RULE_TYPES } from '../model/vfp-types';

export const HOP_ACTIONS = [
  // A pod sends; a port passes a packet; a switch or the wire forwards it.
  'send',
  'pass',
  'forward',
  'to wire',
  'from wire',
  'leave',
  // VFP rule actions (the matched rule's type).
  ...VFP_RULE_TYPES,
  // VFP group/layer outcomes and the unified-flow fast path.
  'no match',
  'allow (no rules)',
  'flow (inverse rewrite)',
  // The same port sends a packet back to itself (domain.md §7 S12).
  'hairpin',
  // Host stack, WinNAT and the user-space kube-proxy.
  'route',
  'loopback',
  'snat',
  'un-NAT',
  'proxy',
  'proxy reply',
  // Ends of a leg.
  'deliver',
  'drop',
] as const;

export type HopAction = (typeof HOP_ACTIONS)[number];

/** The hop ended its leg. */
export const isEndAction = (a: HopAction): boolean => a === 'deliver' || a === 'drop';

/** The hop passed the packet through a user-space process (the old design's kube-proxy). */
export const isUserSpaceAction = (a: HopAction): boolean => a === 'proxy' || a === 'proxy reply';

/** The hop opened a second connection (user-space proxy accepting and dialling a backend). */
export const opensConnection = (a: HopAction): boolean => a === 'proxy';
