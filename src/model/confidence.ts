/** Ordering of confidences: a behaviour is only as sure as the least sure thing it rests on. */
import type { Confidence } from './types';

const RANK: Readonly<Record<Confidence, number>> = { documented: 2, observed: 1, inferred: 0 };

/** The weaker of two confidences. */
export function weakest(a: Confidence, b: Confidence): Confidence {
  return RANK[b] < RANK[a] ? b : a;
}
