/**
 * Every format hnsviz reads, in the order the scanner asks them. Order matters where two
 * formats could claim one line: host sections and vfpctrl blocks have `Key : value` lines the
 * list view would take; JSON yields to a Go struct that starts earlier on the line (inside
 * json.ts); the list view comes last because almost anything with ` : ` looks like it.
 * A new format is one reader here (and its rendering names in raw.ts).
 */

import { formatListReader } from './format-list';
import { goStructReader } from './go-struct';
import { hnsdiagTableReader } from './hnsdiag';
import { hostTextReader } from './host-text';
import { jsonFragmentReader } from './json-fragment';
import { jsonReader } from './json-stream';
import { psErrorReader } from './ps-error';
import { psTableReader } from './ps-table';
import type { LineReader } from './reader';
import { vfpctrlReader } from './vfpctrl';

export const LINE_READERS: readonly LineReader[] = [
  hostTextReader,
  vfpctrlReader,
  hnsdiagTableReader,
  jsonFragmentReader,
  jsonReader,
  goStructReader,
  psTableReader,
  psErrorReader,
  formatListReader,
];
