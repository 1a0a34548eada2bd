/**
 * The `hnsviz.parse/1` document: what `hnsviz parse --json` prints. Also used by the
 * engine's `describe --scenario`, since a scenario is just another dump. Ids are lower-case
 * GUIDs without braces, network types lower-case, MACs lower-case with colons, policy types
 * as HNS names them. Arrays are sorted by id so the output is stable.
 */

import type { EndpointPolicy, NetworkPolicy, Topology } from '../../model/types';
import { allVfpRules } from '../../model/vfp-rules';
import type { Diagnostic } from '../diagnostics';
import type { InputInfo, ParseResult } from '../index';

export const PARSE_FORMAT = 'hnsviz.parse/1';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const sortById = <T extends { id: string }>(table: Record<string, T> | Iterable<T>): T[] =>
  (Symbol.iterator in table ? [...table] : Object.values(table)).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );

function networkPolicyJson(p: NetworkPolicy): Json {
  switch (p.type) {
    case 'RemoteSubnetRoute':
      return {
        type: 'RemoteSubnetRoute',
        destinationPrefix: p.destinationPrefix,
        isolationId: p.isolationId,
        providerAddress: p.providerAddress,
        distributedRouterMacAddress: p.drMac,
      };
    case 'HostRoute':
      return { type: 'HostRoute' };
    case 'VxlanPort':
      return { type: 'VxlanPort', port: p.port };
    case 'Other':
      return { type: p.name };
  }
}

function endpointPolicyJson(p: EndpointPolicy): Json {
  switch (p.type) {
    case 'OutBoundNAT':
      return {
        type: p.hnsType,
        vip: p.vip,
        exceptions: [...p.exceptions],
        destinations: [...p.destinations],
      };
    case 'ROUTE':
      return {
        type: p.hnsType,
        destinationPrefix: p.destinationPrefix,
        nextHop: p.nextHop,
        needEncap: p.needEncap,
      };
    case 'PA':
      return { type: p.hnsType, providerAddress: p.providerAddress };
    case 'ACL':
      return {
        type: p.hnsType,
        id: p.id,
        action: p.action,
        direction: p.direction,
        priority: p.priority,
        protocols: [...p.protocols],
        localAddresses: [...p.localAddresses],
        remoteAddresses: [...p.remoteAddresses],
        localPorts: p.localPorts.map((r) => ({ from: r.from, to: r.to })),
        remotePorts: p.remotePorts.map((r) => ({ from: r.from, to: r.to })),
        ruleType: p.ruleType,
      };
    case 'PortMapping':
      return {
        type: p.hnsType,
        protocol: p.protocol,
        internalPort: p.internalPort,
        externalPort: p.externalPort,
        vip: p.vip,
      };
    case 'L2Driver':
      return { type: p.hnsType };
    case 'EncapOverhead':
      return { type: p.hnsType, overhead: p.overhead };
    case 'Other':
      return { type: p.hnsType };
  }
}

function diagnosticJson(d: Diagnostic): Json {
  return {
    code: d.code,
    severity: d.severity,
    input: d.input,
    line: d.line,
    column: d.column,
    message: d.message,
  };
}

/**
 * One node of the document: `inputs` and `evidence` say which inputs were read as this node
 * and why (src/cluster attribution); a scenario or a plain parse lists none.
 */
export interface ParseJsonNode {
  readonly id: string;
  readonly name: string;
  readonly managementIp: string | null;
  readonly inputs: readonly string[];
  readonly evidence: readonly {
    readonly input: string;
    readonly evidence: readonly {
      readonly kind: string;
      readonly value: string;
      readonly detail: string;
    }[];
  }[];
}

function nodesJson(t: Topology, given: readonly ParseJsonNode[] | undefined): Json[] {
  const byId = new Map((given ?? []).map((n) => [n.id, n]));
  return t.nodeIds.flatMap((id) => {
    const n = t.nodes[id];
    if (!n) return [];
    const g = byId.get(id);
    return [
      {
        id,
        name: n.name,
        managementIp: n.managementIp,
        inputs: [...(g?.inputs ?? [])],
        evidence: (g?.evidence ?? []).map((e) => ({
          input: e.input,
          evidence: e.evidence.map((x) => ({ kind: x.kind, value: x.value, detail: x.detail })),
        })),
      },
    ];
  });
}

/** The topology part of the document (shared with `describe --scenario`). */
export function topologyToParseJson(
  t: Topology,
  nodes?: readonly ParseJsonNode[],
): { [k: string]: Json } {
  return {
    nodes: nodesJson(t, nodes),
    networks: sortById(t.networks).map((n) => ({
      id: n.id,
      node: n.nodeId,
      name: n.name,
      type: n.type,
      subnets: n.subnets.map((s) => ({
        addressPrefix: s.addressPrefix,
        gatewayAddress: s.gatewayAddress,
      })),
      managementIp: n.managementIp,
      policies: n.policies.map(networkPolicyJson),
    })),
    endpoints: sortById(t.endpoints).map((e) => ({
      id: e.id,
      node: e.nodeId,
      name: e.name,
      ipAddress: e.ipAddress,
      macAddress: e.macAddress,
      network: e.networkId,
      isRemote: e.isRemote,
      policies: e.policies.map(endpointPolicyJson),
      pod: e.podId !== null ? (t.pods[e.podId]?.name ?? null) : null,
      dns: e.dns ? { servers: [...e.dns.servers], search: [...e.dns.search] } : null,
      creator: e.provenance.creator ?? null,
    })),
    pods: sortById(t.pods).map((p) => ({
      id: p.id,
      node: p.nodeId,
      name: p.name,
      namespace: p.namespace,
      ip: p.ip,
      endpoints: [...p.endpointIds],
      containers: (p.containers ?? []).map((c) => ({ name: c.name, role: c.role })),
      compartment: p.compartmentId ?? null,
    })),
    loadBalancers: sortById(t.loadBalancers).map((lb) => ({
      id: lb.id,
      node: lb.nodeId,
      vips: [...lb.frontendVips],
      protocol: lb.protocol,
      internalPort: lb.internalPort,
      externalPort: lb.externalPort,
      endpoints: [...lb.backendEndpointIds],
      dsr: lb.flags.dsr,
      creator: lb.provenance.creator ?? null,
    })),
    vfp: {
      ports: sortById(t.ports).map((p) => ({
        id: p.id,
        node: p.nodeId,
        name: p.name,
        friendlyName: p.friendlyName,
        kind: p.kind,
        mac: p.mac,
        endpoint: p.endpointId,
        layers: [...p.layerIds],
      })),
      layers: sortById(t.layers).map((l) => ({
        id: l.id,
        name: l.name,
        priority: l.priority,
        port: l.portId,
      })),
      groups: sortById(t.groups).map((g) => ({
        id: g.id,
        name: g.name,
        priority: g.priority,
        direction: g.direction,
        layer: t.layers[g.layerId]?.name ?? g.layerId,
      })),
      rules: sortById(allVfpRules(t)).map((r) => ({
        id: r.id,
        name: r.name,
        type: r.type,
        priority: r.priority,
        layer: t.layers[r.layerId]?.name ?? r.layerId,
        group: t.groups[r.groupId]?.name ?? r.groupId,
        derived: r.provenance.derived,
      })),
    },
  };
}

export function toParseJson(
  result: Pick<ParseResult, 'topology' | 'inputs' | 'diagnostics'> & {
    readonly nodes?: readonly ParseJsonNode[];
  },
): {
  [k: string]: Json;
} {
  return {
    format: PARSE_FORMAT,
    inputs: result.inputs.map((i: InputInfo) => ({
      name: i.name,
      format: i.format,
      encoding: i.encoding,
    })),
    ...topologyToParseJson(result.topology, result.nodes),
    diagnostics: result.diagnostics.map(diagnosticJson),
  };
}
