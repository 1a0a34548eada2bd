/** Checks on endpoints: state, OutBoundNAT exceptions, duplicates, placeholder MACs. */

import type { Endpoint, Topology } from '../model/types';
import { inferCidrs } from '../parsers/build/infer';
import { inPrefix, parseCidr } from '../shared/ip';
import type { Check, Finding } from './types';

const BAD_STATES = new Set(['Uninitialized', 'Detached', 'Degraded', 'Destroyed']);
export const PLACEHOLDER_MAC = '00:11:22:33:44:55';

const label = (e: Endpoint): string => (e.name !== '' ? `${e.name} (${e.id})` : e.id);

export const endpointState: Check = (t) => {
  const out: Finding[] = [];
  for (const e of Object.values(t.endpoints)) {
    if (e.state === null) continue;
    const notAttached = !e.isRemote && e.role === 'pod' && e.state === 'Created';
    if (!BAD_STATES.has(e.state) && !notAttached) continue;
    out.push({
      code: 'endpoint-bad-state',
      severity: BAD_STATES.has(e.state) ? 'error' : 'warning',
      title: `Endpoint ${e.state}`,
      problem: `Endpoint ${label(e)} is in state ${e.state}${notAttached ? ', never attached to its pod sandbox' : ''}.`,
      evidence: `State ${e.state} in ${e.provenance.id ?? 'the dump'}.`,
      fix: 'Delete the pod so the CNI recreates the endpoint; if it persists, restart HNS (Restart-Service hns) and check the CNI logs.',
      objectIds: [e.id],
    });
  }
  return out;
};

/** True when some exception prefix covers `cidr` (contains its base and is at least as wide). */
function covered(exceptions: readonly string[], cidr: string): boolean {
  const c = parseCidr(cidr);
  if (c === null) return true;
  return exceptions.some((x) => {
    const e = parseCidr(x);
    return e !== null && e.bits <= c.bits && inPrefix(cidr.split('/')[0] ?? '', x);
  });
}

export const outboundNatExceptions: Check = (t) => {
  const out: Finding[] = [];
  const { clusterCidr, serviceCidr } = inferCidrs(t);
  for (const e of Object.values(t.endpoints)) {
    if (e.isRemote) continue;
    for (const p of e.policies) {
      if (p.type !== 'OutBoundNAT') continue;
      if (p.exceptions.length === 0) {
        out.push({
          code: 'outboundnat-exceptions-unknown',
          severity: 'info',
          title: 'OutBoundNAT exception list empty or not shown',
          problem: `Endpoint ${label(e)} has an OutBoundNAT policy whose exception list is empty or was not printed.`,
          evidence:
            'The dump shows no ExceptionList entries (the list view prints System.Object[] instead of the values).',
          fix: "Re-run 'Get-HnsEndpoint | ConvertTo-Json -Depth 10'; an empty list would SNAT pod-to-pod and pod-to-service traffic.",
          objectIds: [e.id],
        });
        continue;
      }
      const missing: string[] = [];
      const evidence: string[] = [];
      for (const [what, guess] of [
        ['cluster', clusterCidr],
        ['service', serviceCidr],
      ] as const) {
        if (guess === null || covered(p.exceptions, guess.cidr)) continue;
        missing.push(`${what} CIDR ${guess.cidr}`);
        evidence.push(`${what} CIDR ${guess.cidr} inferred from ${guess.evidence}`);
      }
      if (missing.length === 0) continue;
      out.push({
        code: 'outboundnat-missing-exception',
        severity: 'warning',
        title: 'OutBoundNAT exception list misses a cluster range',
        problem: `Endpoint ${label(e)} SNATs traffic to the ${missing.join(' and ')}: it is not in the OutBoundNAT exception list.`,
        evidence: `ExceptionList = [${p.exceptions.join(', ')}]; ${evidence.join('; ')}.`,
        fix: 'Add the cluster and service CIDRs to the CNI configuration (OutBoundNAT ExceptionList) and recreate the pod.',
        objectIds: [e.id],
      });
    }
  }
  return out;
};

export const duplicateIps: Check = (t) => {
  const out: Finding[] = [];
  // Per node: a remote endpoint on one node and the pod on another share their IP by design
  // (cluster.ts checks pod IPs across nodes).
  const byIp = new Map<string, Endpoint[]>();
  for (const e of Object.values(t.endpoints)) {
    if (e.ipAddress === null) continue;
    const key = `${e.nodeId}|${e.ipAddress}`;
    const list = byIp.get(key) ?? [];
    list.push(e);
    byIp.set(key, list);
  }
  for (const [key, list] of byIp) {
    const ip = key.slice(key.indexOf('|') + 1);
    if (list.length < 2) continue;
    const ids = list.map((e) => e.id).sort();
    out.push({
      code: 'duplicate-ip',
      severity: 'warning',
      title: `IP ${ip} used by ${list.length} endpoints`,
      problem: `${list.length} endpoints share the address ${ip}; traffic to it reaches only one of them.`,
      evidence: list.map((e) => `${label(e)}${e.isRemote ? ' (remote)' : ''}`).join(', '),
      fix: 'Remove the stale endpoint (Remove-HnsEndpoint or restart the CNI/kube-proxy that created it).',
      objectIds: ids,
    });
  }
  return out;
};

export const placeholderMacs: Check = (t) =>
  Object.values(t.endpoints)
    .filter((e) => e.isRemote && e.macAddress === PLACEHOLDER_MAC)
    .map((e) => ({
      code: 'remote-placeholder-mac',
      severity: 'warning' as const,
      title: 'Remote endpoint with a placeholder MAC',
      problem: `Remote endpoint ${label(e)} has the placeholder MAC ${PLACEHOLDER_MAC}, so VFP cannot rewrite frames to the real peer.`,
      evidence: `MacAddress ${PLACEHOLDER_MAC} on a remote endpoint (old kube-proxy behaviour).`,
      fix: 'Upgrade kube-proxy / the CNI so remote endpoints get their real (0E-2A-… / 02-11-…) MAC, then let it recreate them.',
      objectIds: [e.id],
    }));

export function endpointLabel(t: Topology, id: string): string {
  const e = t.endpoints[id];
  return e ? label(e) : id;
}
