import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RESULTS, search } from '../layout/search';
import { buildScenario } from '../scenarios/index';
import { createHandler } from './engine.worker';
import { createEngineClient, EngineError, type EnginePort } from './engine-client';
import { MAX_QUERY_CHARS, type FromWorker, type ToWorker } from './protocol';

const opened: MessagePort[] = [];
/** The real handler behind a MessageChannel. */
function realWorker(): EnginePort {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const handle = createHandler((m) => port2.postMessage(m));
  port2.on('message', (m: ToWorker) => handle(m));
  return {
    postMessage: (m) => port1.postMessage(m),
    addEventListener: ((type: string, fn: (e: unknown) => void) => {
      if (type === 'message') port1.on('message', (data: FromWorker) => fn({ data }));
    }) as EnginePort['addEventListener'],
    terminate: () => port1.close(),
  };
}
afterEach(() => opened.splice(0).forEach((p) => p.close()));

/** A worker the test answers by hand: what was sent, and a way to reply. */
function handWorker() {
  const sent: ToWorker[] = [];
  let listener: ((e: { data: FromWorker }) => void) | null = null;
  const port: EnginePort = {
    postMessage: (m) => sent.push(m),
    addEventListener: (type: string, fn: (e: { data: FromWorker }) => void) => {
      if (type === 'message') listener = fn;
    },
  };
  const reply = (m: FromWorker): void => listener?.({ data: m });
  const searches = (): Extract<ToWorker, { type: 'search/run' }>[] =>
    sent.filter((m): m is Extract<ToWorker, { type: 'search/run' }> => m.type === 'search/run');
  return { port, reply, searches };
}

const settle = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof EngineError ? e.code : String(e)),
  );
/** Let the client's promise chain run. */
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('search/run in the worker', () => {
  it('answers the same hits as the pure search, with the id of the model searched', async () => {
    const t = buildScenario('new-l2bridge');
    const c = createEngineClient(realWorker);
    await c.setTopology(t);
    for (const q of ['10.244.1.10', 'a1', '00-15-5d', '10.244.0.0/16']) {
      const got = await c.search(q);
      expect(got).toEqual(search(t, q));
    }
    expect((await c.search('10.244.1.10')).hits.length).toBeGreaterThan(0);
    c.dispose();
  });

  it('says there is no model, and refuses a query that is not a short string, located', () => {
    const out: FromWorker[] = [];
    const h = createHandler((m) => out.push(m));
    h({ type: 'search/run', requestId: 's1', query: '10.0.0.1' });
    h({ type: 'model/set', requestId: 'm', topology: buildScenario('new-overlay') });
    h({ type: 'search/run', requestId: 's2', query: 'x'.repeat(MAX_QUERY_CHARS + 1) });
    h({ type: 'search/run', requestId: 's3', query: 42 as unknown as string });
    h({ type: 'search/run', requestId: 's4', query: 'x'.repeat(MAX_QUERY_CHARS) });
    const errs = out.filter((m) => m.type === 'error');
    expect(errs.map((m) => [m.requestId, m.code])).toEqual([
      ['s1', 'E_NO_TOPOLOGY'],
      ['s2', 'E_BAD_ARGUMENT'],
      ['s3', 'E_BAD_ARGUMENT'],
    ]);
    expect(errs[1]!.message).toBe(
      `the search holds ${MAX_QUERY_CHARS + 1} characters; at most ${MAX_QUERY_CHARS} are searched`,
    );
    const last = out.at(-1)!;
    expect(last.type === 'search/result' && last.result.hits).toEqual([]);
  });

  it('keeps at most MAX_RESULTS hits and says it cut them', async () => {
    const c = createEngineClient(realWorker);
    const t = buildScenario('new-l2bridge');
    await c.setTopology(t);
    // Every object's id or name holds a hyphen or a letter: a one-letter name query hits many.
    const r = await c.search('e');
    expect(r.hits.length).toBeLessThanOrEqual(MAX_RESULTS);
    expect(r).toEqual(search(t, 'e'));
    c.dispose();
  });

  it('the newest search wins: one in flight, replaced ones never sent, stale answers dropped', async () => {
    const w = handWorker();
    const c = createEngineClient(() => w.port);
    const first = settle(c.search('1'));
    await tick();
    const second = settle(c.search('10'));
    const third = c.search('10.1');
    await tick();
    // Only the first went out; the second was replaced before its turn.
    expect(w.searches().map((m) => m.query)).toEqual(['1']);
    const result = { query: 'name', hits: [], truncated: false } as const;
    w.reply({
      type: 'search/result',
      requestId: w.searches()[0]!.requestId,
      topologyId: 't',
      result,
    });
    // The first answer came after newer searches were asked: stale, rejected, never shown.
    expect(await first).toBe('E_CANCELLED');
    expect(await second).toBe('E_CANCELLED');
    await tick();
    expect(w.searches().map((m) => m.query)).toEqual(['1', '10.1']);
    const answer = { query: 'name', hits: [], truncated: true } as const;
    w.reply({
      type: 'search/result',
      requestId: w.searches()[1]!.requestId,
      topologyId: 't',
      result: answer,
    });
    expect(await third).toEqual(answer);
    c.dispose();
  });

  it("the newest search's error is its own, located", async () => {
    const w = handWorker();
    const c = createEngineClient(() => w.port);
    // Searches asked in one go: only the last is sent.
    const replaced = settle(c.search('z'));
    const p = settle(c.search('zz'));
    await tick();
    w.reply({
      type: 'error',
      code: 'E_NO_TOPOLOGY',
      message: 'no topology loaded',
      requestId: w.searches()[0]!.requestId,
    });
    expect(await p).toBe('E_NO_TOPOLOGY');
    expect(await replaced).toBe('E_CANCELLED');
    expect(w.searches().map((m) => m.query)).toEqual(['zz']);
    // The queue goes on after an error.
    const q = c.search('yy');
    await tick();
    w.reply({
      type: 'search/result',
      requestId: w.searches()[1]!.requestId,
      topologyId: 't',
      result: { query: 'name', hits: [], truncated: false },
    });
    expect((await q).hits).toEqual([]);
    c.dispose();
  });
});
