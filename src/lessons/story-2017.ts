/**
 * Lesson 3: the design as the 2017 post announced it and 1709/1803 shipped it: one endpoint
 * per pod, NAT in VFP, and the Service in the kernel load balancer (ELB policy lists) without
 * DSR — on the host port, where the pod's ROUTE NeedEncap sends service traffic.
 */
import type { Lesson } from './types';

export const SERVICE_2017: Lesson = {
  id: '2017-service',
  title: '3 · 2017 as shipped: the Service moves into the kernel (no DSR yet)',
  intro:
    'a1 → web 10.96.10.10:80 on Windows Server 1709/1803: one endpoint per pod, and ' +
    'kube-proxy programs HNS load balancers (ELB policy lists) instead of proxying. No DSR yet.',
  scenario: 'new-2017',
  request: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp', reply: true, seed: 2 },
  expect: { verdict: 'delivered', deliveredTo: 'a1' },
  beats: [
    {
      match: { component: 'port', action: 'send' },
      title: 'One endpoint, one address',
      text: 'a1 has a single adapter, on the L2Bridge network. No NAT adapter, no WinNAT.',
    },
    {
      match: { component: 'vswitch', action: 'forward' },
      title: 'ROUTE NeedEncap steers the Service to the host port',
      text:
        'The endpoint carries a ROUTE policy for the service CIDR with NeedEncap: instead of ' +
        'being bridged out, the packet goes to the host vNIC port, where the load balancer is. ' +
        '(How NeedEncap works inside VFP is not documented: inferred.)',
      predict: {
        prompt: 'The packet is for 10.96.10.10. Where does the vSwitch send it?',
        choices: [
          {
            label: 'To the host vNIC port, where the load balancer is',
            correct: true,
            feedback: 'Yes: ROUTE NeedEncap sends service traffic through the host path.',
          },
          {
            label: 'Out of the physical NIC to the default gateway',
            correct: false,
            feedback: 'No: the ROUTE policy keeps service traffic inside the node.',
          },
          {
            label: 'To kube-proxy in user space',
            correct: false,
            feedback: 'Not any more: since 2017 kube-proxy only programs HNS; VFP does the work.',
          },
        ],
      },
    },
    {
      match: { layer: 'SLB_LB_LAYER', action: 'lbnat' },
      title: 'The kernel load balancer: DNAT and SNAT',
      text:
        'A VFP rule on the host port picks b1 and rewrites the destination to 10.244.2.10:8080. ' +
        'Without DSR it also rewrites the source to the node IP 10.0.0.4, so the reply comes back ' +
        'through this port. No user-space copy — but the client IP is still lost.',
    },
    {
      match: { phase: 'request', action: 'deliver' },
      title: 'b1 sees the node, not a1',
      text:
        'b1 receives a connection from 10.0.0.4. DSR (Windows Server 2019) is what later let the ' +
        'backend see the real client: compare this with lesson 4.',
    },
    {
      match: { phase: 'reply', action: 'flow (inverse rewrite)', layer: 'SLB_LB_LAYER' },
      title: 'The reply is un-NATed on the host port',
      text:
        'b1 answers 10.0.0.4. The flow the load balancer created turns the reply back into ' +
        '10.96.10.10:80 → a1, and the vSwitch hands it to a1’s port.',
    },
  ],
};
