/**
 * Which node each input came from, by evidence, strongest first: the collector's header line
 * (`# hnsviz collector 1 on WIN-A at …`), the `ipconfig /all` host name, the node IP (a
 * network's ManagementIP, else the one PA the local endpoints name, else the ipconfig adapter),
 * the folder the file was in. A user's choice overrides them all.
 */
import type { Topology } from '../model/types';
import type { ParseInput } from '../parsers/index';

export type EvidenceKind =
  | 'user'
  | 'collector-header'
  | 'host-name'
  | 'management-ip'
  | 'provider-address'
  | 'host-ip'
  | 'folder'
  | 'only-node'
  | 'none';

export interface Evidence {
  readonly kind: EvidenceKind;
  /** The name, address or folder the evidence gives. */
  readonly value: string;
  /** Where it was found, for people: `line 1: # hnsviz collector 1 on WIN-A …`. */
  readonly detail: string;
}

/** Strength of each kind of evidence (higher wins). */
export const STRENGTH: Readonly<Record<EvidenceKind, number>> = {
  user: 9,
  'collector-header': 5,
  'host-name': 4,
  'management-ip': 3,
  'provider-address': 2,
  'host-ip': 2,
  folder: 1,
  'only-node': 0,
  none: -1,
};

const HEADER = /^# hnsviz collector \d+ on (\S+) at /m;

/**
 * The first `n` characters of an input, decoded just well enough to read ASCII header lines:
 * UTF-16 (by BOM or by NUL bytes) or anything ASCII-compatible.
 */
export function headText(input: ParseInput, n = 4096): string {
  if (input.text !== undefined) return input.text.slice(0, n);
  const b = input.bytes;
  if (!b) return '';
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[1] === 0 && b[0] !== 0);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] !== 0);
  let out = '';
  if (le || be) {
    for (let i = 0; i + 1 < b.length && out.length < n; i += 2) {
      const c = le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!;
      if (c !== 0xfeff) out += String.fromCharCode(c);
    }
    return out;
  }
  const end = Math.min(b.length, n);
  for (let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; i < end; i++)
    out += String.fromCharCode(b[i]!);
  return out;
}

/** The collector's header host name, if the input starts with one. */
export function collectorHost(input: ParseInput): string | null {
  return HEADER.exec(headText(input, 512))?.[1] ?? null;
}

/**
 * The folder an input's name puts it in (`nodeA/endpoints.txt`, `issue.zip/nodeA/x.txt` →
 * `nodeA`), if any. Absolute paths say where the user keeps files, not which node: none.
 */
export function folderOf(name: string): string | null {
  if (/^([\\/]|[A-Za-z]:)/.test(name)) return null;
  const parts = name
    .split(/[\\/]/)
    .filter((p) => p !== '' && p !== '.' && p !== '..' && !/\.zip$/i.test(p));
  if (parts.length < 2) return null;
  // collectlogs writes `<host>_<date>/…` or nests deeper; the first folder names the node.
  return parts[0]!;
}

/** Every piece of evidence one input gives about its node, strongest first. */
export function evidenceOf(input: ParseInput, alone: Topology): Evidence[] {
  const out: Evidence[] = [];
  const head = collectorHost(input);
  if (head !== null)
    out.push({ kind: 'collector-header', value: head, detail: `collector header: on ${head}` });
  const node = alone.nodes[alone.nodeIds[0] ?? ''];
  // ipconfig's host name: finishNode names the node after it (else `node <ip>` / `dumped node`).
  const host =
    node && node.name !== 'dumped node' && !node.name.startsWith('node ') ? node.name : null;
  if (host !== null)
    out.push({ kind: 'host-name', value: host, detail: `ipconfig /all: Host Name ${host}` });
  const ip = node?.managementIp ?? null;
  if (ip !== null) {
    const net = Object.values(alone.networks).find((n) => n.managementIp === ip);
    const pa = Object.values(alone.endpoints).some(
      (e) => !e.isRemote && e.policies.some((p) => p.type === 'PA' && p.providerAddress === ip),
    );
    if (net)
      out.push({
        kind: 'management-ip',
        value: ip,
        detail: `network ${net.name}: ManagementIP ${ip}`,
      });
    else if (pa)
      out.push({
        kind: 'provider-address',
        value: ip,
        detail: `local endpoints' PA policy: ${ip}`,
      });
    else out.push({ kind: 'host-ip', value: ip, detail: `ipconfig /all: node address ${ip}` });
  }
  const folder = folderOf(input.name);
  if (folder !== null) out.push({ kind: 'folder', value: folder, detail: `folder ${folder}` });
  return out;
}

const isName = (k: EvidenceKind): boolean =>
  k === 'user' || k === 'collector-header' || k === 'host-name';
const isIp = (k: EvidenceKind): boolean =>
  k === 'management-ip' || k === 'provider-address' || k === 'host-ip';

export interface AttributedInput {
  readonly index: number;
  readonly name: string;
  /** The node group this input joined (a lower-case host name, `ip:…`, `folder:…`, `input:…`). */
  readonly key: string;
  /** The evidence that decided, then the rest, strongest first. */
  readonly evidence: readonly Evidence[];
  /** Evidence that points at another group (reported, not followed). */
  readonly conflicts: readonly Evidence[];
}

/**
 * Group inputs into nodes. A name (header, host name, user) is an identity of its own; an
 * address or folder joins the group that already owns it (through another input's evidence),
 * else starts its own. Inputs with no evidence join the only node when there is exactly one.
 */
export function groupInputs(
  evidence: readonly (readonly Evidence[])[],
  names: readonly string[],
): AttributedInput[] {
  const keyOf = new Map<string, string>(); // `ip:x` / `folder:x` → group key
  const keys: (string | null)[] = evidence.map(() => null);
  const deciding: (Evidence | null)[] = evidence.map(() => null);
  // Names first, so addresses and folders seen with a name lead to it.
  evidence.forEach((ev, i) => {
    const best = ev.find((e) => isName(e.kind));
    if (!best) return;
    const key = best.value.toLowerCase();
    keys[i] = key;
    deciding[i] = best;
    for (const e of ev) {
      if (isIp(e.kind) && !keyOf.has(`ip:${e.value}`)) keyOf.set(`ip:${e.value}`, key);
      if (e.kind === 'folder' && !keyOf.has(`folder:${e.value}`))
        keyOf.set(`folder:${e.value}`, key);
    }
  });
  for (const pass of ['ip', 'folder'] as const) {
    evidence.forEach((ev, i) => {
      if (keys[i] !== null) return;
      const best = ev.find((e) => (pass === 'ip' ? isIp(e.kind) : e.kind === 'folder'));
      if (!best) return;
      const k = `${pass}:${best.value}`;
      const key = keyOf.get(k) ?? k;
      keyOf.set(k, key);
      keys[i] = key;
      deciding[i] = best;
      if (pass === 'ip') {
        const folder = ev.find((e) => e.kind === 'folder');
        if (folder && !keyOf.has(`folder:${folder.value}`))
          keyOf.set(`folder:${folder.value}`, key);
      }
    });
  }
  const groups = new Set(keys.filter((k): k is string => k !== null));
  return evidence.map((ev, i) => {
    let key = keys[i];
    let decided = deciding[i];
    if (key === null || key === undefined) {
      if (groups.size === 1) {
        key = [...groups][0]!;
        decided = { kind: 'only-node', value: key, detail: 'the only node in the import' };
      } else if (groups.size === 0) {
        key = 'node';
        decided = { kind: 'none', value: '', detail: 'no evidence of a node' };
      } else {
        key = `input:${names[i]}`;
        decided = { kind: 'none', value: '', detail: 'no evidence of a node' };
      }
    }
    // Evidence that, on its own, would have led to another group.
    const conflicts = ev.filter((e) => {
      if (e === decided) return false;
      if (isName(e.kind)) return e.value.toLowerCase() !== key;
      if (isIp(e.kind) || e.kind === 'folder') {
        const other = keyOf.get(`${isIp(e.kind) ? 'ip' : 'folder'}:${e.value}`);
        return other !== undefined && other !== key && e.kind !== 'folder';
      }
      return false;
    });
    const rest = ev.filter((e) => e !== decided);
    return {
      index: i,
      name: names[i] ?? `input ${i + 1}`,
      key,
      evidence: decided ? [decided, ...rest] : rest,
      conflicts,
    };
  });
}
