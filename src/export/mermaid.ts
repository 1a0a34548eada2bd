/**
 * The topology as a Mermaid flowchart, for docs that cannot run scripts: one subgraph per
 * node (vSwitch, networks, endpoints, pods, host stack), the wire between nodes, services
 * with dashed edges to their backends. Ids are generated (`n1`, `n2`, …) and every label is
 * quoted and entity-escaped, so names from a dump cannot break out of the diagram.
 */
import type { Topology } from '../model/types';

/** Escape a label for a quoted Mermaid string (no HTML, no quote breaking). */
export function mermaidLabel(text: string): string {
  // `#` first: it starts Mermaid's own entity codes, so a label's `#quot;` must stay literal.
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
}

/** Mermaid `flowchart LR` source for `t`. */
export function topologyToMermaid(t: Topology): string {
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    let v = ids.get(key);
    if (!v) ids.set(key, (v = `n${ids.size + 1}`));
    return v;
  };
  const node = (key: string, label: string, shape: 'box' | 'round' | 'stadium' = 'box'): string => {
    const l = `"${mermaidLabel(label)}"`;
    const body = shape === 'round' ? `(${l})` : shape === 'stadium' ? `([${l}])` : `[${l}]`;
    return `${id(key)}${body}`;
  };
  const out: string[] = ['flowchart LR'];
  const edges: string[] = [];
  for (const nodeId of t.nodeIds) {
    const n = t.nodes[nodeId];
    if (!n) continue;
    out.push(
      `  subgraph ${id(n.id)}["${mermaidLabel(`Node ${n.name}${n.managementIp ? ` (${n.managementIp})` : ''}`)}"]`,
    );
    out.push('    direction TB');
    out.push(`    ${node(`host:${n.id}`, 'Host TCP/IP stack', 'round')}`);
    for (const vsId of n.vswitchIds) {
      const vs = t.vswitches[vsId];
      if (vs) out.push(`    ${node(vs.id, `vSwitch ${vs.name}`)}`);
    }
    for (const netId of n.networkIds) {
      const net = t.networks[netId];
      if (!net) continue;
      const subnets = net.subnets.map((s) => s.addressPrefix).join(', ');
      out.push(
        `    ${node(net.id, `Network ${net.name} (${net.type})${subnets ? ` ${subnets}` : ''}`)}`,
      );
      if (net.vswitchId) edges.push(`  ${id(net.id)} --- ${id(net.vswitchId)}`);
    }
    const eps = Object.values(t.endpoints).filter((e) => e.nodeId === n.id && !e.isRemote);
    for (const e of eps) {
      out.push(
        `    ${node(e.id, `Endpoint ${e.name}${e.ipAddress ? ` ${e.ipAddress}` : ''}`, 'round')}`,
      );
      const vs = e.portId ? t.ports[e.portId]?.vswitchId : undefined;
      if (vs) edges.push(`  ${id(e.id)} --- ${id(vs)}`);
    }
    for (const p of Object.values(t.pods).filter((x) => x.nodeId === n.id)) {
      out.push(`    ${node(p.id, `Pod ${p.name} ${p.ip}`, 'stadium')}`);
      for (const e of p.endpointIds) edges.push(`  ${id(p.id)} --> ${id(e)}`);
    }
    if (n.winnat) {
      out.push(
        `    ${node(`winnat:${n.id}`, `WinNAT ${n.winnat.internalPrefix} → ${n.winnat.externalIp}`)}`,
      );
      edges.push(`  ${id(`winnat:${n.id}`)} --- ${id(`host:${n.id}`)}`);
    }
    out.push('  end');
    for (const vsId of n.vswitchIds) edges.push(`  ${id(vsId)} <--> ${id('wire')}`);
  }
  if (t.nodeIds.length > 0)
    out.push(`  ${node('wire', t.underlay ? `Underlay ${t.underlay.subnet}` : 'Wire', 'round')}`);
  for (const x of Object.values(t.externals)) {
    out.push(`  ${node(x.id, `${x.name} ${x.ip}`, 'stadium')}`);
    edges.push(`  ${id(x.id)} <--> ${id('wire')}`);
  }
  for (const s of Object.values(t.services)) {
    const ports = s.ports.map((p) => p.port).join(',');
    out.push(`  ${node(s.id, `Service ${s.namespace}/${s.name} ${s.clusterIp}:${ports}`)}`);
    for (const b of s.backendPodIds) if (t.pods[b]) edges.push(`  ${id(s.id)} -.-> ${id(b)}`);
  }
  return [...out, ...edges, ''].join('\n');
}
