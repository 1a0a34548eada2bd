/**
 * Engine worker: the message handler (testable through a MessageChannel) and, when loaded as
 * a module worker, the thin adapter wiring it to the worker global.
 */
import { assertNever } from '../shared/assert-never';
import { diffTopologies } from '../cluster/diff';
import { search } from '../layout/search';
import { traceFlow } from '../engine/trace';
import { TraceInputError } from '../engine/types';
import type { Topology } from '../model/types';
import { TooManyObjectsError } from '../parsers/index';
import { splitDump } from './dump-pieces';
import { loadDump, readBlobs } from './load-dump';
import { scrubDump } from './scrub-dump';
import { TopologyAssembler, topologyPieces } from './topology-pieces';
import {
  MAX_QUERY_CHARS,
  MAX_REQUEST_BYTES,
  PROTOCOL_VERSION,
  type DumpInput,
  type FromWorker,
  type ModelStream,
  type ParsedDump,
  type ToWorker,
} from './protocol';
import { formatSize } from '../shared/size';

/** A message is untrusted data: check its shape without narrowing its declared type. */
const isList = (v: unknown): boolean => Array.isArray(v);

/** The answer to a request that needs a loaded model when none is. */
const noTopology = (requestId: string): FromWorker => ({
  type: 'error',
  code: 'E_NO_TOPOLOGY',
  message: 'no topology loaded',
  requestId,
});

/** `diff/result`: what changed from `before` to `after`, each list cut at `listed`. */
function diffResult(
  requestId: string,
  before: Topology,
  after: Topology,
  listed: number | undefined,
): FromWorker {
  const diff = diffTopologies(before, after);
  const totals = {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
  };
  const cut =
    listed === undefined
      ? diff
      : {
          ...diff,
          added: diff.added.slice(0, listed),
          removed: diff.removed.slice(0, listed),
          changed: diff.changed.slice(0, listed),
        };
  return { type: 'diff/result', requestId, diff: cut, totals };
}

/** Create a handler with its own state (the loaded topology). */
export function createHandler(post: (m: FromWorker) => void): (msg: ToWorker) => void {
  let topology: Topology | null = null;
  /** The pieces of topologies that requests still in progress will complete, by request. */
  const incoming = new Map<string, { readonly assembler: TopologyAssembler; count: number }>();
  return (msg) => {
    try {
      switch (msg.type) {
        case 'init':
          if (msg.version !== PROTOCOL_VERSION)
            return post({
              type: 'error',
              code: 'E_PROTOCOL_VERSION',
              message: `protocol ${msg.version} ≠ ${PROTOCOL_VERSION}`,
              requestId: msg.requestId,
            });
          return post({ type: 'ready', version: PROTOCOL_VERSION, requestId: msg.requestId });
        case 'model/set':
          topology = msg.topology;
          return post({
            type: 'model/loaded',
            requestId: msg.requestId,
            topologyId: msg.topology.id,
          });
        case 'trace/run':
          if (!topology) return post(noTopology(msg.requestId));
          return post({
            type: 'trace/result',
            requestId: msg.requestId,
            trace: traceFlow(topology, msg.request),
          });
        case 'model/part': {
          const got = incoming.get(msg.requestId) ?? {
            assembler: new TopologyAssembler(),
            count: 0,
          };
          incoming.set(msg.requestId, got);
          got.assembler.add(msg.piece);
          got.count++;
          return;
        }
        case 'diff/run': {
          const got = incoming.get(msg.requestId);
          incoming.delete(msg.requestId);
          if (msg.parts !== undefined && (got?.count ?? 0) !== msg.parts)
            return post({
              type: 'error',
              code: 'E_BAD_ARGUMENT',
              message: `${got?.count ?? 0} of the before model's ${msg.parts} parts came`,
              requestId: msg.requestId,
            });
          if (!topology) return post(noTopology(msg.requestId));
          const before =
            msg.parts !== undefined && got ? got.assembler.finish(msg.before) : msg.before;
          return post(diffResult(msg.requestId, before, topology, msg.listed));
        }
        case 'model/send': {
          const { requestId, port } = msg;
          const out = (m: ModelStream): void => port.postMessage(m);
          if (!topology) {
            out({ error: 'no topology loaded' });
            port.close();
            return post(noTopology(requestId));
          }
          // Here, not on the page: the pieces are made in this worker and read in the other.
          const { head, pieces } = topologyPieces(topology);
          let parts = 0;
          for (const piece of pieces) {
            out({ piece });
            parts++;
          }
          out({ head, parts });
          port.close();
          return post({ type: 'model/sent', requestId, parts });
        }
        case 'diff/from': {
          const { requestId, port, listed } = msg;
          const after = topology;
          if (!after) {
            port.close();
            return post(noTopology(requestId));
          }
          const assembler = new TopologyAssembler();
          let count = 0;
          port.addEventListener('message', (e: MessageEvent<ModelStream>) => {
            const m = e.data;
            if ('piece' in m) {
              assembler.add(m.piece);
              count++;
              return;
            }
            port.close();
            try {
              if ('error' in m)
                return post({
                  type: 'error',
                  code: 'E_NO_TOPOLOGY',
                  message: `the before model could not be read: ${m.error}`,
                  requestId,
                });
              if (count !== m.parts)
                return post({
                  type: 'error',
                  code: 'E_BAD_ARGUMENT',
                  message: `${count} of the before model's ${m.parts} parts came`,
                  requestId,
                });
              post(diffResult(requestId, assembler.finish(m.head), after, listed));
            } catch (err) {
              post({
                type: 'error',
                code: 'E_INTERNAL',
                message: err instanceof Error ? err.message : String(err),
                requestId,
              });
            }
          });
          port.start();
          return;
        }
        case 'search/run': {
          const { requestId, query } = msg;
          if (typeof query !== 'string' || query.length > MAX_QUERY_CHARS)
            return post({
              type: 'error',
              code: 'E_BAD_ARGUMENT',
              message:
                typeof query === 'string'
                  ? `the search holds ${query.length} characters; at most ${MAX_QUERY_CHARS} are searched`
                  : 'search/run needs a query string',
              requestId,
            });
          if (!topology) return post(noTopology(requestId));
          // `search` indexes the model once (cached per topology object) and reuses the index.
          return post({
            type: 'search/result',
            requestId,
            topologyId: topology.id,
            result: search(topology, query),
          });
        }
        case 'dump/load': {
          const inputs: readonly DumpInput[] = msg.inputs;
          if (!isList(inputs) || inputs.length === 0)
            return post({
              type: 'error',
              code: 'E_BAD_ARGUMENT',
              message: 'dump/load needs at least one input',
              requestId: msg.requestId,
            });
          const { requestId, maxBytes, maxObjects, assign, scrubKey, hold } = msg;
          const size = inputs.reduce(
            (n, i) => n + (i.blob?.size ?? i.bytes?.byteLength ?? (i.text?.length ?? 0) * 2),
            0,
          );
          if (size > MAX_REQUEST_BYTES)
            return post({
              type: 'error',
              code: 'E_TOO_LARGE',
              message: `the inputs hold ${formatSize(size)}; one import may read at most ${formatSize(MAX_REQUEST_BYTES)}`,
              requestId,
            });
          const run = (inputs: readonly DumpInput[]): void => {
            let dump: ParsedDump;
            try {
              dump = loadDump(
                inputs,
                maxBytes,
                (p) => post({ type: 'dump/progress', requestId, ...p }),
                assign,
                maxObjects,
              );
            } catch (e) {
              // Too many objects: this request fails alone; the loaded model stays.
              if (!(e instanceof TooManyObjectsError)) throw e;
              return post({ type: 'error', code: 'E_TOO_LARGE', message: e.message, requestId });
            }
            if (scrubKey) dump = scrubDump(dump, scrubKey);
            topology = dump.topology;
            // In pieces: the page reads each message in a task of its own (dump-pieces.ts).
            const { head, pieces } = splitDump(dump);
            // Held: the page gets the head; the pieces are never made.
            if (hold === true)
              return post({ type: 'dump/parsed', requestId, dump: head, parts: 0 });
            let parts = 0;
            for (const piece of pieces) {
              post({ type: 'dump/part', requestId, piece });
              parts++;
            }
            post({ type: 'dump/parsed', requestId, dump: head, parts });
          };
          if (!inputs.some((i) => i.blob)) return run(inputs);
          // Files and Blobs are read here, off the main thread.
          void readBlobs(inputs)
            .then(run)
            .catch((e: unknown) =>
              post({
                type: 'error',
                code: 'E_INTERNAL',
                message: `could not read the input: ${e instanceof Error ? e.message : String(e)}`,
                requestId,
              }),
            );
          return;
        }
        case 'dispose':
          topology = null;
          return;
        default:
          return assertNever(msg);
      }
    } catch (e) {
      const requestId = 'requestId' in msg ? msg.requestId : undefined;
      const code = e instanceof TraceInputError ? 'E_BAD_ARGUMENT' : 'E_INTERNAL';
      post({
        type: 'error',
        code,
        message: e instanceof Error ? e.message : String(e),
        ...(requestId ? { requestId } : {}),
      });
    }
  };
}

declare const self: DedicatedWorkerGlobalScope | undefined;
// IMPORTANT: only wire up inside a real worker; tests import createHandler under Node.
if (
  typeof self !== 'undefined' &&
  typeof self.postMessage === 'function' &&
  typeof (globalThis as { document?: unknown }).document === 'undefined'
) {
  const handle = createHandler((m) => self.postMessage(m));
  self.addEventListener('message', (e: MessageEvent<ToWorker>) => handle(e.data));
}
