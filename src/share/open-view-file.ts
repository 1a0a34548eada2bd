/**
 * The way back in: a dropped or picked file that hnsviz wrote (an exported SVG with its view
 * state in `<metadata>`, a `.json` view state from the share dialog, or a model JSON) becomes
 * a validated view state. Everything is untrusted; nothing here throws.
 */
import { parseViewState, VIEW_FORMAT, type ViewState } from './view-state';

/** Id of the `<metadata>` element that carries the view state. */
export const SVG_STATE_ID = 'hnsviz-view-state';

/**
 * The view state embedded in an SVG file's text, as untrusted JSON (validate it with
 * `parseViewState`), or null when there is none. Never throws; runs no script of the file.
 */
export function readSvgState(text: string): unknown {
  try {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return null;
    const meta = [...doc.getElementsByTagName('metadata')].find(
      (m) => m.getAttribute('id') === SVG_STATE_ID,
    );
    return meta?.textContent ? (JSON.parse(meta.textContent) as unknown) : null;
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

/** Read a `File` (size-capped) and import it. */
export async function importViewFile(
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
