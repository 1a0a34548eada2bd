import { expect, test } from '@playwright/test';

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and chunk header). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('installable: the manifest has an id, a theme colour and 192/512/maskable PNG icons', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href ?? '', page.url());
  const manifest = (await (await request.get(manifestUrl.href)).json()) as {
    id?: string;
    theme_color?: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.id).toBeTruthy();
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
    'content',
    manifest.theme_color ?? '',
  );
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  const seen: string[] = [];
  for (const icon of pngs) {
    const res = await request.get(new URL(icon.src, manifestUrl).href);
    expect(res.ok(), icon.src).toBe(true);
    const { width, height } = pngSize(await res.body());
    expect(`${width}x${height}`).toBe(icon.sizes);
    seen.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
  }
  expect(seen).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
});
