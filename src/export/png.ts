/**
 * PNG export: the exported SVG text → `Blob` → object URL → `<img>` → `<canvas>` → PNG
 * (docs/toolchain.md §5). No library; works under the app's CSP (`img-src blob:`).
 */

/**
 * Rasterise SVG text at `scale` (device pixels per CSS pixel).
 *
 * @example
 * const png = await svgToPng(exportSvg(svgEl, state), screenSize(svgEl), 2);
 */
export async function svgToPng(
  svgText: string,
  size: { width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('E_EXPORT_CANVAS: no 2D canvas context');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('E_EXPORT_PNG: the canvas gave no PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
