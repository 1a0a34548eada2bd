/**
 * The drawing of the packet (`data-kind="packet"`), its trail, its callout and the lit objects.
 * Framework-free d3; both animators draw through this. Text only via `.text()`.
 */
import { select, type Selection } from 'd3-selection';
import './packet.css';
import type { Point, Stop } from './packet-route';
import type { PacketLook } from '../view-model/trace-format';

export interface PacketLayer {
  moveTo(p: Point): void;
  setLook(look: PacketLook | null): void;
  setCallout(visible: boolean): void;
  setTrail(points: readonly Point[]): void;
  light(stop: Stop | null): void;
  setState(attrs: { step: number; moving: boolean; at: string | null }): void;
  hide(): void;
  destroy(): void;
}

const cssId = (id: string): string => id.replace(/["\\]/g, '\\$&');

/** Create the packet layer inside `overlay` (a `<g>` in the zoomed viewport). */
export function createPacketLayer(overlay: SVGGElement): PacketLayer {
  const root = select(overlay);
  const viewport = overlay.parentElement;
  const trail = root.append('path').attr('class', 'packet-trail').attr('aria-hidden', 'true');
  const g: Selection<SVGGElement, unknown, null, undefined> = root
    .append('g')
    .attr('class', 'packet')
    .attr('data-kind', 'packet')
    .attr('data-id', 'packet')
    .attr('role', 'img')
    .attr('aria-label', 'Packet')
    .attr('display', 'none');
  // The glyph sits in its own group so themes can scale it (the outer <g> carries the position).
  const glyph = g.append('g').attr('class', 'packet-glyph');
  glyph
    .append('rect')
    .attr('class', 'packet-outer')
    .attr('x', -30)
    .attr('y', -21)
    .attr('width', 60)
    .attr('height', 42)
    .attr('rx', 9);
  glyph
    .append('rect')
    .attr('class', 'packet-inner')
    .attr('x', -21)
    .attr('y', -13)
    .attr('width', 42)
    .attr('height', 26)
    .attr('rx', 5);
  glyph.append('path').attr('class', 'packet-flap').attr('d', 'M-21,-13 L0,2 L21,-13');
  const callout = glyph
    .append('g')
    .attr('class', 'packet-callout')
    .attr('transform', 'translate(36,0)');
  callout
    .append('rect')
    .attr('class', 'packet-callout-bg')
    .attr('y', -17)
    .attr('height', 34)
    .attr('rx', 6);
  const calloutText = callout.append('text').attr('x', 10).attr('y', 8).attr('font-size', 22);
  let lit: Element[] = [];

  return {
    moveTo([x, y]) {
      g.attr('display', null).attr('transform', `translate(${x},${y})`);
    },
    setLook(look) {
      if (!look) return;
      g.classed('is-encap', look.encapsulated)
        .classed('is-dropped', look.dropped)
        .attr('data-phase', look.phase);
      g.select('.packet-outer').attr('display', look.encapsulated ? null : 'none');
      calloutText.text(look.callout);
      // Width estimate (no layout read): ~0.6 em per character at 22 units.
      callout.select('rect').attr('width', Math.max(40, look.callout.length * 14 + 22));
      callout.attr('display', look.callout ? null : 'none');
    },
    setCallout(visible) {
      callout.classed('is-hidden', !visible);
    },
    setTrail(points) {
      trail.attr(
        'd',
        points.length > 1 ? `M${points.map(([x, y]) => `${x},${y}`).join('L')}` : null,
      );
    },
    light(stop) {
      for (const el of lit) el.classList.remove('is-acting');
      lit = [];
      if (!stop || !viewport) return;
      for (const id of stop.lit) {
        const el = viewport.querySelector(`g.obj[data-id="${cssId(id)}"]`);
        if (el) {
          el.classList.add('is-acting');
          lit.push(el);
        }
      }
    },
    setState({ step, moving, at }) {
      g.attr('data-step', step)
        .attr('data-moving', String(moving))
        .attr('data-at', at ?? '');
    },
    hide() {
      g.attr('display', 'none');
      trail.attr('d', null);
      this.light(null);
    },
    destroy() {
      this.light(null);
      root.selectAll('*').remove();
    },
  };
}
