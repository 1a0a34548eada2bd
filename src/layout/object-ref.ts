/** What the object index holds: a selectable object and the index itself (`object-index.ts`). */
import type { Provenance } from '../model/types';
import type { DrawnKind } from './geometry';

/** Kinds of selectable objects: the drawn kinds plus objects only the tree and inspector show. */
export type ObjectKind = DrawnKind | 'service';

/** A selectable object: its kind, display name, the model entity and where it lives. */
export interface ObjectRef {
  readonly id: string;
  readonly kind: ObjectKind;
  readonly name: string;
  /** The model entity (plain data), shown field by field in the inspector. */
  readonly entity: unknown;
  readonly provenance: Provenance | null;
  readonly nodeId: string | null;
  /** The port to expand when this object is selected (ports, layers, groups, rules). */
  readonly portId: string | null;
}

/** Id → object. Ids are unique across tables; the first one wins if a dump repeats one. */
export type ObjectIndex = Readonly<Record<string, ObjectRef>>;
