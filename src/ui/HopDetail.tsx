import type { TraceEvent } from '../view-model/trace-events';
import { ConfidenceBadge } from './ConfidenceBadge';
import { deciderText, placeText } from '../view-model/trace-format';

/** The current hop: where, which rule, why, its confidence and how to verify it on a node. */
export function HopDetail({ ev }: { ev: TraceEvent | null }) {
  if (!ev) return null;
  const h = ev.hop;
  const verify = [...new Set(ev.hops.flatMap((x) => x.verify))];
  const modelNamed = ev.hops.some((x) => x.nameSource === 'model');
  return (
    // Focusable: it scrolls when the hop has much to say, and keyboard users must reach that.
    <section className="hv-hop" aria-label="Current hop" tabIndex={0}>
      <p className="hv-hop-head">
        <span className={`hv-phase phase-${h.phase}`}>{h.phase}</span>
        <strong>{placeText(ev)}</strong>
        <ConfidenceBadge confidence={h.confidence} />
      </p>
      <p className="hv-hop-rule">
        <code>{deciderText(ev)}</code> → <strong>{h.action}</strong>
        {modelNamed && <ModelName />}
      </p>
      {h.why.length > 0 && (
        <ul className="hv-why">
          {h.why.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="hv-verify">
        <span>Verify on the node:</span>
        {verify.length > 0 ? (
          <ul>
            {verify.map((v) => (
              <li key={v}>
                <code>{v}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="hv-none"> no command for this hop{h.ref ? ` (see ${h.ref})` : ''}</span>
        )}
      </div>
    </section>
  );
}

/** Marks a rule name hnsviz made up: no source shows the real one, so a node will not show it. */
export function ModelName() {
  return (
    <span
      className="hv-model-name"
      title="hnsviz named this rule: no source shows its real name, so vfpctrl on a node will list another"
    >
      model name
    </span>
  );
}
