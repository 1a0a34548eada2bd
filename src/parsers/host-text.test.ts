/** `route print` and `ipconfig /all` sections (the collector's last two) → the node's host stack. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInputs } from './index';

const collector = readFileSync(
  new URL('../dump-import/__fixtures__/collector-sample.txt', import.meta.url),
);
const l2bridge = readFileSync(
  new URL('../engine/__fixtures__/l2bridge-single-node.txt', import.meta.url),
  'utf8',
);
const node = (r: ReturnType<typeof parseInputs>) => Object.values(r.topology.nodes)[0]!;

describe('route print / ipconfig /all', () => {
  it('the collector file reads without unparsed-line or unknown-object warnings', () => {
    const r = parseInputs([{ name: 'hnsviz-WIN-NODE-A.txt', bytes: collector }]);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('W_UNPARSED_LINES');
    expect(codes).not.toContain('W_UNKNOWN_OBJECT');
    expect(r.diagnostics.filter((d) => d.code === 'I_HOST_TEXT')).toHaveLength(2);
    expect(r.inputs[0]!.format.split('+')).toEqual(
      expect.arrayContaining(['route-print', 'ipconfig']),
    );
    const n = node(r);
    expect(n.name).toBe('WIN-NODE-A');
    expect(n.mac).toBe('00:15:5d:52:80:0a');
    expect(
      n.hostStack.routes.map((x) => `${x.prefix}>${x.nextHop ?? 'on-link'}@${x.interface}`),
    ).toEqual([
      '0.0.0.0/0>10.0.0.1@vEthernet (Ethernet)',
      '10.0.0.0/24>on-link@vEthernet (Ethernet)',
    ]);
  });

  it('routes: active IPv4 rows only; loopback, multicast, broadcast and own /32s left out', () => {
    const r = parseInputs([{ name: 'l2bridge.txt', text: l2bridge }]);
    const n = node(r);
    expect(
      n.hostStack.routes.map((x) => `${x.prefix}>${x.nextHop ?? 'on-link'}@${x.interface}`),
    ).toEqual([
      '0.0.0.0/0>10.0.0.1@vEthernet (Ethernet)',
      '10.244.2.0/24>10.0.0.5@vEthernet (Ethernet)',
      '10.0.0.0/24>on-link@vEthernet (Ethernet)',
      '10.244.1.0/24>on-link@vEthernet (cbr0_ep)',
    ]);
    expect(n.hostStack.routes[1]!.provenance).toMatchObject({
      by: 'dump',
      id: 'l2bridge.txt:81',
      confidence: 'observed',
      derived: false,
    });
  });

  it('ipconfig: host name, node IP (no ManagementIP in the network), host interfaces', () => {
    const r = parseInputs([{ name: 'l2bridge.txt', text: l2bridge }]);
    const n = node(r);
    expect(n.name).toBe('WIN-BRIDGE-1');
    expect(n.managementIp).toBe('10.0.0.4');
    expect(n.hostStack.interfaces.map((i) => [i.name, i.kind, i.ips.join(','), i.mac])).toEqual([
      ['vEthernet (Ethernet)', 'management-vnic', '10.0.0.4', '00:15:5d:52:81:04'],
      ['vEthernet (cbr0_ep)', 'bridge-endpoint', '10.244.1.2', '00:15:5d:aa:01:02'],
    ]);
    expect(n.hostStack.interfaces[1]!.portId).toBe('port:11111111-aaaa-4bbb-8ccc-000000000002');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('other languages: routes by shape, ipconfig addresses by the IPv4 key', () => {
    const text = [
      'PS C:\\> route print',
      '===========================================================================',
      'Schnittstellenliste',
      ' 14...00 15 5d 52 81 04 ......Hyper-V Virtual Ethernet Adapter #2',
      '===========================================================================',
      '',
      'IPv4-Routentabelle',
      '===========================================================================',
      'Aktive Routen:',
      '     Netzwerkziel    Netzwerkmaske          Gateway    Schnittstelle Metrik',
      '          0.0.0.0          0.0.0.0         10.1.0.1         10.1.0.7     15',
      '         10.1.0.0    255.255.255.0   Auf Verbindung         10.1.0.7    271',
      '===========================================================================',
      'PS C:\\> ipconfig /all',
      '',
      'Windows-IP-Konfiguration',
      '',
      '   Hostname  . . . . . . . . . . . . : WIN-DE-1',
      '',
      'Ethernet-Adapter vEthernet (Ethernet):',
      '',
      '   Beschreibung. . . . . . . . . . . : Hyper-V Virtual Ethernet Adapter #2',
      '   Physische Adresse . . . . . . . . : 00-15-5D-52-81-07',
      '   IPv4-Adresse  . . . . . . . . . . : 10.1.0.7(Bevorzugt)',
      '   Subnetzmaske  . . . . . . . . . . : 255.255.255.0',
      '   Standardgateway . . . . . . . . . : 10.1.0.1',
    ].join('\n');
    const r = parseInputs([{ name: 'de.txt', text }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['I_HOST_TEXT', 'I_HOST_TEXT']);
    const n = node(r);
    expect(n.name).toBe('WIN-DE-1');
    expect(n.managementIp).toBe('10.1.0.7');
    expect(n.hostStack.routes.map((x) => `${x.prefix}>${x.nextHop ?? 'on-link'}`)).toEqual([
      '0.0.0.0/0>10.1.0.1',
      '10.1.0.0/24>on-link',
    ]);
    expect(n.hostStack.interfaces[0]).toMatchObject({
      name: 'vEthernet (Ethernet)',
      mac: '00:15:5d:52:81:07',
    });
  });

  it('an unreadable section is skipped with an info, never an error', () => {
    const r = parseInputs([
      { name: 'x.txt', text: 'PS C:\\> route print\nこれは表ではありません\n' },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['I_HOST_TEXT', 'info']]);
    expect(node(r).hostStack.routes).toEqual([]);
  });

  it('pasted without a prompt, from its English heading', () => {
    const text = l2bridge.slice(
      l2bridge.indexOf('===='),
      l2bridge.indexOf('# ---- hnsviz section: ipconfig'),
    );
    const r = parseInputs([{ name: 'routes.paste', text }]);
    expect(r.inputs[0]!.format).toBe('route-print');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['I_HOST_TEXT']);
    expect(node(r).hostStack.routes).toHaveLength(4);
  });
});
