/**
 * The reachability matrix: who can reach whom, and which rule decided it. The JSON form of a
 * `MatrixDoc` is the CLI's `hnsviz.matrix/1` document.
 */
import type { OwnTokens } from './tokens';

export type MatrixProto = 'tcp' | 'udp' | 'icmp';

/** A row: a pod (or a dump's pod endpoint), a node's host, or the external client. */
export interface MatrixSource {
  /** Stable id: `pod:<pod id>`, `endpoint:<endpoint id>`, `host:<node id>`, `external:<id>`. */
  readonly id: string;
  readonly label: string;
  readonly kind: 'pod' | 'host' | 'external';
  readonly ip: string;
  /** Node name; null for the external client. */
  readonly node: string | null;
  readonly namespace: string | null;
  /** What `traceFlow` takes as `from`. */
  readonly from: string;
}

export type DestinationKind = 'service' | 'nodeport' | 'externalip' | 'pod' | 'dns' | 'internet';

/** A column: an address, port and protocol a packet is sent to. */
export interface MatrixDestination {
  /** Stable id: `<kind>:<ip>:<port>/<proto>` (port 0 for ICMP). */
  readonly id: string;
  readonly label: string;
  readonly kind: DestinationKind;
  readonly ip: string;
  readonly port: number;
  readonly proto: MatrixProto;
  readonly namespace: string | null;
  /** Node name for NodePorts and pods; null otherwise. */
  readonly node: string | null;
  /** What `traceFlow` takes as `to`. */
  readonly to: string;
}

/**
 * One cell. `assumed`: the trace delivered the packet only to the edge of what the topology
 * holds (a dump's uplink), so reaching the destination is an assumption.
 * `layer`/`group`/`rule`/`priority`: the rule that decided (the drop, else the last ACL or
 * rule that let it through); `backend`: the load-balancer backend `ip:port` chosen, if any.
 */
export interface MatrixCell {
  readonly verdict: 'delivered' | 'dropped' | 'assumed';
  readonly reason: string;
  /** Where the deciding hop happened: `<node> / <port or component> <IN|OUT>`. */
  readonly at: string | null;
  readonly layer: string | null;
  readonly group: string | null;
  readonly rule: string | null;
  readonly priority: number | null;
  readonly backend: string | null;
}

/** A row's entry for a cell not computed yet (a matrix still filling). */
export const PENDING_CELL = 0xffffffff;

/**
 * A computed matrix, compactly: `rows[s][d]` indexes `cells` (identical cells are shared, so
 * a 300 × 5,000 matrix holds a few thousand distinct cell objects). A cell whose texts name
 * its row's own source (its port, its address) is stored once for a whole source class as a
 * template (`templated`): read cells with `cellAt`, which fills in the row's source. The
 * verdict is never templated, so `cells[rows[s][d]].verdict` can be read directly.
 */
export interface Matrix {
  readonly topology: string;
  readonly sources: readonly MatrixSource[];
  readonly destinations: readonly MatrixDestination[];
  readonly cells: readonly MatrixCell[];
  /** Per cell: its texts hold `⟨role⟩` placeholders for the row's source (see `cellAt`). */
  readonly templated: readonly boolean[];
  /** Per source: its own tokens (null for hosts and the external client). */
  readonly tokens: readonly (OwnTokens | null)[];
  /** Per source; null until its first cells arrive, `PENDING_CELL` where not yet computed. */
  readonly rows: readonly (Uint32Array | null)[];
  /** Rows not complete yet, for a matrix still filling (absent: the rows that are null). */
  readonly pendingRows?: number;
  /** How the work went: classes, traces actually run, cells filled. */
  readonly stats: MatrixStats;
}

export interface MatrixStats {
  readonly sourceClasses: number;
  readonly destinations: number;
  readonly traces: number;
  readonly cells: number;
}

/** `hnsviz.matrix/1`. */
export interface MatrixDoc {
  readonly format: 'hnsviz.matrix/1';
  readonly topology: string;
  readonly sources: readonly Pick<MatrixSource, 'id' | 'label' | 'ip' | 'node'>[];
  readonly destinations: readonly Pick<
    MatrixDestination,
    'id' | 'label' | 'ip' | 'port' | 'proto' | 'kind'
  >[];
  readonly cells: readonly ({ readonly source: string; readonly destination: string } & Omit<
    MatrixCell,
    'at'
  > & { readonly at: string | null })[];
}
