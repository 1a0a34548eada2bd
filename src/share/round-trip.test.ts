// @vitest-environment jsdom
/**
 * Whatever the importer builds can be shared and exported and comes back the same: share →
 * open, and SVG / model JSON / `.hnsviz.json` export → reopen give the same view, or
 * `whyNotShareable` says why first. Dumps are generated with hostile strings (long, Unicode,
 * control characters, markup) and deeply nested unknown policies, then read by the parser.
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

const hostileString = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom('\u001b]0;pwned\u0007', '</metadata><script>x</script>', '#quot;"]', '__proto__'),
  fc.integer({ min: 4000, max: 9000 }).map((n) => 'x'.repeat(n)),
);

/** JSON nested `depth` levels, alternating objects and lists. */
const nested = (depth: number, leaf: string): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { Deeper: v };
  return v;
};

interface Dump {
  netName: string;
  epNames: string[];
  aclId: string;
  policyType: string;
  depth: number;
  leaf: string;
  dnsSuffix: string;
}

const dumpArb: fc.Arbitrary<Dump> = fc.record({
  netName: hostileString,
  epNames: fc.array(hostileString, { minLength: 1, maxLength: 4 }),
  aclId: hostileString,
  policyType: hostileString,
  depth: fc.integer({ min: 0, max: 40 }),
  leaf: hostileString,
  dnsSuffix: hostileString,
});

function dumpText(d: Dump): string {
  const netId = 'aaaaaaaa-0000-4000-8000-000000000001';
  const net = {
    ID: netId,
    Name: d.netName,
    Type: 'L2Bridge',
    DNSSuffix: d.dnsSuffix,
    Subnets: [{ AddressPrefix: '10.244.7.0/24', GatewayAddress: '10.244.7.1' }],
    Policies: [{ Type: d.policyType, Blob: nested(d.depth, d.leaf) }],
  };
  const eps = d.epNames.map((name, i) => ({
    ID: `bbbbbbbb-0000-4000-8000-00000000000${i}`,
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
  return JSON.stringify([net, ...eps]);
}

function viewOf(d: Dump): ViewState {
  const topology = parseInputs([{ name: 'gen.json', text: dumpText(d) }]).topology;
  const id = Object.keys(topology.endpoints)[0] ?? null;
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
      netName: 'n'.repeat(9000),
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
    fc.assert(
      fc.property(dumpArb, fc.boolean(), (d, keepReal) => {
        const out = outgoing(viewOf(d), null, { keepReal, key: [1, 2, 3, 4] });
        const problem = whyNotShareable(out.state, KNOWN);
        expect(problem).toBeNull();
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
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
