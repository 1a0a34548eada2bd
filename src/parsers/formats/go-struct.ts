/**
 * Go `%+v` struct printouts: `&{Id:abc Name:cbr0 MacPools:[{StartMacAddress:… EndMacAddress:…}]
 * Policies:[[123 34 …]]}`. Empty strings print as nothing; `json.RawMessage` policies print as
 * byte arrays, which are decoded back to JSON.
 */

import { decodeBytes } from '../decode/decode';
import { readJson } from './json-reader';
import { setKey } from './raw';
import type { LineReader } from './reader';

const FIELD_START = /^[A-Z][A-Za-z0-9_]*:/;

export function findGoStruct(line: string): number {
  const amp = line.indexOf('&{');
  if (amp >= 0 && FIELD_START.test(line.slice(amp + 2, amp + 64))) return amp;
  const m = /\{[A-Z][A-Za-z0-9_]*:(?!\/\/)/.exec(line);
  return m ? m.index : -1;
}

class G {
  pos = 0;
  /** Open brackets: '{' struct/map, '[' slice. */
  readonly stack: string[] = [];
  constructor(readonly s: string) {}

  value(): unknown {
    const s = this.s;
    if (s.startsWith('&{', this.pos)) this.pos++;
    if (s[this.pos] === '{') return this.struct();
    if (s.startsWith('map[', this.pos)) {
      this.pos += 3;
      return this.map();
    }
    if (s[this.pos] === '[') return this.slice();
    return this.scalar();
  }

  struct(): Record<string, unknown> {
    const s = this.s;
    const obj: Record<string, unknown> = {};
    this.pos++;
    this.stack.push('{');
    while (this.pos < s.length) {
      while (s[this.pos] === ' ') this.pos++;
      if (s[this.pos] === '}') {
        this.pos++;
        this.stack.pop();
        return obj;
      }
      const colon = s.indexOf(':', this.pos);
      if (colon < 0) {
        this.pos = s.length;
        break;
      }
      const key = s.slice(this.pos, colon);
      this.pos = colon + 1;
      if (!/^[A-Za-z_][\w]*$/.test(key)) break;
      setKey(obj, key, this.value());
    }
    this.stack.pop();
    return obj;
  }

  map(): Record<string, unknown> {
    const s = this.s;
    const obj: Record<string, unknown> = {};
    this.pos++;
    while (this.pos < s.length && s[this.pos] !== ']') {
      while (s[this.pos] === ' ') this.pos++;
      const colon = s.indexOf(':', this.pos);
      if (colon < 0) break;
      const key = s.slice(this.pos, colon);
      this.pos = colon + 1;
      obj[key] = this.value();
      while (s[this.pos] === ' ') this.pos++;
    }
    this.pos++;
    return obj;
  }

  slice(): unknown {
    const s = this.s;
    const arr: unknown[] = [];
    this.pos++;
    this.stack.push('[');
    while (this.pos < s.length) {
      while (s[this.pos] === ' ') this.pos++;
      if (s[this.pos] === ']') {
        this.pos++;
        break;
      }
      const before = this.pos;
      arr.push(this.value());
      if (this.pos === before) this.pos++;
    }
    this.stack.pop();
    return bytesToJson(arr);
  }

  /** A bare value runs to `}` / `]` or to the next ` Field:`. */
  scalar(): unknown {
    const s = this.s;
    const start = this.pos;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '}' || c === ']') break;
      if (c === ' ' && FIELD_START.test(s.slice(this.pos + 1, this.pos + 64))) break;
      if (c === ' ' && this.inSlice()) break;
      this.pos++;
    }
    const t = s.slice(start, this.pos).trim();
    if (t === '<nil>') return null;
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (/^-?\d{1,15}$/.test(t)) return Number(t);
    return t;
  }

  inSlice(): boolean {
    return this.stack[this.stack.length - 1] === '[';
  }
}

/** `[123 34 …]` (a printed json.RawMessage) → the JSON value it encodes. */
function bytesToJson(arr: unknown[]): unknown {
  if (arr.length < 2 || (arr[0] !== 123 && arr[0] !== 91)) return arr;
  if (!arr.every((b) => typeof b === 'number' && b >= 0 && b < 256)) return arr;
  // The bytes are UTF-8 and may be many (a big policy); decoded, not spread into a call.
  const text = decodeBytes(Uint8Array.from(arr as number[])).text;
  const r = readJson(text);
  return r.error === null ? r.value : arr;
}

export function parseGoStruct(text: string): { value: unknown; end: number } {
  const g = new G(text);
  try {
    return { value: g.value(), end: g.pos };
  } catch {
    return { value: undefined, end: text.length };
  }
}

export const goStructReader: LineReader = {
  name: 'go-struct',
  renderings: ['go-struct'],
  detect: (line) => findGoStruct(line) >= 0,
  read(i, s) {
    const line = s.doc.lines[i] ?? '';
    const g = parseGoStruct(line.slice(findGoStruct(line)));
    if (g.value !== null && typeof g.value === 'object' && !Array.isArray(g.value)) {
      s.out.objects.push({
        value: g.value as Record<string, unknown>,
        line: s.doc.lineNo[i] ?? i + 1,
        rendering: 'go-struct',
        hint: s.hint,
      });
      s.out.renderings.add('go-struct');
    }
    return i + 1;
  },
};
