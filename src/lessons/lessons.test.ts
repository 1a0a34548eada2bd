import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine';
import { buildScenario, isScenarioId, SCENARIO_IDS } from '../scenarios';
import { traceEvents } from '../view-model/trace-events';
import { LESSONS, PRESETS, resolveBeats } from './index';

const build = (id: string) => {
  if (!isScenarioId(id)) throw new Error(`unknown scenario ${id}`);
  return buildScenario(id);
};

describe('lessons', () => {
  it('have unique ids and at least two beats with a checkpoint among them', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS.filter((l) => l.beats.some((b) => b.predict)).length).toBeGreaterThanOrEqual(4);
    for (const l of LESSONS)
      for (const b of l.beats)
        if (b.predict) expect(b.predict.choices.filter((c) => c.correct)).toHaveLength(1);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s traces to the expected verdict and every beat finds its hop',
    (_id, lesson) => {
      const trace = traceFlow(build(lesson.scenario), lesson.request);
      expect(trace.verdict).toBe(lesson.expect.verdict);
      if (lesson.expect.deliveredTo)
        expect(trace.deliveredTo?.name).toBe(lesson.expect.deliveredTo);
      const idx = resolveBeats(lesson, traceEvents(trace, 'layers'));
      expect(idx.every((i) => i >= 0)).toBe(true);
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    },
  );
});

describe('presets', () => {
  it('cover the canonical walks S1–S10', () => {
    const walks = new Set(PRESETS.map((p) => p.walk));
    for (const w of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'])
      expect(walks).toContain(w);
  });

  it.each(SCENARIO_IDS.flatMap((s) => PRESETS.map((p) => [s, p.id, p] as const)))(
    '%s: %s traces without an input error',
    (scenario, _id, preset) => {
      const trace = traceFlow(buildScenario(scenario), preset.request);
      expect(trace.hops.length).toBeGreaterThan(0);
    },
  );

  it('pod → Service crosses to b1 in both designs (journey 1)', () => {
    const p = PRESETS.find((x) => x.id === 'pod-service');
    if (!p) throw new Error('preset missing');
    for (const s of ['old-winnat', 'new-l2bridge'] as const) {
      const t = traceFlow(buildScenario(s), { ...p.request, reply: false });
      expect(t.deliveredTo?.name).toBe('b1');
    }
  });
});
