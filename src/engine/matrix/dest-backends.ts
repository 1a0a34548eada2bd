/**
 * A destination column's backend list, as its VIP's load-balancing rules pick from it, and
 * the ports of those backends (`dest-classes.ts`).
 */
import type { Topology } from '../../model/types';
import { lbnatOf, type CompiledTopology } from '../compile';
import { picksFor } from './dest-rules';
import type { Mention } from './dest-alike';
import type { MatrixDestination } from './types';

const PROTO: Readonly<Record<string, number>> = { tcp: 6, udp: 17, icmp: 1 };

export class BackendLists {
  /** Per destination: its backends as `ip * 65536 + port` (null: no rule picks for it). */
  readonly list: (number[] | null)[];
  /** Each backend address and port's MAC, as met. */
  private readonly macOf = new Map<number, string | null>();
  /** The rules of a column's mentions read so far (reused). */
  private readonly met = new Set<object>();

  constructor(
    private readonly t: Topology,
    private readonly c: CompiledTopology,
    private readonly destinations: readonly MatrixDestination[],
    /** The local ports by address. */
    private readonly portsByIp: ReadonlyMap<number, readonly string[]>,
  ) {
    this.list = destinations.map(() => null);
  }

  /**
   * Read the lists of VIP `num`'s columns `cols` from its lbnat mentions `lbnats`, and into
   * `ports` its backends' ports (also those of its load balancers `lbs`). False when a column's
   * rules pick from different lists, or one backend has two MACs.
   */
  read(
    num: number,
    cols: readonly number[],
    lbnats: readonly Mention[],
    lbs: readonly { readonly backendEndpointIds: readonly string[] }[],
    ports: Set<string>,
  ): boolean {
    const { c, macOf, met } = this;
    let ok = true;
    for (const d of cols) {
      const dst = this.destinations[d]!;
      let l: number[] | null = null;
      // A rule object met again (a dump's ports' own lists share them) reads the same (a set
      // only for several: clearing one makes a new table).
      const several = lbnats.length > 1;
      if (several && met.size > 0) met.clear();
      for (const m of lbnats) {
        const r = m.info.g.rules[m.k]!;
        if (r.action.kind !== 'lbnat') continue;
        if (several) {
          if (met.has(r)) continue;
          met.add(r);
        }
        const cc = m.info.g.m.conds[m.k]!;
        if (!picksFor(r, cc.dst, num, dst.port, PROTO[dst.proto] ?? 0)) continue;
        const cl = lbnatOf(c, r.action);
        const { backends } = r.action;
        const mine = new Array<number>(backends.length);
        for (let i = 0; i < backends.length; i++) {
          const key = (cl.ips[i] ?? -1) * 65536 + backends[i]!.port;
          // One backend address and port, one MAC: the pick alone decides the frame.
          const mac = cl.macs[i] ?? null;
          const was = macOf.get(key);
          if (was === undefined) macOf.set(key, mac);
          else if (was !== mac) {
            ok = false;
            macOf.set(key, mac);
          }
          mine[i] = key;
        }
        if (l && !sameKeys(l, mine)) ok = false;
        l = mine;
      }
      this.list[d] = l;
      for (const key of l ?? [])
        for (const p of this.portsByIp.get(Math.floor(key / 65536)) ?? []) ports.add(p);
    }
    for (const lb of lbs)
      for (const e of lb.backendEndpointIds) {
        const ep = this.t.endpoints[e];
        if (ep?.portId && !ep.isRemote) ports.add(ep.portId);
      }
    return ok;
  }
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
