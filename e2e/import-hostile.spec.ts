import { expect, test } from '@playwright/test';
import { expectDumpShown, openApp, paste } from './import-helpers';
import { nextFrames } from './settle';

const XSS = '<img src=x onerror=alert(1)>';
const XSS2 = '"><script>window.__pwned=1</script>';
const NET = '5f0e1d2c-3b4a-4968-8776-655443322110';

/** A Get-HnsNetwork + Get-HnsEndpoint dump whose every name is markup. */
function hostileDump(): string {
  const network = {
    ID: NET,
    Name: XSS,
    Type: 'L2Bridge',
    ManagementIP: '10.0.0.4',
    Subnets: [{ AddressPrefix: '10.244.1.0/24', GatewayAddress: '10.244.1.1' }],
  };
  const ep = (n: number, remote = false) => ({
    ID: `0000000${n}-1111-4222-8333-444455556666`,
    Name: n === 1 ? XSS : `${XSS2}_${n}`,
    IPAddress: `10.244.1.${10 + n}`,
    MacAddress: `00-15-5D-00-00-0${n}`,
    VirtualNetwork: NET,
    VirtualNetworkName: XSS,
    IsRemoteEndpoint: remote,
    State: 9,
    Policies: [
      { Type: 'ACL', Id: XSS, Action: 'Allow', Direction: 'In', Priority: 100, RuleType: 'Switch' },
      { Type: 'OutBoundNAT', ExceptionList: [XSS] },
    ],
  });
  const lb = {
    ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    References: [`/endpoints/${XSS}`],
    Policies: [{ Type: 'ELB', Protocol: 6, InternalPort: 80, ExternalPort: 80, VIPs: [XSS] }],
  };
  return [
    'PS C:\\> Get-HnsNetwork | ConvertTo-Json -Depth 10',
    JSON.stringify(network, null, 2),
    'PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Depth 10',
    JSON.stringify([ep(1), ep(2), ep(3, true)], null, 2),
    'PS C:\\> Get-HnsPolicyList | ConvertTo-Json -Depth 10',
    JSON.stringify(lb, null, 2),
  ].join('\n');
}

test('a dump full of markup renders as text everywhere', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  await paste(page, hostileDump());
  await expectDumpShown(page);
  // Shown as text: in the drawing's names, the lint panel and the object list.
  await expect(page.locator(`svg [data-kind="network"][data-name="${XSS}"]`)).toHaveCount(1);
  await expect(page.getByTestId('dump-side')).toContainText(XSS);
  await page.locator(`svg [data-kind="network"][data-name="${XSS}"]`).click();
  await page.getByRole('tab', { name: 'Objects' }).click();
  await expect(page.getByRole('tree')).toContainText(XSS);
  await expect(page.locator('.hv-side')).toContainText(XSS);
  // The findings are on the Dump tab (hidden, not gone, while the Objects tab shows).
  await page.getByRole('tab', { name: 'Dump' }).click();
  for (const f of await page.getByTestId('finding').all()) await f.click().catch(() => undefined);
  // Anything the clicks set off (a dialog, a script) has had its frames to run.
  await nextFrames(page);
  expect(dialogs).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await expect(page.locator('.hv-root img, .hv-root script, svg foreignObject')).toHaveCount(0);
});
