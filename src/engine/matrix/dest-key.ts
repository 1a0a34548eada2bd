/**
 * A VIP's key, the text two VIPs of one destination class share (see `dest-classes.ts`): its
 * atoms, its load balancer and service objects, and the rules naming it, each written with the
 * VIP's tokens (and a port owner's) as placeholders. Most VIPs are not written: `vipFacts`
 * gathers what the key is made of, and `dest-alike.ts` compares that with a VIP written before.
 */
import {
  sameMentions,
  side,
  tokenFirsts,
  tokenLengths,
  type HostObject,
  type Mention,
  type Side,
  type VipFacts,
} from './dest-alike';
import { mapPieces, mentionText, rawPiece, sameAsLast, textsInRow } from './dest-rules';
import type { OwnTokens } from './tokens';
import type { MatrixDestination } from './types';

/** What the key of every VIP is read against. */
export interface KeyScope {
  readonly tokens: readonly (OwnTokens | null)[];
  readonly portOwner: ReadonlyMap<string, number>;
  /** Every source's token values. */
  readonly sourceValues: ReadonlySet<string>;
  /** How many rules before a mention name no classed VIP. */
  readonly rankOf: (m: Mention) => number;
  /** Each owner's `tokenLengths` and `tokenFirsts`, filled as met (one plan's). */
  readonly ownMasks: Map<OwnTokens, readonly [number, number]>;
}

/** The owner of `port` (null: none, or no port). */
export const ownerOf = (scope: KeyScope, port: string | null): OwnTokens | null => {
  const owner = port === null ? undefined : scope.portOwner.get(port);
  return owner === undefined ? null : scope.tokens[owner]!;
};

/** The side of a VIP's tokens `toks` (their `tokenLengths` `tl`, `tokenFirsts` `tf`) on a port of `o`. */
export function sideOn(
  scope: KeyScope,
  toks: readonly string[],
  tl: number,
  tf: number,
  o: OwnTokens | null,
): Side {
  if (o === null) return side(toks, null, tl, tf);
  // Each owner's masks once a plan.
  let n = scope.ownMasks.get(o);
  if (n === undefined) scope.ownMasks.set(o, (n = [tokenLengths(o.values), tokenFirsts(o.values)]));
  return side(toks, o, tl | n[0], tf | n[1]);
}

/** The owner the objects of a VIP's key are written up to: its last mention's port's (`ms`). */
export function objectsOwner(scope: KeyScope, ms: readonly Mention[]): OwnTokens | null {
  const last = ms[ms.length - 1];
  return last?.info.ports.length === 1 ? ownerOf(scope, last.info.ports[0]!) : null;
}

/** Piece `p` of a key text: a token of the VIP (`toks`) or of owner `own` as its placeholder. */
function keyPiece(toks: readonly string[], own: OwnTokens | null, p: string): string {
  const i = toks.indexOf(p);
  if (i >= 0) return `\u27e8vip${i}\u27e9`;
  const j = own ? own.values.indexOf(p) : -1;
  return j >= 0 ? `\u27e8${own!.roles[j]}\u27e9` : rawPiece(p);
}

/**
 * The head of a VIP's key (`textKey` starts with it): its atoms and its objects written up to
 * `own`. Two VIPs whose heads differ have different keys, so a VIP whose columns share their
 * kind, port, protocol and head with no other column is in no class, key or not.
 */
export function keyHead(
  toks: readonly string[],
  atoms: string,
  objs: readonly HostObject[],
  own: OwnTokens | null,
): string {
  const texts = objs.map((o) =>
    mapPieces(JSON.stringify(written(o)), (p) => keyPiece(toks, own, p)),
  );
  return field(atoms) + field(texts.sort().join('\n'));
}

/** A group of columns alike in kind, port and protocol, its VIPs' heads counted on demand. */
interface HeadGroup {
  /** VIP per column of the group, in column order (a VIP twice if two of its columns are). */
  readonly members: number[];
  /** Members whose heads are counted so far. */
  cursor: number;
  readonly counts: Map<string, number>;
  /** Per VIP: how many of its own columns are counted. */
  readonly counted: Map<number, number>;
}

/**
 * Per VIP (by index into `colsOf`, its columns): does a column of it share its kind, port,
 * protocol and key head (`head`) with another column? Only those VIPs can be in a class: a
 * VIP's columns differ in port or protocol, and two VIPs with one key share its head (a dump's
 * load balancers each have a provenance of their own, so there most heads differ). VIPs `skip`
 * holds are left out. Heads are written on demand: a group is read until a second head like the
 * VIP's turns up (at once where VIPs are alike, as on the synthetic node, whose 5,000 heads
 * written up front cost the destination scan two fifths more), a dump's whole group at most once.
 */
export class SharedHeads {
  private readonly groups = new Map<string, HeadGroup>();
  private readonly heads: (string | undefined)[] = [];

  constructor(
    private readonly destinations: readonly MatrixDestination[],
    private readonly colsOf: readonly (readonly number[])[],
    private readonly skip: (x: number) => boolean,
    private readonly head: (x: number) => string,
  ) {
    for (let x = 0; x < colsOf.length; x++) {
      if (skip(x)) continue;
      for (const d of colsOf[x]!) {
        const k = this.groupKey(d);
        let g = this.groups.get(k);
        if (!g)
          this.groups.set(
            k,
            (g = { members: [], cursor: 0, counts: new Map(), counted: new Map() }),
          );
        g.members.push(x);
      }
    }
  }

  private groupKey(d: number): string {
    const dst = this.destinations[d]!;
    return `${dst.kind}|${dst.port}|${dst.proto}`;
  }

  private headOf(x: number): string {
    return (this.heads[x] ??= this.head(x));
  }

  has(x: number): boolean {
    if (this.skip(x)) return false;
    const h = this.headOf(x);
    for (const d of this.colsOf[x]!) {
      const g = this.groups.get(this.groupKey(d))!;
      for (;;) {
        // Columns of other VIPs counted with this head.
        if ((g.counts.get(h) ?? 0) - (g.counted.get(x) ?? 0) >= 1) return true;
        if (g.cursor >= g.members.length) break;
        const y = g.members[g.cursor++]!;
        const hy = this.headOf(y);
        g.counts.set(hy, (g.counts.get(hy) ?? 0) + 1);
        g.counted.set(y, (g.counted.get(y) ?? 0) + 1);
      }
      // Two columns of its own alike.
      if ((g.counted.get(x) ?? 0) >= 2) return true;
    }
    return false;
  }
}

/** The facts of a VIP's key, checked for being plain. */
export function vipFacts(
  scope: KeyScope,
  toks: readonly string[],
  atoms: string,
  objs: readonly HostObject[],
  ms: readonly Mention[],
  backendPorts: ReadonlySet<string>,
): VipFacts {
  const shared: Mention[] = [];
  let plain = true;
  let byPort: Map<string, Mention[]> | null = null;
  for (const m of ms) {
    if (m.info.ports.length !== 1) {
      shared.push(m);
      continue;
    }
    const port = m.info.ports[0]!;
    // Only the backend ports' mentions are compared (a plain VIP has no others).
    if (!backendPorts.has(port)) plain = false;
    if (!plain) continue;
    byPort ??= new Map();
    const l = byPort.get(port);
    if (l) l.push(m);
    else byPort.set(port, [m]);
  }
  // The sides of this VIP's texts: its tokens read once, each owner's once a plan.
  const tl = tokenLengths(toks);
  const tf = tokenFirsts(toks);
  const sideOf = (o: OwnTokens | null): Side => sideOn(scope, toks, tl, tf, o);
  const own = objectsOwner(scope, ms);
  let backend: readonly Mention[] = [];
  let backendOwn: OwnTokens | null = null;
  let first = true;
  for (const p of plain ? backendPorts : []) {
    const l = byPort?.get(p) ?? [];
    const o = ownerOf(scope, p);
    if (first) [backend, backendOwn, first] = [l, o, false];
    else if (plain && !sameMentions(backend, sideOf(backendOwn), l, sideOf(o), scope.rankOf))
      plain = false;
  }
  return {
    toks,
    atoms,
    objs,
    own,
    ms,
    shared,
    backendPorts,
    plain,
    backend,
    backendOwn,
    objSide: sideOf(own),
    sharedSide: sideOf(null),
    backendSide: sideOf(backendOwn),
  };
}

/** A host object as its key writes it (the field's own place kept, its backend list a size). */
const written = (o: HostObject): object =>
  o.field === 'backendEndpointIds'
    ? { ...o.of, backendEndpointIds: o.size }
    : o.field === 'backendPodIds'
      ? { ...o.of, backendPodIds: o.size }
      : { ...o.of, [o.field]: o.size };

/**
 * The VIP's key written out, or null when its backend ports do not read alike (then it is in
 * no class). Mentions in a list some ports share: by the list itself. In a port's own list: per
 * port, written up to its owner; every backend port must read the same, and every other source
 * port the same as the rest (or be listed by name).
 */
export function textKey(scope: KeyScope, f: VipFacts): string | null {
  const { toks, backendPorts } = f;
  const { portOwner, sourceValues } = scope;
  // The VIP's tokens (and a port owner's own) as placeholders.
  let own: OwnTokens | null = null;
  const piece = (p: string) => keyPiece(toks, own, p);
  const shared: string[] = [];
  const perPort = new Map<string, string[]>();
  const textFor = textsInRow(toks, piece, sourceValues);
  const joined = sameAsLast();
  for (const m of f.ms) {
    const r = m.info.g.rules[m.k]!;
    const port = m.info.ports.length === 1 ? m.info.ports[0]! : null;
    own = ownerOf(scope, port);
    const body = textFor(r, own?.values ?? null);
    const place = m.cond ? `#${scope.rankOf(m)}` : `@${m.k}`;
    if (m.info.ports.length !== 1) {
      shared.push(`${m.info.id}${mentionText(place, m.info.where, body)}`);
      continue;
    }
    let l = perPort.get(port!);
    if (!l) perPort.set(port!, (l = []));
    l.push(joined(place, m.info.where, body));
  }
  const textOf = (p: string) => {
    const l = perPort.get(p);
    return !l ? '' : l.length === 1 ? l[0]! : l.sort().join('\n');
  };
  const perBackend = [...backendPorts].map(textOf);
  if (perBackend.some((x) => x !== perBackend[0])) return null;
  // Other source ports: the most common text, and the ports that differ from it by name.
  const counts = new Map<string, number>();
  let mentioned = 0;
  // Counted by runs of equal texts (most ports read alike): one map write per run.
  let [run, runLength]: [string | null, number] = [null, 0];
  const flush = () => run !== null && counts.set(run, (counts.get(run) ?? 0) + runLength);
  for (const p of perPort.keys())
    if (!backendPorts.has(p) && portOwner.has(p)) {
      mentioned++;
      const x = textOf(p);
      if (x === run) runLength++;
      else {
        flush();
        [run, runLength] = [x, 1];
      }
    }
  flush();
  let others = portOwner.size;
  for (const p of backendPorts) if (portOwner.has(p)) others--;
  counts.set('', (counts.get('') ?? 0) + others - mentioned);
  const common = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? '';
  const odd: string[] = [];
  for (const p of perPort.keys())
    if (!backendPorts.has(p) && (!portOwner.has(p) || textOf(p) !== common))
      odd.push(field(p) + field(textOf(p)));
  if (common !== '')
    for (const p of portOwner.keys())
      if (!backendPorts.has(p) && !perPort.has(p)) odd.push(`${field(p)}0:`);
  // Each part led by its length. Within a part, a list's items end themselves (`mentionText`,
  // `field`) or hold no line break (JSON, with pieces that hold none), so any join is injective.
  // The objects are written up to the last mention's owner.
  return (
    keyHead(toks, f.atoms, f.objs, f.own) +
    field(shared.sort().join('\n')) +
    field(common) +
    field(odd.sort().join('\n')) +
    field(perBackend[0] ?? '')
  );
}

/** A text led by its length: it ends itself, whatever characters it holds. */
const field = (x: string): string => `${x.length}:${x}`;
