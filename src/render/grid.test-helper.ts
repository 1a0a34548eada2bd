/** A big drawing for the renderer's tests, and an `<svg>` to draw it in (jsdom). */
import type { LayoutItem, TopologyLayout } from '../layout/geometry';

/** A node holding a row-major grid of `n` ports, 100 × 40 units each: big enough to be culled. */
export function gridLayout(n: number): TopologyLayout {
  const cols = Math.ceil(Math.sqrt(n));
  const side = cols * 120 + 40;
  const items = [chip('node:a', 'node', 0, 0, side, side)];
  for (let i = 0; i < n; i++)
    items.push(chip(`port:${i}`, 'port', 20 + (i % cols) * 120, 20 + Math.floor(i / cols) * 60));
  const byId = Object.fromEntries(items.map((i) => [i.id, i]));
  return { width: side, height: side, items, links: [], captions: [], byId, textScale: 1 };
}

function chip(id: string, kind: string, x: number, y: number, w = 100, h = 40): LayoutItem {
  return {
    id,
    kind,
    box: { x, y, w, h },
    ariaLabel: `${kind} ${id}`,
    name: id,
    tone: 'acl',
    lines: [],
    radius: 4,
  } as unknown as LayoutItem;
}

export function mount(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  return svg;
}
