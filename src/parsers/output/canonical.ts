/**
 * A canonical, stable text rendering of what a parse extracted: objects sorted by id, one line
 * per object and policy, read VFP objects only (derived ones are summarised), diagnostics last.
 * Used by the snapshot tests and by `hnsviz parse` without `--json`.
 */

import type { EndpointPolicy, NetworkPolicy, Topology } from '../../model/types';
import { allVfpRules } from '../../model/vfp-rules';
import { pushAll } from '../../shared/arrays';
import type { ParseResult } from '../index';

const byId = <T extends { id: string }>(table: Record<string, T>): T[] =>
  Object.values(table).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function netPolicy(p: NetworkPolicy): string {
  switch (p.type) {
    case 'RemoteSubnetRoute':
      return `RemoteSubnetRoute ${p.destinationPrefix} pa=${p.providerAddress} vsid=${p.isolationId} drMac=${p.drMac ?? '-'}`;
    case 'HostRoute':
      return 'HostRoute';
    case 'VxlanPort':
      return `VxlanPort ${p.port}`;
    case 'Other':
      return `Other ${p.name}`;
  }
}

export function endpointPolicyText(p: EndpointPolicy): string {
  switch (p.type) {
    case 'OutBoundNAT':
      return `${p.hnsType} vip=${p.vip ?? '-'} exceptions=[${p.exceptions.join(',')}]`;
    case 'ROUTE':
      return `${p.hnsType} ${p.destinationPrefix} nextHop=${p.nextHop ?? '-'} encap=${p.needEncap}`;
    case 'PA':
      return `${p.hnsType} ${p.providerAddress}`;
    case 'ACL':
      return `${p.hnsType} ${p.id} ${p.action} ${p.direction} prio=${p.priority} proto=[${p.protocols.join(',')}] remote=[${p.remoteAddresses.join(',')}] ${p.ruleType}`;
    case 'PortMapping':
      return `${p.hnsType} ${p.protocol} ${p.externalPort}->${p.internalPort} vip=${p.vip ?? '-'}`;
    case 'L2Driver':
      return p.hnsType;
    case 'EncapOverhead':
      return `${p.hnsType} ${p.overhead}`;
    case 'Other':
      return `${p.hnsType} (other)`;
  }
}

export function topologyText(t: Topology): string[] {
  const out: string[] = [];
  for (const n of byId(t.networks)) {
    const subnets = n.subnets.map(
      (s) =>
        `${s.addressPrefix}${s.gatewayAddress ? ' gw ' + s.gatewayAddress : ''}${s.vsid !== null ? ' vsid ' + s.vsid : ''}`,
    );
    out.push(
      `network ${n.id} name=${JSON.stringify(n.name)} type=${n.type} mgmt=${n.managementIp ?? '-'} adapter=${n.networkAdapterName ?? '-'} drMac=${n.drMac ?? '-'} subnets=[${subnets.join('; ')}]${n.provenance.derived ? ' (stub)' : ''}`,
    );
    for (const p of n.policies) out.push(`  policy ${netPolicy(p)}`);
  }
  for (const e of byId(t.endpoints)) {
    out.push(
      `endpoint ${e.id} name=${JSON.stringify(e.name)} net=${e.networkId} role=${e.role} ip=${e.ipAddress ?? '-'}/${e.prefixLength ?? '-'} mac=${e.macAddress ?? '-'} gw=${e.gatewayAddress ?? '-'} remote=${e.isRemote} state=${e.state ?? '-'} pod=${e.podId ?? '-'}`,
    );
    for (const p of e.policies) out.push(`  policy ${endpointPolicyText(p)}`);
  }
  for (const lb of byId(t.loadBalancers)) {
    const f = Object.entries(lb.flags)
      .filter(([, v]) => v)
      .map(([k]) => k);
    out.push(
      `loadBalancer ${lb.id} kind=${lb.kind} vips=[${lb.frontendVips.join(',')}] proto=${lb.protocol} ${lb.externalPort}->${lb.internalPort} sourceVip=${lb.sourceVip ?? '-'} flags=[${f.join(',')}] backends=[${lb.backendEndpointIds.join(',')}]`,
    );
  }
  for (const p of byId(t.ports)) {
    out.push(
      `port ${p.id} kind=${p.kind} friendly=${JSON.stringify(p.friendlyName)} mac=${p.mac ?? '-'} endpoint=${p.endpointId ?? '-'}`,
    );
  }
  for (const l of byId(t.layers)) {
    if (l.provenance.by !== 'dump') continue;
    out.push(`layer ${l.id} prio=${l.priority}`);
  }
  for (const g of byId(t.groups)) {
    if (g.provenance.by !== 'dump') continue;
    out.push(`group ${g.id} ${g.direction} ${g.family} prio=${g.priority} ${g.matchType}`);
  }
  for (const r of byId(t.rules)) {
    if (r.provenance.by !== 'dump') continue;
    const c = r.conditions;
    out.push(
      `rule ${r.id} friendly=${JSON.stringify(r.friendlyName)} type=${r.type} prio=${r.priority} term=${r.terminating} stateful=${r.stateful} src=[${(c.srcPrefixes ?? []).join(',')}] dst=[${(c.dstPrefixes ?? []).join(',')}]`,
    );
  }
  let derived = false;
  for (const r of allVfpRules(t))
    if (r.provenance.by !== 'dump') {
      derived = true;
      break;
    }
  out.push(`derived VFP rules: ${derived ? 'some' : 'none'}`);
  return out;
}

export function canonicalText(r: ParseResult): string {
  const out: string[] = [];
  for (const i of r.inputs)
    out.push(
      `input ${i.name} format=${i.format} encoding=${i.encoding} newline=${i.newline} objects=${i.objects}`,
    );
  pushAll(out, topologyText(r.topology));
  for (const d of r.diagnostics)
    out.push(`${d.severity} ${d.code} ${d.input}:${d.line}:${d.column} ${d.message}`);
  return out.join('\n') + '\n';
}
