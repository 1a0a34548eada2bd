/**
 * What each canonical walk (`canonical-walks.ts`) does in each design, request and reply, as
 * `walk-summary.ts` summarises a leg. Each entry was checked against domain.md §7 and the
 * sources behind it; change one only with that reason (walk-coverage.test.ts).
 */
import type { LegSummary } from './walk-summary';

export interface Expected {
  readonly request: LegSummary;
  /** null only where the request is dropped (S9 deny, S12 on L2Bridge). */
  readonly reply: LegSummary | null;
}

export const EXPECTED: Record<string, Expected> = {
  'S1 old-winnat': {
    request: {
      path: 'port:win-a:a1:cluster > vswitch:win-a > port:win-a:a2:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:f4:01:0a > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2:cluster > vswitch:win-a > port:win-a:a1:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.1.11:8080 00:15:5d:f4:01:0b > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S1 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:f4:01:0a > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.1.11:8080 00:15:5d:f4:01:0b > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S1 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:f4:01:0a > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.1.11:8080 00:15:5d:f4:01:0b > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S1 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: ['VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred'],
      frame: '10.244.1.11:8080 0e:2a:0a:f4:01:0b > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S1 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: ['VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred'],
      frame: '10.244.1.11:8080 0e:2a:0a:f4:01:0b > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S2 old-winnat': {
    request: {
      path: 'port:win-a:a1:cluster > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.10 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.10:8080 00:15:5d:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1:cluster > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.2.10:8080 00:15:5d:00:00:05 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S2 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.10 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.10:8080 00:15:5d:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.2.10:8080 00:15:5d:00:00:05 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S2 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.10 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.10:8080 00:15:5d:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.2.10:8080 00:15:5d:00:00:05 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S2 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.2.10:8080 0e:2a:0a:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.2.10:8080 0e:2a:0a:f4:02:0a > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S2 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.2.10:8080 0e:2a:0a:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.2.10:8080 0e:2a:0a:f4:02:0a > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S3 old-winnat': {
    request: {
      path: 'port:win-a:a1:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred'],
      frame: '10.0.0.4:40000 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:nat-host > vswitch:win-a > port:win-a:a1:nat',
      rules: [],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 172.20.1.10:40001 00:15:5d:14:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S3 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.96.0.0/12 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.0.0.4:50172 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.4/32 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.10:40001 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S3 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.1.10:40001 00:15:5d:f4:01:0a > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 00:15:5d:f4:01:0b > 10.244.1.10:40001 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S3 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
      ],
      frame: '10.244.1.10:40001 0e:2a:0a:f4:01:0a > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 0e:2a:0a:f4:01:0b > 10.244.1.10:40001 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S3 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p100 lbnat inferred',
      ],
      frame: '10.244.1.2:56261 00:15:5d:00:00:04 > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.10:40001 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S4 old-winnat': {
    request: {
      path: 'port:win-a:a1:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:coredns:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.20 p100 transpose inferred'],
      frame: '10.0.0.4:40000 00:15:5d:00:00:04 > 10.244.2.20:53 00:15:5d:f4:02:14',
      end: 'delivered coredns (documented)',
    },
    reply: {
      path: 'port:win-b:coredns:nat > vswitch:win-b > port:win-b:nat-host > host-stack:win-b > port:win-b:host > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > kube-proxy:win-a > host-stack:win-a > port:win-a:nat-host > vswitch:win-a > port:win-a:a1:nat',
      rules: [],
      frame: '10.96.0.10:53 00:15:5d:00:00:04 > 172.20.1.10:50000 00:15:5d:14:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S4 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:coredns',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.96.0.0/12 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.0.10_53_53_17 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.20 p100 transpose inferred',
      ],
      frame: '10.0.0.4:60045 00:15:5d:00:00:04 > 10.244.2.20:53 00:15:5d:f4:02:14',
      end: 'delivered coredns (documented)',
    },
    reply: {
      path: 'port:win-b:coredns > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.0.10_53_53_17 p- flow (inverse rewrite) observed',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.96.0.10:53 00:15:5d:00:00:04 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S4 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:coredns',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.0.10_53_53_17 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.20 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.20:53 00:15:5d:f4:02:14',
      end: 'delivered coredns (documented)',
    },
    reply: {
      path: 'port:win-b:coredns > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.0.10_53_53_17 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.0.10:53 00:15:5d:00:00:05 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S4 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:coredns',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.0.10_53_53_17 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.2.20:53 0e:2a:0a:f4:02:14',
      end: 'delivered coredns (documented)',
    },
    reply: {
      path: 'port:win-b:coredns > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.0.10_53_53_17 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.0.10:53 0e:2a:0a:f4:02:14 > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S4 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:coredns',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.0.10_53_53_17 p100 lbnat inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.1.2:63588 00:15:5d:00:00:04 > 10.244.2.20:53 0e:2a:0a:f4:02:14',
      end: 'delivered coredns (documented)',
    },
    reply: {
      path: 'port:win-b:coredns > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'SLB_LB_LAYER LB_ID_10.96.0.10_53_53_17 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.0.10:53 00:15:5d:00:00:04 > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S5 old-winnat': {
    request: {
      path: 'port:win-a:a1:nat > vswitch:win-a > port:win-a:nat-host > winnat:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:internet-server',
      rules: [],
      frame: '10.0.0.4:65206 00:15:5d:00:00:04 > 203.0.113.10:443 00:00:5e:00:01:01',
      end: 'delivered internet-server (documented)',
    },
    reply: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > winnat:win-a > host-stack:win-a > port:win-a:nat-host > vswitch:win-a > port:win-a:a1:nat',
      rules: [],
      frame: '203.0.113.10:443 00:15:5d:00:00:04 > 172.20.1.10:50000 00:15:5d:14:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S5 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > external:internet-server',
      rules: [
        'SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p2000 dynnat documented',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_0.0.0.0/0 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
      ],
      frame: '10.0.0.4:52111 00:15:5d:00:00:04 > 203.0.113.10:443 00:00:5e:00:01:01',
      end: 'delivered internet-server (documented)',
    },
    reply: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p- flow (inverse rewrite) observed'],
      frame: '203.0.113.10:443 00:00:5e:00:01:01 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S5 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > external:internet-server',
      rules: [
        'SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p2000 dynnat documented',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_0.0.0.0/0 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
      ],
      frame: '10.0.0.4:52111 00:15:5d:00:00:04 > 203.0.113.10:443 00:00:5e:00:01:01',
      end: 'delivered internet-server (documented)',
    },
    reply: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p- flow (inverse rewrite) observed'],
      frame: '203.0.113.10:443 00:00:5e:00:01:01 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S5 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > external:internet-server',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p2000 dynnat documented'],
      frame: '10.0.0.4:52111 00:15:5d:00:00:04 > 203.0.113.10:443 00:00:5e:00:01:01',
      end: 'delivered internet-server (documented)',
    },
    reply: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p- flow (inverse rewrite) observed'],
      frame: '203.0.113.10:443 00:00:5e:00:01:01 > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S5 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > external:internet-server',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p2000 dynnat documented'],
      frame: '10.0.0.4:52111 00:15:5d:00:00:04 > 203.0.113.10:443 00:00:5e:00:01:01',
      end: 'delivered internet-server (documented)',
    },
    reply: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:a1',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p- flow (inverse rewrite) observed'],
      frame: '203.0.113.10:443 00:00:5e:00:01:01 > 10.244.1.10:50000 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S6 old-winnat': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.10 p100 transpose inferred'],
      frame: '10.0.0.4:40000 00:15:5d:00:00:04 > 10.244.2.10:8080 00:15:5d:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1:nat > vswitch:win-b > port:win-b:nat-host > host-stack:win-b > port:win-b:host > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [],
      frame: '10.0.0.4:30080 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S6 new-2017': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.10 p100 transpose inferred',
      ],
      frame: '10.0.0.4:56605 00:15:5d:00:00:04 > 10.244.2.10:8080 00:15:5d:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.4:30080 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S6 new-l2bridge': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.10 p100 transpose inferred',
      ],
      frame: '10.0.0.4:56605 00:15:5d:00:00:04 > 10.244.2.10:8080 00:15:5d:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.4:30080 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S6 new-overlay': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p100 lbnat inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.1.2:64996 00:15:5d:00:00:04 > 10.244.2.10:8080 0e:2a:0a:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.4:30080 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S6 new-overlay-nodsr': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b1',
      rules: [
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p100 lbnat inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.1.2:64996 00:15:5d:00:00:04 > 10.244.2.10:8080 0e:2a:0a:f4:02:0a',
      end: 'delivered b1 (documented)',
    },
    reply: {
      path: 'port:win-b:b1 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.4_30080_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.4:30080 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S7 old-winnat': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred'],
      frame: '10.0.0.4:40000 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [],
      frame: '10.0.0.100:80 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S7 new-2017': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.0.0.4:62573 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.4/32 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.100:80 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S7 new-l2bridge': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.0.0.4:62573 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.100:80 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S7 new-overlay': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: ['SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p100 lbnat inferred'],
      frame: '10.244.1.2:62612 00:15:5d:00:00:04 > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.100:80 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S7 new-overlay-nodsr': {
    request: {
      path: 'wire > port:win-a:external > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: ['SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p100 lbnat inferred'],
      frame: '10.244.1.2:62612 00:15:5d:00:00:04 > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:external > external:external-client',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'SLB_LB_LAYER LB_ID_10.0.0.100_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.0.0.100:80 00:15:5d:00:00:04 > 198.51.100.7:40000 00:00:5e:00:01:01',
      end: 'delivered external-client (documented)',
    },
  },
  'S8 old-winnat': {
    request: {
      path: 'host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred'],
      frame: '10.0.0.4:50000 00:15:5d:00:00:04 > 10.244.1.10:8080 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
    reply: {
      path: 'port:win-a:a1:nat > vswitch:win-a > port:win-a:nat-host > host-stack:win-a',
      rules: [],
      frame: '10.244.1.10:8080 00:15:5d:14:01:0a > 10.0.0.4:50000 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
  },
  'S8 new-2017': {
    request: {
      path: 'host-stack:win-a > port:win-a:cbr0_ep > vswitch:win-a > port:win-a:a1',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred'],
      frame: '10.244.1.2:50000 00:15:5d:00:00:04 > 10.244.1.10:8080 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
    reply: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:cbr0_ep > host-stack:win-a',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
      ],
      frame: '10.244.1.10:8080 00:15:5d:f4:01:0a > 10.244.1.2:50000 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
  },
  'S8 new-l2bridge': {
    request: {
      path: 'host-stack:win-a > port:win-a:cbr0_ep > vswitch:win-a > port:win-a:a1',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred'],
      frame: '10.244.1.2:50000 00:15:5d:00:00:04 > 10.244.1.10:8080 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
    reply: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:cbr0_ep > host-stack:win-a',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
      ],
      frame: '10.244.1.10:8080 00:15:5d:f4:01:0a > 10.244.1.2:50000 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
  },
  'S8 new-overlay': {
    request: {
      path: 'host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [],
      frame: '10.0.0.4:50000 00:15:5d:00:00:04 > 10.244.1.10:8080 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
    reply: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > host-stack:win-a',
      rules: [],
      frame: '10.244.1.10:8080 0e:2a:0a:f4:01:0a > 10.0.0.4:50000 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
  },
  'S8 new-overlay-nodsr': {
    request: {
      path: 'host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [],
      frame: '10.0.0.4:50000 00:15:5d:00:00:04 > 10.244.1.10:8080 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
    reply: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > host-stack:win-a',
      rules: [],
      frame: '10.244.1.10:8080 0e:2a:0a:f4:01:0a > 10.0.0.4:50000 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
  },
  'S9 old-winnat': {
    request: {
      path: 'port:win-a:a1:cluster > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.11 p100 transpose inferred',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.11:8080 00:15:5d:f4:02:0b',
      end: 'delivered b2 (documented)',
    },
    reply: {
      path: 'port:win-b:b2:cluster > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a1:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.244.2.11:8080 00:15:5d:00:00:05 > 10.244.1.10:50000 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S9 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.11 p100 transpose inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-deny p65000 drop documented',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.11:8080 00:15:5d:f4:02:0b',
      end: 'dropped at port:win-b:b2 (documented)',
    },
    reply: null,
  },
  'S9 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.11 p100 transpose inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-deny p65000 drop documented',
      ],
      frame: '10.244.1.10:50000 00:15:5d:00:00:04 > 10.244.2.11:8080 00:15:5d:f4:02:0b',
      end: 'dropped at port:win-b:b2 (documented)',
    },
    reply: null,
  },
  'S9 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-deny p65000 drop documented',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.2.11:8080 0e:2a:0a:f4:02:0b',
      end: 'dropped at port:win-b:b2 (documented)',
    },
    reply: null,
  },
  'S9 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-deny p65000 drop documented',
      ],
      frame: '10.244.1.10:50000 0e:2a:0a:f4:01:0a > 10.244.2.11:8080 0e:2a:0a:f4:02:0b',
      end: 'dropped at port:win-b:b2 (documented)',
    },
    reply: null,
  },
  'S9 allowed old-winnat': {
    request: {
      path: 'port:win-a:a2:cluster > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.11 p100 transpose inferred',
      ],
      frame: '10.244.1.11:50000 00:15:5d:00:00:04 > 10.244.2.11:8080 00:15:5d:f4:02:0b',
      end: 'delivered b2 (documented)',
    },
    reply: {
      path: 'port:win-b:b2:cluster > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a2:cluster',
      rules: [
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.2.11:8080 00:15:5d:00:00:05 > 10.244.1.11:50000 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S9 allowed new-2017': {
    request: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.11 p100 transpose inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p1000 allow documented',
      ],
      frame: '10.244.1.11:50000 00:15:5d:00:00:04 > 10.244.2.11:8080 00:15:5d:f4:02:0b',
      end: 'delivered b2 (documented)',
    },
    reply: {
      path: 'port:win-b:b2 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a2',
      rules: [
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p- flow (inverse rewrite) observed',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.2.11:8080 00:15:5d:00:00:05 > 10.244.1.11:50000 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S9 allowed new-l2bridge': {
    request: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.2.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.2.11 p100 transpose inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p1000 allow documented',
      ],
      frame: '10.244.1.11:50000 00:15:5d:00:00:04 > 10.244.2.11:8080 00:15:5d:f4:02:0b',
      end: 'delivered b2 (documented)',
    },
    reply: {
      path: 'port:win-b:b2 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a2',
      rules: [
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p- flow (inverse rewrite) observed',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.2.11:8080 00:15:5d:00:00:05 > 10.244.1.11:50000 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S9 allowed new-overlay': {
    request: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p1000 allow documented',
      ],
      frame: '10.244.1.11:50000 0e:2a:0a:f4:01:0b > 10.244.2.11:8080 0e:2a:0a:f4:02:0b',
      end: 'delivered b2 (documented)',
    },
    reply: {
      path: 'port:win-b:b2 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a2',
      rules: [
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p- flow (inverse rewrite) observed',
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.2.11:8080 0e:2a:0a:f4:02:0b > 10.244.1.11:50000 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S9 allowed new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:external > wire > port:win-b:external > vswitch:win-b > port:win-b:b2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER ENCAP_10.244.2.0/24_10.0.0.5_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p1000 allow documented',
      ],
      frame: '10.244.1.11:50000 0e:2a:0a:f4:01:0b > 10.244.2.11:8080 0e:2a:0a:f4:02:0b',
      end: 'delivered b2 (documented)',
    },
    reply: {
      path: 'port:win-b:b2 > vswitch:win-b > port:win-b:external > wire > port:win-a:external > vswitch:win-a > port:win-a:a2',
      rules: [
        'ACL_ENDPOINT_LAYER policy-default.b2-allow-from-a2-0 p- flow (inverse rewrite) observed',
        'VNET_ENCAP_LAYER ENCAP_10.244.1.0/24_10.0.0.4_4096 p100 encap inferred',
        'VNET_ENCAP_LAYER DECAP_4096 p100 decap inferred',
      ],
      frame: '10.244.2.11:8080 0e:2a:0a:f4:02:0b > 10.244.1.11:50000 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S10 old-winnat': {
    request: {
      path: 'port:win-a:a1:nat > vswitch:win-a > port:win-a:nat-host > host-stack:win-a',
      rules: [],
      frame: '172.20.1.10:40001 00:15:5d:14:01:0a > 10.0.0.4:10250 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
    reply: {
      path: 'host-stack:win-a > port:win-a:nat-host > vswitch:win-a > port:win-a:a1:nat',
      rules: [],
      frame: '10.0.0.4:10250 00:15:5d:00:00:04 > 172.20.1.10:40001 00:15:5d:14:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S10 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > host-stack:win-a',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.0.0.0/24 p1002 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.4/32 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
      ],
      frame: '10.244.1.10:40001 00:15:5d:00:00:04 > 10.0.0.4:10250 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
    reply: {
      path: 'host-stack:win-a > port:win-a:cbr0_ep > vswitch:win-a > port:win-a:a1',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred'],
      frame: '10.0.0.4:10250 00:15:5d:00:00:04 > 10.244.1.10:40001 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S10 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > host-stack:win-a',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.0.0.0/24 p1002 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
      ],
      frame: '10.244.1.10:40001 00:15:5d:00:00:04 > 10.0.0.4:10250 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
    reply: {
      path: 'host-stack:win-a > port:win-a:cbr0_ep > vswitch:win-a > port:win-a:a1',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred'],
      frame: '10.0.0.4:10250 00:15:5d:00:00:04 > 10.244.1.10:40001 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S10 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > host-stack:win-a',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p2000 dynnat documented'],
      frame: '10.0.0.4:51883 00:15:5d:00:00:04 > 10.0.0.4:10250 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
    reply: {
      path: 'host-stack:win-a',
      rules: [],
      frame: '10.0.0.4:10250 00:15:5d:00:00:04 > 10.0.0.4:51883 00:15:5d:00:00:04',
      end: 'dropped at host-stack:win-a (inferred)',
    },
  },
  'S10 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > host-stack:win-a',
      rules: ['SLB_NAT_LAYER SNAT_TCP_OUTBOUNDNAT_ID p2000 dynnat documented'],
      frame: '10.0.0.4:51883 00:15:5d:00:00:04 > 10.0.0.4:10250 00:15:5d:00:00:04',
      end: 'delivered win-a (documented)',
    },
    reply: {
      path: 'host-stack:win-a',
      rules: [],
      frame: '10.0.0.4:10250 00:15:5d:00:00:04 > 10.0.0.4:51883 00:15:5d:00:00:04',
      end: 'dropped at host-stack:win-a (inferred)',
    },
  },
  'S11 old-winnat': {
    request: {
      path: 'port:win-a:a1:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred'],
      frame: '10.0.0.4:40000 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:nat-host > vswitch:win-a > port:win-a:a1:nat',
      rules: [],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 172.20.1.10:40001 00:15:5d:14:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S11 new-2017': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.96.0.0/12 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.0.0.4:50172 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.4/32 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.10:40001 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S11 new-l2bridge': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.244.1.10:40001 00:15:5d:f4:01:0a > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.10 p100 transpose inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 00:15:5d:f4:01:0b > 10.244.1.10:40001 00:15:5d:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S11 new-overlay': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:a2',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
      ],
      frame: '10.244.1.10:40001 0e:2a:0a:f4:01:0a > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 0e:2a:0a:f4:01:0b > 10.244.1.10:40001 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S11 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a1 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p100 lbnat inferred',
      ],
      frame: '10.244.1.2:56261 00:15:5d:00:00:04 > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a1',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.10:40001 0e:2a:0a:f4:01:0a',
      end: 'delivered a1 (documented)',
    },
  },
  'S12 old-winnat': {
    request: {
      path: 'port:win-a:a2:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2:cluster',
      rules: ['VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred'],
      frame: '10.0.0.4:40000 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2:nat > vswitch:win-a > port:win-a:nat-host > kube-proxy:win-a > host-stack:win-a > port:win-a:nat-host > vswitch:win-a > port:win-a:a2:nat',
      rules: [],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 172.20.1.11:40000 00:15:5d:14:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S12 new-2017': {
    request: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.96.0.0/12 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.0.0.4:62573 00:15:5d:00:00:04 > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'VNET_PA_ROUTE_LAYER PA_ROUTE_10.0.0.4/32 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_OUT p100 transpose inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_IN_10.244.1.11 p100 transpose inferred',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.11:40000 00:15:5d:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S12 new-l2bridge': {
    request: {
      path: 'port:win-a:a2',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_PA_ROUTE_LAYER PA_ROUTE_LOCAL_10.244.1.0/24 p100 paroute inferred',
        'VNET_MAC_REWRITE_LAYER MAC_REWRITE_LOCAL_10.244.1.0/24 p10 allow inferred',
      ],
      frame: '10.244.1.11:40000 00:15:5d:f4:01:0b > 10.244.1.11:8080 00:15:5d:f4:01:0b',
      end: 'dropped at port:win-a:a2 (observed)',
    },
    reply: null,
  },
  'S12 new-overlay': {
    request: {
      path: 'port:win-a:a2',
      rules: [
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p100 lbnat inferred',
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.244.0.0/16 p1000 allow inferred',
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'port:win-a:a2 hairpin inferred',
      ],
      frame: '10.244.1.2:59661 00:15:5d:00:00:04 > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'port:win-a:a2 hairpin inferred',
        'LB_DSR LB_DSR_ID_10.0.0.4_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.11:40000 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
  'S12 new-overlay-nodsr': {
    request: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'SLB_NAT_LAYER OUTBOUNDNAT_EXCEPTION_10.96.0.0/12 p1001 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p100 lbnat inferred',
      ],
      frame: '10.244.1.2:62612 00:15:5d:00:00:04 > 10.244.1.11:8080 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
    reply: {
      path: 'port:win-a:a2 > vswitch:win-a > port:win-a:host > vswitch:win-a > port:win-a:a2',
      rules: [
        'VNET_ENCAP_LAYER LOCAL_10.244.1.0/24 p100 allow inferred',
        'SLB_LB_LAYER LB_ID_10.96.10.10_80_8080_6 p- flow (inverse rewrite) observed',
      ],
      frame: '10.96.10.10:80 00:15:5d:00:00:04 > 10.244.1.11:40000 0e:2a:0a:f4:01:0b',
      end: 'delivered a2 (documented)',
    },
  },
};
