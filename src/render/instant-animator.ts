/** The reduced-motion animator: every step jumps straight to its stop (e2e screenshots use it). */
import type { Animator, AnimatorScene } from './animator';
import { trailUpTo } from './animator';
import type { PacketLayer } from './packet-layer';

export function createInstantAnimator(layer: PacketLayer): Animator {
  let scene: AnimatorScene | null = null;
  return {
    setScene(s) {
      scene = s;
      layer.hide();
    },
    goTo(step) {
      const stop = scene?.route.stops[step];
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
    },
    setPaused: () => undefined,
    destroy: () => layer.destroy(),
  };
}
