import { useEffect, type RefObject } from 'react';
import type { TopologyRenderer } from '../render/view-model';

/**
 * Re-fit the drawing whenever its box changes size (compare panes, whose size settles after the
 * first draw). Off by default: the main canvas keeps the user's pan and zoom.
 */
export function useFitOnResize(
  rendererRef: RefObject<TopologyRenderer | null>,
  enabled: boolean,
): void {
  useEffect(() => {
    const svg = rendererRef.current?.overlay().ownerSVGElement;
    if (!enabled || !svg || typeof ResizeObserver === 'undefined') return undefined;
    let last = '';
    const ro = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      const key = box ? `${Math.round(box.width)}x${Math.round(box.height)}` : '';
      if (key === last || !box || box.width === 0) return;
      last = key;
      rendererRef.current?.fit();
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [rendererRef, enabled]);
}
