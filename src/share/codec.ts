/**
 * The link codec: a view state ⇄ the URL fragment `#view=<payload>[&embed=1]`.
 *
 * payload = base64url(deflate-raw(UTF-8(JSON(compactViewState(state))))), via fflate.
 * Decoding is for untrusted input: the payload is length-capped before anything else, the
 * inflate is streamed and stopped at `MAX_STATE_BYTES` (no decompression bombs), and the JSON
 * is validated by `parseViewState`. Nothing here throws.
 */
import { deflateSync, Inflate } from 'fflate';
import { firstOverfullList, tooManyEntries } from '../model/limits';
import { MAX_IMPORT_BYTES } from './open-view-file';
import {
  compactViewState,
  parseViewState,
  type ViewState,
  type ViewStateProblem,
} from './view-state';

/** Fragment key of the state payload. */
export const VIEW_KEY = 'view';
/**
 * Longest payload a link may carry, in characters. Browsers take far more (Chromium ~2 MB),
 * but chat tools, mail clients and issue trackers cut or mangle long URLs; past this the
 * share dialog offers a `.json` file instead. Links longer than this are refused unread.
 */
export const MAX_LINK_CHARS = 16_384;
/** Largest decompressed state a link may expand to. */
export const MAX_STATE_BYTES = 4 * 1024 * 1024;

export type LinkProblemCode =
  ViewStateProblem['code'] | 'E_LINK_TOO_LONG' | 'E_LINK_CORRUPT' | 'E_LINK_TOO_LARGE';

export interface LinkProblem {
  readonly code: LinkProblemCode;
  readonly message: string;
}

/** What a fragment says. */
export type LinkResult =
  | { readonly kind: 'none'; readonly embed: boolean }
  | { readonly kind: 'ok'; readonly state: ViewState; readonly embed: boolean }
  | { readonly kind: 'error'; readonly problem: LinkProblem; readonly embed: boolean };

const B64URL = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    // At most 32,768 arguments a call: the chunk is cut to stay on the stack.
    // eslint-disable-next-line no-restricted-syntax
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

class TooLarge extends Error {}

/** Inflate `bytes`, giving up as soon as the output passes `cap` bytes. */
function inflateCapped(bytes: Uint8Array, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > cap) throw new TooLarge();
    chunks.push(chunk);
    if (final) done = true;
  });
  const STEP = 1024; // at most ~1 MB of output per pushed KB (deflate's ratio limit)
  for (let i = 0; i < bytes.length; i += STEP)
    inflater.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  if (!done) throw new Error('truncated');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Compress a view state into a payload (may exceed `MAX_LINK_CHARS`; see `encodeLink`). */
export function encodePayload(state: ViewState): string {
  const json = JSON.stringify(compactViewState(state));
  return toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }));
}

/** Decode a payload to untrusted JSON (not yet validated). */
export function decodePayload(
  payload: string,
): { ok: true; value: unknown } | { ok: false; problem: LinkProblem } {
  if (payload.length > MAX_LINK_CHARS)
    return {
      ok: false,
      problem: {
        code: 'E_LINK_TOO_LONG',
        message: `the link holds ${payload.length.toLocaleString('en')} characters of state; the limit is ${MAX_LINK_CHARS.toLocaleString('en')} (ask for the state file instead)`,
      },
    };
  try {
    if (!B64URL.test(payload)) throw new Error('not base64url');
    const bytes = inflateCapped(fromBase64Url(payload), MAX_STATE_BYTES);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    if (e instanceof TooLarge)
      return {
        ok: false,
        problem: {
          code: 'E_LINK_TOO_LARGE',
          message: `the link expands to more than ${MAX_STATE_BYTES / 1048576} MiB`,
        },
      };
    return {
      ok: false,
      problem: { code: 'E_LINK_CORRUPT', message: 'the link is damaged (it does not decode)' },
    };
  }
}

/** Split a fragment (`#view=…&embed=1`) into its parameters. Unknown ones are ignored. */
export function readFragment(hash: string): { payload: string | null; embed: boolean } {
  let payload: string | null = null;
  let embed = false;
  // IMPORTANT: no URLSearchParams: it would turn `+` into a space. Payloads are base64url.
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === VIEW_KEY) payload = value;
    else if (key === 'embed') embed = value !== '0';
  }
  return { payload, embed };
}

/** Read a link's fragment: no state, a valid state, or a clear problem. Never throws. */
export function decodeLink(hash: string, knownScenarios: readonly string[]): LinkResult {
  const { payload, embed } = readFragment(hash);
  if (payload === null || payload === '') return { kind: 'none', embed };
  const raw = decodePayload(payload);
  if (!raw.ok) return { kind: 'error', problem: raw.problem, embed };
  const parsed = parseViewState(raw.value, knownScenarios);
  return parsed.ok
    ? { kind: 'ok', state: parsed.state, embed }
    : { kind: 'error', problem: parsed.problem, embed };
}

/** The fragment for `state`, or `tooLong` with the payload length when it would pass the cap. */
export function encodeLink(
  state: ViewState,
  opts: { embed?: boolean } = {},
): { ok: true; fragment: string } | { ok: false; tooLong: number } {
  const payload = encodePayload(state);
  if (payload.length > MAX_LINK_CHARS) return { ok: false, tooLong: payload.length };
  return { ok: true, fragment: `#${VIEW_KEY}=${payload}${opts.embed ? '&embed=1' : ''}` };
}

/** User-facing text for a link problem. */
export function describeLinkProblem(p: LinkProblem): string {
  return `This link could not be opened: ${p.message}. Showing the default view.`;
}

/**
 * Would `state` open again from a link or a state file? The same checks as opening one, on
 * the JSON the link would carry. Returns the reason it would not, or null. The share dialog
 * asks before offering anything, so it never hands out a link that opens to an error.
 */
export function whyNotShareable(
  state: ViewState,
  knownScenarios: readonly string[],
): string | null {
  // A list over the cap: found without serialising a big model (the same words as the schema).
  const over = firstOverfullList(compactViewState(state));
  if (over) return `${over.path}: ${tooManyEntries(over.count)}`;
  let json: string;
  let value: unknown;
  try {
    json = JSON.stringify(compactViewState(state));
    value = JSON.parse(json) as unknown;
  } catch (e) {
    return e instanceof Error ? e.message : 'the view does not serialise';
  }
  // A view too big for a link goes out as a file: that file must open again too.
  const bytes = json.length > MAX_IMPORT_BYTES / 3 ? new TextEncoder().encode(json).length : 0;
  if (bytes > MAX_IMPORT_BYTES)
    return `as a file it is ${(bytes / 1048576).toFixed(1)} MiB; view files up to ${MAX_IMPORT_BYTES / 1048576} MiB open`;
  const r = parseViewState(value, knownScenarios);
  return r.ok ? null : r.problem.message;
}
