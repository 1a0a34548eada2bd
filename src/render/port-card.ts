/** Draws the expanded port's card (groups and rules) over the topology. */
import type { Selection } from 'd3-selection';
import type { PortDetailLayout } from '../layout/port-detail';
import { drawItems } from './draw-items';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Heading = PortDetailLayout['headings'][number];

/** Render `detail` into `parent`, or clear it when null. */
export function drawPortCard(parent: G, detail: PortDetailLayout | null): void {
  const card = parent
    .selectAll<SVGGElement, PortDetailLayout>('g.port-card')
    .data(detail ? [detail] : [], (d) => d.portId)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'port-card');
      g.append('rect').attr('class', 'card-frame');
      g.append('text').attr('class', 'card-title');
      g.append('g').attr('class', 'card-headings').attr('aria-hidden', 'true');
      g.append('g').attr('class', 'card-items');
      return g;
    });
  card
    .select('rect.card-frame')
    .attr('x', (d) => d.box.x)
    .attr('y', (d) => d.box.y)
    .attr('width', (d) => d.box.w)
    .attr('height', (d) => d.box.h)
    .attr('rx', 12);
  card
    .select('text.card-title')
    .attr('x', (d) => d.box.x + 16)
    .attr('y', (d) => d.box.y + 36)
    .text('Layers → groups → rules');
  if (!detail) return;
  {
    const d = detail;
    const headings = card
      .select<SVGGElement>('g.card-headings')
      .selectAll<SVGGElement, Heading>('g.heading')
      .data(d.headings)
      .join((enter) => {
        const h = enter.append('g').attr('class', 'heading');
        h.append('rect');
        h.append('text');
        return h;
      })
      .attr('class', (h) => `heading tone-${h.tone}`)
      .attr('transform', (h) => `translate(${h.box.x},${h.box.y})`);
    headings
      .select('rect')
      .attr('width', (h) => h.box.w)
      .attr('height', (h) => h.box.h)
      .attr('rx', 4);
    headings
      .select('text')
      .attr('x', (h) => h.line.dx)
      .attr('y', (h) => h.line.dy)
      .attr('font-size', (h) => h.line.size)
      .attr('class', (h) => `line line-${h.line.role}`)
      .text((h) => h.line.text);
    drawItems(card.select<SVGGElement>('g.card-items'), d.items);
  }
}
