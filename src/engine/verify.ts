/**
 * The commands that verify a hop on a real node (domain.md §1.4, §6): the rule listing of the
 * deciding group, its counter, a VFP drop capture for drops, the HNS load balancer for LB
 * hops, and a wire filter that matches what is on the wire (VXLAN 4789 only when encapsulated).
 */
import { formatIpv4 } from '../shared/ip';
import { VXLAN_UDP_PORT } from '../model/port-ranges';
import type { Direction, VfpRuleType } from '../model/types';
import type { Pkt } from './packet';

/** pktmon with the VFP provider's drop keyword: shows which layer/group/rule dropped (§1.4, §6.1). */
export const PKTMON_DROPS =
  'pktmon start -c --comp all --type drop -p Microsoft-Windows-Hyper-V-VfpExt -k 0x2';

/** The verify commands of a VFP rule hop on `portName`. */
export function ruleVerify(
  portName: string,
  layer: string,
  group: string,
  rule: string | null,
  type: VfpRuleType | null,
  dir: Direction,
  p: Pkt,
  dropped: boolean,
): string[] {
  const at = `vfpctrl /port ${portName} /layer ${layer} /group ${group}`;
  const out = [`${at} /list-rule`];
  if (rule !== null) out.push(`${at} /rule ${rule} /get-rule-counter`);
  out.push(
    `vfpctrl /port ${portName} /process-tuples "${p.proto} ${formatIpv4(p.src)} ${p.sport} ${formatIpv4(p.dst)} ${p.dport} ${dir.toUpperCase()} 1"`,
  );
  if (type === 'lbnat') out.push('hnsdiag list loadbalancers', 'Get-HnsPolicyList');
  if (dropped) out.push(PKTMON_DROPS);
  return out;
}

/** The verify commands of a layer outcome without a rule (default block, empty group). */
export function layerVerify(portName: string, layer: string, dropped: boolean): string[] {
  const out = [`vfpctrl /port ${portName} /layer ${layer} /list-group`];
  if (dropped) out.push(PKTMON_DROPS);
  return out;
}

/** A wire capture that matches the packet: the VXLAN port when encapsulated, else its address. */
export function wireVerify(p: Pkt): string[] {
  return p.outer
    ? [
        `pktmon filter add -t UDP -p ${p.outer.dport || VXLAN_UDP_PORT}`,
        'pktmon start -c --comp nics',
      ]
    : [`pktmon filter add -i ${formatIpv4(p.dst)}`, 'pktmon start -c --comp nics'];
}

/** A capture across the switch's components for `p` (forwarding hops), drops included. */
export function switchVerify(p: Pkt, dropped = false): string[] {
  const filter = p.outer
    ? `pktmon filter add -t UDP -p ${p.outer.dport || VXLAN_UDP_PORT}`
    : `pktmon filter add -i ${formatIpv4(p.dst)}`;
  return [filter, dropped ? PKTMON_DROPS : 'pktmon start -c --comp all --type all'];
}
