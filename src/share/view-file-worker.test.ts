// @vitest-environment jsdom
/**
 * An exported file the user opens is read, parsed and validated in a worker of its own: a
 * 30 MB SVG and a 6 MB `.hnsviz.json` cross to the worker as the `File` itself (the page never
 * reads its text), and the view comes back as the worker's answer. The worker module runs
 * in-process behind a stand-in `Worker` that records the protocol; no timing is involved.
 * (e2e/export.spec.ts checks that the app starts the real `hnsviz-view-file` worker.)
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportSvg } from '../export/svg';
import { buildScenario } from '../scenarios/index';
import { importViewFile, type ImportResult } from './open-view-file';
import { defaultViewState, VIEW_FORMAT, type ViewState } from './view-state';

/** What crossed between the page and the worker, in order. */
const trace: string[] = [];
/** The worker module's scope: its `onmessage`, and where its answers go. */
const scope: {
  onmessage: ((e: { data: unknown }) => void) | null;
  postMessage(m: ImportResult): void;
} = { onmessage: null, postMessage: () => undefined };

class StandInWorker {
  onmessage: ((e: { data: ImportResult }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(
    readonly url: URL | string,
    readonly options: { name?: string },
  ) {
    trace.push(`start ${options.name ?? ''} ${String(url).split('/').pop() ?? ''}`);
    scope.postMessage = (m) => {
      trace.push(`worker→page ${m.ok ? 'view' : 'refusal'}`);
      queueMicrotask(() => this.onmessage?.({ data: m }));
    };
  }
  postMessage(m: { file: File; knownScenarios: readonly string[] }): void {
    trace.push(`page→worker ${m.file instanceof File ? 'File' : typeof m.file}`);
    queueMicrotask(() => scope.onmessage?.({ data: m }));
  }
  terminate(): void {
    trace.push('terminate');
  }
}

/** A File whose reads are counted: the page must not read it, the worker does. */
class CountedFile extends File {
  reads = 0;
  override text(): Promise<string> {
    this.reads++;
    return super.text();
  }
}

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = scope;
  await import('./view-file.worker');
});

afterEach(() => {
  trace.length = 0;
});

const MiB = 1024 * 1024;
const ids = ['new-l2bridge'];

/** The state of a dump view (a whole model), as the share dialog and the SVG export write it. */
function dumpState(): ViewState {
  return {
    ...defaultViewState('new-l2bridge'),
    source: { kind: 'dump', topology: buildScenario('new-l2bridge'), scrubbed: true },
  };
}

async function open(file: CountedFile): Promise<ImportResult> {
  const r = await importViewFile(
    file,
    ids,
    () =>
      new StandInWorker(new URL('./view-file.worker.ts', 'file:///src/share/'), {
        name: 'hnsviz-view-file',
      }) as unknown as Worker,
  );
  // The page handed the File over and never read it; the worker read it once.
  expect(trace.slice(0, 2)).toEqual([
    'start hnsviz-view-file view-file.worker.ts',
    'page→worker File',
  ]);
  expect(trace).toContain('worker→page view');
  expect(file.reads).toBe(1);
  return r;
}

describe('exported files are opened in their worker', () => {
  it('a 30 MB SVG', async () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    const state = dumpState();
    const text = exportSvg(svg, state);
    svg.remove();
    // As big as a drawing of a busy node: the drawing's bulk after the metadata.
    const padded = text.replace('</svg>', `<g>${' '.repeat(30 * MiB - text.length)}</g></svg>`);
    const file = new CountedFile([padded], 'node.svg', { type: 'image/svg+xml' });
    expect(file.size).toBeGreaterThanOrEqual(30 * MiB);
    const r = await open(file);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.state.source).toEqual(JSON.parse(JSON.stringify(state.source)));
  });

  it('a 6 MB .hnsviz.json', async () => {
    const state = dumpState();
    const json = JSON.stringify({ ...state, format: VIEW_FORMAT }, null, 2);
    const file = new CountedFile([json, ' '.repeat(6 * MiB - json.length)], 'view.hnsviz.json', {
      type: 'application/json',
    });
    expect(file.size).toBeGreaterThanOrEqual(6 * MiB);
    const r = await open(file);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.state.source).toEqual(JSON.parse(JSON.stringify(state.source)));
  });
});
