import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { isSnapshotId, withSnapshots } from './snapshot-catalog';

const designs: ScenarioCatalog = {
  ids: ['new-l2bridge'],
  shortTitle: () => 'L2Bridge',
  title: () => 'New design on L2Bridge',
  build: (id) => buildScenario(id as 'new-l2bridge'),
};

describe('snapshots in the compare catalog', () => {
  const before = buildScenario('new-l2bridge');
  const after = buildScenario('new-overlay');

  it('lists the pair after the designs and builds each side', () => {
    const c = withSnapshots(designs, { before, after, afterNames: ['a.txt', 'b.txt'] });
    expect(c.ids.slice(0, 1)).toEqual(['new-l2bridge']);
    expect(c.snapshotIds).not.toBeNull();
    const { before: b, after: a } = c.snapshotIds!;
    expect(c.ids.slice(1)).toEqual([b, a]);
    expect(c.build(b)).toBe(before);
    expect(c.build(a)).toBe(after);
    expect(c.shortTitle(a)).toBe('Dump: after');
    expect(c.title(a)).toContain('a.txt +1');
    expect(c.shortTitle('new-l2bridge')).toBe('L2Bridge');
  });

  it('gives a replaced snapshot a new id, and refuses the old one', () => {
    const first = withSnapshots(designs, { before, after, afterNames: [] });
    const again = withSnapshots(designs, { before, after, afterNames: [] });
    expect(again.snapshotIds).toEqual(first.snapshotIds);
    const other = buildScenario('new-overlay');
    const next = withSnapshots(designs, { before, after: other, afterNames: [] });
    expect(next.snapshotIds!.after).not.toBe(first.snapshotIds!.after);
    expect(() => next.build(first.snapshotIds!.after)).toThrow('no longer loaded');
    const none = withSnapshots(designs, null);
    expect(none.ids).toEqual(['new-l2bridge']);
    expect(isSnapshotId(first.snapshotIds!.before)).toBe(true);
    expect(() => none.build(first.snapshotIds!.before)).toThrow('no longer loaded');
  });

  it('keeps two entries when one topology is on both sides', () => {
    const c = withSnapshots(designs, { before, after: before, afterNames: [] });
    expect(new Set(c.ids).size).toBe(3);
  });
});
