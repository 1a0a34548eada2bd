/**
 * Bytes → text. Detects UTF-8 (with or without BOM) and UTF-16 LE/BE (with a BOM, or without
 * one by the NUL-byte pattern of mostly-ASCII text, which is what Windows PowerShell's `>`
 * writes), then normalises CRLF and lone CR to LF. Never throws.
 */

export type Encoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'utf-16be' | 'text';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly newline: 'lf' | 'crlf' | 'cr' | 'none';
}

/**
 * `TextDecoder` (every browser and node ≥ 11 has it, UTF-16BE included); typed here because the
 * core compiles without the DOM and node typings. Not fatal: invalid bytes become U+FFFD.
 */
interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
type TextDecoderCtor = new (label: string, opts?: { fatal?: boolean }) => TextDecoderLike;
const { TextDecoder } = globalThis as unknown as { TextDecoder: TextDecoderCtor };

const decoders = new Map<string, TextDecoderLike>();
function decode(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  let dec = decoders.get(label);
  if (!dec) decoders.set(label, (dec = new TextDecoder(label, { fatal: false })));
  return dec.decode(bytes);
}

function decodeUtf8(bytes: Uint8Array, start: number): string {
  return decode('utf-8', start === 0 ? bytes : bytes.subarray(start));
}

/** Guess BOM-less UTF-16 from where the NUL bytes sit in the first 4 KiB. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function newlineOf(text: string): Decoded['newline'] {
  const cr = text.indexOf('\r');
  if (cr < 0) return text.includes('\n') ? 'lf' : 'none';
  return text[cr + 1] === '\n' ? 'crlf' : 'cr';
}

/** CRLF and lone CR → LF (a no-op without CR). */
export function normaliseNewlines(d: Decoded): Decoded {
  return d.newline === 'crlf' || d.newline === 'cr'
    ? { ...d, text: d.text.replace(/\r\n?/g, '\n') }
    : d;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  return normaliseNewlines(decodeBytesRaw(bytes));
}

/**
 * `decodeBytes` without the newline normalisation: `newline` tells what it would do. Replacing
 * every CRLF of a 20 MB dump copies it once more; the JSON fast path reads CRLF text as is.
 */
export function decodeBytesRaw(bytes: Uint8Array): Decoded {
  let encoding: Encoding = 'utf-8';
  let text: string;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeUtf8(bytes, 3);
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le-bom';
    text = utf16(bytes, 2, true);
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be-bom';
    text = utf16(bytes, 2, false);
  } else {
    const guess = sniffUtf16(bytes);
    if (guess) {
      encoding = guess;
      text = utf16(bytes, 0, guess === 'utf-16le');
    } else {
      text = decodeUtf8(bytes, 0);
    }
  }
  return { encoding, text, newline: newlineOf(text) };
}

function utf16(bytes: Uint8Array, start: number, le: boolean): string {
  return decode(
    le ? 'utf-16le' : 'utf-16be',
    bytes.subarray(start, start + ((bytes.length - start) & ~1)),
  );
}

export function decodeText(text: string): Decoded {
  return normaliseNewlines(decodeTextRaw(text));
}

/** `decodeText` without the newline normalisation (see `decodeBytesRaw`). */
export function decodeTextRaw(text: string): Decoded {
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { encoding: 'text', text: stripped, newline: newlineOf(stripped) };
}
