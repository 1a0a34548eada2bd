/**
 * The worker side of `dump/load`: read every input with `parseCluster` (one node or several,
 * attributed by evidence; `assign` is the user's reassignment), lint the result,
 * and report progress within each input (bytes or characters read, lines) on the way.
 * Pure apart from the `progress` callback.
 */
import { parseCluster } from '../cluster/index';
import { lintCluster } from '../lint/index';
import { MAX_INPUT_BYTES, ObjectBudget, type ParseInput } from '../parsers/index';
import { MAX_REQUEST_OBJECTS, type DumpInput, type DumpPhase, type ParsedDump } from './protocol';

export interface DumpProgress {
  readonly phase: DumpPhase;
  readonly done: number;
  readonly total: number;
  readonly input?: string;
  /** Lines of `input` read so far. */
  readonly lines?: number;
}

const sizeOf = (i: DumpInput): number => i.bytes?.byteLength ?? i.text?.length ?? 0;

/** Inputs with their Blobs read into ArrayBuffers (in the worker). */
export async function readBlobs(inputs: readonly DumpInput[]): Promise<DumpInput[]> {
  return Promise.all(
    inputs.map(async (i) => (i.blob ? { name: i.name, bytes: await i.blob.arrayBuffer() } : i)),
  );
}

/**
 * Parse and lint `inputs`; never throws for bad input (problems become diagnostics), only
 * `TooManyObjectsError` when the inputs hold more than `maxObjects` objects in all.
 */
export function loadDump(
  inputs: readonly DumpInput[],
  maxBytes: number = MAX_INPUT_BYTES,
  progress: (p: DumpProgress) => void = () => undefined,
  assign?: Readonly<Record<string, string>>,
  maxObjects: number = MAX_REQUEST_OBJECTS,
): ParsedDump {
  const sizes = inputs.map(sizeOf);
  const total = sizes.reduce((a, b) => a + b, 0);
  /** Units of the inputs before each one. */
  const before: number[] = [];
  let sum = 0;
  for (const n of sizes) {
    before.push(sum);
    sum += n;
  }
  let done = 0;
  const first = inputs[0];
  progress({ phase: 'parse', done, total, ...(first ? { input: first.name } : {}) });
  const parseIn: ParseInput[] = inputs.map((i) =>
    i.bytes !== undefined
      ? { name: i.name, bytes: new Uint8Array(i.bytes) }
      : { name: i.name, text: i.text ?? '' },
  );
  const result = parseCluster(parseIn, {
    maxBytes,
    objectBudget: new ObjectBudget(maxObjects),
    ...(assign ? { assign } : {}),
    // Within each input, as the parser reads it (bytes, or characters of pasted text).
    onRead: (p) => {
      const at = (before[p.input] ?? 0) + p.done;
      if (at < done) return;
      done = at;
      const input = inputs[p.input]?.name;
      progress({ phase: 'parse', done, total, lines: p.lines, ...(input ? { input } : {}) });
    },
  });
  progress({ phase: 'lint', done: total, total });
  const findings = lintCluster(result);
  return {
    topology: result.topology,
    inputs: result.inputs,
    diagnostics: result.diagnostics,
    findings,
    vfpGiven: result.vfpGiven,
    nodes: result.nodes,
    stitches: result.stitches,
  };
}
