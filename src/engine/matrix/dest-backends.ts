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
      // A rule object met again (a dump's ports' own lists share them) reads the same.
      met.clear();
      for (const m of lbnats) {
        const r = m.info.g.rules[m.k]!;
        if (r.action.kind !== 'lbnat' || met.has(r)) continue;
        met.add(r);
        const cc = m.info.g.m.conds[m.k]!;
        if (!picksFor(r, cc.dst, num, dst.port, PROTO[dst.proto] ?? 0)) continue;
        const cl = lbnatOf(c, r.action);
        const mine = r.action.backends.map((b, i) => {
          const ip = cl.ips[i] ?? -1;
          const key = ip * 65536 + b.port;
          // One backend address and port, one MAC: the pick alone decides the frame.
          const mac = cl.macs[i] ?? null;
          if (macOf.has(key) && macOf.get(key) !== mac) ok = false;
          macOf.set(key, mac);
          return key;
        });
        if (l && (l.length !== mine.length || l.some((x, i) => x !== mine[i]))) ok = false;
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
