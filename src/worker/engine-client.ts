/**
 * Main-thread client of the engine worker: typed requests with ids, an injectable port
 * (a Worker or a MessagePort), and restart-on-death that re-sends the loaded topology (or has a
 * held model's inputs read again).
 */
import type { Topology } from '../model/types';
import type { Trace, TraceRequest } from '../engine/types';
import type { TopologyDiff } from '../cluster/diff';
import type { SearchResult } from '../layout/search';
import { DumpAssembler } from './dump-pieces';
import { topologyPieces } from './topology-pieces';
import { nextTask } from './next-task';
import { EngineError } from './engine-error';
import { readModel } from './read-model';
import {
  PROTOCOL_VERSION,
  type DiffTotals,
  type DumpInput,
  type FromWorker,
  type ModelStream,
  type ParsedDump,
  type ToWorker,
} from './protocol';

export { EngineError };

/** Progress of a `loadDump` call (bytes of the inputs read, then the lint phase). */
export type DumpProgressEvent = Extract<FromWorker, { type: 'dump/progress' }>;

/** Anything with postMessage/addEventListener (Worker, MessagePort). */
export interface EnginePort {
  postMessage(msg: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: { data: FromWorker }) => void): void;
  addEventListener(type: 'error' | 'messageerror', fn: (e: unknown) => void): void;
  terminate?(): void;
}

/**
 * The watchdog's clock: calls `beat` every so often and returns a stop function. Injected so
 * tests drive it by hand; the app's default beats every 10 s.
 */
export type WatchdogClock = (beat: () => void) => () => void;

export interface EngineClientOptions {
  /** Beats of the watchdog without a word from a worker that owes answers before it is restarted. */
  readonly silentBeats?: number;
  readonly clock?: WatchdogClock;
  /**
   * Told when the worker failed and was restarted (the message says why). `inFlight` is how
   * many requests failed with it: 0 when the worker died idle, so no request reports it.
   */
  readonly onFault?: (message: string, fault: { readonly inFlight: number }) => void;
  /**
   * Told what became of a held model (`holdDump`) when its worker was restarted: read again
   * from its inputs in the new worker, or lost (the message says which inputs, and why).
   */
  readonly onHeld?: (event: HeldEvent) => void;
}

/**
 * What became of a held model across a restart of its worker. `reloading`: the new worker reads
 * its inputs again (requests that need it wait); `reloaded`: it holds the same model again;
 * `lost`: it holds none, and every request that needs it fails with this message
 * (`E_MODEL_LOST`) until another model is loaded.
 */
export interface HeldEvent {
  readonly state: 'reloading' | 'reloaded' | 'lost';
  readonly message: string;
}

/**
 * JSON characters per `model/part` of a diff's `before`: each piece is made (JSON.stringify) on
 * the page, which at 512 KiB took 30-60 ms a piece on a loaded machine; a quarter of it stays
 * well under the 50 ms of a long task.
 */
const BEFORE_PIECE_CHARS = 128 * 1024;

const intervalClock =
  (ms: number): WatchdogClock =>
  (beat) => {
    const t = setInterval(beat, ms);
    return () => clearInterval(t);
  };

/** What `holdDump` answers: how the inputs were read; the model stays in the worker. */
export type HeldDump = Pick<ParsedDump, 'inputs' | 'nodes' | 'vfpGiven'>;

/** A diff whose lists may be cut, with the counts of the whole. */
export type ListedDiff = TopologyDiff & { readonly totals: DiffTotals };

export interface EngineClient {
  setTopology(t: Topology): Promise<void>;
  trace(req: TraceRequest): Promise<Trace>;
  /**
   * What changed from `before` to the loaded model, computed in the worker; with `listed`, at
   * most that many of each list come back (`totals` counts them all). `before` goes in
   * `model/part` pieces, each made and posted in a task of its own (a cluster cloned in one
   * message held the page for over a second).
   */
  diff(before: Topology, opts?: { listed?: number }): Promise<ListedDiff>;
  /**
   * `diff` with the before model read from `port` (transferred), which another worker's
   * `sendModel` writes: the page neither sends nor reads it (`diffAgainstHeld`).
   */
  diffFrom(port: MessagePort, opts?: { listed?: number }): Promise<ListedDiff>;
  /** Write the loaded model to `port` (transferred), for another worker's `diffFrom`. */
  sendModel(port: MessagePort): Promise<void>;
  /**
   * Search the loaded model in the worker (`search/run`). The newest search wins: one is in
   * flight at a time, a search replaced by a newer one before its turn is never sent, and one
   * answered after a newer one was asked rejects with `E_CANCELLED` (its answer is stale).
   */
  search(query: string): Promise<SearchResult>;
  /**
   * Parse (and lint) dump inputs in the worker. Blobs/Files are read there; ArrayBuffers are
   * transferred (the caller's copies become detached). The result's topology becomes the
   * worker's loaded model.
   */
  loadDump(
    inputs: readonly DumpInput[],
    opts?: {
      maxBytes?: number;
      onProgress?: (p: DumpProgressEvent) => void;
      assign?: Readonly<Record<string, string>>;
      /** Scrub the result in the worker (`dump/load` `scrubKey`). */
      scrubKey?: readonly number[];
    },
  ): Promise<ParsedDump>;
  /**
   * `loadDump` whose model stays in the worker (`dump/load` `hold`): the page gets what the
   * inputs were read as, none of the model, which traces, diffs and searches there as after
   * `loadDump`; `fetchModel` brings it to the page when the page must draw it. The page has
   * no copy to give a worker restarted after this (a crash, the watchdog, `cancel`): the new
   * worker reads the same inputs again (Blobs and text are still here; transferred bytes are
   * not), and requests that need the model wait for it. When that cannot be done, the model is
   * lost: those requests fail with `E_MODEL_LOST`, whose message names the inputs (`onHeld`
   * tells either way).
   */
  holdDump(
    inputs: readonly DumpInput[],
    opts?: { maxBytes?: number; onProgress?: (p: DumpProgressEvent) => void },
  ): Promise<HeldDump>;
  /** The worker's loaded model, brought to the page in pieces (a task each, `model/send`). */
  fetchModel(): Promise<Topology>;
  /**
   * Stop whatever the worker is doing: it is terminated and a fresh one gets the last loaded
   * topology; requests in flight reject with `E_CANCELLED`.
   */
  cancel(): void;
  dispose(): void;
}

/** Create a client. `spawn` makes a fresh port; it is called again when the worker dies. */
export function createEngineClient(
  spawn: () => EnginePort,
  opts: EngineClientOptions = {},
): EngineClient {
  const silentBeats = opts.silentBeats ?? 12; // two minutes of silence with the default clock
  let quietBeats = 0;
  let seq = 0;
  let topology: Topology | null = null;
  const pending = new Map<
    string,
    {
      resolve: (m: FromWorker) => void;
      reject: (e: Error) => void;
      progress?: (m: DumpProgressEvent) => void;
      /** A `dump/load`'s pieces so far. */
      parts?: { readonly assembler: DumpAssembler; count: number };
    }
  >();
  /** The newest `search` asked, and the one before it settles first (one in flight). */
  let searchSeq = 0;
  let searchQueue: Promise<unknown> = Promise.resolve();
  /** Restarts so far, and why the last one happened (a request sent across one is lost). */
  let restarts = 0;
  let lastRestart: EngineError | null = null;
  /** The id of the liveness probe sent to an idle worker, while it is unanswered. */
  let probe: string | null = null;
  /**
   * The inputs of the held model (`holdDump`), to read them again in a restarted worker; null
   * when no model is held. `again` is false when they cannot be (transferred bytes).
   */
  let held: {
    readonly inputs: readonly DumpInput[];
    readonly maxBytes: number | undefined;
    readonly again: boolean;
  } | null = null;
  /** While a restarted worker reads the held inputs again (it never rejects). */
  let reloading: Promise<void> | null = null;
  /** The held model is gone: what requests that need it fail with. */
  let lost: EngineError | null = null;
  let port = connect();
  const stopClock = (opts.clock ?? intervalClock(10_000))(() => {
    // A worker that closed itself or hangs says nothing; one that works sends progress. An idle
    // worker owes nothing, so it is asked (an `init`, answered at once by a live worker): one
    // that closed itself or was killed while idle is found before the user's next request.
    if (pending.size === 0 && probe === null) {
      quietBeats = 0;
      probe = nextId();
      port.postMessage({ type: 'init', version: PROTOCOL_VERSION, requestId: probe });
    } else if (++quietBeats >= silentBeats)
      restart('E_WORKER_FAILED', `the worker did not answer for ${silentBeats} watchdog beats`);
  });

  function connect(): EnginePort {
    const p = spawn();
    p.addEventListener('message', (e: { data: FromWorker }) => {
      if (p !== port) return; // a terminated worker's last words
      quietBeats = 0;
      const m = e.data;
      const id = 'requestId' in m ? m.requestId : undefined;
      if (id !== undefined && id === probe) probe = null;
      const w = id ? pending.get(id) : undefined;
      if (!w || !id) return;
      if (m.type === 'dump/progress') {
        w.progress?.(m);
        return;
      }
      if (m.type === 'dump/part') {
        w.parts ??= { assembler: new DumpAssembler(), count: 0 };
        w.parts.assembler.add(m.piece);
        w.parts.count++;
        return;
      }
      pending.delete(id);
      if (m.type === 'error') w.reject(new EngineError(m.code, m.message));
      else if (m.type === 'dump/parsed') {
        const got = w.parts?.count ?? 0;
        if (got !== m.parts)
          w.reject(new EngineError('E_INTERNAL', `${got} of the dump's ${m.parts} parts came`));
        else w.resolve({ ...m, dump: (w.parts?.assembler ?? new DumpAssembler()).finish(m.dump) });
      } else w.resolve(m);
    });
    const died = (what: string) => () => {
      if (p === port) restart('E_WORKER_FAILED', what);
    };
    p.addEventListener('error', died('the worker crashed'));
    p.addEventListener('messageerror', died('a message from the worker could not be read'));
    p.postMessage({ type: 'init', version: PROTOCOL_VERSION, requestId: nextId() });
    return p;
  }
  /**
   * Fail what is in flight, replace the worker, and give the new one the loaded topology, or
   * the held model's inputs to read again.
   */
  function restart(code: 'E_WORKER_FAILED' | 'E_CANCELLED', why: string): void {
    const stopped = code === 'E_CANCELLED' ? 'was stopped' : `stopped (${why})`;
    // A worker that dies while it reads the held inputs again would die the same way again.
    const again = held !== null && held.again && reloading === null;
    if (held && !again)
      lose(
        held.inputs,
        held.again
          ? `its worker ${stopped} while it read the snapshot's files again`
          : `its worker ${stopped}, and its inputs went to that worker (the page kept no copy)`,
      );
    const message =
      code === 'E_CANCELLED'
        ? 'cancelled'
        : held && again
          ? `${why}; it was restarted and reads ${namesOf(held.inputs)} again`
          : lost && !topology
            ? `${why}; ${lost.message}`
            : `${why}; it was restarted with the current topology`;
    const failed = [...pending.values()];
    pending.clear();
    restarts++;
    lastRestart = new EngineError(code, message);
    quietBeats = 0;
    probe = null;
    reloading = null;
    port.terminate?.();
    port = connect();
    if (topology)
      void send({ type: 'model/set', requestId: nextId(), topology }).catch(() => undefined);
    else if (held && again) readAgain(held, stopped);
    for (const w of failed) w.reject(new EngineError(code, message));
    if (code === 'E_WORKER_FAILED') opts.onFault?.(message, { inFlight: failed.length });
  }
  /** The held model is gone: say so, and fail what needs it with that, located. */
  function lose(inputs: readonly DumpInput[], why: string): void {
    held = null;
    reloading = null;
    lost = new EngineError(
      'E_MODEL_LOST',
      `the snapshot ${namesOf(inputs)} is no longer loaded: ${why}. Import it again to trace or compare it`,
    );
    opts.onHeld?.({ state: 'lost', message: lost.message });
  }
  /** Read the held inputs again in the new worker; requests that need the model wait for it. */
  function readAgain(h: NonNullable<typeof held>, stopped: string): void {
    const at = restarts;
    opts.onHeld?.({
      state: 'reloading',
      message: `The worker holding the snapshot ${namesOf(h.inputs)} ${stopped}; it is reading the snapshot's files again.`,
    });
    reloading = send({
      type: 'dump/load',
      requestId: nextId(),
      inputs: h.inputs,
      ...(h.maxBytes !== undefined ? { maxBytes: h.maxBytes } : {}),
      hold: true,
    }).then(
      (m) => {
        if (restarts !== at || held !== h) return;
        reloading = null;
        if (m.type !== 'dump/parsed') return lose(h.inputs, `reading it again answered ${m.type}`);
        opts.onHeld?.({
          state: 'reloaded',
          message: `The worker holding the snapshot ${namesOf(h.inputs)} ${stopped}; the snapshot was read again from its files.`,
        });
      },
      (e: unknown) => {
        // A restart while reading (crash, cancel) decides in `restart`.
        if (restarts !== at || held !== h) return;
        const what = e instanceof Error ? e.message : String(e);
        lose(h.inputs, `its worker ${stopped} and its files could not be read again (${what})`);
      },
    );
  }
  /**
   * Before a request that needs the loaded model: wait for a held one read again, or fail.
   * Callers await it only when `reloading || lost`, so a request otherwise goes out in the
   * same task it was asked in (never to a worker restarted in between, before it holds the model).
   */
  async function modelReady(): Promise<void> {
    while (reloading) await reloading;
    if (lost) throw lost;
  }
  function nextId(): string {
    seq += 1;
    return `r${seq}`;
  }
  function send(
    msg: Exclude<ToWorker, { type: 'dispose' }>,
    transfer: Transferable[] = [],
    progress?: (m: DumpProgressEvent) => void,
  ): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      pending.set(msg.requestId, { resolve, reject, ...(progress ? { progress } : {}) });
      if (transfer.length > 0) port.postMessage(msg, transfer);
      else port.postMessage(msg);
    });
  }
  return {
    async setTopology(t) {
      // A held model read again in a new worker would land after this one: let it land first.
      if (reloading) await reloading;
      held = null;
      lost = null;
      topology = t;
      await send({ type: 'model/set', requestId: nextId(), topology: t });
    },
    async trace(request) {
      if (reloading || lost) await modelReady();
      const m = await send({ type: 'trace/run', requestId: nextId(), request });
      if (m.type !== 'trace/result') throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
      return m.trace;
    },
    async diff(before, opts = {}) {
      if (reloading || lost) await modelReady();
      const requestId = nextId();
      const { head, pieces } = topologyPieces(before, BEFORE_PIECE_CHARS);
      const at = restarts;
      let parts = 0;
      for (const piece of pieces) {
        if (restarts !== at) break;
        port.postMessage({ type: 'model/part', requestId, piece });
        parts++;
        await nextTask();
      }
      // The worker that got the first pieces was replaced: this request went with it.
      if (restarts !== at) throw lastRestart ?? new EngineError('E_CANCELLED', 'cancelled');
      const m = await send({
        type: 'diff/run',
        requestId,
        before: head,
        parts,
        ...(opts.listed !== undefined ? { listed: opts.listed } : {}),
      });
      if (m.type !== 'diff/result') throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
      return { ...m.diff, totals: m.totals };
    },
    async diffFrom(from, opts = {}) {
      if (reloading || lost)
        await modelReady().catch((e: unknown) => {
          // The other side reads this port too: close it, so it settles.
          from.close();
          throw e;
        });
      const m = await send(
        {
          type: 'diff/from',
          requestId: nextId(),
          port: from,
          ...(opts.listed !== undefined ? { listed: opts.listed } : {}),
        },
        [from],
      );
      if (m.type !== 'diff/result') throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
      return { ...m.diff, totals: m.totals };
    },
    async sendModel(to) {
      if (reloading || lost)
        await modelReady().catch((e: unknown) => {
          if (e instanceof EngineError) to.postMessage({ error: e.message } satisfies ModelStream);
          to.close();
          throw e;
        });
      const m = await send({ type: 'model/send', requestId: nextId(), port: to }, [to]);
      if (m.type !== 'model/sent') throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
    },
    search(query) {
      const mine = ++searchSeq;
      const stale = (): EngineError =>
        new EngineError('E_CANCELLED', 'a newer search replaced this one');
      const run = searchQueue
        .then(() => {
          if (mine !== searchSeq) throw stale();
          return reloading || lost ? modelReady() : undefined;
        })
        .then(() => {
          if (mine !== searchSeq) throw stale();
          return send({ type: 'search/run', requestId: nextId(), query });
        })
        .then((m) => {
          if (mine !== searchSeq) throw stale();
          if (m.type !== 'search/result')
            throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
          return m.result;
        });
      searchQueue = run.catch(() => undefined);
      return run;
    },
    async loadDump(inputs, opts = {}) {
      if (reloading) await reloading;
      const transfer = inputs.flatMap((i) => (i.bytes ? [i.bytes] : []));
      const m = await send(
        {
          type: 'dump/load',
          requestId: nextId(),
          inputs,
          ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
          ...(opts.assign !== undefined ? { assign: opts.assign } : {}),
          ...(opts.scrubKey !== undefined ? { scrubKey: opts.scrubKey } : {}),
        },
        transfer,
        opts.onProgress,
      );
      if (m.type !== 'dump/parsed') throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
      // The worker now holds this model; a trace after it needs no model/set.
      topology = m.dump.topology;
      held = null;
      lost = null;
      return m.dump;
    },
    async holdDump(inputs, opts = {}) {
      if (reloading) await reloading;
      const transfer = inputs.flatMap((i) => (i.bytes ? [i.bytes] : []));
      // Blobs and text can be read again by a restarted worker; transferred bytes cannot.
      const again = transfer.length === 0;
      const m = await send(
        {
          type: 'dump/load',
          requestId: nextId(),
          inputs,
          ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
          hold: true,
        },
        transfer,
        opts.onProgress,
      );
      if (m.type !== 'dump/parsed') throw new EngineError('E_INTERNAL', `unexpected ${m.type}`);
      // The worker holds a model the page does not: a restarted one reads the inputs again.
      topology = null;
      held = { inputs: [...inputs], maxBytes: opts.maxBytes, again };
      lost = null;
      return { inputs: m.dump.inputs, nodes: m.dump.nodes, vfpGiven: m.dump.vfpGiven };
    },
    async fetchModel() {
      if (reloading || lost) await modelReady();
      const { port1, port2 } = new MessageChannel();
      const read = readModel(port2);
      // A sender without a model writes its error to the port, so `read` settles too.
      const [model] = await Promise.all([
        read,
        send({ type: 'model/send', requestId: nextId(), port: port1 }, [port1]),
      ]);
      return model;
    },
    cancel() {
      if (pending.size > 0) restart('E_CANCELLED', 'cancelled');
    },
    dispose() {
      stopClock();
      port.postMessage({ type: 'dispose' });
      port.terminate?.();
    },
  };
}

/** Input names for a message: the first three, and how many more. */
function namesOf(inputs: readonly DumpInput[]): string {
  const names = inputs.map((i) => i.name);
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/**
 * What changed from the model another worker holds (`send` writes it to a port: that worker's
 * `sendModel`) to the one `client`'s worker holds: the two workers talk over a channel of their
 * own, so the page neither makes nor reads the before model's pieces.
 */
export async function diffAgainstHeld(
  client: EngineClient,
  send: (port: MessagePort) => Promise<void>,
  opts: { listed?: number } = {},
): Promise<ListedDiff> {
  const { port1, port2 } = new MessageChannel();
  const diffed = client.diffFrom(port2, opts);
  // A sender that fails writes its error to the port, so `diffed` settles too.
  const [diff] = await Promise.all([diffed, send(port1)]);
  return diff;
}
