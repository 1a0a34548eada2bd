/**
 * Lint a topology read from a dump: checks drawn from real incidents. Pure functions of the
 * topology (plus the parser's conflict list); findings are sorted by severity, code, objects.
 */

import type { ClusterResult } from '../cluster/index';
import type { Topology } from '../model/types';
import { pushAll } from '../shared/arrays';
import { duplicateIps, endpointState, outboundNatExceptions, placeholderMacs } from './endpoints';
import { duplicateVips, lbBackends, managementIp, overlaySourceVip } from './node';
import { policyWithoutVfpRule, v1v2Mismatch } from './sources';
import {
  duplicatesAcrossNodes,
  mixedNetworkTypes,
  nodeWithoutVfp,
  overlayRoutesDisagree,
  serviceBackendsDiffer,
  staleRemoteEndpoints,
} from './cluster';
import type { Check, Finding, LintContext } from './types';

export type { Finding, FindingSeverity, LintContext } from './types';
export { nodeList, onNodes, type FindingObject, type FindingOnNode } from './on-nodes';

export const CHECKS: Readonly<Record<string, Check>> = {
  endpointState,
  outboundNatExceptions,
  lbBackends,
  duplicateVips,
  duplicateIps,
  placeholderMacs,
  overlaySourceVip,
  managementIp,
  v1v2Mismatch,
  policyWithoutVfpRule,
  staleRemoteEndpoints,
  serviceBackendsDiffer,
  overlayRoutesDisagree,
  duplicatesAcrossNodes,
  mixedNetworkTypes,
  nodeWithoutVfp,
};

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function lintTopology(t: Topology, ctx: LintContext = {}): Finding[] {
  const out: Finding[] = [];
  for (const check of Object.values(CHECKS)) {
    try {
      pushAll(out, check(t, ctx));
    } catch (e) {
      out.push({
        code: 'lint-internal',
        severity: 'info',
        title: 'A check failed',
        problem: `A lint check crashed: ${e instanceof Error ? e.message : String(e)}.`,
        evidence: 'internal',
        fix: 'Report this dump; the other checks still ran.',
        objectIds: [],
      });
    }
  }
  return out.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.objectIds.join() < b.objectIds.join() ? -1 : 1),
  );
}

/** Lint what `parseCluster` read: the topology with its conflicts and per-node VFP presence. */
export function lintCluster(
  r: Pick<ClusterResult, 'topology' | 'conflicts' | 'vfpGiven' | 'nodes'>,
): Finding[] {
  return lintTopology(r.topology, {
    conflicts: r.conflicts,
    vfpGiven: r.vfpGiven,
    nodesWithVfp: r.nodes.filter((n) => n.vfpGiven).map((n) => n.id),
  });
}
