/**
 * A dump of one L2Bridge network and `n` local endpoints (ids `e9000000-…-<i in hex>`, addresses
 * counted up from 10.128.0.0), as one JSON array: for tests of big outlines and layouts.
 */
export const BIG_NET = '0e700000-0000-4000-8000-000000000001';

export const localEndpointId = (i: number): string =>
  `e9000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

export function localEndpoints(n: number): string {
  const parts = [
    JSON.stringify({
      ID: BIG_NET,
      Name: 'cbr0',
      Type: 'L2Bridge',
      Subnets: [{ AddressPrefix: '10.128.0.0/14', GatewayAddress: '10.128.0.1' }],
    }),
  ];
  for (let i = 0; i < n; i++)
    parts.push(
      JSON.stringify({
        ID: localEndpointId(i),
        VirtualNetwork: BIG_NET,
        IPAddress: `10.${128 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
        IsRemoteEndpoint: false,
      }),
    );
  return `[${parts.join(',')}]`;
}
