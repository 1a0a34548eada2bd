import type { TracePacket } from '../engine/types';
import type { PacketField, TraceEvent } from '../view-model/trace-events';
import { endpointText, fieldValue } from '../view-model/trace-format';

/** Rows of the card: source and destination as ip:port, so the card stays short. */
const ROWS: readonly { key: string; label: string; fields: readonly PacketField[] }[] = [
  { key: 'src', label: 'Src', fields: ['srcIp', 'srcPort'] },
  { key: 'dst', label: 'Dst', fields: ['dstIp', 'dstPort'] },
  { key: 'proto', label: 'Proto', fields: ['proto'] },
  { key: 'srcMac', label: 'Src MAC', fields: ['srcMac'] },
  { key: 'dstMac', label: 'Dst MAC', fields: ['dstMac'] },
];

function rowValue(p: TracePacket, fields: readonly PacketField[]): string {
  if (fields[0] === 'srcIp') return endpointText(p.srcIp, p.srcPort, p.proto);
  if (fields[0] === 'dstIp') return endpointText(p.dstIp, p.dstPort, p.proto);
  return fields.map((f) => fieldValue(p, f)).join(' ');
}

function OuterHeader({ p, changed }: { p: TracePacket; changed: boolean }) {
  if (!p.outer) return null;
  return (
    <p className={`hv-outer-head${changed ? ' is-changed' : ''}`}>
      <strong>Outer VXLAN</strong> {p.outer.srcIp} → {p.outer.dstIp} · UDP {p.outer.dstPort} · VNI{' '}
      {p.outer.vni}
    </p>
  );
}

/**
 * The packet before and after the current event. Changed fields are marked (colour, weight and
 * a "changed" word); an encapsulated packet is drawn inside its outer header.
 */
export function HeaderCard({
  ev,
  label = 'Packet header',
}: {
  ev: TraceEvent | null;
  label?: string;
}) {
  if (!ev) {
    return (
      <section className="hv-header-card is-empty" aria-label={label}>
        <h2 className="hv-panel-title">{label}</h2>
        <p className="hv-hint">Step into the trace to see the header.</p>
      </section>
    );
  }
  const changed = new Set(ev.changed);
  const outer = ev.after.outer ?? ev.before.outer;
  const outerChanged = changed.has('outer');
  return (
    <section className="hv-header-card" aria-label={label} data-changed={ev.changed.join(' ')}>
      <h2 className="hv-panel-title">{label}</h2>
      <div className={`hv-encap${outer ? ' has-outer' : ''}${outerChanged ? ' is-changed' : ''}`}>
        {outer && (
          <div className="hv-outer-pair">
            <OuterHeader p={ev.after.outer ? ev.after : ev.before} changed={outerChanged} />
            {outerChanged && (
              <span className="hv-outer-note">
                {ev.after.outer ? 'added (encap)' : 'removed (decap)'}
              </span>
            )}
          </div>
        )}
        <table className="hv-headers">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => {
              const c = r.fields.some((f) => changed.has(f));
              return (
                <tr key={r.key} className={c ? 'is-changed' : undefined} data-field={r.key}>
                  <th scope="row">
                    {r.label}
                    {c && (
                      <span className="hv-changed-tag">
                        <span aria-hidden="true"> ✱</span>
                        <span className="hv-sr-only"> changed</span>
                      </span>
                    )}
                  </th>
                  <td>{rowValue(ev.before, r.fields)}</td>
                  <td>{rowValue(ev.after, r.fields)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
