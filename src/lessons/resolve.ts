/** Map lesson beats onto the events of a real trace (pure). */
import type { Hop } from '../engine/types';
import type { HopMatch, Lesson } from './types';

/** Does `hop` satisfy every field of `m`? */
export function hopMatches(hop: Hop, m: HopMatch): boolean {
  return (
    (m.phase === undefined || hop.phase === m.phase) &&
    (m.component === undefined || hop.component === m.component) &&
    (m.node === undefined || hop.node === m.node) &&
    (m.objectId === undefined || hop.objectId === m.objectId) &&
    (m.layer === undefined || hop.layer === m.layer) &&
    (m.action === undefined || hop.action === m.action)
  );
}

/**
 * The event index of each beat, searching forward from the previous beat (beats are in trace
 * order). `-1` where a beat matches nothing after its predecessor.
 */
export function resolveBeats(
  lesson: Lesson,
  events: readonly { readonly hops: readonly Hop[] }[],
): number[] {
  const out: number[] = [];
  let from = 0;
  for (const beat of lesson.beats) {
    const i = events.findIndex(
      (e, k) => k >= from && e.hops.some((h) => hopMatches(h, beat.match)),
    );
    out.push(i);
    if (i >= 0) from = i + 1;
  }
  return out;
}
