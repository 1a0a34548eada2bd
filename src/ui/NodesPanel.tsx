import { useEffect, useRef, useState } from 'react';
import type { ClusterNode } from '../cluster/index';
import type { Importer } from '../dump-import/importer';
import { SplitPanel } from './SplitPanel';
import { useAppStore } from './StoreContext';

const OWN = '';

/**
 * The nodes an import was read as: per node its inputs and the evidence that put each there
 * (collector header, host name, node IP, folder), with a choice to move an input to another
 * node or give it one of its own, or to split it between nodes (`SplitPanel`); and how the
 * remote endpoints were stitched.
 */
export function NodesPanel({ importer }: { importer: Importer }) {
  const dump = useAppStore((s) => s.dump);
  const importing = useAppStore((s) => s.importing);
  const [splitting, setSplitting] = useState<string | null>(null);
  /**
   * The input whose choice of node is open: one at a time (a choice for every input made
   * N selects of N + 1 options for N nodes, all in the render that shows the dump).
   */
  const [moving, setMoving] = useState<string | null>(null);
  const nodes = dump?.nodes ?? [];
  if (!dump || nodes.length === 0) return null;
  const stitches = dump.stitches ?? [];
  const count = (status: string) => stitches.filter((s) => s.status === status).length;
  const several = nodes.length > 1;
  /** Inputs read as one node that seem to hold several (`W_SEVERAL_NODES`), by input. */
  const mixed = new Map(
    dump.diagnostics.filter((d) => d.code === 'W_SEVERAL_NODES').map((d) => [d.input, d]),
  );
  return (
    <section className="hv-dump-section" aria-labelledby="hv-nodes-title" data-testid="dump-nodes">
      <h2 id="hv-nodes-title" className="hv-panel-title">
        {several ? `Nodes (${nodes.length})` : 'Node'}
      </h2>
      <ul className="hv-nodes">
        {nodes.map((n) => (
          <li key={n.id} data-testid="dump-node" data-node={n.id}>
            <strong>{n.name}</strong>
            {n.managementIp ? ` · ${n.managementIp}` : ''}
            <ul className="hv-node-inputs">
              {n.evidence.map((e) => {
                const best = e.evidence[0];
                return (
                  <li key={e.input} data-testid="node-input" data-input={e.input}>
                    <span className="hv-node-input">{e.input}</span>
                    <span className="hv-evidence" data-testid="node-evidence">
                      {best ? best.detail : 'no evidence of a node'}
                      {best ? <span className="hv-evidence-kind"> ({best.kind})</span> : null}
                    </span>
                    {!dump.scrubbed && (
                      <Reassign
                        input={e.input}
                        current={n.key}
                        nodes={nodes}
                        open={moving === e.input}
                        disabled={importing}
                        onOpen={(open) => setMoving(open ? e.input : null)}
                        onPick={(node) => {
                          setMoving(null);
                          void importer.reassign(e.input, node);
                        }}
                      />
                    )}
                    {mixed.has(e.input) && (
                      <p className="hv-node-mixed" data-testid="node-mixed">
                        {mixed.get(e.input)!.message.replace(/^this input/, 'It')}.
                      </p>
                    )}
                    {!dump.scrubbed && (
                      <button
                        type="button"
                        className="hv-linklike hv-split-open"
                        data-testid="split-open"
                        aria-expanded={splitting === e.input}
                        disabled={importing}
                        onClick={() => setSplitting(splitting === e.input ? null : e.input)}
                      >
                        Split between nodes…
                      </button>
                    )}
                    {splitting === e.input && (
                      <SplitPanel
                        importer={importer}
                        input={e.input}
                        onClose={() => setSplitting(null)}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {several && stitches.length > 0 && (
        <p className="hv-derived-note" data-testid="stitch-summary">
          Remote endpoints: {count('linked')} linked to their pod on another node
          {count('stale') > 0 ? `, ${count('stale')} stale (no such pod on its node)` : ''}
          {count('unowned-pa') > 0
            ? `, ${count('unowned-pa')} pointing at a node not imported`
            : ''}
          {count('unknown') > 0 ? `, ${count('unknown')} not linked` : ''}.
        </p>
      )}
    </section>
  );
}

/**
 * Moving one input to another node: a button that opens the choice of nodes (focused as it
 * opens; Escape closes it and gives the focus back to the button). Picking a node reads the
 * inputs again with that input there.
 */
function Reassign({
  input,
  current,
  nodes,
  open,
  disabled,
  onOpen,
  onPick,
}: {
  input: string;
  current: string;
  nodes: readonly ClusterNode[];
  open: boolean;
  disabled: boolean;
  onOpen: (open: boolean) => void;
  onPick: (node: string) => void;
}) {
  const select = useRef<HTMLSelectElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Opened or closed from the keyboard or a click here: the focus follows to what replaces it. */
  const follow = useRef(false);
  useEffect(() => {
    if (!follow.current) return;
    follow.current = false;
    (open ? select : button).current?.focus();
  }, [open]);
  return (
    <span className="hv-reassign">
      {open ? (
        <label>
          <span className="hv-sr-only">Node of {input}</span>
          <select
            ref={select}
            data-testid="reassign"
            value={current}
            disabled={disabled}
            onChange={(ev) => onPick(ev.target.value)}
            onKeyDown={(ev) => {
              if (ev.key !== 'Escape') return;
              ev.preventDefault();
              ev.stopPropagation();
              follow.current = true;
              onOpen(false);
            }}
          >
            {nodes.map((o) => (
              <option key={o.id} value={o.key}>
                {o.name}
              </option>
            ))}
            <option value={OWN}>a node of its own</option>
          </select>
        </label>
      ) : (
        <button
          ref={button}
          type="button"
          className="hv-linklike"
          data-testid="reassign-open"
          disabled={disabled}
          onClick={() => {
            follow.current = true;
            onOpen(true);
          }}
        >
          Move<span className="hv-sr-only"> {input}</span> to another node…
        </button>
      )}
    </span>
  );
}
