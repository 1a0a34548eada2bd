/**
 * Expected facts about a paste, written down by a person who read it, checked against what
 * the parser built. One object per line: `kind [id] key=value …` (values with spaces in double
 * quotes; `#` starts a comment). Every key=value is one fact, and so is the object's id: the
 * real-paste corpus (`__fixtures__/real/`) measures recall with this.
 *
 *   network <id> name=… type=… subnet=<prefix> mgmt=<ip> drmac=<mac>
 *   endpoint <id> name=… ip=… remote=true|false network=<id> mac=… gateway=…
 *   lb [<id>] vip=… internal=<port> external=<port> protocol=<number> dsr=true|false backend=<id>
 *   layer|group|rule <name> type=… priority=… (rule) / priority=… (layer, group)
 *
 * Without an id, some object of that kind must have all the listed values.
 */

import type { Topology } from '../../model/types';

export interface FactLine {
  readonly kind: string;
  readonly id: string | null;
  readonly props: readonly (readonly [string, string])[];
  readonly line: number;
}

export interface FactResult {
  readonly total: number;
  readonly found: number;
  /** `line: kind id key=value` for each fact not recovered. */
  readonly missing: string[];
}

export function parseFacts(text: string): FactLine[] {
  const out: FactLine[] = [];
  text.split('\n').forEach((raw, k) => {
    const l = raw.replace(/\s+#.*$/, '').trim();
    if (l === '' || l.startsWith('#')) return;
    const tokens = [...l.matchAll(/([\w-]+)="([^"]*)"|(\S+)/g)].map((m) =>
      m[1] !== undefined ? `${m[1]}=${m[2]}` : (m[3] ?? ''),
    );
    const [kind, ...rest] = tokens;
    let id: string | null = null;
    if (rest[0] !== undefined && !/^[\w-]+=/.test(rest[0])) id = rest.shift() ?? null;
    const props = rest.map((t): [string, string] => {
      const eq = t.indexOf('=');
      return [t.slice(0, eq), t.slice(eq + 1)];
    });
    out.push({ kind: kind ?? '', id, props, line: k + 1 });
  });
  return out;
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/[{}]/g, '').replace(/-/g, ':');
const same = (a: string | number | boolean | null | undefined, b: string): boolean =>
  a !== null && a !== undefined && norm(String(a)) === norm(b);

type Obj = Record<string, unknown>;

/** Values an object has for a fact key (several for lists: subnets, VIPs, backends). */
function values(kind: string, o: Obj, key: string): unknown[] {
  const v = (k: string): unknown[] => [o[k]];
  switch (kind) {
    case 'network':
      if (key === 'subnet')
        return ((o['subnets'] ?? []) as { addressPrefix: string }[]).map((s) => s.addressPrefix);
      if (key === 'mgmt') return v('managementIp');
      if (key === 'drmac') return v('drMac');
      return v(key);
    case 'endpoint':
      if (key === 'ip') return v('ipAddress');
      if (key === 'remote') return v('isRemote');
      if (key === 'network') return v('networkId');
      if (key === 'mac') return v('macAddress');
      if (key === 'gateway') return v('gatewayAddress');
      return v(key);
    case 'lb': {
      if (key === 'vip') return [...((o['frontendVips'] ?? []) as string[]), o['sourceVip']];
      if (key === 'internal') return v('internalPort');
      if (key === 'external') return v('externalPort');
      if (key === 'backend') return (o['backendEndpointIds'] ?? []) as string[];
      if (key === 'dsr') return [(o['flags'] as { dsr?: boolean } | undefined)?.dsr];
      return v(key);
    }
    default:
      return v(key);
  }
}

function tableOf(t: Topology, kind: string): Obj[] {
  const table: Readonly<Record<string, object>> =
    kind === 'network'
      ? t.networks
      : kind === 'endpoint'
        ? t.endpoints
        : kind === 'lb'
          ? t.loadBalancers
          : kind === 'layer'
            ? t.layers
            : kind === 'group'
              ? t.groups
              : kind === 'rule'
                ? t.rules
                : {};
  return Object.values(table) as Obj[];
}

/** The id a fact names: GUIDs for HNS objects, names for VFP objects. */
function idMatches(kind: string, o: Obj, id: string): boolean {
  if (kind === 'layer' || kind === 'group' || kind === 'rule') return same(o['name'] as string, id);
  return same(o['id'] as string, id);
}

const has = (kind: string, o: Obj, key: string, want: string): boolean =>
  values(kind, o, key).some((x) => same(x as string, want));

export function checkFacts(facts: readonly FactLine[], t: Topology): FactResult {
  let total = 0;
  let found = 0;
  const missing: string[] = [];
  for (const f of facts) {
    const objs = tableOf(t, f.kind);
    const id = f.id;
    const candidates = id === null ? objs : objs.filter((o) => idMatches(f.kind, o, id));
    if (f.id !== null) {
      total++;
      if (candidates.length > 0) found++;
      else missing.push(`${f.line}: ${f.kind} ${f.id}`);
    }
    // Without an id, the object that has the most of the listed values is the one meant.
    let best: Obj | undefined;
    let bestScore = -1;
    for (const o of candidates) {
      const score = f.props.filter(([k, v]) => has(f.kind, o, k, v)).length;
      if (score > bestScore) [best, bestScore] = [o, score];
    }
    for (const [k, v] of f.props) {
      total++;
      if (best !== undefined && has(f.kind, best, k, v)) found++;
      else missing.push(`${f.line}: ${f.kind} ${f.id ?? '(no id)'} ${k}=${v}`);
    }
  }
  return { total, found, missing };
}
