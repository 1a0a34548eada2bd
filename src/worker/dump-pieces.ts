/**
 * A parsed dump crosses from the worker to the page in pieces. The browser reads a message's
 * data in one go on the receiving thread: a 20,000-endpoint model is ~125k objects, about a
 * second of structured-clone reading in one main-thread task, plus young-generation
 * collections that copy every object read so far. Cut into `dump/part` messages of about
 * `PIECE_CHARS` of JSON each, every message is a task of its own, and `JSON.parse` of a text
 * that long allocates straight into the old generation (nothing for the scavenger to copy).
 * The page puts the tables back together as the pieces arrive (`DumpAssembler`); the closing
 * `dump/parsed` carries the rest (the topology's small fields, inputs, nodes) with the tables
 * and lists emptied. The model is plain JSON data (it is what `hnsviz.model/1` exports), so the
 * round trip gives back equal values. Data only, no DOM.
 */
import { TOPOLOGY_TABLES, type Topology } from '../model/types';
import { emptyTable } from '../shared/table';
import type { DumpPiece, ParsedDump, PieceList, PieceTable } from './protocol';

/** JSON characters per piece: a few milliseconds of `JSON.parse` each on a loaded machine. */
export const PIECE_CHARS = 512 * 1024;

/** The topology's id-keyed tables, in the order the model declares them. */
export const PIECE_TABLES: readonly PieceTable[] = TOPOLOGY_TABLES;

/** The dump's lists that may grow with the input. */
export const PIECE_LISTS: readonly PieceList[] = ['diagnostics', 'findings', 'stitches'];

/**
 * Cut `dump` into pieces (made and yielded one at a time, in order) and the head that closes
 * them: `dump` with every table and list emptied (a table the model leaves out, `ruleSets`,
 * stays out). A piece holds whole entries: one bigger than `chars` is a piece alone.
 */
export function splitDump(
  dump: ParsedDump,
  chars = PIECE_CHARS,
): { readonly head: ParsedDump; readonly pieces: Iterable<DumpPiece> } {
  const t = dump.topology;
  const emptied: Record<string, unknown> = { ...t };
  for (const k of PIECE_TABLES) if (t[k] !== undefined) emptied[k] = {};
  const head: ParsedDump = {
    ...dump,
    topology: emptied as unknown as Topology,
    diagnostics: [],
    findings: [],
    stitches: [],
  };
  /** JSON members or elements, gathered until they pass `chars`, then joined. */
  function* batches(texts: Iterable<string>, open: string, close: string): Generator<string> {
    let batch: string[] = [];
    let size = 0;
    for (const text of texts) {
      batch.push(text);
      size += text.length;
      if (size >= chars) {
        yield open + batch.join(',') + close;
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) yield open + batch.join(',') + close;
  }
  function* members(table: Readonly<Record<string, unknown>>): Generator<string> {
    for (const id in table) yield `${JSON.stringify(id)}:${JSON.stringify(table[id])}`;
  }
  function* elements(list: readonly unknown[]): Generator<string> {
    for (const item of list) yield JSON.stringify(item);
  }
  function* pieces(): Generator<DumpPiece> {
    for (const table of PIECE_TABLES) {
      const src: Readonly<Record<string, unknown>> | undefined = t[table];
      if (src !== undefined)
        for (const json of batches(members(src), '{', '}')) yield { table, json };
    }
    for (const list of PIECE_LISTS)
      for (const json of batches(elements(dump[list]), '[', ']')) yield { list, json };
  }
  return { head, pieces: pieces() };
}

/** Puts the pieces of one dump back together, a piece at a time, as they arrive. */
export class DumpAssembler {
  private readonly tables = new Map<PieceTable, Record<string, unknown>>();
  private readonly lists = new Map<PieceList, unknown[]>();

  add(piece: DumpPiece): void {
    if ('table' in piece) {
      let table = this.tables.get(piece.table);
      if (!table) this.tables.set(piece.table, (table = emptyTable()));
      const entries = JSON.parse(piece.json) as Record<string, unknown>;
      // A prototype-free table: an id such as `__proto__` stays a plain own entry.
      for (const id of Object.keys(entries)) table[id] = entries[id];
    } else {
      let list = this.lists.get(piece.list);
      if (!list) this.lists.set(piece.list, (list = []));
      for (const item of JSON.parse(piece.json) as unknown[]) list.push(item);
    }
  }

  /** The whole dump: `head` (the closing message) with the tables and lists filled in. */
  finish(head: ParsedDump): ParsedDump {
    const topology: Record<string, unknown> = { ...head.topology };
    for (const k of PIECE_TABLES)
      if (topology[k] !== undefined) topology[k] = this.tables.get(k) ?? emptyTable();
    const list = <T>(k: PieceList): T[] => (this.lists.get(k) ?? []) as T[];
    return {
      ...head,
      topology: topology as unknown as Topology,
      diagnostics: list('diagnostics'),
      findings: list('findings'),
      stitches: list('stitches'),
    };
  }
}
