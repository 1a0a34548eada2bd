/**
 * The way back in: a dropped or picked file that hnsviz wrote (an exported SVG with its view
 * state in `<metadata>`, a `.json` view state from the share dialog, or a model JSON) becomes
 * a validated view state. Everything is untrusted; nothing here throws.
 */
import { parseViewState, VIEW_FORMAT, type ViewState } from './view-state';

/** Id of the `<metadata>` element that carries the view state. */
export const SVG_STATE_ID = 'hnsviz-view-state';

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** XML character data back to text: entities, character references and CDATA sections. */
function xmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
            if (e[0] !== '#') return ENTITIES[e] ?? m;
            const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
            return code <= 0x10ffff ? String.fromCodePoint(code) : m;
          }),
    )
    .join('');
}

/**
 * The view state embedded in an SVG file's text, as untrusted JSON (validate it with
 * `parseViewState`), or null when there is none. Read as text, without an XML parser, so that
 * it runs in a worker too (DOMParser exists only on the main thread); nothing of the file
 * runs. Never throws.
 */
export function readSvgState(text: string): unknown {
  try {
    const open = new RegExp(`<metadata\\b[^>]*\\bid=(["'])${SVG_STATE_ID}\\1[^>]*>`).exec(text);
    if (!open) return null;
    const from = open.index + open[0].length;
    const to = text.indexOf('</metadata>', from);
    if (to < 0) return null;
    const body = xmlText(text.slice(from, to)).trim();
    return body ? (JSON.parse(body) as unknown) : null;
  } catch {
    return null;
  }
}

/** Files larger than this are refused before reading. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export type ImportResult =
  | { readonly ok: true; readonly state: ViewState }
  | { readonly ok: false; readonly message: string };

const refuse = (name: string, why: string): ImportResult => ({
  ok: false,
  message: `${name}: ${why}`,
});

/** Read the text of a file hnsviz exported. */
export function importViewText(
  name: string,
  text: string,
  knownScenarios: readonly string[],
): ImportResult {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  let value: unknown;
  if (body.startsWith('<')) {
    value = readSvgState(body);
    if (value === null)
      return refuse(name, 'this SVG carries no hnsviz view (was it exported by hnsviz?)');
  } else {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return refuse(name, 'not an hnsviz SVG or JSON file');
    }
  }
  const format =
    typeof value === 'object' && value !== null && 'format' in value ? value.format : undefined;
  if (format === 'hnsviz.model/1')
    value = { format: VIEW_FORMAT, source: { kind: 'dump', topology: value, scrubbed: false } };
  else if (format !== VIEW_FORMAT) return refuse(name, 'not an hnsviz view or model');
  const r = parseViewState(value, knownScenarios);
  return r.ok ? { ok: true, state: r.state } : refuse(name, r.problem.message);
}

/** Read a `File` (size-capped) and import it, on this thread. */
export async function importViewFileHere(
  file: File,
  knownScenarios: readonly string[],
): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return refuse(file.name, `larger than ${MAX_IMPORT_BYTES / 1048576} MiB`);
  try {
    return importViewText(file.name, await file.text(), knownScenarios);
  } catch {
    return refuse(file.name, 'could not be read');
  }
}

/** Start the worker that opens one file (view-file.worker.ts). */
function spawnViewFileWorker(): Worker {
  if (typeof Worker === 'undefined') throw new Error('no workers');
  return new Worker(new URL('./view-file.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hnsviz-view-file',
  });
}

/**
 * Read a `File` (size-capped) and import it in a worker of its own (a 30 MB SVG or a big view
 * file is read, parsed and validated off the main thread: the page hands the `File` over and
 * never reads it), falling back to this thread where no worker can start (jsdom, an embed
 * whose script comes from another origin). `spawn` is for tests.
 */
export function importViewFile(
  file: File,
  knownScenarios: readonly string[],
  spawn: () => Worker = spawnViewFileWorker,
): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return Promise.resolve(refuse(file.name, `larger than ${MAX_IMPORT_BYTES / 1048576} MiB`));
  let worker: Worker;
  try {
    worker = spawn();
  } catch {
    return importViewFileHere(file, knownScenarios);
  }
  return new Promise<ImportResult>((resolve) => {
    worker.onmessage = (e: MessageEvent<ImportResult>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(importViewFileHere(file, knownScenarios));
    };
    worker.postMessage({ file, knownScenarios: [...knownScenarios] });
  });
}
