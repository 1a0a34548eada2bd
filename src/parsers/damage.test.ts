/**
 * Make every corpus dump worse the way real pastes are damaged, and check that the same objects
 * (or, for cut-off pastes, a subset of them) still come out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/types';
import { parseInputs } from './index';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__/corpus');
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The dump without the corpus header (`# …` lines up to `# ---`). */
function dump(file: string): string {
  const text = readFileSync(path.join(FIXTURES, file), 'utf8');
  const cut = text.indexOf('# ---\n');
  return cut >= 0 ? text.slice(cut + 6) : text;
}

/** What must survive: ids plus the fields the view draws. */
function signature(t: Topology): string[] {
  return [
    ...Object.values(t.networks).map(
      (n) =>
        `N ${n.id} ${n.name} ${n.type} ${n.managementIp} ${n.subnets.map((s) => s.addressPrefix).join()} ${n.policies.length}`,
    ),
    ...Object.values(t.endpoints).map(
      (e) =>
        `E ${e.id} ${e.name} ${e.ipAddress} ${e.macAddress} ${e.isRemote} ${e.networkId} ${e.policies.length}`,
    ),
    ...Object.values(t.loadBalancers).map(
      (l) =>
        `L ${l.id} ${l.frontendVips.join()} ${l.backendEndpointIds.join()} ${l.protocol} ${l.externalPort}`,
    ),
    ...Object.values(t.rules)
      .filter((r) => r.provenance.by === 'dump')
      .map((r) => `R ${r.id} ${r.priority} ${r.type}`),
    ...Object.values(t.ports)
      .filter((p) => !p.provenance.derived)
      .map((p) => `P ${p.id} ${p.friendlyName}`),
  ].sort();
}

const parseText = (text: string): Topology => parseInputs([{ name: 'paste', text }]).topology;

function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((l) => {
      if (l.length <= width) return [l];
      const out: string[] = [];
      for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
      return out;
    })
    .join('\n');
}

function encode16(text: string, le: boolean, bom: boolean): Uint8Array {
  const body = bom ? '\ufeff' + text : text;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 255;
    out[2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

const isJsonish = (text: string): boolean =>
  /^\s*[[{]/m.test(text) && !/^\s*\w[\w ]*\s+: /m.test(text);

const DAMAGE: Record<string, (t: string) => string | Uint8Array> = {
  'wrap at 120': (t) => wrap(t, 120),
  'wrap at 80': (t) => wrap(t, 80),
  'wrap at 111': (t) => wrap(t, 111),
  'wrap at 119 then quote': (t) =>
    wrap(t, 119)
      .split('\n')
      .map((l) => '> ' + l)
      .join('\n'),
  'quote with > ': (t) =>
    t
      .split('\n')
      .map((l) => '> ' + l)
      .join('\n'),
  'markdown indent': (t) =>
    t
      .split('\n')
      .map((l) => '    ' + l)
      .join('\n'),
  CRLF: (t) => t.replace(/\n/g, '\r\n'),
  'UTF-16LE with BOM + CRLF': (t) => encode16(t.replace(/\n/g, '\r\n'), true, true),
  'UTF-16BE with BOM': (t) => encode16(t, false, true),
  'UTF-16LE without BOM': (t) => encode16(t, true, false),
  'UTF-8 BOM': (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)]),
  'prompt lines around it': (t) =>
    `PS C:\\Users\\admin> Get-Something\n\n${t}\n\nPS C:\\Users\\admin> exit\n`,
  // Console copy that runs lines together, each padded to the 120-column width.
  'lines joined (padded to 120)': (t) =>
    wrap(t, 120)
      .split('\n')
      .map((l) => l.padEnd(120))
      .join(''),
};

describe.each(files)('damaged %s', (file) => {
  const clean = dump(file);
  const expected = signature(parseText(clean));

  it.each(Object.keys(DAMAGE))('%s: same objects', (name) => {
    if (name === 'lines joined (padded to 120)' && clean.split('\n').length < 2) return;
    const damaged = DAMAGE[name]!(clean);
    const r = parseInputs([
      typeof damaged === 'string'
        ? { name: 'paste', text: damaged }
        : { name: 'paste', bytes: damaged },
    ]);
    expect(signature(r.topology)).toEqual(expected);
  });

  if (isJsonish(clean)) {
    it('JSON with all lines joined: same objects', () => {
      expect(signature(parseText(clean.replace(/\n\s*/g, ' ')))).toEqual(expected);
    });
  }

  it.each([0.2, 0.45, 0.7, 0.9])(
    'cut off at %f: a subset, with a diagnostic or objects',
    (frac) => {
      const cut = clean.slice(0, Math.floor(clean.length * frac));
      const r = parseInputs([{ name: 'paste', text: cut }]);
      const fullIds = expected.map((s) => s.split(' ')[1]!.toLowerCase());
      for (const sig of signature(r.topology)) {
        const id = sig.split(' ')[1]!.toLowerCase();
        if (id.includes('#') || id.startsWith('port:unknown') || id.startsWith('network:'))
          continue;
        expect(
          fullIds.some((f) => f === id || f.startsWith(id)),
          `${id} is not from the full dump`,
        ).toBe(true);
      }
      const count =
        Object.keys(r.topology.networks).length +
        Object.keys(r.topology.endpoints).length +
        Object.keys(r.topology.loadBalancers).length +
        Object.keys(r.topology.ports).length;
      expect(count + r.diagnostics.length).toBeGreaterThan(0);
    },
  );
});
