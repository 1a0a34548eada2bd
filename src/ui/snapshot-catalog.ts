/**
 * Two snapshots of imported dumps as entries of the compare view's catalog, next to the
 * designs: "before" (the dump shown) and "after" (the snapshot picked in "What changed"). Each
 * topology gets an id of its own (`snapshot:<n>`), so a cache keyed by id (the trace runner's)
 * never answers for a snapshot that was replaced.
 */
import type { Topology } from '../model/types';
import type { ScenarioCatalog } from '../share/scenario-catalog';

export interface SnapshotPair {
  readonly before: Topology;
  readonly after: Topology;
  /** The after snapshot's input names, for its title. */
  readonly afterNames: readonly string[];
}

export interface SnapshotCatalog extends ScenarioCatalog {
  /** The pair's ids in this catalog, or null without a pair. */
  readonly snapshotIds: { readonly before: string; readonly after: string } | null;
}

const PREFIX = 'snapshot:';

// Identity → number: the same topology object always gets the same id.
const numbers = new WeakMap<Topology, number>();
let next = 0;
function idOf(t: Topology): string {
  let n = numbers.get(t);
  if (n === undefined) {
    n = ++next;
    numbers.set(t, n);
  }
  return `${PREFIX}${n}`;
}

/** True for ids this module makes (a snapshot's, current or not). */
export function isSnapshotId(id: string): boolean {
  return id.startsWith(PREFIX);
}

const short = (names: readonly string[]): string =>
  names.length === 0 ? '' : names.length === 1 ? names[0]! : `${names[0]!} +${names.length - 1}`;

/** `catalog` plus the pair's two snapshots (listed after the designs). */
export function withSnapshots(
  catalog: ScenarioCatalog,
  pair: SnapshotPair | null,
): SnapshotCatalog {
  if (!pair)
    return {
      ids: catalog.ids,
      snapshotIds: null,
      shortTitle: (id) => catalog.shortTitle(id),
      title: (id) => catalog.title(id),
      build: (id) => {
        if (isSnapshotId(id)) throw new Error('That snapshot is no longer loaded.');
        return catalog.build(id);
      },
    };
  const before = idOf(pair.before);
  // One topology on both sides (the same files picked again) still gives two entries.
  const after = pair.after === pair.before ? `${before}:again` : idOf(pair.after);
  const entries = new Map<string, { short: string; title: string; topology: Topology }>([
    [
      before,
      {
        short: 'Dump: before',
        title: `Before: the dump shown (${pair.before.title})`,
        topology: pair.before,
      },
    ],
    [
      after,
      {
        short: 'Dump: after',
        title: `After: the snapshot ${short(pair.afterNames)}`,
        topology: pair.after,
      },
    ],
  ]);
  return {
    ids: [...catalog.ids, before, after],
    snapshotIds: { before, after },
    shortTitle: (id) => entries.get(id)?.short ?? catalog.shortTitle(id),
    title: (id) => entries.get(id)?.title ?? catalog.title(id),
    build: (id) => {
      const e = entries.get(id);
      if (e) return e.topology;
      if (isSnapshotId(id)) throw new Error('That snapshot is no longer loaded.');
      return catalog.build(id);
    },
  };
}
