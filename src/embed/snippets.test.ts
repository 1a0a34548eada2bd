import { describe, expect, it } from 'vitest';
import { defaultViewState } from '../share/view-state';
import { parseOrigins } from './bridge';
import { modeFromAttribute, splitTarget, viewFromAttributes } from './element-attrs';
import { attr, elementSnippet, iframeSnippet, shareLink } from '../share/snippets';

describe('snippets', () => {
  const state = {
    ...defaultViewState('new-l2bridge'),
    trace: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp' as const },
    step: 3,
  };
  it('builds the link, the iframe and the element', () => {
    expect(shareLink('https://x.test/app/?scenario=a#old', '#view=abc')).toBe(
      'https://x.test/app/#view=abc',
    );
    expect(iframeSnippet('https://x.test/app/', '#view=abc', 'hnsviz: "t"')).toBe(
      '<iframe src="https://x.test/app/?embed=1#view=abc" title="hnsviz: &quot;t&quot;" width="100%" height="480" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
    expect(elementSnippet('https://x.test/app/', state, 'PAYLOAD')).toBe(
      '<script type="module" src="https://x.test/app/hns-viz.js"></script>\n<hns-viz scenario="new-l2bridge" from="a1" to="10.96.10.10:80/tcp" step="3"></hns-viz>',
    );
  });
  it('escapes attribute values', () => {
    expect(attr('"><script>&')).toBe('&quot;&gt;&lt;script&gt;&amp;');
  });
});

describe('element attributes', () => {
  it('reads the documented form', () => {
    const attrs: Record<string, string> = {
      scenario: 'new-l2bridge',
      from: 'a1',
      to: '10.96.10.10:80/tcp',
      step: '3',
    };
    expect(viewFromAttributes((n) => attrs[n] ?? null, 'x')).toMatchObject({
      source: { kind: 'scenario', id: 'new-l2bridge' },
      trace: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp' },
      step: 3,
    });
    expect(splitTarget('coredns:53/UDP')).toEqual({ to: 'coredns:53', proto: 'udp' });
    expect(splitTarget('b1')).toEqual({ to: 'b1' });
  });
});

describe('bridge origins', () => {
  it('keeps exact origins only', () => {
    expect(
      parseOrigins(
        'https://docs.example, http://localhost:3000,*,https://a.test/path,javascript:alert(1)',
      ),
    ).toEqual(['https://docs.example', 'http://localhost:3000']);
    expect(parseOrigins(null)).toEqual([]);
  });
});

describe("the element's mode attribute", () => {
  it('reads trace or matrix, absent is null, anything else is a located message', () => {
    expect(modeFromAttribute(null)).toEqual({ ok: true, mode: null });
    expect(modeFromAttribute(' Matrix ')).toEqual({ ok: true, mode: 'matrix' });
    expect(modeFromAttribute('trace')).toEqual({ ok: true, mode: 'trace' });
    const bad = modeFromAttribute('<img src=x>'.repeat(10));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toMatch(/^mode: expected trace or matrix, got "/);
      expect(bad.message.length).toBeLessThan(100);
    }
  });
});
