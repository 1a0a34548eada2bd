/**
 * An input that holds more than one node's output (two collector files pasted back to back):
 * read as one node, its objects collide (the same pod subnets twice, "duplicate" addresses) and
 * nothing said why. Found by the split suggestions' strong evidence (`split.ts`: a second
 * collector header, a host name or ManagementIP that changes), only where the text names two
 * different nodes, so a one-node dump costs a few literal searches over its bytes.
 */
import type { ParseInput } from '../parsers/index';
import { decodeBytesRaw, sniffUtf16 } from '../parsers/decode/decode';
import { suggestSplits, type SplitSuggestion } from './split';

/** The text of an input, decoded as the parsers decode it (split lines count CRLF as LF). */
const textOf = (input: ParseInput): string =>
  input.text !== undefined ? input.text : input.bytes ? decodeBytesRaw(input.bytes).text : '';

/**
 * The literal each strong kind of evidence starts with, and the value it names read from the
 * rest of its line (`split.ts`'s patterns, unanchored there).
 */
const MARKS: readonly { readonly lit: string; readonly value: RegExp | null }[] = [
  { lit: '# hnsviz collector ', value: /^\d+ on (\S+) at / },
  { lit: 'Host Name', value: /^[ .]*:\s*(\S+)\s*$/ },
  { lit: 'ManagementIP', value: /^"?\s*:\s*"?(\d{1,3}(?:\.\d{1,3}){3})/ },
  // A remoting prompt names its host before the literal: `[win-b]: PS C:\>`.
  { lit: ']: PS ', value: null },
];

/** A text to search for the marks: a decoded string, or UTF-8 bytes read where they match. */
interface Source {
  find(lit: string, from: number): number;
  /** The rest of the line after `i` (without CR), at most 200 characters. */
  lineFrom(i: number): string;
  /** What stands between the last `[` before `i` and `i` (a remoting prompt's host). */
  bracketed(i: number): string;
}

const textSource = (text: string): Source => ({
  find: (lit, from) => text.indexOf(lit, from),
  lineFrom: (i) => {
    const end = text.indexOf('\n', i);
    return text.slice(i, Math.min(end < 0 ? text.length : end, i + 200)).replace(/\r$/, '');
  },
  bracketed: (i) => text.slice(text.lastIndexOf('[', i) + 1, i),
});

/**
 * UTF-8 (or ASCII) bytes searched without decoding them: the marks are ASCII, and decoding a
 * 20 MB dump to look for them took 70 ms, three times its whole search.
 */
const byteSource = (b: Uint8Array): Source => {
  const ascii = (from: number, to: number): string => {
    let s = '';
    for (let k = from; k < to; k++) s += String.fromCharCode(b[k]!);
    return s;
  };
  return {
    find(lit, from) {
      const c0 = lit.charCodeAt(0);
      for (let i = b.indexOf(c0, from); i >= 0; i = b.indexOf(c0, i + 1)) {
        let k = 1;
        while (k < lit.length && b[i + k] === lit.charCodeAt(k)) k++;
        if (k === lit.length) return i;
      }
      return -1;
    },
    lineFrom(i) {
      let end = i;
      while (end < b.length && end < i + 200 && b[end] !== 0x0a && b[end] !== 0x0d) end++;
      return ascii(i, end);
    },
    bracketed(i) {
      let start = i;
      while (start > 0 && i - start < 200 && b[start - 1] !== 0x5b) start--;
      return ascii(start, i);
    },
  };
};

/**
 * Does the input name two nodes (two collector hosts, host names, ManagementIPs or remoting
 * prompts)? Literal searches only, so a 20 MB one-node dump (several networks, one
 * ManagementIP) is passed over in a few tens of milliseconds.
 */
function namesTwo(src: Source): boolean {
  for (const { lit, value } of MARKS) {
    let first: string | null = null;
    for (let i = src.find(lit, 0); i >= 0; i = src.find(lit, i + lit.length)) {
      const v =
        value === null ? src.bracketed(i) : (value.exec(src.lineFrom(i + lit.length))?.[1] ?? null);
      if (v === null) continue;
      if (first === null) first = v;
      else if (v !== first) return true;
    }
  }
  return false;
}

/** Where `input` seems to hold another node's output (strong evidence only), in order. */
export function otherNodesIn(input: ParseInput): SplitSuggestion[] {
  const b = input.bytes;
  const utf16 =
    b && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || sniffUtf16(b));
  // Decoded only where it must be (UTF-16), and then once for both the search and the split.
  let text = input.text ?? (b && !utf16 ? null : textOf(input));
  const src = text === null ? byteSource(b!) : textSource(text);
  if (!namesTwo(src)) return [];
  text ??= textOf(input);
  return suggestSplits(text).filter((s) => s.strong);
}
