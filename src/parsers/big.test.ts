/** Inputs far larger than usual: nothing may be spread into call arguments on the way. */

import { describe, expect, it } from 'vitest';
import { parseInputs } from './index';

const guid = (k: number): string => `00000000-0000-4000-8000-${k.toString(16).padStart(12, '0')}`;
const ip = (k: number): string => `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;

describe('huge inputs', () => {
  it('reads 200k endpoints after a prompt line (compact JSON)', () => {
    const n = 200_000;
    const parts: string[] = [];
    for (let k = 0; k < n; k++) parts.push(`{"ID":"${guid(k)}","IPAddress":"${ip(k)}"}`);
    const text = `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Compress\n[${parts.join(',')}]\n`;
    const r = parseInputs([{ name: 'big.txt', text }], { deriveVfp: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.inputs[0]!.objects).toBe(n);
    expect(Object.keys(r.topology.endpoints)).toHaveLength(n);
  }, 120_000);

  it('reads 200k hnsdiag table rows', () => {
    const n = 200_000;
    const rows: string[] = [
      'Endpoints:',
      'Name                 ID                                   Virtual Network Name',
    ];
    for (let k = 0; k < n; k++) rows.push(`ep${k}  ${guid(k)}  cbr0`);
    const r = parseInputs([{ name: 'table.txt', text: rows.join('\n') }], { deriveVfp: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.inputs[0]!.objects).toBe(n);
  }, 120_000);

  it('decodes a Go-printed json.RawMessage of 300k bytes', () => {
    const policy = JSON.stringify({ Type: 'ACL', Pad: 'x'.repeat(300_000) });
    const bytes = Array.from(policy, (c) => c.charCodeAt(0)).join(' ');
    const line = `I1203 10:00:00 x.go:1] endpoint &{Id:${guid(1)} IPAddress:10.0.0.5 Policies:[[${bytes}]]}`;
    const r = parseInputs([{ name: 'go.txt', text: line }], { deriveVfp: false });
    expect(r.diagnostics.filter((d) => d.code === 'E_INTERNAL')).toEqual([]);
    expect(r.topology.endpoints[guid(1)]?.ipAddress).toBe('10.0.0.5');
    expect(r.topology.endpoints[guid(1)]?.policies.map((p) => p.hnsType)).toEqual(['ACL']);
  }, 60_000);
});
