/**
 * The shallow depth-cut check: which fields it looks at (the used ones, and those of the
 * direct children under `Policies` or a used object), and its reports in the used fields'
 * order whatever the order of the keys.
 */

import { describe, expect, it } from 'vitest';
import { DiagSink } from '../diagnostics';
import { reportDepthCutsShallow } from './depth';

function report(o: Record<string, unknown>): string[] {
  const sink = new DiagSink('x.json');
  reportDepthCutsShallow(o, 7, sink);
  return sink.list.map((d) => `${d.code}@${d.line} ${d.message}`);
}

const T = 'System.Object[]';

describe('reportDepthCutsShallow', () => {
  it('reports nothing for a clean element', () => {
    expect(
      report({
        ID: 'a',
        Policies: [{ Type: 'ELB', VIPs: ['10.96.0.1'] }],
        References: ['/endpoints/e'],
        State: 1,
        Resources: { Allocators: [{ Tag: T }] },
      }),
    ).toEqual([]);
  });

  it('reports a type name in a used field, top level and in a policy, in the used order', () => {
    const r = report({
      References: T,
      Other: T,
      Policies: [{ Type: 'ELB', VIPs: [T], Unused: T }, '@{Type=ACL}'],
      Subnets: [{ Routes: T, Policies: T }],
      Settings: { Destinations: '@{a=b}' },
    });
    expect(r).toEqual([
      "W_DEPTH_TRUNCATED@7 'VIPs' shows only 'System.Object[]'",
      "W_DEPTH_TRUNCATED@7 'Policies' shows only '@{Type=ACL}'",
      "W_DEPTH_TRUNCATED@7 'References' shows only 'System.Object[]'",
      "W_DEPTH_TRUNCATED@7 'Destinations' shows only '@{a=b}'",
    ]);
  });

  it('looks one level down only: under Policies entries and used objects', () => {
    expect(report({ Subnets: [{ Routes: T }] })).toEqual([]);
    expect(report({ Policies: [{ Settings: { VIPs: T } }] })).toEqual([]);
    // One level down: `Policies` of the settings object holds no type name itself.
    expect(report({ Settings: { Policies: [{ VIPs: T }] } })).toEqual([]);
    expect(report({ Settings: { Policies: T } })).toEqual([
      "W_DEPTH_TRUNCATED@7 'Policies' shows only 'System.Object[]'",
    ]);
  });
});
