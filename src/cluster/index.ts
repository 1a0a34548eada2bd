/**
 * Public API of the cluster assembly: `parseCluster(inputs, opts)` reads dumps from one or many
 * nodes, attributes each input to a node by evidence, parses each node's inputs together (so
 * inputs that disagree about one object are reported by the parsers' conflict machinery) and
 * assembles one topology with every node, stitched. One node gives exactly what `parseInputs`
 * gives.
 */
import type { Topology } from '../model/types';
import { diag, type Diagnostic } from '../parsers/diagnostics';
import {
  deriveVfpWithin,
  parseInputs,
  type InputInfo,
  type ParseInput,
  type ParseOptions,
  type ParseResult,
} from '../parsers/index';
import { assemble, slug } from './assemble';
import {
  STRENGTH,
  evidenceOf,
  groupInputs,
  type AttributedInput,
  type Evidence,
} from './attribute';
import { stitch, type Stitch } from './stitch';
import { isZip, unzipInputs } from './zip';
import { otherNodesIn } from './several-nodes';
import { pushAll } from '../shared/arrays';

export type { Evidence, EvidenceKind, AttributedInput } from './attribute';
export type { Stitch, StitchEvidence, StitchStatus } from './stitch';
export { stitch } from './stitch';
export { podSubnets, inferUnderlay } from './assemble';
export { diffTopologies, DIFF_FORMAT, MAX_DIFF_DERIVED_RULES } from './diff';
export type {
  TopologyDiff,
  DiffObject,
  DiffChanged,
  DiffKind,
  DiffOptions,
  DiffVfpCoverage,
  FieldChange,
} from './diff';
export { isZip, unzipInputs } from './zip';

export interface ClusterOptions extends ParseOptions {
  /** Input name → node (a host name or an existing node id): the user's reassignment. */
  readonly assign?: Readonly<Record<string, string>>;
}

/** One node of the import: what `hnsviz.parse/1` lists under `nodes`. */
export interface ClusterNode {
  /** The node's id in the topology (`node:win-a`; `node:dump` when the import is one node). */
  readonly id: string;
  /** The attribution group (a lower-case host name, `ip:…`, `folder:…`): `assign` takes it. */
  readonly key: string;
  readonly name: string;
  readonly managementIp: string | null;
  /** Names of the inputs attributed to it. */
  readonly inputs: readonly string[];
  /** Per input, the evidence that put it here (strongest first). */
  readonly evidence: readonly { readonly input: string; readonly evidence: readonly Evidence[] }[];
  /** True when its inputs held vfpctrl layer/group/rule output. */
  readonly vfpGiven: boolean;
}

export interface ClusterResult extends ParseResult {
  readonly nodes: readonly ClusterNode[];
  readonly attribution: readonly AttributedInput[];
  readonly stitches: readonly Stitch[];
}

interface Group {
  readonly key: string;
  readonly members: AttributedInput[];
  result: ParseResult;
}

const NAMED = new Set(['user', 'collector-header', 'host-name']);

/** A group's node name: the name evidence that decided it, else what its dump calls the node. */
function groupName(g: Group): string | undefined {
  for (const m of g.members) {
    const e = m.evidence[0];
    // A user's choice names the group by its key; the header or host name names the node.
    if (e && e.kind !== 'user' && NAMED.has(e.kind)) return e.value;
  }
  const node = g.result.topology.nodes[g.result.topology.nodeIds[0] ?? ''];
  return node && node.name !== 'dumped node' && !node.name.startsWith('node ')
    ? node.name
    : undefined;
}

/** Read inputs from any number of nodes into one topology. */
export function parseCluster(
  inputs: readonly ParseInput[],
  opts: ClusterOptions = {},
): ClusterResult {
  const { assign, onProgress, onRead, deriveVfp, ...readOpts } = opts;
  // Each node is read without its VFP derived: whether to derive is decided once for all of
  // them, on the assembled topology (`deriveVfpWithin`), as for one node's inputs.
  const parseOpts = { ...readOpts, deriveVfp: false };
  // A zip archive (what people attach to issues) is read as the files it holds.
  const zipErrors: Diagnostic[] = [];
  /** Index in the caller's list of each input read, or -1 for a file out of an archive. */
  const origin: number[] = [];
  inputs = inputs.flatMap((i, k) => {
    if (!isZip(i.bytes)) {
      origin.push(k);
      return [i];
    }
    const z = unzipInputs(i.name, i.bytes!);
    if (z.error !== null)
      zipErrors.push(
        diag('E_UNKNOWN_FORMAT', i.name, 0, 0, z.error, {
          hint: 'unpack the archive and import its files or folders',
        }),
      );
    for (let m = 0; m < z.inputs.length; m++) origin.push(-1);
    return z.inputs;
  });
  if (inputs.length === 0) {
    const r = parseInputs([], parseOpts);
    return {
      ...r,
      diagnostics: [...zipErrors, ...r.diagnostics],
      nodes: [],
      attribution: [],
      stitches: [],
    };
  }
  const alone: ParseResult[] = inputs.map((input, k) => {
    const from = origin[k] ?? -1;
    // Reading progress is said once, on this first pass, in the caller's numbering.
    const r = parseInputs(
      [input],
      onRead && from >= 0
        ? { ...parseOpts, onRead: (p) => onRead({ ...p, input: from }) }
        : parseOpts,
    );
    onProgress?.(k + 1, inputs.length);
    return r;
  });
  const evidence = inputs.map((input, k) => {
    const ev = evidenceOf(input, alone[k]!.topology);
    const user = assign?.[input.name];
    return user !== undefined && user !== ''
      ? [
          { kind: 'user' as const, value: user.replace(/^node:/, ''), detail: `chosen: ${user}` },
          ...ev,
        ]
      : ev;
  });
  // Inputs that gave nothing and say nothing about their node ride along with the first node.
  const empty = alone.map((r, k) => evidence[k]!.length === 0 && r.inputs[0]?.objects === 0);
  const attributed = groupInputs(
    evidence.map((ev, k) => (empty[k] ? [] : ev)),
    inputs.map((i) => i.name),
  );
  const groups: Group[] = [];
  for (const a of attributed) {
    let g = groups.find((x) => x.key === a.key);
    if (!g) groups.push((g = { key: a.key, members: [], result: alone[a.index]! }));
    g.members.push(a);
  }
  const firstKey = groups.find((g) => !g.key.startsWith('input:'))?.key;
  if (groups.length > 1 && firstKey !== undefined) {
    // Empty, evidence-free inputs: fold into the first real node rather than a node of nothing.
    for (const g of groups.filter((x) => x.key.startsWith('input:'))) {
      if (!g.members.every((m) => empty[m.index])) continue;
      pushAll(groups.find((x) => x.key === firstKey)!.members, g.members);
      groups.splice(groups.indexOf(g), 1);
    }
  }
  // The inputs of a node are read again together; each was counted against the request's
  // object budget when it was read alone, so this reading is not counted again.
  const regroupOpts = { ...parseOpts, objectBudget: undefined };
  for (const g of groups)
    if (g.members.length > 1)
      g.result = parseInputs(
        g.members.sort((a, b) => a.index - b.index).map((m) => inputs[m.index]!),
        regroupOpts,
      );

  const infoByName = new Map<string, InputInfo>();
  for (const g of groups) for (const i of g.result.inputs) infoByName.set(i.name, i);
  const infos = inputs.map(
    (i) =>
      infoByName.get(i.name) ?? {
        name: i.name,
        format: 'unknown',
        encoding: 'none' as const,
        newline: 'none' as const,
        objects: 0,
      },
  );
  const diagnostics: Diagnostic[] = [...zipErrors, ...groups.flatMap((g) => g.result.diagnostics)];
  const conflicts = groups.flatMap((g) => g.result.conflicts);
  const vfpGiven = groups.some((g) => g.result.vfpGiven);

  let topology: Topology;
  let ids: string[];
  if (groups.length === 1) {
    topology = groups[0]!.result.topology;
    ids = [topology.nodeIds[0] ?? 'node:dump'];
  } else {
    const used = new Set<string>();
    const names = groups.map((g) => groupName(g));
    ids = groups.map((g, k) => {
      const node = g.result.topology.nodes[g.result.topology.nodeIds[0] ?? ''];
      const base = `node:${slug(names[k] ?? node?.managementIp ?? g.key.replace(/^[a-z]+:/, ''))}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    });
    topology = assemble(
      groups.map((g, k) => ({ nodeId: ids[k]!, name: names[k], topology: g.result.topology })),
      `Cluster: ${names.map((n, k) => n ?? ids[k]!).join(', ')}`,
    );
    for (const a of attributed) {
      const k = groups.findIndex((g) => g.members.includes(a));
      const best = a.evidence[0];
      diagnostics.push(
        diag(
          'I_NODE_ATTRIBUTED',
          a.name,
          0,
          0,
          `read as node ${topology.nodes[ids[k] ?? '']?.name ?? a.key}: ${best ? best.detail : 'no evidence of a node'}`,
        ),
      );
    }
  }
  if (deriveVfp !== false) {
    const d = deriveVfpWithin(topology, inputs[0]!.name);
    topology = d.topology;
    pushAll(diagnostics, d.diagnostics);
  }
  // One input holding several nodes' outputs is read as one node: said, with where to split.
  inputs.forEach((input, k) => {
    const [first, ...more] = otherNodesIn(input);
    if (!first || empty[k]) return;
    diagnostics.push(
      diag(
        'W_SEVERAL_NODES',
        input.name,
        first.line,
        1,
        `this input seems to hold ${more.length + 2} nodes' output, read as one node: from line ${first.line}, ${first.detail.replace(/^line \d+: /, '')}${more.length > 0 ? ` (and ${more.length} more)` : ''}`,
        {
          hint: 'split it between nodes (Dump tab: Split between nodes…), or import each node’s output as a file of its own',
        },
      ),
    );
  });
  for (const a of attributed)
    for (const c of a.conflicts)
      if (STRENGTH[c.kind] >= STRENGTH['provider-address'])
        diagnostics.push(
          diag(
            'W_NODE_CONFLICT',
            a.name,
            0,
            0,
            `${c.detail} points at another node than ${a.evidence[0]?.detail ?? 'the rest of its evidence'}; the stronger evidence was followed`,
            {
              hint: 'reassign the input to the node it came from, or check that the files were not mixed up',
            },
          ),
        );

  const nodes: ClusterNode[] = groups.map((g, k) => {
    const node = topology.nodes[ids[k]!];
    return {
      id: ids[k]!,
      key: g.key,
      name: node?.name ?? ids[k]!,
      managementIp: node?.managementIp ?? null,
      inputs: g.members.map((m) => m.name),
      evidence: g.members.map((m) => ({ input: m.name, evidence: m.evidence })),
      vfpGiven: g.result.vfpGiven,
    };
  });
  return {
    topology,
    inputs: infos,
    diagnostics,
    conflicts,
    vfpGiven,
    nodes,
    attribution: attributed,
    stitches: stitch(topology),
  };
}
