/** Checks across sources: v1/v2 field mismatches, HNS policies without their VFP rule. */

import type { EndpointPolicy, Topology, VfpRule } from '../model/types';
import { rulesOfGroup } from '../model/vfp-rules';
import { endpointLabel } from './endpoints';
import type { Check, Finding } from './types';

export const v1v2Mismatch: Check = (_t, ctx) =>
  (ctx.conflicts ?? [])
    .filter((c) => c.firstOrigin.schema !== c.secondOrigin.schema)
    .map((c) => ({
      code: 'v1-v2-mismatch',
      severity: 'warning' as const,
      title: `v1 and v2 views disagree on ${c.field}`,
      problem: `The v${c.firstOrigin.schema} and v${c.secondOrigin.schema} views of ${c.kind} ${c.id} give different '${c.field}'.`,
      evidence: `${JSON.stringify(c.first)} at ${c.firstOrigin.input}:${c.firstOrigin.line}; ${JSON.stringify(c.second)} at ${c.secondOrigin.input}:${c.secondOrigin.line}.`,
      fix: 'Take both dumps at the same time; if they still differ, HNS state is inconsistent: restart kube-proxy or HNS.',
      objectIds: [c.id],
    }));

/** Which dumped layer a policy lands in, and how to recognise its rule there. */
function expectation(
  p: EndpointPolicy,
): { layer: RegExp; match: (r: VfpRule) => boolean; what: string } | null {
  switch (p.type) {
    case 'ACL':
      if (p.ruleType !== 'switch') return null;
      return {
        layer: /ACL/i,
        match: (r) =>
          r.friendlyName === p.id || r.name === p.id || (p.id === '' && r.priority === p.priority),
        what: `ACL ${p.id || `priority ${p.priority}`}`,
      };
    case 'OutBoundNAT':
      return {
        layer: /SLB_NAT|SNAT/i,
        match: (r) => r.type === 'dynnat' || /NAT/i.test(r.name),
        what: 'OutBoundNAT',
      };
    case 'ROUTE':
      if (!p.needEncap) return null;
      return {
        layer: /ENCAP/i,
        match: (r) => r.type === 'encap',
        what: `ROUTE ${p.destinationPrefix}`,
      };
    case 'PA':
    case 'PortMapping':
    case 'L2Driver':
    case 'EncapOverhead':
    case 'Other':
      return null;
  }
}

export const policyWithoutVfpRule: Check = (t: Topology, ctx) => {
  if (ctx.vfpGiven !== true) return [];
  const out: Finding[] = [];
  for (const e of Object.values(t.endpoints)) {
    const port = e.portId !== null ? t.ports[e.portId] : undefined;
    if (!port) continue;
    const layers = port.layerIds
      .map((id) => t.layers[id])
      .filter((l) => l !== undefined && l.provenance.by === 'dump' && !l.provenance.derived);
    if (layers.length === 0) continue;
    for (const p of e.policies) {
      const exp = expectation(p);
      if (exp === null) continue;
      const layer = layers.find((l) => exp.layer.test(l!.name));
      if (!layer) continue; // that layer was not dumped: nothing to compare
      const rules = layer.groupIds.flatMap((id) => {
        const g = t.groups[id];
        return g ? rulesOfGroup(t, g) : [];
      });
      if (rules.some(exp.match)) continue;
      out.push({
        code: 'policy-without-vfp-rule',
        severity: 'warning',
        title: `${exp.what} not programmed in VFP`,
        problem: `Endpoint ${endpointLabel(t, e.id)} has an HNS ${exp.what} policy, but layer ${layer.name} of its VFP port has no matching rule.`,
        evidence: `Layer ${layer.name} lists ${rules.length} rule(s): ${
          rules
            .map((r) => r.friendlyName ?? r.name)
            .slice(0, 5)
            .join(', ') || 'none'
        }.`,
        fix: 'HNS failed to program the port: check the HNS event log, then recreate the pod (or restart HNS).',
        objectIds: [e.id, port.id, layer.id],
      });
    }
  }
  return out;
};
