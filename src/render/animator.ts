/**
 * The Animator interface (style.md §3.6): `packet-animator` moves the packet along its path with
 * a rAF loop; `instant-animator` jumps straight to each stop. Chosen by the motion setting,
 * `prefers-reduced-motion` or `?motion=off`.
 */
import type { PacketLook } from '../view-model/trace-format';
import type { Route } from './packet-route';

export interface AnimatorScene {
  readonly route: Route;
  /** What the packet looks like at each stop. */
  readonly looks: readonly PacketLook[];
}

export interface Animator {
  /** New trace or layout; hides the packet until `goTo`. */
  setScene(scene: AnimatorScene | null): void;
  /** Show stop `step` (-1 hides). One step forward animates; anything else jumps. */
  goTo(step: number, speed: number): void;
  /** Freeze (or resume) a movement in flight. */
  setPaused(paused: boolean): void;
  destroy(): void;
}

/** Whether to animate: `on`/`off` win; `auto` follows `prefers-reduced-motion`. */
export function wantsMotion(motion: 'auto' | 'on' | 'off', reducedMotion: boolean): boolean {
  return motion === 'on' || (motion === 'auto' && !reducedMotion);
}

/** Trail points up to and including stop `step`. */
export function trailUpTo(route: Route, step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i <= step && i < route.paths.length; i++)
    for (const p of route.paths[i] ?? []) out.push([p[0], p[1]]);
  return out;
}
