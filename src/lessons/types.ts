/** Lesson content types (pure data). */
import type { HopAction, HopComponent, TraceRequest } from '../engine/types';

/** Which hop a beat talks about: every given field must match. */
export interface HopMatch {
  readonly phase?: 'request' | 'reply';
  readonly component?: HopComponent;
  readonly node?: string;
  readonly objectId?: string;
  readonly layer?: string;
  readonly action?: HopAction;
}

/** "Predict the next hop": asked before the beat's hop is shown. */
export interface Checkpoint {
  readonly prompt: string;
  readonly choices: readonly {
    readonly label: string;
    readonly correct: boolean;
    readonly feedback: string;
  }[];
}

/** One step of a lesson: a hop of the trace and a few sentences about it. */
export interface LessonBeat {
  readonly match: HopMatch;
  readonly title: string;
  readonly text: string;
  readonly predict?: Checkpoint;
}

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** One or two sentences shown before the first step. */
  readonly intro: string;
  readonly scenario: string;
  readonly request: TraceRequest;
  /** What the engine must answer (checked by lessons.test.ts). */
  readonly expect: { readonly verdict: 'delivered' | 'dropped'; readonly deliveredTo?: string };
  readonly beats: readonly LessonBeat[];
}
