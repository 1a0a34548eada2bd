/**
 * THE worker contract (style.md §3.5): versioned message unions, request ids, one error envelope.
 * Shared by engine.worker.ts and engine-client.ts; data only.
 */
import type { Topology } from '../model/types';
import type { Trace, TraceRequest } from '../engine/types';

export const PROTOCOL_VERSION = 1;

export const ERROR_CODES = [
  'E_PROTOCOL_VERSION',
  'E_NO_TOPOLOGY',
  'E_BAD_ARGUMENT',
  'E_INTERNAL',
  'E_NOT_IMPLEMENTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ToWorker =
  | { readonly type: 'init'; readonly version: number; readonly requestId: string }
  | { readonly type: 'model/set'; readonly requestId: string; readonly topology: Topology }
  | { readonly type: 'trace/run'; readonly requestId: string; readonly request: TraceRequest }
  /** Reserved for the parser helper: parse dump files in the worker (answers `dump/parsed`). */
  | {
      readonly type: 'dump/load';
      readonly requestId: string;
      readonly files: readonly { readonly name: string; readonly text: string }[];
    }
  | { readonly type: 'dispose' };

export type FromWorker =
  | { readonly type: 'ready'; readonly version: number; readonly requestId: string }
  | { readonly type: 'model/loaded'; readonly requestId: string; readonly topologyId: string }
  | { readonly type: 'trace/result'; readonly requestId: string; readonly trace: Trace }
  | {
      readonly type: 'dump/parsed';
      readonly requestId: string;
      readonly topology: Topology;
      readonly diagnostics: readonly unknown[];
    }
  | {
      readonly type: 'error';
      readonly code: ErrorCode;
      readonly message: string;
      readonly requestId?: string;
      readonly details?: unknown;
    };
