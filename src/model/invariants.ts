/**
 * Model invariants: what must hold for any topology, whether built-in or read from a dump.
 * Structural problems (a dangling id, a child pointing at the wrong parent) are bugs in a
 * builder or parser; built-in scenarios must have none. Operational oddities of a real node
 * (an LB backend HNS no longer knows) are lint findings, not invariant breaks.
 */
import { isIpv4, parseCidr } from '../shared/ip';
import type { Topology, VfpRuleBody } from './types';
import { entryOf, hasEntry } from '../shared/table';

export interface InvariantProblem {
  readonly code: string;
  readonly objectId: string;
  readonly message: string;
}

const IPV6ISH = /^[0-9a-fA-F:]+(\/\d{1,3})?$/;
const isAddress = (a: string) => isIpv4(a) || (a.includes(':') && IPV6ISH.test(a));
const isPrefix = (p: string) => parseCidr(p) !== null || (p.includes(':') && IPV6ISH.test(p));

export function checkInvariants(t: Topology): InvariantProblem[] {
  const out: InvariantProblem[] = [];
  const bad = (code: string, objectId: string, message: string) =>
    out.push({ code, objectId, message });
  const ref = (table: Record<string, unknown>, id: string | null, from: string, what: string) => {
    if (id !== null && !hasEntry(table, id))
      bad('DANGLING_REF', from, `${from}: ${what} ${id} does not exist`);
  };

  for (const id of t.nodeIds) ref(t.nodes, id, 'topology', 'node');
  for (const n of Object.values(t.nodes)) {
    if (!t.nodeIds.includes(n.id))
      bad('NODE_NOT_LISTED', n.id, `node ${n.id} is missing from nodeIds`);
    n.vswitchIds.forEach((v) => ref(t.vswitches, v, n.id, 'vSwitch'));
    n.networkIds.forEach((v) => ref(t.networks, v, n.id, 'network'));
    for (const i of n.hostStack.interfaces) {
      ref(t.ports, i.portId, n.id, `port of ${i.name}`);
      for (const ip of i.ips)
        if (!isAddress(ip)) bad('BAD_ADDRESS', n.id, `${i.name}: ${ip} is not an address`);
    }
    for (const r of n.hostStack.routes) {
      if (!isPrefix(r.prefix)) bad('BAD_PREFIX', n.id, `route ${r.prefix} is not a prefix`);
      if (!n.hostStack.interfaces.some((i) => i.name === r.interface)) {
        bad('DANGLING_REF', n.id, `route ${r.prefix} uses unknown interface ${r.interface}`);
      }
    }
  }
  for (const v of Object.values(t.vswitches)) {
    ref(t.nodes, v.nodeId, v.id, 'node');
    for (const p of v.portIds) {
      ref(t.ports, p, v.id, 'port');
      if (t.ports[p] && t.ports[p].vswitchId !== v.id)
        bad('WRONG_PARENT', p, `port ${p} is listed on ${v.id}`);
    }
  }
  for (const n of Object.values(t.networks)) {
    ref(t.nodes, n.nodeId, n.id, 'node');
    ref(t.vswitches, n.vswitchId, n.id, 'vSwitch');
    for (const s of n.subnets)
      if (!isPrefix(s.addressPrefix)) bad('BAD_PREFIX', n.id, `subnet ${s.addressPrefix}`);
  }
  const ipsByNetwork = new Map<string, Map<string, string>>();
  for (const e of Object.values(t.endpoints)) {
    ref(t.nodes, e.nodeId, e.id, 'node');
    ref(t.networks, e.networkId, e.id, 'network');
    ref(t.pods, e.podId, e.id, 'pod');
    ref(t.ports, e.portId, e.id, 'port');
    if (e.isRemote && e.portId !== null)
      bad('REMOTE_WITH_PORT', e.id, `remote endpoint ${e.name} has a local port`);
    const port = e.portId === null ? undefined : t.ports[e.portId];
    if (port && port.endpointId !== e.id) {
      bad('WRONG_PARENT', e.id, `port ${e.portId} does not point back at endpoint ${e.name}`);
    }
    if (e.ipAddress !== null) {
      if (!isAddress(e.ipAddress))
        bad('BAD_ADDRESS', e.id, `${e.name}: ${e.ipAddress} is not an address`);
      const seen = ipsByNetwork.get(e.networkId) ?? new Map<string, string>();
      const other = seen.get(e.ipAddress);
      if (other !== undefined)
        bad('DUPLICATE_IP', e.id, `${e.name} and ${other} share ${e.ipAddress}`);
      seen.set(e.ipAddress, e.name);
      ipsByNetwork.set(e.networkId, seen);
    }
  }
  for (const lb of Object.values(t.loadBalancers)) {
    ref(t.nodes, lb.nodeId, lb.id, 'node');
    ref(t.networks, lb.networkId, lb.id, 'network');
    for (const v of lb.frontendVips)
      if (!isAddress(v)) bad('BAD_ADDRESS', lb.id, `VIP ${v} is not an address`);
  }
  checkVfp(t, bad, ref);
  checkPods(t, bad, ref);
  return out;
}

type Bad = (code: string, objectId: string, message: string) => void;
type Ref = (table: Record<string, unknown>, id: string | null, from: string, what: string) => void;

function checkVfp(t: Topology, bad: Bad, ref: Ref): void {
  for (const p of Object.values(t.ports)) {
    ref(t.nodes, p.nodeId, p.id, 'node');
    ref(t.vswitches, p.vswitchId, p.id, 'vSwitch');
    ref(t.endpoints, p.endpointId, p.id, 'endpoint');
    for (const l of p.layerIds) {
      ref(t.layers, l, p.id, 'layer');
      if (t.layers[l] && t.layers[l].portId !== p.id)
        bad('WRONG_PARENT', l, `layer ${l} is listed on ${p.id}`);
    }
  }
  for (const l of Object.values(t.layers)) {
    for (const g of l.groupIds) {
      ref(t.groups, g, l.id, 'group');
      const group = t.groups[g];
      if (group && (group.layerId !== l.id || group.portId !== l.portId)) {
        bad('WRONG_PARENT', g, `group ${g} is listed on layer ${l.id}`);
      }
    }
  }
  for (const g of Object.values(t.groups)) {
    for (const r of g.ruleIds) {
      ref(t.rules, r, g.id, 'rule');
      const rule = t.rules[r];
      if (
        rule &&
        (rule.groupId !== g.id || rule.layerId !== g.layerId || rule.portId !== g.portId)
      ) {
        bad('WRONG_PARENT', r, `rule ${r} is listed on group ${g.id}`);
      }
    }
  }
  for (const g of Object.values(t.groups)) {
    if (g.ruleSetId === undefined) continue;
    ref(t.ruleSets ?? {}, g.ruleSetId, g.id, 'rule set');
    const set = t.ruleSets ? entryOf(t.ruleSets, g.ruleSetId) : undefined;
    // A set rule's id on this group must not be an own rule's id too.
    for (const r of set?.rules ?? [])
      if (g.ruleIds.includes(`${g.id}/${r.name}`))
        bad('DUPLICATE_ID', g.id, `rule ${r.name} is both an own rule and in set ${set!.id}`);
  }
  const badPrefixes = (id: string, r: VfpRuleBody) => {
    const prefixes = [...(r.conditions.srcPrefixes ?? []), ...(r.conditions.dstPrefixes ?? [])];
    for (const p of prefixes)
      if (!isPrefix(p)) bad('BAD_PREFIX', id, `rule ${r.name}: ${p} is not a prefix`);
  };
  for (const r of Object.values(t.rules)) badPrefixes(r.id, r);
  for (const set of Object.values(t.ruleSets ?? {})) {
    const names = new Set<string>();
    for (const r of set.rules) {
      if (names.has(r.name)) bad('DUPLICATE_ID', set.id, `rule set ${set.id}: two rules ${r.name}`);
      names.add(r.name);
      badPrefixes(set.id, r);
    }
  }
}

function checkPods(t: Topology, bad: Bad, ref: Ref): void {
  for (const pod of Object.values(t.pods)) {
    ref(t.nodes, pod.nodeId, pod.id, 'node');
    for (const e of pod.endpointIds) {
      ref(t.endpoints, e, pod.id, 'endpoint');
      const ep = t.endpoints[e];
      if (ep && ep.podId !== pod.id)
        bad('WRONG_PARENT', e, `endpoint ${ep.name} does not belong to ${pod.name}`);
      if (ep && ep.nodeId !== pod.nodeId)
        bad('WRONG_PARENT', e, `endpoint ${ep.name} is on another node`);
    }
    for (const r of pod.routes) {
      if (!pod.endpointIds.includes(r.endpointId)) {
        bad(
          'DANGLING_REF',
          pod.id,
          `route ${r.prefix} of ${pod.name} leaves by a foreign endpoint`,
        );
      }
    }
    const expected = t.design === 'old-winnat' ? 2 : t.design === null ? null : 1;
    if (expected !== null && pod.endpointIds.length !== expected) {
      bad(
        'ENDPOINTS_PER_POD',
        pod.id,
        `${pod.name} has ${pod.endpointIds.length} endpoints; ${t.design} has ${expected}`,
      );
    }
  }
  for (const s of Object.values(t.services))
    s.backendPodIds.forEach((b) => ref(t.pods, b, s.id, 'backend pod'));
}
