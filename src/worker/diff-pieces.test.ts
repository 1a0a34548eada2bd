import { afterEach, describe, expect, it } from 'vitest';
import { diffTopologies } from '../cluster/diff';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { closeInProcessWorkers, inProcessWorker } from './__fixtures__/in-process-worker';
import { createHandler } from './engine.worker';
import { createEngineClient, diffAgainstHeld } from './engine-client';
import type { FromWorker, ToWorker } from './protocol';
import { topologyPieces } from './topology-pieces';

afterEach(closeInProcessWorkers);

/** The reference L2Bridge cluster without its first endpoint: what a "before" would differ by. */
function withoutFirstEndpoint(t: Topology): Topology {
  const [gone] = Object.keys(t.endpoints);
  const endpoints = { ...t.endpoints };
  delete endpoints[gone!];
  return { ...t, endpoints };
}

describe('diff/run with the before model in pieces', () => {
  it('sends `before` as model/part pieces, then a head; the diff is the one made in one piece', async () => {
    const seen: ToWorker[] = [];
    const c = createEngineClient(() => inProcessWorker(seen));
    const after = buildScenario('new-l2bridge');
    const before = withoutFirstEndpoint(after);
    await c.setTopology(after);
    const d = await c.diff(before);
    const whole = diffTopologies(before, after);
    expect(d).toEqual({ ...whole, totals: { added: 1, removed: 0, changed: 0 } });
    expect(whole.added.length).toBe(1);
    const parts = seen.filter((m) => m.type === 'model/part');
    const run = seen.find((m) => m.type === 'diff/run');
    expect(parts.length).toBeGreaterThan(1);
    expect(run?.type === 'diff/run' && run.parts).toBe(parts.length);
    // The head carries no table entries: they all came in the pieces.
    expect(run?.type === 'diff/run' && Object.keys(run.before.endpoints)).toEqual([]);
    expect(seen.indexOf(run!)).toBeGreaterThan(seen.indexOf(parts.at(-1)!));
    c.dispose();
  });

  it('lists at most `listed` of each kind when asked, and counts them all', async () => {
    const c = createEngineClient(() => inProcessWorker());
    const after = buildScenario('new-l2bridge');
    // Before: no endpoints at all, so every endpoint (and what it brings) is added.
    const before = { ...after, endpoints: {} };
    await c.setTopology(after);
    const whole = diffTopologies(before, after);
    expect(whole.added.length).toBeGreaterThan(2);
    const d = await c.diff(before, { listed: 2 });
    expect(d.added).toEqual(whole.added.slice(0, 2));
    expect(d.totals).toEqual({
      added: whole.added.length,
      removed: whole.removed.length,
      changed: whole.changed.length,
    });
    c.dispose();
  });

  it('says how many pieces came when some are missing, and diffs nothing', () => {
    const out: FromWorker[] = [];
    const h = createHandler((m) => out.push(m));
    const after = buildScenario('new-l2bridge');
    h({ type: 'model/set', requestId: 'm', topology: after });
    const { head, pieces } = topologyPieces(withoutFirstEndpoint(after));
    const all = [...pieces];
    for (const piece of all.slice(1)) h({ type: 'model/part', requestId: 'd', piece });
    h({ type: 'diff/run', requestId: 'd', before: head, parts: all.length });
    expect(out.at(-1)).toEqual({
      type: 'error',
      code: 'E_BAD_ARGUMENT',
      message: `${all.length - 1} of the before model's ${all.length} parts came`,
      requestId: 'd',
    });
    // The next request starts clean: its pieces are its own.
    for (const piece of all) h({ type: 'model/part', requestId: 'e', piece });
    h({ type: 'diff/run', requestId: 'e', before: head, parts: all.length });
    const last = out.at(-1)!;
    expect(last.type === 'diff/result' && last.diff.added.length).toBe(1);
  });

  it('a worker that dies while the pieces go fails the diff, located, and the next one works', async () => {
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const c = createEngineClient(() => {
      const w = inProcessWorker();
      workers.push(w);
      return w;
    });
    const after = buildScenario('new-l2bridge');
    await c.setTopology(after);
    const pending = c.diff(withoutFirstEndpoint(after));
    // After the first piece was posted, before the next one.
    await Promise.resolve();
    workers[0]!.crash();
    await expect(pending).rejects.toMatchObject({ code: 'E_WORKER_FAILED' });
    // The new worker got the loaded topology again; a diff on it goes through.
    expect((await c.diff(withoutFirstEndpoint(after))).added.length).toBe(1);
    c.dispose();
  });
});

describe('diff/from: the before model from the worker that holds it', () => {
  it('is the diff made on the page, and the page sends no piece of it', async () => {
    const seenByHolder: ToWorker[] = [];
    const seenByDiffer: ToWorker[] = [];
    const holder = createEngineClient(() => inProcessWorker(seenByHolder));
    const differ = createEngineClient(() => inProcessWorker(seenByDiffer));
    const after = buildScenario('new-l2bridge');
    const before = withoutFirstEndpoint(after);
    await holder.setTopology(before);
    await differ.setTopology(after);
    const d = await diffAgainstHeld(differ, (port) => holder.sendModel(port), { listed: 50 });
    expect(d).toEqual(await differ.diff(before, { listed: 50 }));
    expect(d.added.length).toBe(1);
    const types = (seen: ToWorker[]): string[] => [...new Set(seen.map((m) => m.type))];
    expect(types(seenByHolder)).toEqual(['init', 'model/set', 'model/send']);
    expect(types(seenByDiffer.slice(0, 3))).toEqual(['init', 'model/set', 'diff/from']);
    holder.dispose();
    differ.dispose();
  });

  it('fails, both sides, when the sending worker holds no model', async () => {
    const holder = createEngineClient(() => inProcessWorker());
    const differ = createEngineClient(() => inProcessWorker());
    await differ.setTopology(buildScenario('new-l2bridge'));
    const { port1, port2 } = new MessageChannel();
    const diffed = differ.diffFrom(port2);
    await expect(holder.sendModel(port1)).rejects.toMatchObject({ code: 'E_NO_TOPOLOGY' });
    await expect(diffed).rejects.toMatchObject({ code: 'E_NO_TOPOLOGY' });
    holder.dispose();
    differ.dispose();
  });
});
