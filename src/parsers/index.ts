/**
 * Public API of the dump parsers: `parseInputs(inputs, opts)` reads any mix of HNS dumps and
 * returns one merged `Topology`, what was detected per input, and located diagnostics.
 * Never throws: every failure becomes a diagnostic (only a spent `objectBudget` stops the call).
 */

import { fitModelLimits, MAX_MODEL_STRING, MAX_RAW_DEPTH } from '../model/limits';
import { programVfp } from '../model/program-vfp';
import type { Topology } from '../model/types';
import { buildTopology } from './build/build';
import type { VfpInput } from './build/build-vfp';
import { cleanUp } from './decode/cleanup';
import {
  decodeBytesRaw,
  decodeTextRaw,
  normaliseNewlines,
  type Decoded,
  type Encoding,
} from './decode/decode';
import { DiagSink, type Diagnostic } from './diagnostics';
import { locateObjects } from './formats/fast-json';
import { adoptIdless, emptyMerged, mergeInto, type FieldConflict } from './normalise/merge';
import { countUnknownFields } from './normalise/known-fields';
import { IdMemo, normalise } from './normalise/normalise';
import { emptyExtracted, type Extracted, type RawObject } from './formats/raw';
import { scanDoc } from './formats/scan';
import { addHost, emptyHostInput } from './formats/host-text';
import { sniffName } from './formats/file-names';
import {
  countLines,
  READ_PROGRESS_STEP,
  ReadTracker,
  type ReadProgress,
} from './formats/read-progress';
import { TooManyObjectsError, type ObjectBudget, type ReadCount } from './object-budget';
import { formatSize } from '../shared/size';

export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';
export type { FieldConflict } from './normalise/merge';
export { CATALOGUE } from './diagnostics';
export type { ReadProgress } from './formats/read-progress';
export { ObjectBudget, TooManyObjectsError } from './object-budget';

export { deriveVfpWithin, derivedRulesEstimate, MAX_DERIVED_RULES_ESTIMATE } from './derive-vfp';
import { MAX_DERIVED_RULES_ESTIMATE } from './derive-vfp';

/** Inputs larger than this are refused (the browser tab would not survive them). */
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;

export interface ParseInput {
  readonly name: string;
  readonly bytes?: Uint8Array;
  readonly text?: string;
}

export interface ParseOptions {
  /** Refuse inputs above this many bytes (default `MAX_INPUT_BYTES`, 128 MiB). */
  readonly maxBytes?: number;
  /** Derive VFP rules from HNS policies for ports without vfpctrl data (default true). */
  readonly deriveVfp?: boolean;
  /** Called after each input with (inputs done, inputs total). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called while an input is read: how much of it (bytes, or characters for text) and how many
   * lines, every `readStep` units (default `READ_PROGRESS_STEP`) and once at its end. The
   * result is the same with or without it.
   */
  readonly onRead?: (p: ReadProgress) => void;
  readonly readStep?: number;
  /**
   * Count every object read (HNS objects and vfpctrl blocks) against this budget; when it is
   * spent the parse stops and `TooManyObjectsError` is thrown (the one exception that leaves
   * `parseInputs`). Shared by the calls of one request; none by default.
   */
  readonly objectBudget?: ObjectBudget;
}

export interface InputInfo {
  readonly name: string;
  /** What was found, e.g. `format-list`, `hnsdiag-table+vfpctrl-rules`, `unknown`, `refused`. */
  readonly format: string;
  readonly encoding: Encoding | 'none';
  readonly newline: Decoded['newline'] | 'none';
  readonly objects: number;
}

export interface ParseResult {
  readonly topology: Topology;
  readonly inputs: InputInfo[];
  readonly diagnostics: Diagnostic[];
  /** Fields on which inputs disagreed (used by the lint's v1/v2 check). */
  readonly conflicts: FieldConflict[];
  /** True when any input held vfpctrl layer/group/rule output. */
  readonly vfpGiven: boolean;
}

const KNOWN_KINDS =
  'Get-HnsNetwork/Endpoint/PolicyList output (JSON or list view), HCN v2 JSON, hnsdiag list, vfpctrl listings, kube-proxy/flannel/docker log lines with JSON';

type Emit = (raw: RawObject) => void;

/** Decode, sniff and scan one input; objects go to `emit` as they are found. */
function readInput(
  input: ParseInput,
  sink: DiagSink,
  maxBytes: number,
  emit: Emit,
  track?: ReadTracker,
  count?: ReadCount,
): { decoded: Decoded | null; extracted: Extracted; refused: boolean } {
  const size = input.bytes?.length ?? input.text?.length ?? 0;
  if (size > maxBytes) {
    sink.add(
      'E_TOO_LARGE',
      0,
      0,
      `input is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}`,
      {
        hint: 'split the dump (one command per file) or remove log lines around the HNS output',
      },
    );
    return { decoded: null, extracted: emptyExtracted(), refused: true };
  }
  const raw =
    input.bytes !== undefined ? decodeBytesRaw(input.bytes) : decodeTextRaw(input.text ?? '');
  const name = sniffName(input.name);
  if (name.skip) {
    sink.add('I_SKIPPED', 0, 0, `${name.label ?? input.name} holds no HNS objects; skipped`);
    return { decoded: normaliseNewlines(raw), extracted: emptyExtracted(), refused: false };
  }
  // A big CRLF JSON dump is read as it is (normalising would copy it once more); anything
  // else, and a CRLF text the fast path does not take, is normalised first.
  const crlf = raw.newline === 'crlf';
  track?.over(raw.text.length);
  let fast = crlf
    ? locateObjects(raw.text, name.hint, sink, emit, true, undefined, track, count)
    : null;
  const decoded = fast !== null ? raw : normaliseNewlines(raw);
  if (fast === null) track?.over(decoded.text.length);
  fast ??= locateObjects(decoded.text, name.hint, sink, emit, false, undefined, track, count);
  if (fast !== null) {
    const extracted = emptyExtracted();
    extracted.renderings.add(fast);
    return { decoded, extracted, refused: false };
  }
  const doc = cleanUp(decoded.text, sink);
  const extracted = scanDoc(doc, sink, name.hint, track, count);
  for (const raw of extracted.objects) emit(raw);
  return { decoded, extracted, refused: false };
}

const MEMO = new IdMemo();

export function parseInputs(inputs: readonly ParseInput[], opts: ParseOptions = {}): ParseResult {
  try {
    return parseAll(inputs, opts);
  } finally {
    MEMO.clear();
  }
}

function parseAll(inputs: readonly ParseInput[], opts: ParseOptions): ParseResult {
  const maxBytes = opts.maxBytes ?? MAX_INPUT_BYTES;
  const sinks = new Map<string, DiagSink>();
  const sinkFor = (name: string): DiagSink => {
    let s = sinks.get(name);
    if (!s) sinks.set(name, (s = new DiagSink(name)));
    return s;
  };
  const infos: InputInfo[] = [];
  const merged = emptyMerged();
  const vfp: VfpInput[] = [];
  const host = emptyHostInput();
  let n = 0;
  const seq = (): number => ++n;
  // The memo is emptied after the parse, not dropped: its shape stays alive, so the optimised
  // code that reads it survives the GCs between imports (a fresh instance per call would lose
  // its hidden class in every full GC, and the hot normaliser with it).
  const memo = MEMO;
  inputs.forEach((input, k) => {
    const sink = sinkFor(input.name);
    try {
      let objects = 0;
      const unknown = new Map<string, number>();
      const budget = opts.objectBudget;
      const emit = (raw: RawObject): void => {
        budget?.take(input.name);
        const norm = normalise(raw, input.name, sink, seq, memo);
        if (norm === null) return;
        if (raw.rendering !== 'hnsdiag-table' && raw.rendering !== 'hnsdiag-blocks') {
          countUnknownFields(raw.value, norm.kind, unknown);
        }
        mergeInto(merged, norm, sinkFor);
        objects++;
      };
      const size = input.bytes?.length ?? input.text?.length ?? 0;
      const track = opts.onRead
        ? new ReadTracker(k, size, opts.readStep ?? READ_PROGRESS_STEP, opts.onRead)
        : undefined;
      // Counted as the readers read, before anything is built: an input of millions of tiny
      // values stops at the first past the budget instead of being read whole first.
      const count: ReadCount | undefined = budget
        ? (n, line) => budget.read(input.name, n, line)
        : undefined;
      const { decoded, extracted, refused } = readInput(input, sink, maxBytes, emit, track, count);
      budget?.take(input.name, extracted.vfp.length);
      track?.end(decoded ? countLines(decoded.text) : 0);
      if (unknown.size > 0) {
        const list = [...unknown].map(([k, n]) => (n > 1 ? `${k} (${n}×)` : k));
        sink.add(
          'I_UNKNOWN_FIELD',
          0,
          0,
          `fields hnsviz does not use: ${list.slice(0, 20).join(', ')}${list.length > 20 ? ', …' : ''}`,
        );
      }
      for (const v of extracted.vfp) vfp.push({ ...v, input: input.name });
      addHost(host, extracted.host, input.name);
      const format = refused
        ? 'refused'
        : extracted.renderings.size > 0
          ? [...extracted.renderings].join('+')
          : 'unknown';
      if (
        format === 'unknown' &&
        decoded !== null &&
        !sink.list.some((d) => d.severity === 'error' || d.code === 'I_SKIPPED')
      ) {
        const firstLine = decoded.text.split('\n').findIndex((l) => l.trim() !== '');
        // One located message says more than a list of skipped lines.
        for (let k = sink.list.length - 1; k >= 0; k--)
          if (sink.list[k]?.code === 'W_UNPARSED_LINES') sink.list.splice(k, 1);
        sink.add(
          'E_UNKNOWN_FORMAT',
          firstLine < 0 ? 0 : firstLine + 1,
          firstLine < 0 ? 0 : 1,
          firstLine < 0 ? 'the input is empty' : 'no HNS objects found in this input',
          {
            expected: KNOWN_KINDS,
            hint: 'paste the output of Get-HnsNetwork, Get-HnsEndpoint, hnsdiag list all or vfpctrl as printed',
          },
        );
      }
      if (
        format !== 'unknown' &&
        format !== 'refused' &&
        objects + extracted.vfp.length === 0 &&
        sink.list.length === 0
      ) {
        sink.add('I_NO_OBJECTS', 0, 0, `recognised ${format} output, but it lists no objects`);
      }
      infos.push({
        name: input.name,
        format,
        encoding: decoded?.encoding ?? 'none',
        newline: decoded?.newline ?? 'none',
        objects: objects + extracted.vfp.length,
      });
    } catch (e) {
      if (e instanceof TooManyObjectsError) throw e; // the whole request stops, not this input
      sink.add(
        'E_INTERNAL',
        0,
        0,
        `parser failure: ${e instanceof Error ? e.message : String(e)}`,
        {
          hint: 'please report this input; other inputs were still read',
        },
      );
      infos.push({
        name: input.name,
        format: 'unknown',
        encoding: 'none',
        newline: 'none',
        objects: 0,
      });
    }
    opts.onProgress?.(k + 1, inputs.length);
  });
  let topology: Topology;
  // Tables of the topology already checked against the model limits while built.
  const checked = new Set<unknown>();
  try {
    adoptIdless(merged, sinkFor);
    topology = buildTopology(
      merged,
      vfp,
      inputs.map((i) => i.name),
      host,
      checked,
    );
    if (opts.deriveVfp !== false) {
      const local = Object.values(topology.ports).filter((p) => p.layerIds.length === 0).length;
      // One load balancer per merged id (an id `__proto__` is not an own key of the table).
      const lbCount = merged.loadBalancers.has('__proto__')
        ? Object.keys(topology.loadBalancers).length
        : merged.loadBalancers.size;
      const estimate = local * (lbCount + 10);
      if (estimate <= MAX_DERIVED_RULES_ESTIMATE) topology = programVfp(topology);
      else {
        sinkFor(inputs[0]?.name ?? 'input').add(
          'I_VFP_DEFERRED',
          0,
          0,
          `VFP rules were not derived for ${local} ports (about ${estimate} rules); they are derived per port on demand`,
        );
      }
    }
  } catch (e) {
    checked.clear();
    sinkFor(inputs[0]?.name ?? 'input').add(
      'E_INTERNAL',
      0,
      0,
      `building the topology failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    topology = buildTopology(
      emptyMerged(),
      [],
      inputs.map((i) => i.name),
    );
  }
  // Whatever is built must fit the bounds a link or an exported file can carry back in.
  const fitted = fitModelLimits(topology, checked);
  if (fitted.report.strings + fitted.report.cuts > 0)
    sinkFor(inputs[0]?.name ?? 'input').add(
      'W_VALUE_CUT',
      0,
      0,
      `${fitted.report.strings} value(s) longer than ${MAX_MODEL_STRING} characters shortened, ${fitted.report.cuts} policy JSON value(s) cut below ${MAX_RAW_DEPTH} levels`,
    );
  topology = fitted.topology;
  return {
    topology,
    inputs: infos,
    diagnostics: [...sinks.values()].flatMap((s) => s.list),
    conflicts: merged.conflicts,
    vfpGiven: vfp.some((v) => v.kind !== 'port'),
  };
}
