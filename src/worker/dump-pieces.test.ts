import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { DumpAssembler, splitDump } from './dump-pieces';
import { loadDump } from './load-dump';
import type { DumpPiece, ParsedDump } from './protocol';

/** Pieces and head through structured clone, as the page receives them. */
function roundTrip(dump: ParsedDump, size?: number): { out: ParsedDump; pieces: DumpPiece[] } {
  const { head, pieces } = splitDump(dump, size);
  const list = [...pieces];
  const a = new DumpAssembler();
  for (const p of list) a.add(structuredClone(p));
  return { out: a.finish(structuredClone(head)), pieces: list };
}

const endpoints = (n: number): string => {
  const net = { ID: 'n0', Name: 'cbr0', Type: 'L2Bridge' };
  const eps = Array.from({ length: n }, (_, i) => ({
    ID: i === 3 ? '__proto__' : i === 4 ? '123' : `ep-${i}`,
    Name: `ep-${i}`,
    VirtualNetwork: 'n0',
    IPAddress: `10.0.${i >> 8}.${i & 255}`,
    IsRemoteEndpoint: i % 2 === 1,
  }));
  return `${JSON.stringify(net)}\n${JSON.stringify(eps)}\n`;
};

describe('a parsed dump in pieces', () => {
  it('comes back equal, tables in order, odd ids kept as plain entries', () => {
    const dump = loadDump([{ name: 'paste', text: endpoints(2500) }]);
    expect(Object.keys(dump.topology.endpoints)).toContain('__proto__');
    const { out, pieces } = roundTrip(dump, 20_000);
    expect(out).toEqual(dump);
    for (const k of Object.keys(dump.topology) as (keyof typeof dump.topology)[])
      if (typeof dump.topology[k] === 'object' && dump.topology[k] !== null)
        expect(Object.keys(out.topology[k] as object), k).toEqual(
          Object.keys(dump.topology[k] as object),
        );
    expect(Object.getPrototypeOf(out.topology.endpoints['__proto__'])).toBe(Object.prototype);
    expect(out.topology.endpoints['__proto__']?.name).toBe('ep-3');
    // Each piece passes the size asked by less than one entry.
    const endpointPieces = pieces.filter((p) => 'table' in p && p.table === 'endpoints');
    expect(endpointPieces.length).toBeGreaterThan(10);
    const one = JSON.stringify(dump.topology.endpoints['ep-9']).length;
    for (const p of pieces) expect(p.json.length).toBeLessThan(20_000 + 2 * one);
  });

  it('keeps a table the model leaves out absent, and lists in order', () => {
    const topology = buildScenario('new-l2bridge');
    const dump: ParsedDump = {
      topology,
      inputs: [],
      diagnostics: Array.from({ length: 7 }, (_, i) => ({
        code: 'W_TRUNCATED' as const,
        severity: 'warning' as const,
        input: 'p',
        line: i + 1,
        column: 1,
        message: `m${i}`,
      })),
      findings: [],
      vfpGiven: false,
      nodes: [],
      stitches: [],
    };
    const { out } = roundTrip(dump, 100);
    expect(out).toEqual(dump);
    expect('ruleSets' in out.topology).toBe('ruleSets' in topology);
    expect(out.diagnostics.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('garbage: a piece per non-empty table or list, nothing for empty ones', () => {
    const dump = loadDump([{ name: 'junk', text: 'hello' }]);
    const { out, pieces } = roundTrip(dump);
    expect(out).toEqual(dump);
    expect(pieces.every((p) => p.json !== '{}' && p.json !== '[]')).toBe(true);
    expect(pieces.length).toBeLessThanOrEqual(dump.diagnostics.length > 0 ? 4 : 3);
  });
});
