/**
 * A ~20 MB synthetic dump for the in-browser import measurement, in the shape of a real node's
 * `Get-HnsNetwork`/`Get-HnsEndpoint`/`Get-HnsPolicyList | ConvertTo-Json -Depth 10` output
 * (PowerShell 5.1 style, with the Resources/Allocators trees real dumps carry). Mirrors
 * bench/parse-bench.ts's generator without importing it (the bench is edited separately).
 */
const guid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, '0')}-${((n >>> 16) & 0xffff).toString(16).padStart(4, '0')}-4${(n & 0xfff).toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`.toUpperCase();

const allocators = (n: number): unknown[] =>
  Array.from({ length: n }, (_, k) => ({
    AdditionalParams: {},
    AllocationOrder: k,
    Health: { LastErrorCode: 0, LastUpdateTime: 132749223763450144 },
    ID: guid(0xa110c, k),
    IsPolicy: k > 0,
    State: 3,
    Tag: k === 0 ? 'Host Vnic' : 'VNET Policy',
    Type: k === 0 ? 0 : 3,
  }));

/** The dump text: one overlay network, `endpoints` endpoints (⅔ local), `lbs` ELB policy lists. */
export function syntheticDump(targetMiB = 20, endpoints = 300, lbs = 5000): string {
  const base = render(endpoints, lbs, 6);
  const perAlloc = JSON.stringify(allocators(1), null, 4).length;
  const missing = targetMiB * 1048576 - base.length;
  if (missing <= 0) return base;
  // Real dumps are big because of the Resources/Allocators trees: grow those, not the object count.
  return render(endpoints, lbs, 6 + Math.ceil(missing / (endpoints * perAlloc * 1.45)));
}

function render(endpoints: number, lbs: number, allocs: number): string {
  const net = guid(0x1e7, 1);
  const local = Math.max(1, Math.round((endpoints * 2) / 3));
  const objects: unknown[] = [
    {
      ID: net,
      Name: 'vxlan0',
      Type: 'Overlay',
      ManagementIP: '10.0.0.4',
      DrMacAddress: '00-15-5D-7B-82-55',
      Subnets: [
        {
          AddressPrefix: '10.244.1.0/24',
          GatewayAddress: '10.244.1.1',
          Policies: [{ Type: 'VSID', VSID: 4096 }],
        },
      ],
      Policies: Array.from({ length: 50 }, (_, k) => ({
        Type: 'RemoteSubnetRoute',
        DestinationPrefix: `10.244.${k + 2}.0/24`,
        ProviderAddress: `10.0.0.${k + 5}`,
        DistributedRouterMacAddress: '66-a5-cc-c1-86-97',
        IsolationId: 4096,
      })),
      Resources: { AllocationOrder: 1, Allocators: allocators(4), ID: guid(0xac7, 0), State: 1 },
    },
  ];
  for (let e = 0; e < endpoints; e++) {
    const remote = e >= local;
    objects.push({
      ID: guid(0xe9, e),
      Name: remote ? 'Ethernet' : `${e.toString(16).padStart(64, 'a')}_vxlan0`,
      IPAddress: remote ? `10.244.${2 + (e % 50)}.${e & 255}` : `10.244.1.${(e % 250) + 2}`,
      MacAddress:
        `0E-2A-0A-F4-${((e >> 8) & 255).toString(16).padStart(2, '0')}-${(e & 255).toString(16).padStart(2, '0')}`.toUpperCase(),
      PrefixLength: 24,
      GatewayAddress: '10.244.1.1',
      IsRemoteEndpoint: remote,
      State: remote ? 1 : 3,
      VirtualNetwork: net,
      VirtualNetworkName: 'vxlan0',
      SharedContainers: remote ? [] : [e.toString(16).padStart(64, 'c')],
      DNSServerList: '10.96.0.10',
      Policies: remote
        ? [{ Type: 'PA', PA: `10.0.0.${5 + (e % 50)}` }]
        : [
            {
              Type: 'OutBoundNAT',
              ExceptionList: ['10.244.0.0/16', '10.96.0.0/12', '10.0.0.0/24'],
            },
            { Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true },
            { Type: 'PA', PA: '10.0.0.4' },
          ],
      Resources: {
        AllocationOrder: 2,
        Allocators: allocators(allocs),
        ID: guid(0xac7, e + 10),
        State: 1,
      },
    });
  }
  for (let l = 0; l < lbs; l++) {
    objects.push({
      ID: guid(0x1b, l),
      References: [0, 1, 2].map(
        (k) => `/endpoints/${guid(0xe9, (l * 3 + k) % local).toLowerCase()}`,
      ),
      Policies: [
        {
          Type: 'ELB',
          Protocol: l % 7 === 0 ? 17 : 6,
          InternalPort: 8000 + (l % 1000),
          ExternalPort: 80 + (l % 50),
          SourceVIP: '10.244.1.250',
          VIPs: [`10.96.${(l >> 8) & 255}.${l & 255}`],
          ILB: false,
          IsDSR: false,
        },
      ],
    });
  }
  return JSON.stringify(objects, null, 4).replace(/": /g, '":  ');
}
