/**
 * The topology drawing as an SVG string, without a browser: the same layout as the app
 * (`layoutTopology`), painted with the light theme's colours as presentation attributes (no
 * CSS, no `style=`), at the node zoom level (titles, labels and details; no cluster overview
 * lines). With a trace, the objects it passes are outlined and numbered in hop order and the
 * path is drawn through them. Used by `hnsviz export`; pure (no DOM), so it runs in node.
 */
import type { Trace } from '../engine/types';
import type { LayoutItem, LinkLine, TextLine } from '../layout/geometry';
import { layoutTopology } from '../layout/layout-topology';
import type { Topology } from '../model/types';

/** The light theme of src/render/topology.css, resolved to plain colours. */
const INK = '#18202b';
const INK_SOFT = '#4a5565';
const CANVAS = '#f4f6f9';
const FONT = "'Inter', 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";
const MONO = "'Cascadia Mono', 'DejaVu Sans Mono', Consolas, 'Liberation Mono', monospace";
const TONES: Readonly<Record<string, string>> = {
  l2bridge: '#0072b2',
  overlay: '#cc79a7',
  nat: '#e69f00',
  transparent: '#009e73',
  neutral: '#7a8594',
  acl: '#d55e00',
  lb: '#e69f00',
  vnet: '#0072b2',
  encap: '#cc79a7',
  allow: '#009e73',
  block: '#d55e00',
  userspace: '#d55e00',
  kernel: '#009e73',
  pod: '#009e73',
};
const PATH = '#0b57d0';
const DROP = '#d55e00';

/** `color-mix(in srgb, colour p%, white)`. */
function tint(hex: string, p: number): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${c
    .map((v) =>
      Math.round(v * p + 255 * (1 - p))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * Characters XML 1.0 cannot hold at all (C0 controls but tab, newline and CR; U+FFFE/FFFF; lone
 * surrogates): they become U+FFFD, so a hostile name cannot make the file unreadable.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escape text for an XML text node or a double-quoted attribute. */
export function xml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

type Attrs = Readonly<Record<string, string | number | null | undefined>>;

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xml(String(v))}"`)
    .join('');
}

/** Fill, stroke, width and dashes of an item's shape (topology.css, light theme). */
function shapePaint(d: LayoutItem): Attrs {
  const tone = TONES[d.tone] ?? TONES.neutral!;
  let p: Record<string, string | number | null> = {
    fill: tint(tone, 0.12),
    stroke: tone,
    'stroke-width': 2,
  };
  switch (d.kind) {
    case 'node':
      p = { fill: '#ffffff', stroke: '#b9c2cf', 'stroke-width': 3 };
      break;
    case 'host-stack':
      p = { fill: '#eef1f6', stroke: '#8d98a8', 'stroke-width': 2 };
      break;
    case 'kube-proxy':
    case 'winnat':
      p = { fill: '#ffffff', stroke: tone, 'stroke-width': 3 };
      break;
    case 'pod':
      p = { fill: tint(tone, 0.14), stroke: tone, 'stroke-width': 3 };
      break;
    case 'endpoint':
      p = { fill: '#ffffff', stroke: tone, 'stroke-width': 2.5 };
      if (d.tone === 'neutral') p['stroke-dasharray'] = '6 4';
      break;
    case 'port':
      p = { fill: '#fbfcfd', stroke: '#6b7686', 'stroke-width': 2 };
      break;
    case 'layer':
      p = { fill: tint(tone, 0.45), stroke: 'none' };
      break;
    case 'vswitch':
      p = { fill: d.tone === 'internal' ? '#5b6778' : '#2e3a4b', stroke: 'none' };
      break;
    case 'network':
      p = { fill: tint(tone, 0.8), stroke: '#ffffff', 'stroke-width': 2 };
      break;
    case 'wire':
      p = { fill: '#56606e', stroke: 'none' };
      break;
    case 'external':
      p = { fill: '#ffffff', stroke: '#56606e', 'stroke-width': 3, 'stroke-dasharray': '10 6' };
      break;
    case 'load-balancer':
      p['stroke-width'] = 2.5;
      break;
    case 'group':
      p = { fill: '#f1f3f6', stroke: 'none' };
      break;
    case 'rule':
      p = { fill: tint(tone, 0.14), stroke: 'none' };
      break;
  }
  if (d.derived)
    Object.assign(p, { stroke: '#6b7686', 'stroke-width': 2, 'stroke-dasharray': '5 4' });
  return p;
}

function textLine(l: TextLine, x: number, y: number, kind: LayoutItem['kind'] | null): string {
  const fill =
    kind === 'vswitch'
      ? '#ffffff'
      : kind === 'network'
        ? '#0d1117'
        : l.role === 'detail' || l.role === 'overview'
          ? INK_SOFT
          : null;
  const weight =
    l.role === 'title' ? 700 : l.role === 'label' || l.role === 'overview' ? 600 : null;
  const mono = l.role === 'mono' || l.role === 'badge' ? MONO : null;
  return `<text${attrs({ x, y, 'font-size': l.size, 'text-anchor': l.anchor === 'start' ? null : l.anchor, fill, 'font-weight': weight, 'font-family': mono })}>${xml(l.text)}</text>`;
}

function item(d: LayoutItem, mark: { n: number; dropped: boolean } | null): string {
  const shape = shapePaint(d);
  const outline = mark
    ? { stroke: mark.dropped ? DROP : PATH, 'stroke-width': 5, 'stroke-dasharray': null }
    : {};
  const lines = d.lines
    .filter((l) => l.role !== 'overview' && l.role !== 'far')
    .map((l) => textLine(l, l.dx, l.dy, d.kind));
  return [
    `<g${attrs({ 'data-kind': d.kind, 'data-id': d.id, transform: `translate(${d.box.x},${d.box.y})` })}>`,
    `<title>${xml(d.ariaLabel)}</title>`,
    `<rect${attrs({ width: d.box.w, height: d.box.h, rx: d.radius, ...shape, ...outline })}/>`,
    ...lines,
    '</g>',
  ].join('');
}

function link(l: LinkLine): string {
  const last = l.points[l.points.length - 1];
  const d = `M${l.points.map(([x, y]) => `${x},${y}`).join('L')}`;
  return (
    `<path${attrs({ d, fill: 'none', stroke: '#8d98a8', 'stroke-width': 3 })}/>` +
    (l.dotAtEnd && last
      ? `<circle${attrs({ cx: last[0], cy: last[1], r: 6, fill: '#ffffff', stroke: '#2e3a4b', 'stroke-width': 3 })}/>`
      : '')
  );
}

export interface StaticSvgOptions {
  /** Outline and number the objects this trace passes, in hop order, and draw its path. */
  readonly trace?: Trace | null;
  /** The drawing's accessible name (default: the topology's title). */
  readonly title?: string;
}

/**
 * The whole topology as a standalone SVG document (UTF-8, `width`/`height` in world units).
 *
 * @example
 * writeFileSync('cluster.svg', topologyToSvg(buildScenario('new-l2bridge')));
 */
export function topologyToSvg(topology: Topology, options: StaticSvgOptions = {}): string {
  const layout = layoutTopology(topology);
  const trace = options.trace ?? null;
  // The drawn objects a trace passes, first visit first, and the path through their centres.
  const marks = new Map<string, { n: number; dropped: boolean }>();
  const path: [number, number][] = [];
  if (trace) {
    const last = trace.hops.length - 1;
    trace.hops.forEach((h, i) => {
      const d = h.objectId === null ? undefined : layout.byId[h.objectId];
      if (!d) return;
      const dropped = trace.verdict === 'dropped' && i === last;
      const m = marks.get(d.id);
      if (!m) marks.set(d.id, { n: marks.size + 1, dropped });
      else if (dropped) m.dropped = true;
      const c: [number, number] = [d.box.x + d.box.w / 2, d.box.y + d.box.h / 2];
      const prev = path[path.length - 1];
      if (!prev || prev[0] !== c[0] || prev[1] !== c[1]) path.push(c);
    });
  }
  const { width, height } = layout;
  const title = options.title ?? topology.title;
  const body: string[] = [
    `<rect width="100%" height="100%" fill="${CANVAS}"/>`,
    ...layout.links.map(link),
    ...layout.items.map((d) => item(d, marks.get(d.id) ?? null)),
    // Captions: soft ink, semibold (the `overview` role's paint).
    ...layout.captions.map((c) => textLine({ ...c.line, role: 'overview' }, c.x, c.y, null)),
  ];
  if (path.length > 1)
    body.push(
      `<path${attrs({ d: `M${path.map(([x, y]) => `${x},${y}`).join('L')}`, fill: 'none', stroke: PATH, 'stroke-width': 4, 'stroke-opacity': 0.7, 'stroke-dasharray': '12 6' })}/>`,
    );
  for (const [id, m] of marks) {
    const d = layout.byId[id]!;
    const x = d.box.x + d.box.w - 4;
    const y = d.box.y + 4;
    body.push(
      `<g aria-hidden="true"><circle${attrs({ cx: x, cy: y, r: 13, fill: m.dropped ? DROP : PATH })}/><text${attrs({ x, y: y + 5, 'font-size': 14, 'font-weight': 700, 'text-anchor': 'middle', fill: '#ffffff' })}>${m.n}</text></g>`,
    );
  }
  if (trace)
    body.push(
      `<text${attrs({ x: 24, y: 28, 'font-size': 20, 'font-weight': 700, fill: trace.verdict === 'dropped' ? DROP : INK })}>${xml(`${trace.request.proto} ${trace.request.from} → ${trace.request.to}: ${trace.verdict} (${trace.reason})`)}</text>`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, 'font-family': FONT, fill: INK })}>`,
    `<title>${xml(title)}</title>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
