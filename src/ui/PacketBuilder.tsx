import { memo, useDeferredValue, useId, useMemo, useState, type FormEvent } from 'react';
import { dumpTraceChoices, type TraceChoices } from '../dump-import/trace-choices';
import type { TraceRequest } from '../engine/types';
import { DEFAULT_PRESET_ID, PRESETS, presetById } from '../lessons/presets';
import { useAppStore, useStoreApi } from './StoreContext';

type Proto = NonNullable<TraceRequest['proto']>;

const SOURCES = ['a1', 'a2', 'b1', 'b2', 'win-a', 'win-b', 'external-client', 'internet-server'];
const DESTS = [
  'a2:8080',
  'b1:8080',
  'b2:8080',
  '10.96.10.10:80',
  'web:80',
  '10.96.0.10:53',
  '10.0.0.4:30080',
  '10.0.0.100:80',
  '203.0.113.10:443',
];

/** Split `host:port` (the builder shows the port in its own field). */
function splitTo(to: string): { host: string; port: string } {
  const m = /^(.*):(\d+)$/.exec(to);
  return m ? { host: m[1] ?? to, port: m[2] ?? '' } : { host: to, port: '' };
}

/** The builder's fields by the command-line options the engine names in its messages. */
const FIELDS: Record<string, string> = { '--from': 'From', '--to': 'To' };

/** An engine message as the builder's fields name things (`--to: …` → `To: …`). */
export const fieldNamed = (message: string): string =>
  message.replace(/^(--[a-z-]+):/, (all, flag: string) =>
    FIELDS[flag] ? `${FIELDS[flag]}:` : all,
  );

const presetOf = (req: TraceRequest | null): string =>
  req ? (PRESETS.find((p) => JSON.stringify(p.request) === JSON.stringify(req))?.id ?? '') : '';

/**
 * Pick a source and destination (or a preset for a canonical walk) and trace it in the worker.
 * Its fields start from the store's request: the parent re-keys it when the request changes.
 */
export function PacketBuilder() {
  const store = useStoreApi();
  const status = useAppStore((s) => s.traceStatus);
  const error = useAppStore((s) => s.traceError);
  const ids = useId();
  const current = store.getState().traceRequest;
  // A dumped node (no scenario): its own endpoints and VIPs instead of the reference names.
  const dumpTopology = useAppStore((s) => (s.scenarioId === null ? s.topology : null));
  const dump = useMemo(
    () => (dumpTopology ? dumpTraceChoices(dumpTopology) : null),
    [dumpTopology],
  );
  // A dump's hundreds of suggestions are drawn in a render of their own after this one (a
  // transition, in slices): this render can be the one that shows a freshly imported dump, and
  // creating them here made that task long ("on show" in bench/browser/matrix.bench.ts).
  const suggested = useDeferredValue<TraceChoices | null | false>(dump, false);
  const dumpFirst = dump?.sources[0]
    ? {
        from: dump.sources[0].value,
        // Not the source itself: a first packet to its own address is a hairpin (a known drop).
        to: dump.dests.find((d) => d.value !== dump.sources[0]?.value)?.value ?? '',
        proto: 'tcp' as const,
        reply: true,
      }
    : null;
  const first = current ?? (dump ? dumpFirst : presetById(DEFAULT_PRESET_ID)?.request);
  const [preset, setPreset] = useState<string>(presetOf(current));
  // A dump with nothing to send from starts empty, never with the reference cluster's `a1`.
  const [from, setFrom] = useState(first?.from ?? (dump ? '' : 'a1'));
  const [to, setTo] = useState(splitTo(first?.to ?? '').host);
  const [port, setPort] = useState(splitTo(first?.to ?? '').port);
  const [proto, setProto] = useState<Proto>(first?.proto ?? 'tcp');
  const [reply, setReply] = useState(first?.reply ?? true);
  /** A field left empty, said here rather than sent to the engine. */
  const [missing, setMissing] = useState<string | null>(null);

  const run = (req: TraceRequest): void => {
    store.getState().setTraceRequest(req);
    store.getState().setPlaying(false);
  };
  const choosePreset = (id: string): void => {
    setPreset(id);
    setMissing(null);
    const p = presetById(id);
    if (!p) return;
    const t = splitTo(p.request.to);
    setFrom(p.request.from);
    setTo(t.host);
    setPort(t.port);
    setProto(p.request.proto ?? 'tcp');
    setReply(p.request.reply ?? false);
    run(p.request);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const empty = !from.trim()
      ? 'From: choose where the packet starts (a pod, an endpoint IP, a node or an external).'
      : !to.trim()
        ? 'To: choose where the packet goes (a pod, a service or VIP, an IP, a node or an external).'
        : null;
    setMissing(empty);
    if (empty) return;
    const seed = presetById(preset)?.request.seed;
    const dest = port && proto !== 'icmp' ? `${to.trim()}:${port}` : to.trim();
    run({ from: from.trim(), to: dest, proto, reply, ...(seed ? { seed } : {}) });
  };

  return (
    <form className="hv-builder" onSubmit={submit} aria-label="Packet builder">
      <label className="hv-field-preset">
        <span>Preset</span>
        <select value={preset} onChange={(e) => choosePreset(e.target.value)}>
          <option value="">Custom packet…</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.walk} · {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>From</span>
        <input
          value={from}
          list={`${ids}-src`}
          onChange={(e) => setFrom(e.target.value)}
          size={10}
        />
      </label>
      <label>
        <span>To</span>
        <input value={to} list={`${ids}-dst`} onChange={(e) => setTo(e.target.value)} size={12} />
      </label>
      <label>
        <span>Port</span>
        <input
          value={port}
          inputMode="numeric"
          pattern="\d{0,5}"
          disabled={proto === 'icmp'}
          onChange={(e) => setPort(e.target.value)}
          size={5}
        />
      </label>
      <label>
        <span>Protocol</span>
        <select value={proto} onChange={(e) => setProto(e.target.value as Proto)}>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="icmp">ICMP</option>
        </select>
      </label>
      <label className="hv-check">
        <input type="checkbox" checked={reply} onChange={(e) => setReply(e.target.checked)} />
        <span>Reply</span>
      </label>
      <button type="submit" className="hv-primary" disabled={status === 'running'}>
        Trace
      </button>
      <Suggestions ids={ids} dump={suggested} />
      {(missing ?? error) && (
        <p className="hv-builder-error" role="alert">
          {missing ?? fieldNamed(error!)}
        </p>
      )}
    </form>
  );
}

/**
 * The From and To fields' suggestions: a dump's own endpoints and VIPs, or the reference names
 * (`false`: not drawn yet; React would take an `undefined` first value as none). Memoised, so
 * the builder's other renders skip it.
 */
const Suggestions = memo(function Suggestions({
  ids,
  dump,
}: {
  ids: string;
  dump: TraceChoices | null | false;
}) {
  // A new key per kind of list: its options are inserted with their list, not one by one.
  const kind = dump === false ? 'none' : dump ? 'dump' : 'reference';
  return (
    <>
      <datalist id={`${ids}-src`} key={`src-${kind}`}>
        {dump
          ? dump.sources.map((s) => <option key={s.value} value={s.value} label={s.label} />)
          : dump === null && SOURCES.map((s) => <option key={s} value={s} />)}
      </datalist>
      <datalist id={`${ids}-dst`} key={`dst-${kind}`}>
        {dump
          ? dump.dests.map((d) => (
              <option key={d.value} value={splitTo(d.value).host} label={d.label} />
            ))
          : dump === null && DESTS.map((d) => <option key={d} value={splitTo(d).host} />)}
      </datalist>
    </>
  );
});
