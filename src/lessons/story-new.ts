/**
 * Lessons 4–7: the single-endpoint design on Windows Server 2019 with DSR (kube-proxy winkernel
 * `--enable-dsr`: LB_DSR rules on every pod port), its OutboundNAT, overlay and ACLs.
 */
import type { Checkpoint, Lesson } from './types';

const WHERE_LB: Checkpoint = {
  prompt: 'a1’s packet to 10.96.10.10:80 is crossing a1’s own port. Who picks the backend now?',
  choices: [
    {
      label: 'A VFP rule on a1’s port',
      correct: true,
      feedback: 'Yes: with DSR, kube-proxy (winkernel) programs an LB_DSR rule on every pod port.',
    },
    {
      label: 'kube-proxy in user space',
      correct: false,
      feedback: 'Not since 2017: Services moved into the kernel, into VFP (lesson 3).',
    },
    {
      label: 'WinNAT in the host',
      correct: false,
      feedback: 'No: the packet never enters the host in the new design.',
    },
  ],
};

export const NEW_SERVICE: Lesson = {
  id: 'new-service',
  title: '4 · WS2019 + DSR: the Service is a rule on the pod’s own port',
  intro:
    'The same call, a1 → web 10.96.10.10:80, on Windows Server 2019 with DSR: the load-balancing ' +
    'rule now sits on the pod’s own port, and the backend sees the real client.',
  scenario: 'new-l2bridge',
  request: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp', reply: true, seed: 2 },
  expect: { verdict: 'delivered', deliveredTo: 'a1' },
  beats: [
    {
      match: { component: 'port', action: 'send' },
      title: 'One endpoint, one address',
      text: 'a1 has a single adapter. The packet leaves with the pod’s own address 10.244.1.10.',
    },
    {
      match: { layer: 'LB_DSR', action: 'lbnat' },
      title: 'LB_DSR rewrites the destination',
      text:
        'The LB_DSR layer on a1’s port matches 10.96.10.10:80/TCP and rewrites the destination ' +
        'to the backend b1 10.244.2.10:8080. Load balancing happens at the source, in the kernel.',
      predict: WHERE_LB,
    },
    {
      match: { layer: 'SLB_NAT_LAYER' },
      title: 'No SNAT inside the cluster',
      text:
        'OutboundNAT would replace the source, but 10.244.0.0/16 is in its exception list. The ' +
        'source stays 10.244.1.10.',
    },
    {
      match: { component: 'wire' },
      title: 'On the wire: the pod addresses, untouched',
      text: 'Only the MAC addresses were rewritten (host-gw routing). IP 10.244.1.10 → 10.244.2.10.',
    },
    {
      match: { phase: 'request', action: 'deliver' },
      title: 'b1 sees the real client',
      text:
        'b1 receives a connection from 10.244.1.10: the client IP is preserved, so a ' +
        'NetworkPolicy on b1 can filter on it. One connection, no user-space copy.',
    },
    {
      match: { phase: 'reply', layer: 'LB_DSR' },
      title: 'The reply is un-DNATed at a1’s port',
      text:
        'b1 answers from 10.244.2.10:8080. The stateful flow on a1’s port turns the source back ' +
        'into 10.96.10.10:80, so a1 sees an answer from the address it called.',
      predict: {
        prompt: 'The reply comes from 10.244.2.10:8080. What source will a1 see?',
        choices: [
          {
            label: '10.96.10.10:80',
            correct: true,
            feedback: 'Yes: the flow created by the LB rule reverses its rewrite.',
          },
          {
            label: '10.244.2.10:8080',
            correct: false,
            feedback: 'Then a1’s TCP stack would drop it: it never called 10.244.2.10.',
          },
          {
            label: '10.0.0.5',
            correct: false,
            feedback: 'No: nothing rewrote the source to the node on this path.',
          },
        ],
      },
    },
  ],
};

export const NEW_INTERNET: Lesson = {
  id: 'new-internet',
  title: '5 · Since 2017: OutboundNAT on the port replaces WinNAT',
  intro: 'The same trip to the internet, with one endpoint per pod.',
  scenario: 'new-l2bridge',
  request: { from: 'a1', to: '203.0.113.10:443', proto: 'tcp' },
  expect: { verdict: 'delivered', deliveredTo: 'internet-server' },
  beats: [
    {
      match: { layer: 'SLB_NAT_LAYER', action: 'dynnat' },
      title: 'SNAT by a VFP rule',
      text:
        '203.0.113.10 is not in the OutboundNAT exception list, so the SNAT_TCP_OUTBOUNDNAT rule ' +
        'rewrites the source to 10.0.0.4 and a pool port, right on a1’s port. (An ICMP ping ' +
        'would fail here: VFP does not transpose ICMP.)',
    },
    {
      match: { component: 'external', action: 'deliver' },
      title: 'Out without entering the host',
      text: 'The server sees the node address, as before, but the host stack was never involved.',
    },
  ],
};

export const OVERLAY: Lesson = {
  id: 'overlay',
  title: '6 · WS2019 overlay: the packet inside a packet',
  intro:
    'On an Overlay network (flannel vxlan) pod traffic between nodes is wrapped in VXLAN. ' +
    'Kubernetes on Windows got overlay with Windows Server 2019 + KB4489899 (March 2019), not in 2017.',
  scenario: 'new-overlay',
  request: { from: 'a1', to: 'b1:8080', proto: 'tcp' },
  expect: { verdict: 'delivered', deliveredTo: 'b1' },
  beats: [
    {
      match: { layer: 'VNET_ENCAP_LAYER', action: 'encap' },
      title: 'VXLAN encapsulation',
      text:
        'The encap rule for 10.244.2.0/24 wraps the packet in an outer header 10.0.0.4 → ' +
        '10.0.0.5, UDP 4789, VNI 4096. The inner packet is unchanged.',
      predict: {
        prompt: 'a1 → b1 leaves a1’s port on an overlay network. What happens to it?',
        choices: [
          {
            label: 'It is wrapped in an outer node-to-node header',
            correct: true,
            feedback:
              'Yes: the underlay only knows node addresses, so the pod packet rides inside.',
          },
          {
            label: 'Its source is NATed to the node',
            correct: false,
            feedback: 'No: pod-to-pod traffic is in the OutboundNAT exception list.',
          },
        ],
      },
    },
    {
      match: { component: 'wire' },
      title: 'The wire sees node addresses',
      text: 'On the wire the outer header says 10.0.0.4 → 10.0.0.5; the pod addresses are inside.',
    },
    {
      match: { action: 'decap' },
      title: 'Decapsulated at b1’s port',
      text: 'VNI 4096 matches, the outer header is removed and b1’s port sees the original packet.',
    },
  ],
};

export const POLICY: Lesson = {
  id: 'policy',
  title: '7 · A drop the old design could not make',
  intro:
    'b2 has a NetworkPolicy that only admits a2. Because the client IP now survives to the ' +
    'destination port, an ACL there can decide.',
  scenario: 'new-l2bridge',
  request: { from: 'a1', to: 'b2:8080', proto: 'tcp' },
  expect: { verdict: 'dropped' },
  beats: [
    {
      match: { component: 'wire' },
      title: 'Across the wire with a1’s address',
      text: 'Nothing rewrote the source: the packet reaches win-b still from 10.244.1.10.',
    },
    {
      match: { layer: 'ACL_ENDPOINT_LAYER', action: 'drop' },
      title: 'ACL_ENDPOINT_LAYER blocks it',
      text:
        'The allow rule for a2 does not match 10.244.1.10, so the default block rule does. ' +
        '`pktmon --type drop` on win-b would show a VFP drop at b2’s port.',
      predict: {
        prompt: 'The packet reaches b2’s port from a1. Will b2 get it?',
        choices: [
          {
            label: 'No, the ACL drops it',
            correct: true,
            feedback: 'Right: only a2 is allowed, and the source is visibly a1.',
          },
          {
            label: 'Yes, policies only apply to Services',
            correct: false,
            feedback: 'No: the ACL sits on b2’s port and sees every packet, Service or not.',
          },
        ],
      },
    },
  ],
};
