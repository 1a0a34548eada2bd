/** Runtime schemas of the VFP part of `hnsviz.model/1`: ports, layers, groups, rules, rule sets. */
import type { RuleAction } from '../model/types';
import { VFP_RULE_TYPES } from '../model/vfp-types';
import {
  arr,
  bool,
  lit,
  nullable,
  num,
  obj,
  optional,
  rec,
  str,
  tagged,
  type Schema,
} from './schema';
import {
  direction,
  lbDistribution,
  ns,
  port,
  portRange,
  prio,
  proto,
  provenance,
  s,
  strs,
} from './model-schema-common';

const ruleAction: Schema<RuleAction> = tagged('kind', {
  allow: obj({ kind: lit('allow') }),
  block: obj({ kind: lit('block') }),
  lbnat: obj({
    kind: lit('lbnat'),
    loadBalancerId: s,
    backends: arr(obj({ ip: s, port, endpointId: ns })),
    distribution: lbDistribution,
    snatIp: ns,
  }),
  nat: obj({
    kind: lit('nat'),
    side: lit('source', 'destination'),
    ip: s,
    port: nullable(port),
  }),
  dynnat: obj({ kind: lit('dynnat'), snatIp: s, portPool: portRange }),
  encap: obj({
    kind: lit('encap'),
    vni: num(),
    outerSrcIp: s,
    outerDstIp: s,
    udpPort: port,
    innerDstMac: ns,
  }),
  decap: obj({ kind: lit('decap'), vni: num(), innerDstMac: optional(nullable(str())) }),
  transpose: obj({ kind: lit('transpose'), srcMac: ns, dstMac: ns }),
  paroute: obj({ kind: lit('paroute'), nextHop: ns }),
  other: obj({ kind: lit('other'), text: s }),
});

/** What a rule is, wherever it is stored (`VfpRuleBody`). */
const ruleBody = {
  name: s,
  friendlyName: ns,
  priority: prio,
  type: lit(...VFP_RULE_TYPES),
  terminating: bool,
  stateful: bool,
  conditions: obj({
    srcPrefixes: nullable(strs),
    dstPrefixes: nullable(strs),
    srcPorts: nullable(arr(portRange)),
    dstPorts: nullable(arr(portRange)),
    protocols: nullable(arr(proto)),
  }),
  action: ruleAction,
  provenance,
};

/** The VFP tables of a topology. */
export const vfpTables = {
  ports: rec(
    obj({
      id: s,
      nodeId: s,
      vswitchId: s,
      kind: lit('container', 'host-vnic', 'external'),
      name: s,
      friendlyName: s,
      mac: ns,
      endpointId: ns,
      layerIds: strs,
      provenance,
    }),
  ),
  layers: rec(
    obj({
      id: s,
      portId: s,
      name: s,
      priority: prio,
      stateful: bool,
      defaultAction: lit('allow', 'block'),
      groupIds: strs,
      provenance,
    }),
  ),
  groups: rec(
    obj({
      id: s,
      layerId: s,
      portId: s,
      name: s,
      direction,
      family: lit('ipv4', 'ipv6'),
      priority: prio,
      matchType: lit('priority', 'lpm'),
      ruleIds: strs,
      ruleSetId: optional(s),
      provenance,
    }),
  ),
  rules: rec(obj({ id: s, groupId: s, layerId: s, portId: s, ...ruleBody })),
  ruleSets: optional(rec(obj({ id: s, rules: arr(obj(ruleBody)) }))),
};
