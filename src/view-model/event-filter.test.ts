import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { traceFlow } from '../engine/trace';
import { traceEvents } from './trace-events';
import { eventFilterChoices, filterEvents, priorityText } from './event-filter';

describe('event list filters', () => {
  const t = buildScenario('new-l2bridge');
  // a1 → b2:8080 is refused by b2's NetworkPolicy ACL; a1 → web is load-balanced (a rewrite).
  const blocked = traceEvents(traceFlow(t, { from: 'a1', to: '10.244.2.11:8080' }), 'layers');
  const service = traceEvents(
    traceFlow(t, { from: 'a1', to: '10.96.10.10:80', reply: true }),
    'layers',
  );

  it('drops: only the event that dropped, keeping its number', () => {
    const drops = filterEvents(blocked, 'drops');
    expect(drops).toHaveLength(1);
    expect(drops[0]!.hop.action).toBe('drop');
    expect(drops[0]!.index).toBe(blocked.indexOf(drops[0]!));
    expect(filterEvents(service, 'drops')).toEqual([]);
  });

  it('rewrites, ACL hops and one layer', () => {
    const rw = filterEvents(service, 'rewrites');
    expect(rw.length).toBeGreaterThan(0);
    expect(rw.every((e) => e.changed.length > 0)).toBe(true);
    expect(rw.length).toBeLessThan(service.length);
    const acl = filterEvents(blocked, 'acl');
    expect(acl.length).toBeGreaterThan(0);
    expect(acl.every((e) => e.hops.some((h) => /ACL/.test(h.layer ?? '')))).toBe(true);
    const layers = eventFilterChoices(service).filter((c) => c.value.startsWith('layer:'));
    expect(layers.length).toBeGreaterThan(1);
    for (const l of layers) {
      const name = l.value.slice(6);
      const only = filterEvents(service, l.value);
      expect(only.length, name).toBeGreaterThan(0);
      expect(only.every((e) => e.hops.some((h) => h.layer === name))).toBe(true);
    }
    expect(filterEvents(service, '')).toEqual(service);
  });

  it('shows the deciding rule priority, a dash without a rule', () => {
    const drop = filterEvents(blocked, 'drops')[0]!;
    expect(drop.hop.priority).not.toBeNull();
    expect(priorityText(drop)).toBe(String(drop.hop.priority));
    const ruleless = service.find((e) => e.hop.priority === null);
    if (ruleless) expect(priorityText(ruleless)).toBe('—');
  });
});
