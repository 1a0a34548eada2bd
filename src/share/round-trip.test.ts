// @vitest-environment jsdom
/**
 * Whatever the importer builds can be shared and exported and comes back the same: share →
 * open, and SVG / model JSON / `.hnsviz.json` export → reopen give the same view, or
 * `whyNotShareable` says why first. Dumps are generated with hostile strings (long, Unicode,
 * control characters and terminal escape sequences, markup), prototype-shaped ids
 * (`__proto__`, `constructor`, …) for networks, endpoints and load balancers, and deeply
 * nested unknown policies; they are written out as PowerShell would (pretty, minified with
 * `-Compress`, after a prompt line, CRLF) and read by the parser, so the views under test are
 * the parser's own outputs. Any object may be the selection.
 *
 * No timing: `numRuns` bounds the work (each run parses, scrubs, encodes, draws and reopens);
 * the test timeout only guards against a hang and sits far above what a loaded machine needs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outgoingModelJson, outgoingStateFile } from '../export/outgoing';
import { exportSvg } from '../export/svg';
import { CUT_MARKER, MAX_MODEL_STRING } from '../model/limits';
import { parseInputs } from '../parsers/index';
import { decodeLink, encodeLink, whyNotShareable } from './codec';
import { importViewText as openViewText } from './open-view-file';
import { outgoing } from './privacy';
import { defaultViewState, type ViewState } from './view-state';

const KNOWN = ['old-winnat', 'new-l2bridge', 'new-overlay'];

/** Terminal escape sequences and other control characters a dump may carry in names. */
const ESCAPES = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[H',
  '\u001b[8mhidden\u001b[0m',
  'a\u0000b',
  'line\r\nbreak',
  '\u009b31m',
  '\u202eevil',
];
const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const shortHostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom(...ESCAPES, ...PROTO_IDS, '</metadata><script>x</script>', '#quot;"]'),
);
const hostileString = fc.oneof(
  shortHostile,
  fc.integer({ min: 4000, max: 9000 }).map((n) => 'x'.repeat(n)),
);
/** An object id: a GUID as HNS writes them, or anything hostile (short: ids are keys). */
const idArb = fc.oneof(
  fc.uuid().map((u) => u.toUpperCase()),
  shortHostile,
);

/** How the dump was written: as PowerShell prints `ConvertTo-Json`, or pasted after a prompt. */
type Rendering = 'pretty' | 'minified' | 'prompt' | 'crlf';
const renderingArb = fc.constantFrom<Rendering>('pretty', 'minified', 'prompt', 'crlf');

/** JSON nested `depth` levels, alternating objects and lists. */
const nested = (depth: number, leaf: string): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { Deeper: v };
  return v;
};

interface Dump {
  netId: string;
  netName: string;
  epIds: string[];
  lbId: string;
  rendering: Rendering;
  selectedPick: number;
  epNames: string[];
  aclId: string;
  policyType: string;
  depth: number;
  leaf: string;
  dnsSuffix: string;
}

const dumpArb: fc.Arbitrary<Dump> = fc.record({
  netId: idArb,
  netName: hostileString,
  epIds: fc.uniqueArray(idArb, { minLength: 4, maxLength: 4 }),
  lbId: idArb,
  rendering: renderingArb,
  selectedPick: fc.nat(),
  epNames: fc.array(hostileString, { minLength: 1, maxLength: 4 }),
  aclId: hostileString,
  policyType: hostileString,
  depth: fc.integer({ min: 0, max: 40 }),
  leaf: hostileString,
  dnsSuffix: hostileString,
});

function dumpText(d: Dump): string {
  const netId = d.netId;
  const net = {
    ID: netId,
    Name: d.netName,
    Type: 'L2Bridge',
    DNSSuffix: d.dnsSuffix,
    Subnets: [{ AddressPrefix: '10.244.7.0/24', GatewayAddress: '10.244.7.1' }],
    Policies: [{ Type: d.policyType, Blob: nested(d.depth, d.leaf) }],
  };
  const eps = d.epNames.map((name, i) => ({
    ID: d.epIds[i]!,
    Name: name,
    VirtualNetwork: netId,
    IPAddress: `10.244.7.${10 + i}`,
    PrefixLength: 24,
    MacAddress: `00-15-5D-00-00-1${i}`,
    Policies: [
      { Type: 'ACL', Id: d.aclId, Action: 'Block', Direction: 'In', Priority: 100 + i },
      { Type: d.policyType, Blob: nested(d.depth, d.leaf) },
    ],
  }));
  const lb = {
    ID: d.lbId,
    Policies: [
      { Type: 'ELB', VIPs: ['10.96.0.10'], InternalPort: 80, ExternalPort: 80, Protocol: 6 },
    ],
    References: eps.map((e) => `/endpoints/${e.ID}`),
  };
  const objects = [net, ...eps, lb];
  switch (d.rendering) {
    case 'pretty':
      return JSON.stringify(objects, null, 4);
    case 'crlf':
      return JSON.stringify(objects, null, 4).replace(/\n/g, '\r\n');
    case 'minified':
      return JSON.stringify(objects);
    case 'prompt':
      return `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Depth 10 -Compress\r\n${JSON.stringify(objects)}\r\n`;
  }
}

function viewOf(d: Dump): ViewState {
  const topology = parseInputs([{ name: 'gen.json', text: dumpText(d) }]).topology;
  const ids = [
    ...Object.keys(topology.endpoints),
    ...Object.keys(topology.networks),
    ...Object.keys(topology.loadBalancers),
  ];
  const id = ids.length > 0 ? ids[d.selectedPick % ids.length]! : null;
  return {
    ...defaultViewState('new-l2bridge'),
    source: { kind: 'dump', topology, scrubbed: false },
    selected: id,
  };
}

/** What the view holds, as JSON (the form every trip goes through). */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

describe('round trip of what the importer builds', () => {
  it('fits the model limits a link checks', () => {
    const view = viewOf({
      netId: 'aaaaaaaa-0000-4000-8000-000000000001',
      netName: 'n'.repeat(9000),
      epIds: ['bbbbbbbb-0000-4000-8000-000000000001', 'b2', 'b3', 'b4'],
      lbId: 'cccccccc-0000-4000-8000-000000000001',
      rendering: 'minified',
      selectedPick: 0,
      epNames: ['e'],
      aclId: 'a'.repeat(5000),
      policyType: 'Deep',
      depth: 40,
      leaf: 'leaf',
      dnsSuffix: 'corp',
    });
    const json = JSON.stringify(view);
    expect(json).not.toContain('n'.repeat(MAX_MODEL_STRING + 1));
    expect(json).toContain(CUT_MARKER);
    expect(whyNotShareable(view, KNOWN)).toBeNull();
  });

  it('share → open and export → reopen give the same view (property)', () => {
    let shared = 0;
    fc.assert(
      fc.property(dumpArb, fc.boolean(), (d, keepReal) => {
        const view = viewOf(d);
        // The parser read the objects whatever their ids and however they were written.
        if (view.source.kind === 'dump')
          expect(Object.keys(view.source.topology.endpoints).length).toBeGreaterThan(0);
        const out = outgoing(view, null, { keepReal, key: [1, 2, 3, 4] });
        const problem = whyNotShareable(out.state, KNOWN);
        if (problem !== null) {
          // Said before sharing; and a file made anyway is refused with the same words.
          const file = openViewText('v.hnsviz.json', outgoingStateFile(out), KNOWN);
          expect(file).toEqual({ ok: false, message: `v.hnsviz.json: ${problem}` });
          return;
        }
        const want = asJson(out.state);
        // Link (when short enough).
        const link = encodeLink(out.state);
        if (link.ok) {
          const opened = decodeLink(link.fragment, KNOWN);
          expect(opened.kind).toBe('ok');
          if (opened.kind === 'ok') expect(asJson(opened.state)).toEqual(want);
        }
        // State file.
        const file = openViewText('v.hnsviz.json', outgoingStateFile(out), KNOWN);
        expect(file.ok && asJson(file.state)).toEqual(want);
        // SVG with the view in <metadata>.
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        document.body.append(svg);
        const svgText = exportSvg(svg, out.state, out.mention);
        svg.remove();
        const fromSvg = openViewText('v.svg', svgText, KNOWN);
        expect(fromSvg.ok && asJson(fromSvg.state)).toEqual(want);
        // Model JSON: the same model (a model file carries no selection).
        const model = openViewText('v.model.json', outgoingModelJson(out) ?? '', KNOWN);
        expect(model.ok).toBe(true);
        if (model.ok && model.state.source.kind === 'dump' && out.state.source.kind === 'dump')
          expect(asJson(model.state.source.topology)).toEqual(asJson(out.state.source.topology));
        shared++;
      }),
      { numRuns: 30 },
    );
    expect(shared).toBeGreaterThan(0); // the property is not met by refusing everything
  }, 120_000);
});
