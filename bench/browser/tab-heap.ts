/**
 * The tab's JavaScript heap, for the browser benches: the page's own heap and each of its
 * workers' (the engine and the matrix workers hold models too), each measured after a full
 * collection (`HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`: live objects only).
 * Workers are reached through the page's DevTools session (`Target.setAutoAttach`), in the
 * non-flat mode where their messages travel inside `Target.sendMessageToTarget`.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface TabHeap {
  /** Used heap of the page's main thread, bytes. */
  readonly page: number;
  /** Used heap of each worker, bytes. */
  readonly workers: readonly { readonly url: string; readonly used: number }[];
  readonly total: number;
}

interface Attached {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

/** Collect garbage in the page and its workers, then read how much heap each still uses. */
export async function measureTabHeap(page: Page): Promise<TabHeap> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const main = await cdp.send('Runtime.getHeapUsage');
    const workers = await workerHeaps(cdp);
    const total = main.usedSize + workers.reduce((s, w) => s + w.used, 0);
    return { page: main.usedSize, workers, total };
  } finally {
    await cdp.detach();
  }
}

async function workerHeaps(cdp: CDPSession): Promise<{ url: string; used: number }[]> {
  const attached: Attached[] = [];
  cdp.on('Target.attachedToTarget', (e: Attached) => {
    if (e.targetInfo.type === 'worker') attached.push(e);
  });
  // Already running workers are reported at once, before this call returns.
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  let next = 1;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result ?? null);
  });
  const call = (sessionId: string, method: string): Promise<unknown> => {
    const id = next++;
    const answered = new Promise<unknown>((resolve) => pending.set(id, resolve));
    void cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params: {} }),
    });
    return answered;
  };
  const out: { url: string; used: number }[] = [];
  for (const w of attached) {
    await call(w.sessionId, 'HeapProfiler.enable');
    await call(w.sessionId, 'HeapProfiler.collectGarbage');
    const usage = (await call(w.sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number };
    out.push({ url: w.targetInfo.url, used: usage?.usedSize ?? 0 });
  }
  await cdp.send('Target.setAutoAttach', {
    autoAttach: false,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  return out;
}
