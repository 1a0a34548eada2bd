/**
 * The motion animator: one rAF loop (clock injected) moves the packet along the precomputed path
 * between two stops, eased with d3-ease. Positions go straight to the DOM — never through React
 * or the store (style.md §3.4 transient updates).
 */
import { easeCubicInOut } from 'd3-ease';
import type { Animator, AnimatorScene } from './animator';
import { trailUpTo } from './animator';
import type { Clock } from './clock';
import type { PacketLayer } from './packet-layer';
import { pathLength, pointAt } from './packet-route';

/** Travel time of one segment at speed 1 (ms): longer paths take longer, within bounds. */
export function travelMs(length: number, speed: number): number {
  return Math.min(900, 260 + length * 0.55) / Math.max(0.25, speed);
}

export interface PacketAnimatorOptions {
  readonly clock: Clock;
  /** Called once per animation frame (the fps bench counts these). */
  readonly onFrame?: (time: number) => void;
}

export function createPacketAnimator(layer: PacketLayer, opts: PacketAnimatorOptions): Animator {
  const { clock } = opts;
  let scene: AnimatorScene | null = null;
  let current = -1;
  let frame = 0;
  let flight: { step: number; start: number; duration: number; pausedAt: number | null } | null =
    null;

  const settle = (step: number): void => {
    const stop = scene?.route.stops[step];
    flight = null;
    if (!scene || !stop) {
      layer.hide();
      layer.setState({ step: -1, moving: false, at: null });
      return;
    }
    layer.setLook(scene.looks[step] ?? null);
    layer.moveTo([stop.x, stop.y]);
    layer.setTrail(trailUpTo(scene.route, step));
    layer.setCallout(true);
    layer.light(stop);
    layer.setState({ step, moving: false, at: stop.drawnId });
  };

  const tick = (time: number): void => {
    frame = 0;
    opts.onFrame?.(time);
    const f = flight;
    if (!f || !scene) return;
    if (f.pausedAt !== null) return;
    const t = Math.min(1, (clock.now() - f.start) / f.duration);
    const path = scene.route.paths[f.step] ?? [];
    layer.moveTo(pointAt(path, easeCubicInOut(t)));
    if (t >= 1) settle(f.step);
    else frame = clock.requestFrame(tick);
  };

  const cancel = (): void => {
    if (frame) clock.cancelFrame(frame);
    frame = 0;
  };

  return {
    setScene(s) {
      cancel();
      scene = s;
      current = -1;
      flight = null;
      layer.hide();
    },
    goTo(step, speed) {
      cancel();
      const from = current;
      current = step;
      const path = scene?.route.paths[step];
      if (!scene || !path || step !== from + 1 || step === 0) return settle(step);
      const prevStop = scene.route.stops[from];
      layer.setLook(scene.looks[step] ?? null);
      layer.setCallout(false);
      layer.setTrail(trailUpTo(scene.route, from));
      layer.light(prevStop ?? null);
      layer.setState({ step, moving: true, at: null });
      flight = {
        step,
        start: clock.now(),
        duration: travelMs(pathLength(path), speed),
        pausedAt: null,
      };
      frame = clock.requestFrame(tick);
    },
    setPaused(paused) {
      const f = flight;
      if (!f) return;
      if (paused && f.pausedAt === null) {
        f.pausedAt = clock.now();
        cancel();
      } else if (!paused && f.pausedAt !== null) {
        f.start += clock.now() - f.pausedAt;
        f.pausedAt = null;
        frame = clock.requestFrame(tick);
      }
    },
    destroy() {
      cancel();
      layer.destroy();
    },
  };
}
