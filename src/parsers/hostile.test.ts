/** Hostile strings in a dump stay plain text: nothing is interpreted, stripped or escaped. */
import { describe, expect, it } from 'vitest';
import { canonicalText } from './output/canonical';
import { parseInputs } from './index';
import { toParseJson } from './output/parse-json';

const XSS = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(`x`)</script>';

describe('hostile strings', () => {
  it.each([
    [
      'ConvertTo-Json',
      JSON.stringify({
        ID: '66666666-0000-4000-8000-000000000001',
        Name: XSS,
        IPAddress: '10.0.0.9',
        VirtualNetworkName: SCRIPT,
      }),
    ],
    [
      'Format-List',
      `ID                 : 66666666-0000-4000-8000-000000000001\nName               : ${XSS}\nIPAddress          : 10.0.0.9\nVirtualNetworkName : ${SCRIPT}\n`,
    ],
  ])('%s: names survive as text', (_kind, text) => {
    const r = parseInputs([{ name: XSS, text }]);
    const ep = r.topology.endpoints['66666666-0000-4000-8000-000000000001']!;
    expect(ep.name).toBe(XSS);
    expect(r.topology.networks[ep.networkId]?.name).toBe(SCRIPT);
    const doc = toParseJson(r);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(JSON.stringify(doc)).toContain(JSON.stringify(XSS).slice(1, -1));
    expect(canonicalText(r)).toContain(XSS);
    expect(r.inputs[0]?.name).toBe(XSS);
  });

  it('does not let __proto__ keys pollute objects', () => {
    const r = parseInputs([
      {
        name: 'p',
        text: '{"__proto__": {"polluted": true}, "ID": "77777777-0000-4000-8000-000000000001", "IPAddress": "10.1.1.1"}',
      },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(r.topology.endpoints)).toEqual(['77777777-0000-4000-8000-000000000001']);
  });
});
