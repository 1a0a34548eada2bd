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
 * `mono` lines are hidden in the cluster view, where they would be too small to read.
 */
export type TextRole = 'title' | 'label' | 'detail' | 'mono' | 'badge';

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

/** Synthetic ids for drawn objects the model keeps inside a node rather than in a table. */
export const syntheticId = {
  hostStack: (nodeId: string) => `host-stack:${nodeId}`,
  winnat: (nodeId: string) => `winnat:${nodeId}`,
  kubeProxy: (nodeId: string) => `kube-proxy:${nodeId}`,
  uplink: (nodeId: string) => `wire:${nodeId}`,
  externalWire: (externalId: string) => `wire:${externalId}`,
  underlay: 'wire:underlay',
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
