import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffTopologies, parseCluster, type TopologyDiff } from './index';

const text = (f: string): string =>
  readFileSync(new URL(`./__fixtures__/${f}`, import.meta.url), 'utf8');
const sample = readFileSync(
  new URL('../dump-import/__fixtures__/collector-sample.txt', import.meta.url),
  'utf8',
);
const pair = (after: string) => [
  [
    { name: 'a.txt', text: text('l2bridge-win-a.txt') },
    { name: 'b.txt', text: text('l2bridge-win-b.txt') },
  ],
  [
    { name: 'a.txt', text: text('l2bridge-win-a.txt') },
    { name: 'b.txt', text: text(after) },
  ],
];
// Rule changes in key order (the two paths list them in a different order).
const ruleKeys = (d: TopologyDiff) => ({
  added: d.added
    .filter((x) => x.kind === 'rule')
    .map((x) => x.key)
    .sort(),
  removed: d.removed
    .filter((x) => x.kind === 'rule')
    .map((x) => x.key)
    .sort(),
  changed: d.changed
    .filter((x) => x.kind === 'rule')
    .map((x) => JSON.stringify([x.key, x.fields]))
    .sort(),
});

describe('diffTopologies: VFP rules', () => {
  const [before, after] = pair('l2bridge-win-b-after.txt');
  const eager = diffTopologies(parseCluster(before!).topology, parseCluster(after!).topology);

  it('lists the rules of a deleted pod and the LB rules whose backends changed, as derived', () => {
    const removed = eager.removed.filter((x) => x.kind === 'rule');
    // b1's port had ACL, SLB NAT, LB_DSR, PA route and MAC rewrite rules, all derived; the
    // host vNIC's hairpin rules were there for b1, WIN-B's only local backend.
    expect(removed.length).toBeGreaterThan(10);
    const hostHairpin = 'win-b|rule|vEthernet (Ethernet)|SLB_HAIRPIN_LAYER|';
    expect(removed.filter((x) => x.key.startsWith(hostHairpin))).toHaveLength(3);
    expect(
      removed.every(
        (x) =>
          x.derived === true &&
          (x.key.startsWith('win-b|rule|10.244.2.10|') || x.key.startsWith(hostHairpin)),
      ),
    ).toBe(true);
    const changed = eager.changed.filter((x) => x.kind === 'rule');
    expect(changed.length).toBeGreaterThan(0);
    expect(
      changed.every((x) => x.derived === true && x.fields.some((f) => f.field === 'action')),
    ).toBe(true);
    // Objects other than rules carry no such flag.
    expect(eager.removed.find((x) => x.kind === 'endpoint')).not.toHaveProperty('derived');
    // Everything was derived at import: nothing was left for the diff to derive.
    expect(eager.vfp).toMatchObject({ derivedPorts: 0, unchangedPorts: 0, skippedPorts: 0 });
  });

  it('derives deferred ports whose inputs changed, and finds the same rule changes', () => {
    const lazy = diffTopologies(
      parseCluster(before!, { deriveVfp: false }).topology,
      parseCluster(after!, { deriveVfp: false }).topology,
    );
    expect(ruleKeys(lazy)).toEqual(ruleKeys(eager));
    expect(lazy.removed.filter((x) => x.kind === 'rule').every((x) => x.derived)).toBe(true);
    // The backends of WIN-B's load balancers changed: every WIN-B port is derived; WIN-A's
    // ports derive from nothing that changed and are left alone.
    expect(lazy.vfp.derivedPorts).toBeGreaterThan(0);
    expect(lazy.vfp.unchangedPorts).toBeGreaterThan(0);
    expect(lazy.vfp.skippedPorts).toBe(0);
  });

  it('derives nothing when nothing changed', () => {
    const lazy = parseCluster(before!, { deriveVfp: false }).topology;
    const d = diffTopologies(lazy, parseCluster(before!, { deriveVfp: false }).topology);
    expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
    expect(d.vfp.derivedPorts).toBe(0);
    expect(d.vfp.unchangedPorts).toBeGreaterThan(0);
  });

  it('stops deriving at the rule limit and says which ports it left out', () => {
    const lazy = diffTopologies(
      parseCluster(before!, { deriveVfp: false }).topology,
      parseCluster(after!, { deriveVfp: false }).topology,
      { maxDerivedRules: 40 },
    );
    expect(lazy.vfp.ruleLimit).toBe(40);
    expect(lazy.vfp.skippedPorts).toBeGreaterThan(0);
    expect(lazy.vfp.skipped.length).toBe(Math.min(20, lazy.vfp.skippedPorts));
    expect(lazy.vfp.skipped.every((s) => / on WIN-B$/.test(s))).toBe(true);
    // The deleted pod's port comes first (its own endpoint changed) and is still compared.
    expect(lazy.removed.some((x) => x.key.startsWith('win-b|rule|10.244.2.10|'))).toBe(true);
    const skipped = new Set(lazy.vfp.skipped.map((s) => s.replace(/ on WIN-B$/, '')));
    for (const x of [...lazy.added, ...lazy.removed, ...lazy.changed])
      if (x.kind === 'rule') expect(skipped.has(x.key.split('|')[2]!)).toBe(false);
  });

  it('marks rules read from vfpctrl as not derived', () => {
    const edited = sample.replace(
      /(RULE : 0EE8DCA1-9AA8-417C-88E0-422CE9E52C01[\s\S]*?Priority : )900/,
      '$1905',
    );
    expect(edited).not.toBe(sample);
    const d = diffTopologies(
      parseCluster([{ name: 'n.txt', text: sample }]).topology,
      parseCluster([{ name: 'n.txt', text: edited }]).topology,
    );
    expect(d.changed).toEqual([
      expect.objectContaining({
        kind: 'rule',
        derived: false,
        fields: [{ field: 'priority', before: 900, after: 905 }],
      }),
    ]);
  });
});
