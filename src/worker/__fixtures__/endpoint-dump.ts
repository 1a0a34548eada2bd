/** A small L2Bridge dump as `ConvertTo-Json` writes it: one network and `n` endpoints on it. */
export function endpointDump(n: number): string {
  const net = 'aaaaaaaa-0000-4000-8000-000000000001';
  return JSON.stringify([
    { ID: net, Name: 'cbr0', Type: 'L2Bridge', Subnets: [{ AddressPrefix: '10.244.0.0/16' }] },
    ...Array.from({ length: n }, (_, i) => ({
      ID: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
      Name: `ep-${i}`,
      VirtualNetwork: net,
      IPAddress: `10.244.0.${i + 2}`,
    })),
  ]);
}
