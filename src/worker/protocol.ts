/**
 * THE worker contract (style.md §3.5): versioned message unions, request ids, one error envelope.
 * Shared by engine.worker.ts and engine-client.ts; data only.
 */
import type { Topology, TopologyTable } from '../model/types';
import type { Trace, TraceRequest } from '../engine/types';
import type { Finding } from '../lint/types';
import type { ClusterNode, Stitch } from '../cluster/index';
import type { TopologyDiff } from '../cluster/diff';
import type { Diagnostic, InputInfo } from '../parsers/index';
import type { SearchResult } from '../layout/search';

/**
 * The most one `dump/load` may read (all inputs together): above it the request fails alone
 * with `E_TOO_LARGE` instead of the worker running out of memory.
 */
export const MAX_REQUEST_BYTES = 512 * 1024 * 1024;

/**
 * The most objects one `dump/load` may read (the HNS objects and vfpctrl blocks of all its
 * inputs): past it the parse stops and the request fails alone with `E_TOO_LARGE`, before the
 * model it would build runs the worker (or, once posted, the tab) out of memory.
 *
 * Why 500,000: a node's HNS holds at most one endpoint per pod of its cluster and a load
 * balancer per service port, and Kubernetes is tested up to 150,000 pods and 10,000 services
 * per cluster, so a real dump stays far below it; the 200,000-endpoint import (the bench's
 * `import200kEndpoints*`, about 1 KiB of model per endpoint) passes with 2.5x room. At the cap
 * the model is about 0.5 GiB in the worker, and as much again on the main thread once posted,
 * which a tab survives; a few million objects would not.
 */
export const MAX_REQUEST_OBJECTS = 500_000;

/**
 * The longest `search/run` query: longer than any IP, MAC, GUID or object name, short enough
 * that a pasted page of text is refused at once rather than matched against every name.
 */
export const MAX_QUERY_CHARS = 1000;

/**
 * 2: `dump/load` carries bytes (transferred) or text and answers `dump/progress` + `dump/parsed`.
 * 3: the parsed dump comes in `dump/part` pieces before `dump/parsed`.
 * 4: `search/run`; `diff/run`'s `before` may come in `model/part` pieces.
 * 5: `model/send` and `diff/from`: one worker's model diffed in another, worker to worker.
 * 6: `dump/load` `hold`: the parsed model stays in the worker; only the dump's head comes back.
 */
export const PROTOCOL_VERSION = 6;

export const ERROR_CODES = [
  'E_PROTOCOL_VERSION',
  'E_NO_TOPOLOGY',
  'E_BAD_ARGUMENT',
  'E_INTERNAL',
  'E_NOT_IMPLEMENTED',
  /** The request would allocate more than one may (`MAX_REQUEST_BYTES`, `MAX_REQUEST_OBJECTS`). */
  'E_TOO_LARGE',
  /** Client side: the worker crashed, closed or went silent and was restarted. */
  'E_WORKER_FAILED',
  /** Client side: the request was cancelled (the worker was restarted). */
  'E_CANCELLED',
  /**
   * Client side: the model a worker held (`dump/load` `hold`) went with it when it was
   * restarted, and its inputs could not be read again: the message names them.
   */
  'E_MODEL_LOST',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ToWorker =
  | { readonly type: 'init'; readonly version: number; readonly requestId: string }
  | { readonly type: 'model/set'; readonly requestId: string; readonly topology: Topology }
  | { readonly type: 'trace/run'; readonly requestId: string; readonly request: TraceRequest }
  /**
   * Parse dump inputs in the worker (parseInputs + lintTopology). Answers zero or more
   * `dump/progress`, then `dump/parsed` (even for garbage: problems are diagnostics) or `error`.
   * The parsed topology also becomes the worker's loaded model (as after `model/set`).
   */
  | {
      readonly type: 'dump/load';
      readonly requestId: string;
      readonly inputs: readonly DumpInput[];
      /** Per-input byte limit (default: the parsers' MAX_INPUT_BYTES). */
      readonly maxBytes?: number;
      /** Objects the whole request may read (default `MAX_REQUEST_OBJECTS`). */
      readonly maxObjects?: number;
      /** Input name → node (host name or node id): the user's reassignment (src/cluster). */
      readonly assign?: Readonly<Record<string, string>>;
      /**
       * Scrub the result with this key before posting it (`scrubDump`): the page then never
       * holds the real data nor spends a task on scrubbing the whole model.
       */
      readonly scrubKey?: readonly number[];
      /**
       * Keep the parsed model here and send none of it: `dump/parsed` carries the dump's head
       * alone (tables and lists emptied, `parts` 0). The page reads the model later, if ever,
       * with `model/send` (a snapshot kept for a diff: the page needs it only to draw it).
       */
      readonly hold?: boolean;
    }
  /**
   * What changed from `before` to the loaded model (`diffTopologies`, src/cluster): computed
   * here, off the page. Answers `diff/result`. With `parts`, `before` is a head (its tables
   * emptied, `topology-pieces.ts`) and its tables came in that many `model/part` messages of
   * the same request before it: the page never clones a whole cluster in one task.
   */
  | {
      readonly type: 'diff/run';
      readonly requestId: string;
      readonly before: Topology;
      readonly parts?: number;
      /**
       * Answer at most this many of each of `added`, `removed` and `changed` (the page lists
       * a few hundred; a cluster's whole diff can be thousands of changed objects, which the
       * page would read in one long task); `totals` still counts them all.
       */
      readonly listed?: number;
    }
  /** Some entries of one table of the topology the request `requestId` completes. */
  | { readonly type: 'model/part'; readonly requestId: string; readonly piece: DumpPiece }
  /**
   * Send the loaded model over `port` (transferred) as `ModelStream` messages: its pieces, then
   * its head (`topology-pieces.ts`), or an error. Answers `model/sent`. With `diff/from` in
   * another worker on the channel's other end, a model one worker holds is diffed in another
   * and the page reads none of it.
   */
  | { readonly type: 'model/send'; readonly requestId: string; readonly port: MessagePort }
  /**
   * `diff/run` with the before model read from `port` (transferred; `model/send` of another
   * worker writes it): answers `diff/result` once its head came, against the model loaded when
   * this message came.
   */
  | {
      readonly type: 'diff/from';
      readonly requestId: string;
      readonly port: MessagePort;
      readonly listed?: number;
    }
  /**
   * The search box's query (`search` of src/layout) over the loaded model, so the page never
   * scans a whole cluster: the object index is built here once per model and reused. Answers
   * `search/result` with at most `MAX_RESULTS` hits. The client keeps one in flight and drops
   * the answers of queries a newer one replaced.
   */
  | { readonly type: 'search/run'; readonly requestId: string; readonly query: string }
  | { readonly type: 'dispose' };

export type FromWorker =
  | { readonly type: 'ready'; readonly version: number; readonly requestId: string }
  | { readonly type: 'model/loaded'; readonly requestId: string; readonly topologyId: string }
  | { readonly type: 'trace/result'; readonly requestId: string; readonly trace: Trace }
  | {
      readonly type: 'diff/result';
      readonly requestId: string;
      /** The diff, its lists cut to `listed` entries when the request said so. */
      readonly diff: TopologyDiff;
      readonly totals: DiffTotals;
    }
  /** The hits of `search/run`, and the id of the model they were found in. */
  | {
      readonly type: 'search/result';
      readonly requestId: string;
      readonly topologyId: string;
      readonly result: SearchResult;
    }
  | {
      readonly type: 'dump/progress';
      readonly requestId: string;
      readonly phase: DumpPhase;
      /** Bytes of the inputs read so far, of `total` (monotonic; `done === total` at the end). */
      readonly done: number;
      readonly total: number;
      /** The input being read (phase `parse`). */
      readonly input?: string;
      /** Lines of `input` read so far (phase `parse`, once its reading has started). */
      readonly lines?: number;
    }
  /** `model/send` is done: the model went over the port in `parts` pieces and a head. */
  | { readonly type: 'model/sent'; readonly requestId: string; readonly parts: number }
  /** Part of the parsed dump (`dump-pieces.ts`): one message, one main-thread task to read. */
  | { readonly type: 'dump/part'; readonly requestId: string; readonly piece: DumpPiece }
  /**
   * Closes `dump/load`: the dump with its tables and lists emptied (`splitDump`'s head); they
   * came in the `parts` `dump/part` messages before it.
   */
  | {
      readonly type: 'dump/parsed';
      readonly requestId: string;
      readonly dump: ParsedDump;
      readonly parts: number;
    }
  | {
      readonly type: 'error';
      readonly code: ErrorCode;
      readonly message: string;
      readonly requestId?: string;
      readonly details?: unknown;
    };

/**
 * One dump input: a Blob/File (read in the worker: the main thread never touches the bytes),
 * raw bytes (an ArrayBuffer, transferred, not copied) or pasted text.
 */
export interface DumpInput {
  readonly name: string;
  readonly blob?: Blob;
  readonly bytes?: ArrayBuffer;
  readonly text?: string;
}

/** How many objects the whole diff added, removed and changed (its lists may be cut). */
export interface DiffTotals {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** What `dump/progress` reports: parsing an input, then linting the merged node. */
export type DumpPhase = 'parse' | 'lint';

/** The answer to `dump/load`: what `parseInputs` found plus the lint findings. */
export interface ParsedDump {
  readonly topology: Topology;
  readonly inputs: readonly InputInfo[];
  readonly diagnostics: readonly Diagnostic[];
  readonly findings: readonly Finding[];
  readonly vfpGiven: boolean;
  /** The nodes the inputs were attributed to, with the evidence (one entry for one node). */
  readonly nodes: readonly ClusterNode[];
  /** Remote endpoints linked to the pods they stand for on other nodes. */
  readonly stitches: readonly Stitch[];
  /** True when already scrubbed (`scrubDump`), e.g. by the worker for a `dump/load` `scrubKey`. */
  readonly scrubbed?: boolean;
}

/** Topology tables and dump lists that cross in `dump/part` pieces (`dump-pieces.ts`). */
export type PieceTable = TopologyTable;
export type PieceList = 'diagnostics' | 'findings' | 'stitches';

/**
 * One piece: some entries of one table (in the table's order), as the JSON text of an object,
 * or some items of one list, as the JSON text of an array.
 */
export type DumpPiece =
  | { readonly table: PieceTable; readonly json: string }
  | { readonly list: PieceList; readonly json: string };

/** What `model/send` writes to its port, and `diff/from` reads from its own. */
export type ModelStream =
  | { readonly piece: DumpPiece }
  | { readonly head: Topology; readonly parts: number }
  | { readonly error: string };
