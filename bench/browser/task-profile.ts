/**
 * Attribution of the main thread's long tasks, for the browser benches: with `HNSVIZ_PROFILE=1`
 * a bench phase runs under Chromium's tracing (timeline events and the V8 sampling profiler), and
 * each main-thread task of 50 ms or more is printed with what ran inside it: the timeline events
 * that took most of it (script, style, layout, paint, garbage collection) and the JavaScript
 * functions the samples fell in (self time, and time inside the app's own functions). Build the
 * app with `npx vite build --minify false` first so the functions keep their names.
 */
import type { Browser, Page } from '@playwright/test';

export const PROFILE = process.env.HNSVIZ_PROFILE === '1';

/** The user-timing mark a phase may set in the page where its measured part starts. */
export const OPEN_MARK = 'hnsviz-bench-open';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time inside the event, when the trace records it (µs). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    /** A `Layout` event's layout objects: those it laid out again, of all on the page. */
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number };
}

/** Run `phase` under tracing when `HNSVIZ_PROFILE=1` and print its long tasks' attribution. */
export async function profiled<T>(
  browser: Browser,
  page: Page,
  label: string,
  phase: () => Promise<T>,
): Promise<T> {
  if (!PROFILE) return phase();
  await browser.startTracing(page, { categories: CATEGORIES });
  const out = await phase();
  const buf = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
  printLongTasks(label, traceEvents);
  return out;
}

function printLongTasks(label: string, events: TraceEvent[]): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return console.log(`${label}: no renderer main thread in the trace`);
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) >= 50e3);
  const samples = collectSamples(events, main.pid, main.tid);
  // A phase may mark its start in the page (`performance.mark(OPEN_MARK)`): tasks are then
  // given with their start from it (negative: before it, such as an import's own tasks).
  const mark = events.find((e) => e.name === OPEN_MARK && e.pid === main.pid);
  console.log(`${label}: ${tasks.length} main-thread tasks ≥ 50 ms`);
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    // Timeline events inside the task (≥ 3 ms), outermost first: what kind of work it was.
    const inner = onMain
      .filter(
        (e) =>
          e !== t &&
          e.ph === 'X' &&
          !/RunTask|ThreadPool|RunNormal|RunAndDelete/.test(e.name) &&
          e.ts >= t.ts &&
          e.ts < end &&
          (e.dur ?? 0) >= 3e3,
      )
      .sort((a, b) => a.ts - b.ts);
    const outer: TraceEvent[] = [];
    for (const e of inner) {
      const last = outer[outer.length - 1];
      if (last && e.ts + (e.dur ?? 0) <= last.ts + (last.dur ?? 0)) continue;
      outer.push(e);
    }
    const kinds = outer.map((e) => `${e.name} ${ms(e.dur ?? 0)}${objects(e)}`).join(', ');
    const self = new Map<string, number>();
    const app = new Map<string, number>();
    for (const s of samples) {
      if (s.ts < t.ts || s.ts >= end) continue;
      self.set(s.leaf, (self.get(s.leaf) ?? 0) + s.dt);
      for (const f of s.appFrames) app.set(f, (app.get(f) ?? 0) + s.dt);
    }
    // Wall time, and the thread's own CPU time when the trace has it: on a loaded machine the
    // difference is time the thread waited for a core, not work of the page.
    const cpu = t.tdur === undefined ? '' : ` (${ms(t.tdur)} on the CPU)`;
    const at = mark ? ` at ${ms(t.ts - mark.ts)}` : '';
    console.log(`  task ${ms(t.dur ?? 0)}${cpu}${at}: ${kinds}`);
    console.log(`    self: ${top(self)}`);
    console.log(`    in app functions: ${top(app)}`);
    // React components (capitalised names): which of them a render's time went to.
    const parts = new Map([...app].filter(([f]) => /^[A-Z][A-Za-z0-9]*[a-z] /.test(f)));
    if (parts.size > 0) console.log(`    in components: ${top(parts, 8)}`);
  }
}

interface Sample {
  ts: number;
  dt: number;
  leaf: string;
  appFrames: string[];
}

/** The V8 profiler's samples on one thread, each with its leaf and its app frames. */
function collectSamples(events: TraceEvent[], pid: number, tid: number): Sample[] {
  const starts = new Map<string, number>();
  for (const e of events)
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid && e.id)
      starts.set(e.id, e.args?.data?.startTime ?? e.ts);
  const nodes = new Map<number, ProfileNode>();
  const out: Sample[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id || !starts.has(e.id)) continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    let ts = clock.get(e.id) ?? starts.get(e.id)!;
    for (let i = 0; i < ids.length; i++) {
      const dt = deltas[i] ?? 0;
      ts += dt;
      out.push({ ts, dt: 0, leaf: '', appFrames: [String(ids[i])] });
    }
    clock.set(e.id, ts);
  }
  out.sort((a, b) => a.ts - b.ts);
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    s.dt = i + 1 < out.length ? Math.min(out[i + 1]!.ts - s.ts, 10e3) : 0;
    let node = nodes.get(Number(s.appFrames[0]));
    s.leaf = node ? frameName(node) : '?';
    const seen = new Set<string>();
    while (node) {
      if (/\/assets\//.test(node.callFrame.url ?? '')) seen.add(frameName(node));
      node = node.parent === undefined ? undefined : nodes.get(node.parent);
    }
    s.appFrames = [...seen];
  }
  // Parents are given on children in trace chunks only as `parent`; nodes without it are roots.
  return out;
}

function frameName(n: ProfileNode): string {
  const f = n.callFrame;
  const file = (f.url ?? '').replace(/^.*\//, '');
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${(f.lineNumber ?? 0) + 1}` : ''}`;
}

const ms = (us: number): string => `${Math.round(us / 1000)} ms`;

/** A layout's size in objects (a count the machine's load does not change), or nothing. */
function objects(e: TraceEvent): string {
  const b = e.args?.beginData;
  return e.name === 'Layout' && b?.dirtyObjects !== undefined
    ? ` (${b.dirtyObjects} of ${b.totalObjects ?? '?'} objects)`
    : '';
}

function top(m: Map<string, number>, n = 6): string {
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join('; ');
}
