/**
 * SVG export of exactly what is on screen: the drawing's current size and pan/zoom, every
 * element's computed style inlined (so themes, highlights and the semantic-zoom level come
 * out as shown), hidden elements dropped, and the view state in `<metadata>` so dropping the
 * file back onto hnsviz reopens the view.
 */
import { SVG_STATE_ID } from '../share/open-view-file';
import type { ViewState } from '../share/view-state';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

const COLOR_FN = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)/g;

/** `color(srgb r g b)` (what Chromium computes for color-mix) → `rgb()`, for other SVG tools. */
export function legacyColor(value: string): string {
  return value.replace(COLOR_FN, (_m, r: string, g: string, b: string, a?: string) => {
    const c = [r, g, b].map((x) => Math.round(Math.min(1, Math.max(0, Number(x))) * 255));
    return a === undefined ? `rgb(${c.join(', ')})` : `rgba(${c.join(', ')}, ${Number(a)})`;
  });
}

/** Properties that SVG does not inherit: written only when not at their initial value. */
const NOT_INHERITED: Readonly<Record<string, string>> = {
  opacity: '1',
  'dominant-baseline': 'auto',
};

/**
 * Copy the computed style as presentation attributes, each only where it differs from the
 * parent's (inherited) value, which keeps the file small. IMPORTANT: attributes, not
 * `style="…"`: the app's CSP (no 'unsafe-inline' styles) refuses inline style attributes,
 * presentation attributes are not styles, and every SVG tool understands them.
 */
function inlineStyles(source: Element, target: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(source);
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    const initial = NOT_INHERITED[p];
    const same = initial !== undefined ? v === initial : parent?.getPropertyValue(p) === v;
    if (v !== '' && !same) target.setAttribute(p, legacyColor(v));
  }
  target.removeAttribute('class');
  target.removeAttribute('style');
  const kids = source.children;
  const copies = target.children;
  // Walk backwards so removals do not shift the indexes still to visit.
  for (let i = kids.length - 1; i >= 0; i--) {
    const k = kids[i]!;
    const c = copies[i]!;
    const kcs = getComputedStyle(k);
    if (k.localName === 'title') continue; // tooltips: kept as they are
    if (kcs.display === 'none' || kcs.visibility === 'hidden') c.remove();
    else inlineStyles(k, c, cs);
  }
}

/** The background the drawing is seen on. */
function backgroundOf(svg: SVGSVGElement): string {
  for (let el: Element | null = svg; el; el = el.parentElement) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)') return legacyColor(bg);
  }
  return '#ffffff';
}

/** The size the drawing has on screen, in CSS pixels (800×600 when it is not laid out). */
export function screenSize(svg: SVGSVGElement): { width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  return width >= 2 && height >= 2
    ? { width: Math.round(width), height: Math.round(height) }
    : { width: 800, height: 600 };
}

/** Attributes that hold geometry or paint, never words: left alone by `mention`. */
const GEOMETRY = new Set([
  'd',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'transform',
  'points',
  'viewBox',
  ...PROPS,
]);

/** Pass every text node and every non-geometry attribute of `root` through `mention`. */
function scrubText(root: Element, mention: (text: string) => string): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.nodeValue) n.nodeValue = mention(n.nodeValue);
  for (const el of [root, ...root.querySelectorAll('*')])
    for (const a of [...el.attributes])
      if (!GEOMETRY.has(a.name) && a.value) el.setAttribute(a.name, mention(a.value));
}

/**
 * Serialise `svg` as shown. `state` (when given) is embedded as JSON in `<metadata>`;
 * `mention` (see src/share/privacy.ts) scrubs every label, tooltip and accessible name the
 * same way as that state, so a scrubbed export says nothing the scrubbed model does not.
 *
 * @example
 * const text = exportSvg(document.querySelector('svg.hnsviz-topology')!, viewState);
 */
export function exportSvg(
  svg: SVGSVGElement,
  state: ViewState | null,
  mention?: (text: string) => string,
): string {
  const { width, height } = screenSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, null);
  for (const a of ['tabindex', 'aria-roledescription']) clone.removeAttribute(a);
  // No setAttribute('xmlns'): XMLSerializer declares the SVG namespace on the root itself.
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', backgroundOf(svg));
  clone.insertBefore(bg, clone.firstChild);
  if (mention) scrubText(clone, mention);
  if (state) {
    const meta = document.createElementNS(SVG_NS, 'metadata');
    meta.setAttribute('id', SVG_STATE_ID);
    meta.setAttribute('data-format', state.format);
    // textContent: the serialiser escapes `<` and `&`, so JSON cannot break out.
    meta.textContent = JSON.stringify(state);
    clone.insertBefore(meta, clone.firstChild);
  }
  return new XMLSerializer().serializeToString(clone);
}
