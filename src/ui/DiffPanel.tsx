import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Trace } from '../engine/types';
import type { Topology } from '../model/types';
import { readPicked, type PickedFile } from '../dump-import/files';
import { MAX_INPUT_BYTES } from '../parsers/index';
import { diffAgainstHeld, type HeldEvent, type ListedDiff } from '../worker/engine-client';
import { spawnEngineClient } from '../worker/spawn-engine';
import { useAppStore, useStoreApi } from './StoreContext';
import type { SnapshotCompare } from './useSnapshotCompare';

/** The most rows of each kind the worker sends and the list can show. */
const MAX_SHOWN = 200;
/** Rows of each kind shown at first, and added by "Show more" (a render stays short). */
const SHOWN_STEP = 50;

/**
 * "What changed": the shown dump (before) against another snapshot (after) the user picks —
 * the same node(s) later, or a node that should be alike. The snapshot is parsed by a worker of
 * its own, which keeps its model (the page holds none of it until the compare view opens);
 * objects added, removed and changed field by field, VFP rules included, computed there; and
 * the current trace run again on the snapshot, here and side by side in the compare view. The
 * snapshot and its worker are the viewer's (`useSnapshotCompare`).
 */
export function DiffPanel({
  snapshots,
  beforeIn,
}: {
  snapshots: SnapshotCompare;
  /** The worker holding the shown dump, to send it to the snapshot's worker (`Importer.sendIn`). */
  beforeIn?: (t: Topology) => ((port: MessagePort) => Promise<void>) | null;
}) {
  const store = useStoreApi();
  const before = useAppStore((s) => s.dumpTopology);
  const request = useAppStore((s) => s.traceRequest);
  const trace = useAppStore((s) => s.trace);
  const snap = snapshots.after;
  // A restarted worker that read the snapshot again: its trace and diff run again there.
  const reloads = snapshots.reloads;
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The after side of the trace, tagged with the request and snapshot it answers.
  const [after, setAfter] = useState<{
    for: [unknown, unknown];
    value: Trace | string;
  } | null>(null);
  // The after side of the current trace, whenever the trace or the snapshot changes: traced
  // in the snapshot's worker, which holds its model.
  useEffect(() => {
    if (!snap || !request) return;
    let live = true;
    const done = (value: Trace | string): void => {
      if (live) setAfter({ for: [snap, request], value });
    };
    snap.client
      .trace(request)
      .then(done)
      .catch((e: unknown) => done(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [snap, request, reloads]);
  // The diff itself runs in the snapshot's worker (it derives VFP rules of changed ports, which
  // can take seconds on a big cluster). `before` goes to it from the worker that parsed it when
  // that one still holds it (worker to worker: the page reads only the answer), else from here.
  const sendBefore = before ? (beforeIn?.(before) ?? null) : null;
  const [diffed, setDiffed] = useState<{
    for: [unknown, unknown];
    value: ListedDiff | string;
  } | null>(null);
  useEffect(() => {
    if (!before || !snap) return;
    let live = true;
    const done = (value: ListedDiff | string): void => {
      if (live) setDiffed({ for: [before, snap], value });
    };
    const c = snap.client;
    (sendBefore
      ? diffAgainstHeld(c, sendBefore, { listed: MAX_SHOWN })
      : c.diff(before, { listed: MAX_SHOWN })
    )
      .then(done)
      .catch((e: unknown) => done(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [before, snap, sendBefore, reloads]);
  const diffValue =
    diffed && diffed.for[0] === before && diffed.for[1] === snap ? diffed.value : null;
  const diff = typeof diffValue === 'string' ? null : diffValue;
  // Rows shown of each kind: a step at first, more on demand (a new diff starts over).
  const [shownRows, setShownRows] = useState<{ for: unknown; rows: number }>({
    for: null,
    rows: SHOWN_STEP,
  });
  const rows = shownRows.for === diffValue ? shownRows.rows : SHOWN_STEP;
  const afterTrace =
    after && after.for[0] === snap && after.for[1] === request ? after.value : null;
  if (!before) return null;

  const load = async (files: PickedFile[]): Promise<void> => {
    const { inputs, skipped } = readPicked(files, MAX_INPUT_BYTES);
    if (inputs.length === 0) {
      setError(skipped[0] ? `${skipped[0].name}: ${skipped[0].why}` : 'No file could be read.');
      return;
    }
    // Told when its worker restarts: the snapshot read again from these files, or lost.
    const client = spawnEngineClient({
      onHeld: (event) => snapshots.heldChanged(client!, event),
    });
    if (!client) {
      setError('This browser cannot run the parser (no Web Worker support).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The snapshot's model stays in this worker (traces and the diff run there); the page
      // gets it only if the compare view opens.
      const held = await client.holdDump(inputs);
      snapshots.setAfter({ client, names: held.inputs.map((i) => i.name) });
    } catch (e) {
      client.dispose();
      setError(`The snapshot could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const d = diff;
  const select = (id: string): void => {
    if (
      before.endpoints[id] ||
      before.loadBalancers[id] ||
      before.networks[id] ||
      before.nodes[id] ||
      before.rules[id]
    )
      store.getState().highlightObjects([id]);
  };
  const row = (
    sign: string,
    label: string,
    id: string,
    cls: string,
    extra?: string[],
    derived?: boolean,
  ) => (
    <li key={`${sign}${id}`} className={cls} data-testid="diff-row" data-change={cls}>
      <button type="button" className="hv-linklike" onClick={() => select(id)}>
        {sign} {label}
      </button>
      {derived && (
        <span
          className="hv-evidence-kind"
          data-testid="diff-derived"
          title="hnsviz derived this rule from the HNS policies; the dump held no vfpctrl output for it"
        >
          {' '}
          (derived by hnsviz)
        </span>
      )}
      {extra && extra.length > 0 && (
        <ul className="hv-diff-fields">
          {extra.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    </li>
  );
  const verdict = (t: Trace | string | null): string =>
    t === null
      ? '…'
      : typeof t === 'string'
        ? `cannot trace: ${t}`
        : t.legs.map((l) => `${l.phase}: ${l.verdict} — ${l.reason}`).join(' · ');
  return (
    <section className="hv-dump-section" aria-labelledby="hv-diff-title" data-testid="diff-panel">
      <h2 id="hv-diff-title" className="hv-panel-title">
        What changed
      </h2>
      <p className="hv-derived-note">
        Compare this dump (before) with another snapshot (after): the same node(s) later, or a node
        that should be alike.{' '}
        <label className="hv-linklike">
          Pick the snapshot’s files…
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            data-testid="diff-files"
            onChange={(e) => {
              const list = Array.from(e.target.files ?? []).map((file) => ({
                path:
                  (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
                file,
              }));
              e.target.value = '';
              void load(list);
            }}
          />
        </label>
      </p>
      {busy && <p role="status">Reading the snapshot…</p>}
      {snap && snapshots.held && <HeldNotice event={snapshots.held} picker={picker} />}
      {!busy && snap && diffValue === null && (
        <p role="status" data-testid="diff-pending">
          Comparing the snapshots…
        </p>
      )}
      {typeof diffValue === 'string' && (
        <p role="alert">The snapshots could not be compared: {diffValue}</p>
      )}
      {error && (
        <p className="hv-error" role="alert">
          {error}
        </p>
      )}
      {d && snap && (
        <>
          <p data-testid="diff-summary">
            Against {snap.names.join(', ')}: {d.totals.added} added, {d.totals.removed} removed,{' '}
            {d.totals.changed} changed.
          </p>
          {request && (
            <dl className="hv-diff-trace" data-testid="diff-trace">
              <dt>
                Trace {request.from} → {request.to}, before
              </dt>
              <dd data-side="before">{verdict(trace)}</dd>
              <dt>after</dt>
              <dd data-side="after">{verdict(afterTrace)}</dd>
            </dl>
          )}
          <p>
            <button
              type="button"
              className="hv-linklike"
              data-testid="diff-compare"
              disabled={!request || snapshots.opening}
              onClick={() => snapshots.compareSnapshots()}
            >
              Trace both side by side
            </button>{' '}
            <span className="hv-derived-note">
              {request
                ? '(the compare view: before and after in lockstep, with what differs)'
                : '(trace a packet first)'}
            </span>
          </p>
          {snapshots.opening && (
            <p role="status" data-testid="diff-opening">
              Reading the snapshot for the compare view…
            </p>
          )}
          {snapshots.openError && (
            <p className="hv-error" role="alert">
              The compare view could not open: {snapshots.openError}
            </p>
          )}
          <ul className="hv-diff">
            {d.removed
              .slice(0, rows)
              .map((x) => row('−', x.label, x.id, 'removed', undefined, x.derived))}
            {d.added
              .slice(0, rows)
              .map((x) => row('+', x.label, x.id, 'added', undefined, x.derived))}
            {d.changed.slice(0, rows).map((x) =>
              row(
                '~',
                x.label,
                x.before.id,
                'changed',
                x.fields.map(
                  (f) => `${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`,
                ),
                x.derived,
              ),
            )}
          </ul>
          {d.vfp.derivedPorts + d.vfp.skippedPorts > 0 && (
            <p className="hv-derived-note" data-testid="diff-vfp">
              This dump’s VFP rules were derived on demand: the rules of {d.vfp.derivedPorts}{' '}
              port(s) whose HNS objects changed were derived to compare them
              {d.vfp.skippedPorts > 0
                ? `; ${d.vfp.skippedPorts} more were left out (over ${d.vfp.ruleLimit} rules): ${d.vfp.skipped.join(', ')}${d.vfp.skippedPorts > d.vfp.skipped.length ? ', …' : ''}. \`hnsviz diff --derive-limit\` compares them`
                : ''}
              .
            </p>
          )}
          {rows < MAX_SHOWN &&
            Math.max(d.added.length, d.removed.length, d.changed.length) > rows && (
              <p>
                <button
                  type="button"
                  className="hv-linklike"
                  data-testid="diff-more"
                  onClick={() => setShownRows({ for: diffValue, rows: rows + SHOWN_STEP })}
                >
                  Show more
                </button>{' '}
                <span className="hv-derived-note">(the first {rows} of each are listed)</span>
              </p>
            )}
          {Math.max(d.totals.added, d.totals.removed, d.totals.changed) > MAX_SHOWN && (
            <p className="hv-derived-note">
              The first {MAX_SHOWN} of each are listed; `hnsviz diff` prints them all.
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * What became of the snapshot when its worker was restarted: read again from its files (said
 * once), being read, or lost, with the action that brings it back. The diff shown stays.
 */
function HeldNotice({
  event,
  picker,
}: {
  event: HeldEvent;
  picker: RefObject<HTMLInputElement | null>;
}) {
  const text = event.message.charAt(0).toUpperCase() + event.message.slice(1);
  if (event.state !== 'lost')
    return (
      <p role="status" className="hv-derived-note" data-testid="diff-held" data-state={event.state}>
        {text}
      </p>
    );
  return (
    <p className="hv-error" role="alert" data-testid="diff-held" data-state="lost">
      {text}.{' '}
      <button type="button" className="hv-linklike" onClick={() => picker.current?.click()}>
        Import the snapshot again…
      </button>
    </p>
  );
}
