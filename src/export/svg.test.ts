// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { defaultViewState } from '../share/view-state';
import { importViewText } from '../share/open-view-file';
import { readSvgState } from '../share/open-view-file';
import { exportSvg, legacyColor } from './svg';

const KNOWN = ['old-winnat', 'new-l2bridge', 'new-overlay'];

function drawing(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'hnsviz-topology');
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  text.textContent = '<not markup> & "quotes"';
  g.append(text);
  svg.append(g);
  document.body.append(svg);
  return svg;
}

describe('SVG export and re-import', () => {
  it('embeds the view state so the file re-imports to the same view', () => {
    const state = { ...defaultViewState('old-winnat'), selected: 'pod:a1' };
    const text = exportSvg(drawing(), state);
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).not.toContain('class=');
    expect(readSvgState(text)).toEqual(state);
    expect(importViewText('x.svg', text, KNOWN)).toEqual({ ok: true, state });
  });

  it('keeps hostile strings inert in metadata', () => {
    const state = {
      ...defaultViewState('old-winnat'),
      selected: '</metadata><script>alert(1)</script>',
    };
    const text = exportSvg(drawing(), state);
    expect(text).not.toContain('<script>');
    expect(readSvgState(text)).toEqual(state);
  });

  it('refuses files that are not hnsviz exports', () => {
    expect(readSvgState('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBeNull();
    expect(readSvgState('not xml <<<')).toBeNull();
    expect(importViewText('a.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', KNOWN).ok).toBe(
      false,
    );
    expect(importViewText('a.json', '{"format":"other"}', KNOWN).ok).toBe(false);
    expect(importViewText('a.json', '{', KNOWN).ok).toBe(false);
  });

  it('turns color(srgb …) into rgb() for other SVG tools', () => {
    expect(legacyColor('color(srgb 1 0.5 0)')).toBe('rgb(255, 128, 0)');
    expect(legacyColor('color(srgb 0 0 0 / 0.5)')).toBe('rgba(0, 0, 0, 0.5)');
    expect(legacyColor('#fff')).toBe('#fff');
  });
});
