/**
 * A dump whose one endpoint carries a policy hnsviz does not know, holding a list of `n`
 * numbers: the shape that tests the list cap of links and view files (`MAX_MODEL_LIST`).
 * Shared by the unit tests (src/share/caps.test.ts) and the e2e (e2e/share-refused.spec.ts).
 */
export const NET = 'aaaaaaaa-0000-4000-8000-000000000001';
export const EP = 'bbbbbbbb-0000-4000-8000-000000000001';

export function longListDump(n: number, epId = EP): string {
  return JSON.stringify([
    {
      ID: NET,
      Name: 'cbr0',
      Type: 'L2Bridge',
      Subnets: [{ AddressPrefix: '10.244.7.0/24', GatewayAddress: '10.244.7.1' }],
    },
    {
      ID: epId,
      Name: 'ep',
      VirtualNetwork: NET,
      IPAddress: '10.244.7.10',
      PrefixLength: 24,
      MacAddress: '00-15-5D-00-00-10',
      Policies: [{ Type: 'VendorTrace', Samples: new Array<number>(n).fill(7) }],
    },
  ]);
}
