import { useEffect, useState, type RefObject } from 'react';
import type { TopologyLayout } from '../layout/geometry';
import { wantsMotion, type Animator } from '../render/animator';
import { browserClock } from '../render/clock';
import { createInstantAnimator } from '../render/instant-animator';
import { createPacketAnimator } from '../render/packet-animator';
import { createPacketLayer } from '../render/packet-layer';
import { buildRoute } from '../render/packet-route';
import type { TopologyRenderer } from '../render/view-model';
import type { AppState } from '../state/app-state';
import { traceEvents } from '../view-model/trace-events';
import { useAppStore, useStoreApi } from './StoreContext';
import { packetLook } from '../view-model/trace-format';

const REDUCED = '(prefers-reduced-motion: reduce)';

function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => typeof matchMedia === 'function' && matchMedia(REDUCED).matches,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const mq = matchMedia(REDUCED);
    const on = (): void => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

const sceneKey = (s: AppState) => [s.trace, s.verbosity] as const;

/**
 * Drive the packet on `renderer`'s overlay from this viewer's store. Step changes arrive through
 * `store.subscribe` (transient updates): React does not re-render per frame or per step here.
 */
export function usePacketAnimator(
  rendererRef: RefObject<TopologyRenderer | null>,
  layout: TopologyLayout | null,
): void {
  const store = useStoreApi();
  const motion = useAppStore((s) => s.motion);
  const reduced = usePrefersReducedMotion();
  const animate = wantsMotion(motion, reduced);

  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer || !layout) return undefined;
    const layer = createPacketLayer(renderer.overlay());
    const animator: Animator = animate
      ? createPacketAnimator(layer, { clock: browserClock })
      : createInstantAnimator(layer);
    const showScene = (s: AppState): void => {
      const events = traceEvents(s.trace, s.verbosity);
      animator.setScene(
        events.length ? { route: buildRoute(events, layout), looks: events.map(packetLook) } : null,
      );
    };
    const first = store.getState();
    showScene(first);
    animator.goTo(first.step, first.speed);
    const off = store.subscribe((s, prev) => {
      const [t, v] = sceneKey(s);
      const [pt, pv] = sceneKey(prev);
      if (t !== pt || v !== pv) {
        showScene(s);
        animator.goTo(s.step, s.speed);
      } else if (s.step !== prev.step) animator.goTo(s.step, s.speed);
      if (s.playing !== prev.playing) animator.setPaused(!s.playing && s.step === prev.step);
    });
    return () => {
      off();
      animator.destroy();
    };
  }, [store, rendererRef, layout, animate]);
}
