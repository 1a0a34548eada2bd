// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createZoom } from './zoom-behaviour';

/** A ResizeObserver stand-in whose callbacks the test calls (jsdom has none). */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly cb: ResizeObserverCallback) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  /** What the browser does after a layout that changed the element's size. */
  resize(width: number, height: number) {
    const entry = { contentRect: { width, height } } as unknown as ResizeObserverEntry;
    this.cb([entry], this);
  }
}

function mount(): { svg: SVGSVGElement; viewport: SVGGElement; reads: () => number } {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const viewport = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  svg.append(viewport);
  document.body.append(svg);
  let n = 0;
  // Count the layout-forcing reads.
  Object.defineProperty(svg, 'clientWidth', { get: () => (n++, 800) });
  Object.defineProperty(svg, 'clientHeight', { get: () => 600 });
  return { svg, viewport, reads: () => n };
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.last = null;
});

describe('createZoom: the viewport size', () => {
  it('reads the element until the browser reports its size, then keeps the reported size', () => {
    vi.stubGlobal('ResizeObserver', FakeObserver);
    const { svg, viewport, reads } = mount();
    const z = createZoom(svg, viewport, () => {});
    expect(FakeObserver.last?.observed).toEqual([svg]);
    expect(z.size()).toEqual({ w: 800, h: 600 });
    expect(reads()).toBe(1);
    FakeObserver.last!.resize(1234.4, 567.6);
    expect(z.size()).toEqual({ w: 1234, h: 568 });
    // Fitting and reading the view no longer lay the page out.
    z.fitBox({ x: 0, y: 0, w: 100, h: 100 }, 2, false);
    z.getView();
    expect(reads()).toBe(1);
    // A hidden drawing (0 × 0) reads as the default size, as clientWidth 0 did.
    FakeObserver.last!.resize(0, 0);
    expect(z.size()).toEqual({ w: 1000, h: 700 });
    z.destroy();
    expect(FakeObserver.last!.disconnected).toBe(true);
  });

  it('without ResizeObserver, reads the element', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const { svg, viewport, reads } = mount();
    const z = createZoom(svg, viewport, () => {});
    expect(z.size()).toEqual({ w: 800, h: 600 });
    expect(reads()).toBe(1);
    z.destroy();
  });
});
