/**
 * Port numbers the model and the engine agree on, named once.
 */
import type { PortRange } from './types';

/** The highest TCP/UDP port number (16 bits). */
export const PORT_MAX = 65535;

/**
 * The dynamic (ephemeral) range of RFC 6335, which Windows uses by default: the pool the model
 * gives OutBoundNAT, WinNAT and load-balancer SNAT when a dump does not say (pool inferred).
 */
export const DYNAMIC_PORTS: PortRange = Object.freeze({ from: 49152, to: 65535 });

/**
 * Source ports of the connections the old design's user-space kube-proxy opens to backends.
 * A model choice (the host's own ephemeral ports): below `DYNAMIC_PORTS`, so a trace tells a
 * proxy connection from a NAT pool port at a glance.
 */
export const PROXY_DIAL_PORTS: PortRange = Object.freeze({ from: 40000, to: 59999 });

/** VXLAN's IANA port; flannel on Windows supports only this one (domain.md §0 fact 6 [S7]). */
export const VXLAN_UDP_PORT = 4789;

/** The last (lowest-priority) HNS ACL priority: where the implicit default block sits. */
export const LOWEST_PRIORITY = 65535;

/** Number of ports in `r`. */
export const rangeSize = (r: PortRange): number => r.to - r.from + 1;
