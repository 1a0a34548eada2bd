/**
 * The words a scrubbed topology may keep in its free text (rule and layer names, provenance
 * details, policy types, titles, file names): the vocabulary hnsviz itself writes, the names
 * Windows gives its VFP layers, groups, HNS policy types and endpoint states, and the kinds
 * of input hnsviz reads. Every other run of letters in a scrubbed string is replaced (see
 * `scrub-topology.ts`): default-deny, so an identifying word is never kept by accident.
 * Compared in lower case. Adding a word here makes it visible in every shared dump.
 */
export const SCRUB_VOCABULARY: ReadonlySet<string> = new Set(
  `
acl action adapter address addresses all allow and any api app attached attachedsharing backend
backends balancer balancers behind block blocks bridge bridged by capture chosen cidr client
cluster compartment conditions confidence container created data decap default degraded deny
derived design destination destroyed detached detail direction distribution dns domain driver
drmac dsr dump dumped elb empty enable encap encapoverhead endpoint endpoints ep ethernet
exception exceptions ext extension extensions external filtering firewall for format friendly
from frontend gateway group groups gw hairpin hns hnsdiag hnsnetwork hop host hostfw http https
icmp id ilb in inferred interface interfaces internal internet ip ipconfig ips ipv is json
kernelspace kube kubeproxy label labels layer layers lb lbs link list listens load loadbalancer
local log mac management md mechanics meter microsoft mode model mux name named namespace nat
ndis net network networkacl networks new next nexthop nic no node nodeport nodes not note ns of
old on one order os out outboundnat overhead overlay pa paroute path per platform pod podnetwork
pods policies policy policylist pool port portmapping ports prefix print priority private
profile protocol protocols provideraddress proxies proxy ps qos redirection ref remote
remotesubnet remotesubnetroute reported return rewrite role route routed routes routing rule
rules sdnroute search select server servers service services setpolicy slb snat source
sourcevip space stack state stateful string subnet subnets svc switch system table tcp
teaching terminating the tier title to transparent txt type udp udr underlay uninitialized
unknown user userspace verified vethernet vfp vfpctrl via vip vlan vmswitch vnet vni vsid
vswitch vxlan when win windows winnat winuserspace with wfp
`
    .trim()
    .split(/\s+/),
);
