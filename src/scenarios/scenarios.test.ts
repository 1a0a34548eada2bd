import { describe, expect, it } from 'vitest';
import { DESIGNS, PROTO, type Topology } from '../model/types';
import { buildScenario, SCENARIO_IDS, SCENARIO_SHORT, SCENARIO_TITLES } from './index';

const podByName = (t: Topology, name: string) => {
  const pod = Object.values(t.pods).find((p) => p.name === name);
  if (!pod) throw new Error(`no pod ${name}`);
  return pod;
};
const endpointsOf = (t: Topology, pod: string) =>
  podByName(t, pod).endpointIds.map((id) => t.endpoints[id]!);
const networkOf = (t: Topology, id: string) => t.networks[t.endpoints[id]!.networkId]!;

describe.each(SCENARIO_IDS)('scenario %s', (id) => {
  const t = buildScenario(id);

  it('has the reference nodes, pods and addresses', () => {
    expect(t.nodeIds.map((n) => t.nodes[n]!.name)).toEqual(['win-a', 'win-b']);
    expect(t.nodes['node:win-a']!.managementIp).toBe('10.0.0.4');
    expect(t.nodes['node:win-b']!.podCidr).toBe('10.244.2.0/24');
    const ips = Object.fromEntries(Object.values(t.pods).map((p) => [p.name, p.ip]));
    expect(ips).toEqual({
      a1: '10.244.1.10',
      a2: '10.244.1.11',
      b1: '10.244.2.10',
      b2: '10.244.2.11',
      coredns: '10.244.2.20',
    });
    expect(t.cluster).toMatchObject({ clusterCidr: '10.244.0.0/16', serviceCidr: '10.96.0.0/12' });
  });

  it('is deterministic', () => {
    expect(buildScenario(id)).toEqual(t);
  });

  it('gives HNS objects GUID ids', () => {
    for (const e of Object.values(t.endpoints))
      expect(e.id).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
  });

  it('programs VFP layers on every pod port', () => {
    const podPorts = Object.values(t.ports).filter((p) => p.kind === 'container');
    expect(podPorts.length).toBeGreaterThan(0);
    if (id !== 'old-winnat') for (const p of podPorts) expect(p.layerIds.length).toBeGreaterThan(0);
  });

  it('keeps the web and kube-dns services', () => {
    const web = Object.values(t.services).find((s) => s.name === 'web')!;
    expect(web).toMatchObject({ clusterIp: '10.96.10.10', externalIps: ['10.0.0.100'] });
    expect(web.ports[0]).toMatchObject({
      port: 80,
      targetPort: 8080,
      nodePort: 30080,
      protocol: PROTO.tcp,
    });
    expect(web.backendPodIds).toEqual(['pod:a2', 'pod:b1']);
  });
});

describe('new designs', () => {
  it.each(['new-l2bridge', 'new-overlay'] as const)(
    '%s: one endpoint per pod, with OutBoundNAT and DNS',
    (id) => {
      const t = buildScenario(id);
      for (const pod of Object.values(t.pods)) {
        const [ep, ...rest] = endpointsOf(t, pod.name);
        expect(rest).toEqual([]);
        expect(ep!.ipAddress).toBe(pod.ip);
        expect(ep!.dns).toEqual({
          servers: ['10.96.0.10'],
          search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
        });
        const nat = ep!.policies.find((p) => p.type === 'OutBoundNAT');
        // win-bridge exempts the node subnet too (§2.3); win-overlay does not (§2.4).
        expect(nat).toMatchObject({
          exceptions:
            id === 'new-l2bridge'
              ? ['10.244.0.0/16', '10.96.0.0/12', '10.0.0.0/24']
              : ['10.244.0.0/16', '10.96.0.0/12'],
        });
      }
    },
  );

  it('l2bridge: .1 reserved, bridge endpoint .2 as the pods gateway, host-gw routes', () => {
    const t = buildScenario('new-l2bridge');
    const a1 = endpointsOf(t, 'a1')[0]!;
    expect(networkOf(t, a1.id)).toMatchObject({ type: 'l2bridge', name: 'cbr0' });
    expect(networkOf(t, a1.id).subnets[0]).toMatchObject({
      addressPrefix: '10.244.1.0/24',
      gatewayAddress: '10.244.1.1',
    });
    expect(a1.gatewayAddress).toBe('10.244.1.2');
    const bridge = Object.values(t.endpoints).find(
      (e) => e.nodeId === 'node:win-a' && e.role === 'host',
    );
    expect(bridge?.ipAddress).toBe('10.244.1.2');
    expect(t.underlay?.routes.map((r) => `${r.prefix}>${r.via}`)).toContain(
      '10.244.2.0/24>10.0.0.5',
    );
  });

  it('overlay: VNI 4096, DR MAC, RemoteSubnetRoute to the peer, remote endpoints with PA', () => {
    const t = buildScenario('new-overlay');
    const net = networkOf(t, endpointsOf(t, 'a1')[0]!.id);
    expect(net.type).toBe('overlay');
    expect(net.subnets[0]!.vsid).toBe(4096);
    expect(net.drMac).toMatch(/^0e:2a:/);
    expect(net.policies).toContainEqual(
      expect.objectContaining({
        type: 'RemoteSubnetRoute',
        destinationPrefix: '10.244.2.0/24',
        providerAddress: '10.0.0.5',
      }),
    );
    const remote = Object.values(t.endpoints).find(
      (e) => e.nodeId === 'node:win-a' && e.ipAddress === '10.244.2.10',
    );
    expect(remote).toMatchObject({ isRemote: true, portId: null });
    expect(remote!.policies).toContainEqual({
      type: 'PA',
      hnsType: 'PA',
      providerAddress: '10.0.0.5',
    });
    expect(t.nodes['node:win-a']!.kubeProxy?.sourceVip).toBe('10.244.1.2');
  });

  it('kube-proxy programs ClusterIP (DSR), NodePort and externalIP load balancers on every node', () => {
    const t = buildScenario('new-l2bridge');
    const lbsA = Object.values(t.loadBalancers).filter((l) => l.nodeId === 'node:win-a');
    const web = lbsA.filter((l) => l.serviceId === 'svc:web');
    expect(web.map((l) => l.kind).sort()).toEqual(['clusterip', 'externalip', 'nodeport']);
    const cip = web.find((l) => l.kind === 'clusterip')!;
    expect(cip).toMatchObject({
      frontendVips: ['10.96.10.10'],
      externalPort: 80,
      internalPort: 8080,
    });
    expect(cip.flags.dsr).toBe(true);
    const backendIps = cip.backendEndpointIds.map((id) => t.endpoints[id]!.ipAddress);
    expect(backendIps).toEqual(['10.244.1.11', '10.244.2.10']);
    expect(web.find((l) => l.kind === 'nodeport')).toMatchObject({
      frontendVips: [],
      externalPort: 30080,
    });
    const dns = lbsA
      .filter((l) => l.serviceId === 'svc:kube-dns')
      .map((l) => l.protocol)
      .sort((x, y) => x - y);
    expect(dns).toEqual([PROTO.tcp, PROTO.udp]);
  });

  it('new-overlay-nodsr: WS2019 on Overlay, kube-proxy without DSR (--source-vip), load balancing on the host port', () => {
    const t = buildScenario('new-overlay-nodsr');
    const a = t.nodes['node:win-a']!;
    expect(a.os).toMatch(/^Windows Server 2019/);
    expect(a.kubeProxy).toMatchObject({
      mode: 'kernelspace',
      enableDsr: false,
      sourceVip: '10.244.1.2',
    });
    expect(a.kubeProxy!.provenance.detail).toMatch(
      /--source-vip=10\.244\.1\.2 \(no --enable-dsr\)/,
    );
    expect(Object.values(t.networks).map((n) => n.type)).toEqual(['overlay', 'overlay']);
    const lbs = Object.values(t.loadBalancers);
    expect(lbs.some((l) => l.flags.dsr)).toBe(false);
    expect(lbs.filter((l) => l.kind === 'clusterip').every((l) => l.flags.ilb)).toBe(true);
    expect(new Set(lbs.filter((l) => l.nodeId === a.id).map((l) => l.sourceVip))).toEqual(
      new Set(['10.244.1.2']),
    );
    const rules = Object.values(t.rules);
    expect(rules.some((r) => r.name.startsWith('LB_DSR_'))).toBe(false);
    const hostLb = rules.filter((r) => /^LB_[0-9a-f-]{36}_10\.96\.10\.10_80_8080_6$/.test(r.name));
    expect(hostLb.length).toBeGreaterThan(0);
    expect(hostLb.every((r) => r.provenance.confidence === 'inferred')).toBe(true);
    // The 2017 design stays the 1803 L2Bridge one: overlay came with WS2019 (domain.md §2.1).
    expect(buildScenario('new-2017').nodes['node:win-a']!.os).toMatch(/^Windows Server 1803/);
  });

  it('labels say which designs have DSR, and the one without on WS2019 says so', () => {
    expect(SCENARIO_SHORT['new-overlay-nodsr']).toBe('WS2019 · Overlay, no DSR');
    expect(SCENARIO_TITLES['new-overlay-nodsr']).toMatch(/^WS2019 overlay, no DSR: .*inferred/);
    for (const d of ['new-l2bridge', 'new-overlay'] as const) {
      expect(SCENARIO_SHORT[d]).toMatch(/^WS2019 \+ DSR · /);
      expect(SCENARIO_TITLES[d]).toMatch(/\(WS2019 \+ DSR\)/);
    }
    for (const d of ['new-2017', 'new-overlay-nodsr'] as const) {
      expect(`${SCENARIO_SHORT[d]} ${SCENARIO_TITLES[d]}`).not.toMatch(/\+ DSR/);
    }
    expect(SCENARIO_IDS).toEqual(DESIGNS);
  });

  it('b2 carries the NetworkPolicy as ACLs: host allow 900, a2:8080 allow, final block', () => {
    const t = buildScenario('new-l2bridge');
    const acls = endpointsOf(t, 'b2')[0]!.policies.filter((p) => p.type === 'ACL');
    expect(acls.map((a) => (a.type === 'ACL' ? `${a.action}@${a.priority}` : ''))).toEqual([
      'allow@900',
      'allow@1000',
      'block@65000',
    ]);
    expect(acls[1]).toMatchObject({
      remoteAddresses: ['10.244.1.11/32'],
      localPorts: [{ from: 8080, to: 8080 }],
    });
    expect(endpointsOf(t, 'b1')[0]!.policies.some((p) => p.type === 'ACL')).toBe(false);
  });
});

describe('old design', () => {
  const t = buildScenario('old-winnat');

  it('gives each pod a NAT endpoint and a cluster endpoint', () => {
    for (const pod of Object.values(t.pods)) {
      const eps = endpointsOf(t, pod.name);
      expect(eps.map((e) => networkOf(t, e.id).type).sort()).toEqual(['l2bridge', 'nat']);
      const cluster = eps.find((e) => networkOf(t, e.id).type === 'l2bridge')!;
      expect(cluster.ipAddress).toBe(pod.ip);
      const nat = eps.find((e) => networkOf(t, e.id).type === 'nat')!;
      expect(nat.ipAddress).toMatch(/^172\.20\./);
      expect(nat.dns?.search).toEqual([]);
    }
  });

  it('routes the cluster CIDR by the cluster endpoint and everything else by the NAT endpoint', () => {
    const a1 = podByName(t, 'a1');
    const by = (prefix: string) =>
      networkOf(t, a1.routes.find((r) => r.prefix === prefix)!.endpointId).type;
    expect(by('10.244.0.0/16')).toBe('l2bridge');
    expect(by('0.0.0.0/0')).toBe('nat');
  });

  it('has WinNAT, a user-space kube-proxy with VIPs on the host, and no HNS load balancers', () => {
    const a = t.nodes['node:win-a']!;
    expect(a.winnat).toMatchObject({ internalPrefix: '172.20.1.0/24', externalIp: '10.0.0.4' });
    expect(a.kubeProxy?.mode).toBe('userspace');
    const natVnic = a.hostStack.interfaces.find((i) => i.kind === 'nat-vnic')!;
    expect(natVnic.ips).toEqual(expect.arrayContaining(['10.96.10.10', '10.96.0.10']));
    const dnsProxy = a.kubeProxy!.proxies.find((p) => p.portName === 'dns')!;
    expect(dnsProxy.dnsSuffixes).toEqual([
      'default.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
    ]);
    expect(
      a.kubeProxy!.proxies.some((p) => p.listenIp === '0.0.0.0' && p.listenPort === 30080),
    ).toBe(true);
    expect(Object.keys(t.loadBalancers)).toEqual([]);
  });

  it('has no ACLs anywhere (no 5-tuple ACLs before 1709)', () => {
    expect(
      Object.values(t.endpoints)
        .flatMap((e) => e.policies)
        .some((p) => p.type === 'ACL'),
    ).toBe(false);
  });
});

describe('containers, DNS suffixes and creators (domain.md §3.3)', () => {
  it('new designs: a pod’s containers share one endpoint and compartment; old: one container', () => {
    for (const id of ['new-2017', 'new-l2bridge', 'new-overlay'] as const) {
      const a2 = Object.values(buildScenario(id).pods).find((p) => p.name === 'a2')!;
      expect(a2.containers).toEqual([
        { name: 'pause', role: 'infra' },
        { name: 'web', role: 'app' },
        { name: 'metrics-sidecar', role: 'app' },
      ]);
      expect(a2.endpointIds).toHaveLength(1);
      expect(a2.compartmentId).not.toBeNull();
    }
    const old = Object.values(buildScenario('old-winnat').pods).find((p) => p.name === 'a2')!;
    expect(old.containers).toEqual([{ name: 'a2', role: 'app' }]);
    expect(old.endpointIds).toHaveLength(2);
  });
  it('CNI creates pod endpoints, flannel the network, kube-proxy the load balancers', () => {
    const t = buildScenario('new-overlay');
    const ep = Object.values(t.endpoints);
    expect(ep.find((e) => e.role === 'pod')?.provenance.creator).toBe('win-overlay');
    expect(ep.find((e) => e.isRemote)?.provenance.creator).toBe('kube-proxy');
    expect(Object.values(t.networks)[0]?.provenance.creator).toBe('flannel');
    expect(
      Object.values(t.loadBalancers).every((lb) => lb.provenance.creator === 'kube-proxy'),
    ).toBe(true);
    const l2 = buildScenario('new-l2bridge');
    expect(Object.values(l2.endpoints).find((e) => e.role === 'pod')?.provenance.creator).toBe(
      'win-bridge',
    );
  });
});
