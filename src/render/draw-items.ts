/**
 * Data joins for drawn objects and links, keyed by stable ids. Text from data is only ever set
 * with `.text()` (dumps can contain hostile strings).
 */
import type { BaseType, Selection } from 'd3-selection';
import type { Caption, LayoutItem, LinkLine, TextLine } from '../layout/geometry';
import type { FarPath } from './cull';

/** Any `<g>` selection to draw into. */
type G<D, PE extends BaseType, PD> = Selection<SVGGElement, D, PE, PD>;

const lineClass = (l: TextLine): string => `line line-${l.role}`;

/** The item each drawn `<g>` was last written from (layout items are immutable). */
const drawnFrom = new WeakMap<Element, LayoutItem>();
/** The outlines each `<g class="far-obj">` was last written from. */
const farFrom = new WeakMap<Element, FarPath>();

/**
 * Draw `items` into `parent` (one `<g class="obj">` per item, keyed by id, in their order).
 * Only groups that are new or whose item changed are written: a group already drawn from the
 * same (immutable) item is left as it is, so a big drawing's repaint for a new selection or
 * view writes only what it adds. `grow`: `items` are the ones drawn last time with more at the
 * end (a big drawing drawn a part at a time), so nothing is reordered either.
 */
export function drawItems<D, PE extends BaseType, PD>(
  parent: G<D, PE, PD>,
  items: readonly LayoutItem[],
  grow = false,
): void {
  const joined = parent.selectAll<SVGGElement, LayoutItem>('g.obj').data(items, (d) => d.id);
  joined.exit().remove();
  const entered = joined.enter().append('g');
  entered.append('title');
  entered.append('rect').attr('class', 'shape');
  // `select`, not `filter`: it keeps each group's indices, as `merge` needs.
  // An unchanged group selects null: its index stays empty.
  const changed = joined.select<SVGGElement>(function (d) {
    return (drawnFrom.get(this) === d ? null : this) as SVGGElement;
  });
  const groups = entered.merge(changed);
  if (!grow) entered.merge(joined).order();
  groups.each(function (d) {
    drawnFrom.set(this, d);
  });
  groups
    .attr('class', (d) => `obj kind-${d.kind} tone-${d.tone}`)
    .attr('data-kind', (d) => d.kind)
    .attr('data-id', (d) => d.id)
    .attr('data-name', (d) => d.name)
    .attr('data-derived', (d) => (d.derived ? 'true' : null))
    .attr('role', 'graphics-symbol')
    .attr('aria-label', (d) => d.ariaLabel)
    .attr('transform', (d) => `translate(${d.box.x},${d.box.y})`);
  groups.select('title').text((d) => d.ariaLabel);
  groups
    .select('rect.shape')
    .attr('width', (d) => d.box.w)
    .attr('height', (d) => d.box.h)
    .attr('rx', (d) => d.radius);
  groups
    .selectAll<SVGTextElement, TextLine>('text')
    .data((d) => d.lines)
    .join('text')
    .attr('class', lineClass)
    .attr('x', (l) => l.dx)
    .attr('y', (l) => l.dy)
    .attr('font-size', (l) => l.size)
    .attr('text-anchor', (l) => l.anchor)
    .attr('aria-hidden', 'true')
    .text((l) => l.text);
}

/** Draw decorative connectors (hidden from assistive tech). */
export function drawLinks<D, PE extends BaseType, PD>(
  parent: G<D, PE, PD>,
  links: readonly LinkLine[],
): void {
  const g = parent
    .selectAll<SVGGElement, LinkLine>('g.link')
    .data(links, (d) => d.id)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'link').attr('aria-hidden', 'true');
      e.append('path');
      e.append('circle').attr('r', 6);
      return e;
    });
  g.attr('data-tone', (d) => d.tone);
  g.select('path').attr('d', (d) => `M${d.points.map(([x, y]) => `${x},${y}`).join('L')}`);
  g.select('circle')
    .attr('display', (d) => (d.dotAtEnd ? null : 'none'))
    .attr('cx', (d) => d.points[d.points.length - 1]?.[0] ?? 0)
    .attr('cy', (d) => d.points[d.points.length - 1]?.[1] ?? 0);
}

/** Draw free captions (plain text, hidden from assistive tech: the objects carry the names). */
export function drawCaptions<D, PE extends BaseType, PD>(
  parent: G<D, PE, PD>,
  captions: readonly Caption[],
): void {
  parent
    .selectAll<SVGTextElement, Caption>('text.caption')
    .data(captions, (d) => d.id)
    .join('text')
    .attr('class', 'caption')
    .attr('aria-hidden', 'true')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('font-size', (d) => d.line.size)
    .text((d) => d.line.text);
}

/**
 * Draw the outlines of a big drawing's small objects: one group per kind and tone, with the
 * classes the objects would have, so they look the same.
 */
export function drawFar<D, PE extends BaseType, PD>(
  parent: G<D, PE, PD>,
  far: readonly FarPath[],
): void {
  const joined = parent.selectAll<SVGGElement, FarPath>('g.far-obj').data(far, (d) => d.key);
  joined.exit().remove();
  const entered = joined.enter().append('g');
  entered.append('path').attr('class', 'shape');
  entered.merge(joined).order();
  // A path already drawn from the same outlines (a repaint of one cut) is left as it is.
  const changed = joined.select<SVGGElement>(function (d) {
    return (farFrom.get(this) === d ? null : this) as SVGGElement;
  });
  entered
    .merge(changed)
    .each(function (d) {
      farFrom.set(this, d);
    })
    .attr('class', (d) => `far-obj kind-${d.kind} tone-${d.tone}`)
    .attr('data-derived', (d) => (d.derived ? 'true' : null))
    .select('path')
    .attr('d', (d) => d.d);
}

/** Draw a big drawing's short connectors: one path per tone. */
export function drawFarLinks<D, PE extends BaseType, PD>(
  parent: G<D, PE, PD>,
  links: readonly { readonly tone: string; readonly d: string }[],
): void {
  parent
    .selectAll<SVGGElement, { tone: string; d: string }>('g.far-link')
    .data(links, (d) => d.tone)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'link far-link');
      g.append('path');
      return g;
    })
    .attr('data-tone', (d) => d.tone)
    .select('path')
    .attr('d', (d) => d.d);
}
