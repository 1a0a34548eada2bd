// @vitest-environment jsdom
/**
 * One privacy rule for everything that leaves the browser: a dump with a distinctive value
 * planted in every identifying field goes out with none of them, whatever the export.
 */
import { describe, expect, it, vi } from 'vitest';
import { traceFlow } from '../engine/trace';
import { layoutTopology } from '../layout/layout-topology';
import { parseInputs } from '../parsers/index';
import { createTopologyRenderer } from '../render/topology-renderer';
import { decodePayload, encodeLink, encodePayload } from '../share/codec';
import { outgoing, type Outgoing } from '../share/privacy';
import { defaultViewState, parseViewState, type ViewState } from '../share/view-state';
import { elementSnippet, iframeSnippet, shareLink } from '../share/snippets';
import { EP_ID, PLANTED_ADDRESSES, PLANTED_WORD, plantedInputs } from './__fixtures__/planted-dump';
import {
  outgoingMermaid,
  outgoingModelJson,
  outgoingStateFile,
  outgoingSvg,
  outgoingTraceMarkdown,
  outgoingTraceText,
} from './outgoing';
import { readSvgState } from '../share/open-view-file';

const topology = parseInputs(plantedInputs()).topology;
const request = { from: 'PlantEpNameZq', to: '10.66.55.44:80' };
const trace = traceFlow(topology, request);
const view: ViewState = {
  ...defaultViewState('new-l2bridge'),
  source: { kind: 'dump', topology, scrubbed: false },
  trace: request,
  selected: EP_ID,
};

function drawing(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
  r.update({ layout: layoutTopology(topology), detail: null, title: topology.title });
  return svg;
}

const unpayload = (text: string): string => text.replace(/[A-Za-z0-9_-]{64,}/g, '<payload>');

type ExportName =
  | 'link'
  | 'shareLink'
  | 'iframe'
  | 'element'
  | 'stateFile'
  | 'svg'
  | 'svgMetadata'
  | 'modelJson'
  | 'mermaid'
  | 'traceText'
  | 'traceMarkdown';

/** Every export and link, as text. */
function everything(out: Outgoing): Record<ExportName, string> {
  const link = encodeLink(out.state);
  const fragment = link.ok ? link.fragment : '';
  const payload = decodePayload(encodePayload(out.state));
  const svg = outgoingSvg(drawing(), out);
  return {
    link: payload.ok ? JSON.stringify(payload.value) : 'undecodable',
    // The payload itself is `link` above; base64 can spell anything, so it is cut here.
    shareLink: unpayload(shareLink('https://example.org/app/', fragment)),
    iframe: unpayload(iframeSnippet('https://example.org/app/', fragment, 'hnsviz: imported')),
    element: unpayload(elementSnippet('https://example.org/', out.state, encodePayload(out.state))),
    stateFile: outgoingStateFile(out),
    svg,
    svgMetadata: JSON.stringify(readSvgState(svg)),
    modelJson: outgoingModelJson(out) ?? '',
    mermaid: outgoingMermaid(out) ?? '',
    traceText: outgoingTraceText(trace, out),
    traceMarkdown: outgoingTraceMarkdown(trace, out),
  };
}

function leaks(text: string): string[] {
  const found = PLANTED_ADDRESSES.filter((a) => text.toLowerCase().includes(a.toLowerCase()));
  const word = PLANTED_WORD.exec(text);
  if (word) found.push(text.slice(Math.max(0, word.index - 30), word.index + 10));
  return found;
}

describe('privacy of exports and links', () => {
  it('the planted dump really shows every planted value when kept real', () => {
    expect(trace.hops.length).toBeGreaterThan(0);
    const all = everything(outgoing(view, null, { keepReal: true }));
    expect(leaks(all.modelJson).length).toBeGreaterThan(8);
    expect(all.svg).toMatch(PLANTED_WORD);
    expect(all.svgMetadata).toMatch(PLANTED_WORD);
    expect(all.traceText).toMatch(PLANTED_WORD);
  });

  it('scrubbed by default: no planted value in any export or link', () => {
    const out = outgoing(view, null);
    expect(out.scrubbed).toBe(true);
    for (const [name, text] of Object.entries(everything(out)))
      expect(leaks(text), name).toEqual([]);
  });

  it('the scrubbed view still opens, with the selection and trace renamed to match', () => {
    const out = outgoing(view, null, { key: [9, 8, 7, 6] });
    const r = parseViewState(JSON.parse(outgoingStateFile(out)), ['new-l2bridge']);
    expect(r.ok).toBe(true);
    if (!r.ok || r.state.source.kind !== 'dump') return;
    expect(r.state.source.scrubbed).toBe(true);
    expect(Object.keys(r.state.source.topology.endpoints)).toContain(r.state.selected);
    const again = traceFlow(r.state.source.topology, r.state.trace!);
    expect(again.verdict).toBe(trace.verdict);
    expect(again.hops.length).toBe(trace.hops.length);
  });

  it('built-in scenarios hold nothing private and go out as they are', () => {
    const out = outgoing(defaultViewState('old-winnat'), null);
    expect(out.private).toBe(false);
    expect(out.mention('10.0.0.1 a1')).toBe('10.0.0.1 a1');
  });
});
