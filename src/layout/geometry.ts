/**
 * View-model geometry: the types the layout produces and the renderer draws, and the fixed
 * measurements (world units) of the layout. Pure data, no DOM.
 */

/** Every kind of domain object the topology drawing shows (the `data-kind` attribute). */
export type DrawnKind =
  | 'node'
  | 'vswitch'
  | 'network'
  | 'endpoint'
  | 'pod'
  | 'port'
  | 'layer'
  | 'group'
  | 'rule'
  | 'host-stack'
  | 'winnat'
  | 'kube-proxy'
  | 'external'
  | 'wire'
  | 'load-balancer';

/**
 * Semantic zoom: `cluster` shows nodes, pods and networks; `node` adds port and layer labels;
 * `port` is the node view plus the groups and rules of the expanded port.
 */
export type ZoomLevel = 'cluster' | 'node' | 'port';

/** An axis-aligned rectangle in world units (y grows downwards). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * How a text line is styled. `title`/`label` stay visible at every zoom level; `detail` and
 * `mono` lines are hidden in the cluster view, where they would be too small to read;
 * `overview` lines are shown in the cluster view only (in place of the details they summarise).
 */
export type TextRole = 'title' | 'label' | 'detail' | 'mono' | 'badge' | 'overview' | 'far';

/** One line of text, positioned relative to its item's box (baseline at `dy`). */
export interface TextLine {
  readonly text: string;
  readonly dx: number;
  readonly dy: number;
  readonly role: TextRole;
  /** Font size in world units. */
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** A drawn domain object: where it is, what it says, and how it is coloured. */
export interface LayoutItem {
  /** The domain id (or a synthetic id such as `host-stack:<nodeId>`); unique in a layout. */
  readonly id: string;
  readonly kind: DrawnKind;
  readonly box: Box;
  /** Accessible name, e.g. `Pod a1, 10.244.1.10, on win-a`. */
  readonly ariaLabel: string;
  /** Short human name (pod name, layer name), used by tests and tooltips. */
  readonly name: string;
  /** Colour category, rendered as a `tone-<tone>` class (see render/styles.css). */
  readonly tone: string;
  readonly lines: readonly TextLine[];
  /** Corner radius. */
  readonly radius: number;
  /** Derived by hnsviz (from HNS policies) rather than read from the input; drawn dashed. */
  readonly derived?: boolean;
}

/** A decorative connector (not a domain object), e.g. endpoint → port. */
export interface LinkLine {
  readonly id: string;
  readonly points: readonly (readonly [number, number])[];
  readonly tone: string;
  /** Small dot at the last point (where a port meets the vSwitch bar). */
  readonly dotAtEnd: boolean;
}

/** A caption at an absolute position. */
export interface Caption {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly line: TextLine;
}

/** The positions of everything drawn for one topology. Deterministic for a given input. */
export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  /** In paint order: containers first, then what sits on them. */
  readonly items: readonly LayoutItem[];
  readonly links: readonly LinkLine[];
  /** Free captions (not objects), e.g. "Remote endpoints". */
  readonly captions: readonly Caption[];
  readonly byId: Readonly<Record<string, LayoutItem>>;
  /** The text scale it was laid out for (1: the default themes; see `measures`). */
  readonly textScale: number;
  /**
   * The underlay's wires: the one each node (by name, as hops name it) hangs off, the one the
   * external hosts hang off, and the x of the bus joining the rows' wires.
   */
  readonly wires?: {
    readonly byNode: Readonly<Record<string, string>>;
    readonly externals: string;
    readonly busX: number;
  };
}

/** Options of `layoutTopology`. */
export interface LayoutOptions {
  /**
   * Text size relative to the default themes (projector: 1.75). Text grows by this factor and
   * the boxes grow just enough to hold it, so text gains on the drawing once it is fitted.
   * Default 1: exactly the default measurements `M`.
   */
  readonly textScale?: number;
}

/** Fixed measurements, in world units. Positions are keyed by node name and pod name only. */
export const M = {
  pad: 24,
  nodeGap: 90,
  hostW: 300,
  slotW: 210,
  header: 76,
  compY: 84,
  compH: 236,
  podH: 116,
  epY: 340,
  epH: 58,
  portY: 420,
  portHead: 34,
  stackMax: 224,
  layerRow: 26,
  bar1Y: 700,
  barH: 46,
  bar2Y: 758,
  lowerY: 836,
  extStackMax: 104,
  nodeH: 1010,
  underlayGap: 70,
  externalsGap: 120,
  externalW: 340,
  externalH: 104,
} as const;

/** The measurements of one layout: `M`'s keys, plus `text`, the factor for font sizes. */
export type Measures = { readonly [K in keyof typeof M]: number } & { readonly text: number };

/** The default measurements (text scale 1). */
export const DEFAULT_MEASURES: Measures = { ...M, text: 1 };

/**
 * Measurements for a text scale. Scale 1 gives exactly `M`. Otherwise text grows by `s` and the
 * boxes grow just enough to hold it (heights faster than widths, which bound the fitted view);
 * every position still depends on fixed numbers only (the node origin and pod rank), never on
 * counts, so a design switch moves no pod within a theme.
 */
export function measures(textScale = 1): Measures {
  const s = Number.isFinite(textScale) ? Math.min(Math.max(textScale, 1), 2.5) : 1;
  if (s === 1) return DEFAULT_MEASURES;
  const g = s - 1;
  const r = Math.round;
  const header = r(M.header + 16 * g);
  const compY = header + (M.compY - M.header);
  const compH = r(M.compH + 80 * g);
  const epY = compY + compH + (M.epY - M.compY - M.compH);
  const epH = r(M.epH + 36 * g);
  const portY = epY + epH + (M.portY - M.epY - M.epH);
  const portHead = r(M.portHead * s);
  const stackMax = r(M.stackMax * (1 + g / 4));
  const bar1Y = portY + portHead + stackMax + (M.bar1Y - M.portY - M.portHead - M.stackMax);
  const barH = r(M.barH + 20 * g);
  const bar2Y = bar1Y + barH + (M.bar2Y - M.bar1Y - M.barH);
  const lowerY = bar2Y + barH + r((M.lowerY - M.bar2Y - M.barH) * (1 + g));
  return {
    ...M,
    text: s,
    hostW: r(M.hostW + 200 * g),
    slotW: r(M.slotW + 20 * g),
    header,
    compY,
    compH,
    podH: r(M.podH + 40 * g),
    epY,
    epH,
    portY,
    portHead,
    stackMax,
    layerRow: r(M.layerRow * s),
    bar1Y,
    barH,
    bar2Y,
    lowerY,
    extStackMax: r(M.extStackMax * s),
    nodeH: lowerY + r((M.nodeH - M.lowerY) * (1 + g * 0.8)),
    underlayGap: r(M.underlayGap * (1 - g / 2)),
    externalsGap: r(M.externalsGap * (1 - g / 2)),
    externalW: r(M.externalW + 200 * g),
    externalH: r(M.externalH + 80 * g),
  };
}

/** Font size `size` (at text scale 1) for the measurements `m`. */
export function fontSize(m: Measures, size: number): number {
  return m.text === 1 ? size : Math.round(size * m.text * 10) / 10;
}

/**
 * Nodes per row. Fixed, so a node's place depends only on the nodes before it; ten keeps a
 * 100-node cluster about as wide as it is tall (a dumped node is roughly square).
 */
export const NODES_PER_ROW = 10;

/** How many rows of nodes the drawing of `nodeCount` nodes has. */
export function nodeRows(nodeCount: number): number {
  return Math.ceil(nodeCount / NODES_PER_ROW);
}

/** Synthetic ids for drawn objects the model keeps inside a node rather than in a table. */
export const syntheticId = {
  hostStack: (nodeId: string) => `host-stack:${nodeId}`,
  winnat: (nodeId: string) => `winnat:${nodeId}`,
  kubeProxy: (nodeId: string) => `kube-proxy:${nodeId}`,
  uplink: (nodeId: string) => `wire:${nodeId}`,
  externalWire: (externalId: string) => `wire:${externalId}`,
  underlay: 'wire:underlay',
  /** The underlay wire of row `i` (> 0) of nodes; row 0's is `underlay`. */
  underlayRow: (i: number) => `wire:underlay:row-${i + 1}`,
  /** The bus joining the rows' underlay wires. */
  underlayBus: 'wire:underlay:bus',
} as const;

/** Centre point of a box. */
export function centre(b: Box): readonly [number, number] {
  return [b.x + b.w / 2, b.y + b.h / 2];
}

/** The smallest box containing all boxes (an empty box at 0,0 when there are none). */
export function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
