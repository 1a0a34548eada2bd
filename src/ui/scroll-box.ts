/** The matrix view's scroll box: its scroll position, size and header font, kept in state. */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { CHAR_W, charWidth } from './char-width';

export interface ScrollBox {
  readonly top: number;
  readonly left: number;
  readonly w: number;
  readonly h: number;
  /** A header character's mean width (see `charWidth`). */
  readonly charW: number;
}

/**
 * `ref`'s scroll box, and a function to call from its scroll events. Sizes are measured after
 * the browser's own layout (a ResizeObserver calls back before paint): read in the commit that
 * mounts the view, they forced the layout of the whole page (freshly drawn when the matrix
 * opens as a dump shows) into the click's task.
 */
export function useScrollBox(
  ref: RefObject<HTMLDivElement | null>,
): [ScrollBox, (el: HTMLDivElement) => void] {
  const [box, setBox] = useState<ScrollBox>({ top: 0, left: 0, w: 800, h: 500, charW: CHAR_W });
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const ro = new ResizeObserver(() => {
      const th = el.querySelector('thead th[scope="col"]:not(.hv-matrix-corner)') ?? el;
      const next = {
        top: el.scrollTop,
        left: el.scrollLeft,
        w: el.clientWidth,
        h: el.clientHeight,
        charW: charWidth(getComputedStyle(th).font),
      };
      setBox((s) =>
        s.top === next.top &&
        s.left === next.left &&
        s.w === next.w &&
        s.h === next.h &&
        s.charW === next.charW
          ? s
          : next,
      );
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  const onScroll = useCallback((el: HTMLDivElement) => {
    setBox((s) => ({
      top: el.scrollTop,
      left: el.scrollLeft,
      w: el.clientWidth,
      h: el.clientHeight,
      charW: s.charW,
    }));
  }, []);
  return [box, onScroll];
}
