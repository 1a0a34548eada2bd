/** v1 policy lists (ELB policy) and v2 HostComputeLoadBalancers → one normalised record. */

import { bool, getter, ip, normId, num, records, setIf, str, strList, type Get } from './values';

export interface NLoadBalancer {
  vips?: string[];
  protocol?: number;
  internalPort?: number;
  externalPort?: number;
  backends?: string[];
  sourceVip?: string;
  dsr?: boolean;
  ilb?: boolean;
  localRoutedVip?: boolean;
  ipv6?: boolean;
  preserveDip?: boolean;
  useMux?: boolean;
  distribution?: 'none' | 'source-ip-protocol' | 'source-ip';
  networkId?: string;
}

/** `/endpoints/<id>` (any case) → `<id>`; anything else as it is. */
function stripEndpoints(r: string): string {
  return r.charCodeAt(0) === 47 && r.length >= 11 && r.slice(0, 11).toLowerCase() === '/endpoints/'
    ? r.slice(11)
    : r;
}

export function loadBalancer(g: Get): NLoadBalancer {
  const lb: NLoadBalancer = {};
  const elb = records(g('Policies')).find((p) => str(p['Type'])?.toUpperCase() === 'ELB');
  const refs = strList(g('References', 'HostComputeEndpoints'));
  setIf(
    lb,
    'backends',
    refs?.map((r) => normId(stripEndpoints(r)) ?? r),
  );
  setIf(lb, 'networkId', normId(g('HostComputeNetwork')) ?? undefined);
  if (elb) {
    const e = getter(elb);
    setIf(lb, 'vips', strList(e('VIPs')));
    setIf(lb, 'protocol', num(e('Protocol')));
    setIf(lb, 'internalPort', num(e('InternalPort')));
    setIf(lb, 'externalPort', num(e('ExternalPort')));
    setIf(lb, 'sourceVip', ip(e('SourceVIP')));
    setIf(lb, 'dsr', bool(e('IsDSR')));
    setIf(lb, 'ilb', bool(e('ILB')));
    setIf(lb, 'localRoutedVip', bool(e('LocalRoutedVip')));
    return lb;
  }
  setIf(lb, 'vips', strList(g('FrontendVIPs', 'VIPs')));
  setIf(lb, 'sourceVip', ip(g('SourceVIP')));
  const flags = num(g('Flags'));
  if (flags !== undefined) {
    lb.dsr = (flags & 1) === 1;
    lb.ipv6 = (flags & 2) === 2;
  }
  const pm = records(g('PortMappings'))[0];
  if (pm) {
    const p = getter(pm);
    setIf(lb, 'protocol', num(p('Protocol')));
    setIf(lb, 'internalPort', num(p('InternalPort')));
    setIf(lb, 'externalPort', num(p('ExternalPort')));
    const pf = num(p('Flags'));
    if (pf !== undefined) {
      lb.ilb = (pf & 1) === 1;
      lb.localRoutedVip = (pf & 2) === 2;
      lb.useMux = (pf & 4) === 4;
      lb.preserveDip = (pf & 8) === 8;
    }
    const d = num(p('DistributionType'));
    if (d !== undefined)
      lb.distribution = d === 2 ? 'source-ip' : d === 1 ? 'source-ip-protocol' : 'none';
  }
  return lb;
}
