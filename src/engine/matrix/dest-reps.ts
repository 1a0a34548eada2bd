/**
 * The plain VIPs whose keys were written (`dest-key.ts`), kept with their texts mapped once
 * (`dest-forms.ts`): another VIP reads alike with one when its atoms, its load balancer and
 * service objects, its mentions in shared lists and every backend port's own mentions read as
 * that VIP's do. Then both keys' texts are equal (`VipFacts.plain`: all its per-port mentions
 * on backend ports, which all read alike, each as the written one's), so the VIP takes that
 * key without its own being gathered or written. No match proves nothing (it is written).
 */
import {
  samePlace,
  sameObject,
  tokenFirsts,
  tokenLengths,
  type FixedTexts,
  type HostObject,
  type Mention,
  type Side,
  type VipFacts,
} from './dest-alike';
import { sideOn, ownerOf, type KeyScope } from './dest-key';
import { matchesRule, ruleForm, type RuleForm } from './dest-forms';

interface Written {
  readonly id: number;
  readonly atoms: string;
  readonly objs: readonly HostObject[];
  readonly objSide: Side;
  readonly shared: readonly { readonly m: Mention; readonly form: RuleForm }[];
  readonly backend: readonly { readonly m: Mention; readonly form: RuleForm }[];
}

/** How many written keys a plain VIP is compared with before its own is written. */
const TRIES = 4;

export class WrittenVips {
  private readonly list: Written[] = [];
  private readonly ids = new Set<number>();
  /** The backend ports of the VIP being compared, their sides and mentions met (reused). */
  private readonly ports: string[] = [];
  private readonly sides: Side[] = [];
  private counts = new Int32Array(8);

  constructor(
    private readonly scope: KeyScope,
    private readonly fixed: FixedTexts,
  ) {}

  /** Keep plain VIP `f`, written as key `id` (once per key). */
  add(f: VipFacts, id: number): void {
    if (!f.plain || this.ids.has(id)) return;
    this.ids.add(id);
    const form = (S: Side) => (m: Mention) => ({ m, form: ruleForm(m.info.g.rules[m.k]!, S) });
    this.list.push({
      id,
      atoms: f.atoms,
      objs: f.objs,
      objSide: f.objSide,
      shared: f.shared.map(form(f.sharedSide)),
      backend: f.backend.map(form(f.backendSide)),
    });
  }

  /**
   * The key id of a written VIP the VIP of tokens `toks` reads alike with (the last matched
   * tried first), or -1.
   */
  find(
    toks: readonly string[],
    atoms: string,
    objs: readonly HostObject[],
    ms: readonly Mention[],
    backendPorts: ReadonlySet<string>,
  ): number {
    const list = this.list;
    if (list.length === 0) return -1;
    // Every per-port mention must be on a backend port (else the VIP is not plain).
    for (const m of ms)
      if (m.info.ports.length === 1 && !backendPorts.has(m.info.ports[0]!)) return -1;
    const tl = tokenLengths(toks);
    const tf = tokenFirsts(toks);
    const { scope, ports, sides } = this;
    // The first `np` entries (never shrunk: an array whose length is set to 0 drops its
    // store, and the next push makes a new one).
    let np = 0;
    for (const p of backendPorts) {
      ports[np] = p;
      sides[np++] = sideOn(scope, toks, tl, tf, ownerOf(scope, p));
    }
    const shared = sideOn(scope, toks, tl, tf, null);
    const last = ms[ms.length - 1];
    const own = last?.info.ports.length === 1 ? ownerOf(scope, last.info.ports[0]!) : null;
    // Most often the owner of a backend port, whose side is made already.
    let objSide: Side | undefined;
    for (let j = 0; j < np; j++) if (sides[j]!.own === own) objSide = sides[j];
    objSide ??= own === null ? shared : sideOn(scope, toks, tl, tf, own);
    if (this.counts.length < np) this.counts = new Int32Array(np * 2);
    const counts = this.counts;
    for (let i = list.length - 1; i >= 0 && i >= list.length - TRIES; i--) {
      const w = list[i]!;
      counts.fill(0, 0, np);
      if (!this.alike(w, atoms, objs, objSide, ms, np, shared, counts)) continue;
      if (i !== list.length - 1) list.push(list.splice(i, 1)[0]!);
      return w.id;
    }
    return -1;
  }

  private alike(
    w: Written,
    atoms: string,
    objs: readonly HostObject[],
    objSide: Side,
    ms: readonly Mention[],
    np: number,
    shared: Side,
    counts: Int32Array,
  ): boolean {
    const { ports, sides } = this;
    if (atoms !== w.atoms || objs.length !== w.objs.length) return false;
    const { rankOf } = this.scope;
    let s = 0;
    for (const m of ms) {
      const r = m.info.g.rules[m.k]!;
      if (m.info.ports.length !== 1) {
        // In a shared list: the same list, at the same place, alike.
        const y = w.shared[s++];
        if (!y || y.m.info !== m.info || !samePlace(m, y.m, rankOf)) return false;
        if (!matchesRule(r, shared, y.form)) return false;
        continue;
      }
      // On a backend port: its next mention as the written VIP's first backend port's.
      const p = m.info.ports[0]!;
      let j = 0;
      while (j < np && ports[j] !== p) j++;
      if (j === np) return false;
      const y = w.backend[counts[j]!++];
      if (!y || !samePlace(m, y.m, rankOf) || !matchesRule(r, sides[j]!, y.form)) return false;
    }
    if (s !== w.shared.length) return false;
    // Every backend port holds as many (none without backend ports: its backend list is empty).
    if (np === 0 && w.backend.length !== 0) return false;
    for (let j = 0; j < np; j++) if (counts[j] !== w.backend.length) return false;
    for (let i = 0; i < objs.length; i++)
      if (!sameObject(objs[i]!, objSide, w.objs[i]!, w.objSide, this.fixed)) return false;
    return true;
  }
}
