// @vitest-environment jsdom
/**
 * The view in an exported SVG is found from the text alone (no DOMParser: it runs in a worker),
 * with the XML escapes the serialiser writes, character references and CDATA undone.
 */
import { describe, expect, it } from 'vitest';
import { exportSvg } from '../export/svg';
import { readSvgState, SVG_STATE_ID } from './open-view-file';
import { defaultViewState } from './view-state';

describe('readSvgState', () => {
  it('reads an exported SVG without an XML parser', () => {
    const state = { ...defaultViewState('new-l2bridge'), selected: `a<b>&"c'</metadata>` };
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    const text = exportSvg(svg, state);
    svg.remove();
    const parser = globalThis.DOMParser;
    // As in a worker.
    (globalThis as { DOMParser?: unknown }).DOMParser = undefined;
    try {
      expect(readSvgState(text)).toEqual(JSON.parse(JSON.stringify(state)));
    } finally {
      globalThis.DOMParser = parser;
    }
  });

  it('undoes character references and CDATA; no metadata, no view', () => {
    const text = `<svg><metadata data-x="1" id='${SVG_STATE_ID}'>{"a":&#x22;&lt;&#65;&gt;&#34;,<![CDATA["b":"&amp;"]]>}</metadata></svg>`;
    expect(readSvgState(text)).toEqual({ a: '<A>', b: '&amp;' });
    expect(readSvgState('<svg><metadata id="other">{}</metadata></svg>')).toBeNull();
    expect(readSvgState(`<svg><metadata id="${SVG_STATE_ID}">{`)).toBeNull();
  });
});
