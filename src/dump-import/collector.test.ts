import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintTopology } from '../lint/index';
import { parseInputs } from '../parsers/index';

const script = readFileSync(new URL('../../public/collect-hnsviz.ps1', import.meta.url), 'utf8');
// A synthetic file in the exact shape the collector writes (CRLF, PS 5.1 JSON, prompt lines).
const sample = readFileSync(new URL('./__fixtures__/collector-sample.txt', import.meta.url));

describe('public/collect-hnsviz.ps1', () => {
  it('collects every section hnsviz reads, each behind a prompt line', () => {
    for (const cmd of [
      'Get-HnsNetwork | ConvertTo-Json -Depth 10',
      'Get-HnsEndpoint | ConvertTo-Json -Depth 10',
      'Get-HnsPolicyList | ConvertTo-Json -Depth 10',
      'Get-Hcn$kind',
      'hnsdiag list all -d',
      'vfpctrl /list-vmswitch-port',
      'vfpctrl /port $port /list-layer',
      'vfpctrl /port $port /layer $layer /list-rule',
      'route print',
      'ipconfig /all',
    ])
      expect(script).toContain(cmd);
    expect(script).toContain('Add-Line "PS C:\\> $command"');
    expect(script).toContain('# ---- hnsviz section:');
  });

  it('only reads: no cmdlet or verb that changes the node', () => {
    const code = script.replace(/<#[\s\S]*?#>/, '').replace(/^\s*#.*$/gm, '');
    expect(code).not.toMatch(
      /\b(?:Set|New|Remove|Restart|Stop|Start|Disable|Enable|Clear|Reset|Add)-(?:Hns|Hcn|Net|Service|Computer|Item|Content|VM)/i,
    );
    expect(code).not.toMatch(/vfpctrl(?:\.exe)?[^\n]*\/(?:add|remove|set|clear|enable|disable)-/i);
    expect(code).not.toMatch(/hnsdiag(?:\.exe)?\s+(?:delete|reset|remove)/i);
    expect(code).toMatch(/WriteAllLines\(\$OutFile/);
  });

  it('writes a file parseInputs reads completely: HNS JSON, hnsdiag, vfpctrl', () => {
    const r = parseInputs([{ name: 'hnsviz-WIN-NODE-A-20261121-180000.txt', bytes: sample }]);
    const info = r.inputs[0]!;
    expect(info.encoding).toBe('utf-8');
    expect(info.newline).toBe('crlf');
    for (const f of ['json-ps51', 'hnsdiag-table', 'vfpctrl-ports', 'vfpctrl-rules'])
      expect(info.format.split('+')).toContain(f);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = r.topology;
    expect(Object.values(t.networks).map((n) => [n.name, n.type])).toEqual([['vxlan0', 'overlay']]);
    const eps = Object.values(t.endpoints);
    expect(eps.filter((e) => !e.isRemote && e.portId)).toHaveLength(3);
    expect(eps.filter((e) => e.isRemote)).toHaveLength(2);
    expect(
      Object.values(t.loadBalancers)
        .map((lb) => lb.frontendVips[0])
        .sort(),
    ).toEqual(['10.96.0.10', '10.96.10.10']);
    // The port vfpctrl listed keeps what vfpctrl said; the others are derived from HNS policies.
    const layers = Object.values(t.layers);
    expect(layers.some((l) => !l.provenance.derived && l.name === 'ACL_ENDPOINT_LAYER')).toBe(true);
    expect(layers.some((l) => l.provenance.derived)).toBe(true);
    expect(r.vfpGiven).toBe(true);
    // And the lint has something to say about the dumped VFP layer.
    const codes = lintTopology(t, { conflicts: r.conflicts, vfpGiven: r.vfpGiven }).map(
      (f) => f.code,
    );
    expect(codes).toContain('policy-without-vfp-rule');
  });
});
