import { Fragment, memo, startTransition, useEffect, useState } from 'react';
import { nodeList, onNodes } from '../lint/on-nodes';
import type { Finding } from '../lint/types';
import type { Topology } from '../model/types';
import { useAppStore, useStoreApi } from './StoreContext';

const MAX = 60;
/**
 * Findings in the render that shows a new dump; the rest of the list follows in a transition (a
 * render React interrupts to let the page respond): on a 20-node cluster the 60 findings shown
 * were ~2,000 elements of the import's first render, most of them out of view.
 */
const FIRST = 12;

/** What an object without an address is called in a finding's node line. */
const KIND_TEXT: Readonly<Record<string, string>> = {
  loadBalancer: 'a NodePort load balancer',
  vswitch: 'its vSwitch',
  endpoint: 'an endpoint without IP',
  network: 'a network without subnet',
  other: 'the node',
};

/**
 * One finding: Problem → Evidence → Fix; the title selects the objects concerned. Memoised: a
 * selection elsewhere renders again only the finding whose `active` changes.
 */
const FindingItem = memo(function FindingItem({
  f,
  index,
  active,
  onPick,
  cluster,
}: {
  f: Finding;
  index: number;
  active: boolean;
  onPick: (index: number) => void;
  /** Set when several nodes are imported: the finding then says which node(s) it is on. */
  cluster: Topology | null;
}) {
  const store = useStoreApi();
  const where = cluster ? onNodes(cluster, f) : [];
  return (
    <li className={`hv-finding is-${f.severity}${active ? ' is-active' : ''}`} data-code={f.code}>
      <button
        type="button"
        className="hv-finding-title"
        aria-pressed={active}
        disabled={f.objectIds.length === 0}
        onClick={() => {
          onPick(index);
          store.getState().highlightObjects(f.objectIds);
        }}
        data-testid="finding"
      >
        <span className="hv-sev">{f.severity}</span> {f.title}
        {f.objectIds.length > 0 && (
          <span className="hv-count">
            {' '}
            · {f.objectIds.length} object{f.objectIds.length === 1 ? '' : 's'}
          </span>
        )}
      </button>
      <dl className="hv-pef">
        <dt>Problem</dt>
        <dd>{f.problem}</dd>
        <dt>Evidence</dt>
        <dd>{f.evidence}</dd>
        <dt>Fix</dt>
        <dd>{f.fix}</dd>
        {where.length > 0 && (
          <>
            <dt>{where.length === 1 ? 'Node' : 'Nodes'}</dt>
            <dd data-testid="finding-nodes">
              {where.map((n, i) => (
                // A node is its name and one text (a finding can name every node of a big
                // cluster: no wrapper element, no text split in pieces).
                <Fragment key={n.node}>
                  {i > 0 && '; '}
                  <strong>{n.name}</strong>
                  {`: ${n.objects
                    .map((o) => (o.ips.length > 0 ? o.ips.join(', ') : (KIND_TEXT[o.kind] ?? o.id)))
                    .slice(0, 6)
                    .join(', ')}${n.objects.length > 6 ? ` and ${n.objects.length - 6} more` : ''}`}
                </Fragment>
              ))}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
});

/**
 * Lint findings on the imported node(s); clicking one highlights its objects. With several
 * nodes each finding names the node(s) its objects are on.
 */
export function LintPanel({ findings }: { findings: readonly Finding[] }) {
  const topology = useAppStore((s) => s.dumpTopology);
  const names = topology ? topology.nodeIds.map((id) => topology.nodes[id]?.name ?? id) : [];
  const cluster = topology && names.length > 1 ? topology : null;
  const [all, setAll] = useState(false);
  const [picked, setPicked] = useState(-1);
  // Active while its objects are still the highlighted selection (a flag, not the selection:
  // selecting another object renders the panel again only when this changes).
  const live = useAppStore((s) => s.selectedId !== null && s.highlightIds[0] === s.selectedId);
  const shown = all ? findings : findings.slice(0, MAX);
  const [upTo, setUpTo] = useState({ of: findings, n: FIRST });
  const listed = upTo.of === findings ? shown.slice(0, upTo.n) : shown.slice(0, FIRST);
  useEffect(() => {
    if (listed.length < shown.length)
      startTransition(() => setUpTo({ of: findings, n: Number.POSITIVE_INFINITY }));
  }, [findings, listed.length, shown.length]);
  return (
    <section className="hv-dump-section" aria-labelledby="hv-lint-title" data-testid="lint-panel">
      <h2 id="hv-lint-title" className="hv-panel-title">
        Lint findings ({findings.length})
      </h2>
      {findings.length === 0 ? (
        <p className="hv-empty" data-testid="lint-empty">
          {names.length > 1
            ? `No known problem found on ${names.length === 2 ? 'either' : 'any'} of the ${names.length} nodes (${nodeList(names)}), nor between them.`
            : `No known problem found on this node${names[0] ? ` (${names[0]})` : ''}.`}
        </p>
      ) : (
        <ul className="hv-findings">
          {listed.map((f, i) => (
            <FindingItem
              key={i}
              f={f}
              index={i}
              active={live && picked === i}
              onPick={setPicked}
              cluster={cluster}
            />
          ))}
        </ul>
      )}
      {findings.length > shown.length && (
        <button type="button" className="hv-more" onClick={() => setAll(true)}>
          Show all {findings.length.toLocaleString('en')} findings
        </button>
      )}
    </section>
  );
}
