/** Lessons 1–2: the OLD two-endpoint design (Windows Server 2016 / 1709, before the 2017 change). */
import type { Lesson } from './types';

export const OLD_SERVICE: Lesson = {
  id: 'old-service',
  title: '1 · Before 2017: a Service call goes through the host',
  intro:
    'Windows Server 2016 gave every pod two network adapters and left Services to a kube-proxy ' +
    'running in user space. Follow a1 calling the web Service at 10.96.10.10:80.',
  scenario: 'old-winnat',
  request: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp', seed: 2 },
  expect: { verdict: 'delivered', deliveredTo: 'b1' },
  beats: [
    {
      match: { component: 'port', action: 'send' },
      title: 'a1 sends from its NAT adapter',
      text:
        'a1 has two endpoints: one on the cluster network and one on the "nat" network. Its ' +
        'default route points at the NAT adapter, so the packet leaves from 172.20.1.10, not ' +
        'from the pod IP 10.244.1.10.',
    },
    {
      match: { component: 'vswitch', objectId: 'vswitch:win-a:nat' },
      title: 'The internal nat vSwitch hands it to the host',
      text:
        'The Service VIP is bound as an address on the host adapter vEthernet (HNS Internal NIC). ' +
        'For the switch, 10.96.10.10 is simply the host, so it forwards the packet up.',
      predict: {
        prompt:
          'The packet is on the nat vSwitch, addressed to 10.96.10.10. Where does it go next?',
        choices: [
          {
            label: 'Up into the host',
            correct: true,
            feedback: 'Yes: the VIP is an address of the host, so the host takes the packet.',
          },
          {
            label: 'Straight to the backend pod b1',
            correct: false,
            feedback: 'Not yet: nothing on the switch knows that 10.96.10.10 means b1.',
          },
          {
            label: 'Out on the physical wire',
            correct: false,
            feedback: 'No: the nat switch is internal; it has no uplink to the wire.',
          },
        ],
      },
    },
    {
      match: { component: 'kube-proxy', action: 'proxy' },
      title: 'kube-proxy copies it into a second connection',
      text:
        'kube-proxy accepts the TCP connection in user space, picks a backend and opens a NEW ' +
        'connection from the host to b1:8080. Two connections, bytes copied through user space, ' +
        'and the source is now the node address 10.0.0.4.',
      predict: {
        prompt: 'kube-proxy has accepted the connection. What will b1 see as the source address?',
        choices: [
          {
            label: 'a1 (10.244.1.10)',
            correct: false,
            feedback: 'No: kube-proxy opens its own connection, so the pod address is gone.',
          },
          {
            label: 'The node win-a (10.0.0.4)',
            correct: true,
            feedback: 'Right: the second connection starts at the host.',
          },
          {
            label: 'The Service VIP (10.96.10.10)',
            correct: false,
            feedback: 'No: the VIP is only the destination of the first connection.',
          },
        ],
      },
    },
    {
      match: { component: 'wire' },
      title: 'Across the wire as a host packet',
      text: 'The new connection leaves win-a like any host traffic: 10.0.0.4 → 10.244.2.10:8080.',
    },
    {
      match: { component: 'port', action: 'deliver' },
      title: 'b1 receives it from the node',
      text:
        'b1 answers a connection from 10.0.0.4. The client IP is lost, and a NetworkPolicy on b1 ' +
        'cannot tell a1 from any other pod on win-a. This is what the 2017 change fixed.',
    },
  ],
};

export const OLD_INTERNET: Lesson = {
  id: 'old-internet',
  title: '2 · Before 2017: to the internet through WinNAT',
  intro: 'In the old design, outbound traffic also left through the NAT adapter and the host.',
  scenario: 'old-winnat',
  request: { from: 'a1', to: '203.0.113.10:443', proto: 'tcp' },
  expect: { verdict: 'delivered', deliveredTo: 'internet-server' },
  beats: [
    {
      match: { component: 'port', action: 'send' },
      title: 'Out of the NAT adapter',
      text: 'a1’s default route is the NAT adapter again: source 172.20.1.10.',
    },
    {
      match: { component: 'winnat' },
      title: 'WinNAT in the host rewrites the source',
      text:
        'WinNAT, part of the host TCP/IP stack, replaces 172.20.1.10:50000 with the node ' +
        'address and a port from its pool. Every pod’s outbound flow passes through the host.',
      predict: {
        prompt: 'Where is the source address rewritten in this design?',
        choices: [
          {
            label: 'In WinNAT, inside the host',
            correct: true,
            feedback: 'Yes: NAT happens in the host stack, after the nat vSwitch.',
          },
          {
            label: 'In a VFP rule on a1’s port',
            correct: false,
            feedback:
              'Not in 2016: the old ports carry no NAT rules. That arrives with the new design.',
          },
          {
            label: 'It is not rewritten',
            correct: false,
            feedback: 'It must be: 172.20.1.10 is a private address the internet cannot answer.',
          },
        ],
      },
    },
    {
      match: { component: 'external', action: 'deliver' },
      title: 'The server sees the node',
      text: 'The internet server sees 10.0.0.4 and a WinNAT port. The reply is un-NATed on the way back.',
    },
  ],
};
