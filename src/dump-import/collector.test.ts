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

describe("collect-hnsviz.ps1's help (Get-Help -Full)", () => {
  // The comment-based help block, as Get-Help reads it: keyword → its text.
  const help = /<#([\s\S]*?)#>/.exec(script)?.[1] ?? '';
  const sections = help.split(/^\.(?=[A-Z]+\b)/m).slice(1);
  const of = (keyword: string): string[] =>
    sections.filter((s) => s.startsWith(keyword)).map((s) => s.slice(keyword.length));

  it('has the sections Get-Help shows, before the param block', () => {
    expect(script.indexOf('<#')).toBeLessThan(script.indexOf('param('));
    for (const k of ['SYNOPSIS', 'DESCRIPTION', 'PARAMETER', 'EXAMPLE', 'NOTES'])
      expect(of(k).length, k).toBeGreaterThan(0);
    // The parameter it documents is the script's own.
    expect(of('PARAMETER')[0]).toMatch(/^ OutFile\b/);
    expect(script).toMatch(/param\(\s*\[string\] \$OutFile/);
  });

  it('says how to collect from every Windows node: over Invoke-Command and from a HostProcess pod', () => {
    const examples = of('EXAMPLE');
    const remoting = examples.find((e) => e.includes('Invoke-Command'));
    expect(remoting).toBeDefined();
    // Every Windows node, not one: the list comes from the cluster, the files come back per node.
    expect(remoting).toContain('kubernetes.io/os=windows');
    expect(remoting).toMatch(
      /Invoke-Command -ComputerName \$nodes -FilePath \.\\collect-hnsviz\.ps1/,
    );
    expect(remoting).toMatch(/foreach \(\$n in \$nodes\)[^\n]*Copy-Item/);
    const hostProcess = examples.find((e) => /HostProcess/.test(e));
    expect(hostProcess).toBeDefined();
    expect(hostProcess).toMatch(/foreach \(\$p in /);
    expect(hostProcess).toContain('kubectl exec');
    expect(hostProcess).toContain('-File C:\\k\\collect-hnsviz.ps1 -OutFile C:\\k\\hnsviz.txt');
  });

  it('says how to import the files together, in the app and on the command line', () => {
    const notes = of('NOTES').join('\n');
    expect(notes).toMatch(/IMPORT THE FILES TOGETHER/);
    expect(notes).toMatch(/drop all the files/);
    expect(notes).toMatch(/choose files/);
    expect(notes).toMatch(/hnsviz trace --dump \S+\.txt \S+\.txt/);
    // The header line is what tells the nodes apart; the help and the script agree on it.
    expect(notes).toMatch(/first line of each file names its node/);
    expect(script).toContain('Add-Line "# hnsviz collector 1 on $env:COMPUTERNAME at');
  });

  it('is plain ASCII, so Windows PowerShell 5.1 reads it right even without a BOM', () => {
    expect([...script].filter((c) => c.charCodeAt(0) > 0x7f)).toEqual([]);
  });
});
