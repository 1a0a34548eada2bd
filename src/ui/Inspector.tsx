import { indexTopology, type ObjectKind, type ObjectRef } from '../layout/object-index';
import type { Provenance } from '../model/types';
import { ConfidenceBadge } from './ConfidenceBadge';
import { FieldList, FieldValue } from './FieldValue';
import { useAppStore, useStoreApi } from './StoreContext';

/** Human names of object kinds, in Microsoft's terms. */
export const KIND_LABEL: Readonly<Record<ObjectKind, string>> = {
  node: 'Node',
  vswitch: 'Hyper-V vSwitch',
  network: 'HNS network',
  endpoint: 'HNS endpoint',
  pod: 'Pod',
  port: 'vSwitch port',
  layer: 'VFP layer',
  group: 'VFP group',
  rule: 'VFP rule',
  'host-stack': 'Host TCP/IP stack',
  winnat: 'WinNAT',
  'kube-proxy': 'kube-proxy',
  external: 'External host',
  wire: 'Wire',
  service: 'Service',
  'load-balancer': 'HNS load balancer',
};

/** Shows every field of the selected object, what produced it, and how sure we are. */
export function Inspector() {
  const topology = useAppStore((s) => s.topology);
  const selectedId = useAppStore((s) => s.selectedId);
  const store = useStoreApi();
  const select = (id: string): void => store.getState().select(id);
  const index = topology ? indexTopology(topology) : {};
  const ref = selectedId ? index[selectedId] : undefined;
  return (
    <section
      className="hv-inspector"
      aria-labelledby="hv-inspector-title"
      data-selected={selectedId ?? ''}
    >
      <h2 id="hv-inspector-title" className="hv-panel-title">
        Inspector
      </h2>
      {!ref ? (
        <p className="hv-hint">
          Select anything in the drawing or in the object list to see all its fields, what produced
          it and how sure we are.
        </p>
      ) : (
        <InspectorBody ref_={ref} index={index} onSelect={select} />
      )}
    </section>
  );
}

function InspectorBody({
  ref_,
  index,
  onSelect,
}: {
  ref_: ObjectRef;
  index: ReturnType<typeof indexTopology>;
  onSelect: (id: string) => void;
}) {
  const entity = (
    typeof ref_.entity === 'object' && ref_.entity !== null ? ref_.entity : {}
  ) as Record<string, unknown>;
  return (
    <div className="hv-inspector-body" data-kind={ref_.kind}>
      <header className="hv-object-head">
        <span className="hv-kind">{KIND_LABEL[ref_.kind]}</span>
        <h3 className="hv-object-name">{ref_.name}</h3>
        {ref_.provenance && <ConfidenceBadge confidence={ref_.provenance.confidence} />}
      </header>
      <h4 className="hv-section">Produced by</h4>
      {ref_.provenance ? (
        <ProvenanceView p={ref_.provenance} index={index} onSelect={onSelect} />
      ) : (
        <p className="hv-hint">Part of the scenario description (no HNS object behind it).</p>
      )}
      <h4 className="hv-section">Fields</h4>
      <FieldList entity={entity} index={index} onSelect={onSelect} omit={['provenance']} />
    </div>
  );
}

function ProvenanceView({
  p,
  index,
  onSelect,
}: {
  p: Provenance;
  index: ReturnType<typeof indexTopology>;
  onSelect: (id: string) => void;
}) {
  return (
    <dl className="hv-fields hv-provenance">
      <div className="hv-field">
        <dt>by</dt>
        <dd>{p.by}</dd>
      </div>
      <div className="hv-field">
        <dt>object</dt>
        <dd>
          <FieldValue value={p.id} index={index} onSelect={onSelect} />
        </dd>
      </div>
      <div className="hv-field">
        <dt>detail</dt>
        <dd>{p.detail ?? '—'}</dd>
      </div>
      <div className="hv-field">
        <dt>confidence</dt>
        <dd>
          <ConfidenceBadge confidence={p.confidence} />{' '}
          {p.derived ? 'derived by hnsviz from HNS policies' : 'as stated'}
        </dd>
      </div>
      <div className="hv-field">
        <dt>source</dt>
        <dd>{p.ref ?? '—'}</dd>
      </div>
      {p.creator && (
        <div className="hv-field">
          <dt>created by</dt>
          <dd>{p.creator}</dd>
        </div>
      )}
      {p.nameSource === 'model' && (
        <div className="hv-field">
          <dt>name</dt>
          <dd>model name: no source shows the real one</dd>
        </div>
      )}
      {p.assumption && (
        <div className="hv-field">
          <dt>assumed</dt>
          <dd>{p.assumption}</dd>
        </div>
      )}
    </dl>
  );
}
