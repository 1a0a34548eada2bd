import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine/trace';
import { buildScenario } from '../scenarios/index';
import { mermaidLabel, topologyToMermaid } from './mermaid';
import { topologyToJson } from './model-json';
import { mdCell, traceToMarkdown, traceToText } from './trace-text';

describe('Mermaid', () => {
  it('draws every node, pod and service with generated ids', () => {
    const t = buildScenario('old-winnat');
    const m = topologyToMermaid(t);
    expect(m.startsWith('flowchart LR\n')).toBe(true);
    expect(m.match(/^ {2}subgraph n\d+\["Node /gm)).toHaveLength(2);
    for (const p of Object.values(t.pods)) expect(m).toContain(`Pod ${p.name} ${p.ip}`);
    expect(m).toContain('WinNAT');
    expect(m).toMatch(/n\d+ -\.-> n\d+/);
    // Every id is generated: no raw model id appears as a Mermaid id.
    expect(m).not.toMatch(/^\s+pod:/m);
  });

  it('escapes # so a name cannot spell a Mermaid entity', () => {
    expect(mermaidLabel('a#quot;b #1')).toBe('a#35;quot;b #35;1');
  });

  it('cannot be broken out of by names', () => {
    expect(mermaidLabel('a"]; click A call alert(1) %%<b>')).toBe(
      'a#quot;]; click A call alert(1) %%#lt;b#gt;',
    );
    const t = buildScenario('new-l2bridge');
    const pods = { ...t.pods, 'pod:a1': { ...t.pods['pod:a1']!, name: 'x"]\nend\n<script>' } };
    const m = topologyToMermaid({ ...t, pods });
    expect(m).not.toContain('<script>');
    expect(m).toContain('x#quot;] end #lt;script#gt;');
  });
});

describe('trace text and Markdown', () => {
  const t = buildScenario('new-l2bridge');
  const trace = traceFlow(t, { from: 'a1', to: '10.96.10.10:80', proto: 'tcp' });

  it('plain text has a header, one block per hop and the verdict', () => {
    const text = traceToText(trace);
    expect(text.split('\n')[0]).toBe('hnsviz trace · topology new-l2bridge');
    expect(text).toContain('Flow: tcp a1 -> 10.96.10.10:80');
    expect(text).toMatch(/Verdict: delivered/);
    expect(text.match(/^ ?\d+\. \[request\]/gm)).toHaveLength(trace.hops.length);
  });

  it('Markdown has a table row per hop and the text folded in a fence', () => {
    const md = traceToMarkdown(trace);
    expect(md).toMatch(/^### hnsviz trace: tcp a1 → 10\.96\.10\.10:80\n/);
    expect(md.match(/^\| \d+ \| request \|/gm)).toHaveLength(trace.hops.length);
    expect(md).toContain('<details><summary>Plain text</summary>');
    expect(md).toMatch(/```text\nFlow: tcp a1/);
  });

  it('escapes table cells', () => {
    expect(mdCell('a|b`c<d>\ne')).toBe('a\\|b\\`c&lt;d&gt; e');
  });
});

describe('model JSON', () => {
  it('is the model, pretty-printed', () => {
    const t = buildScenario('new-overlay');
    expect(JSON.parse(topologyToJson(t))).toEqual(JSON.parse(JSON.stringify(t)));
  });
});
