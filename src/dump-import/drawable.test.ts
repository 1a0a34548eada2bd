import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/create-app-store';
import { buildScenario } from '../scenarios/index';
import { loadDump } from '../worker/load-dump';
import { createImporter } from './importer';
import { drawableCount, hasDrawable } from './drawable';
import { objectCount } from './outcome';

const parse = (text: string) => loadDump([{ name: 'paste', text }]).topology;

describe('a stub never replaces the view', () => {
  const stubs = {
    'empty object after a network prompt': 'PS C:\\> Get-HnsNetwork | ConvertTo-Json\n{}\n',
    'unrelated object after an endpoint prompt':
      'PS C:\\> Get-HnsEndpoint | ConvertTo-Json\n{"foo": 1, "bar": "x"}\n',
    'empty list view after a prompt': 'PS C:\\> Get-HnsNetwork | ConvertTo-Json\n{ }\n{}\n',
  };
  for (const [what, text] of Object.entries(stubs))
    it(`${what}: previous view kept, located message`, async () => {
      expect(drawableCount(parse(text))).toBe(0);
      expect(hasDrawable(parse(text))).toBe(false);
      const store = createAppStore({
        scenarioId: 'new-l2bridge',
        topology: buildScenario('new-l2bridge'),
      });
      const before = store.getState().topology;
      const importer = createImporter(store, {
        loader: () => ({ loadDump: (inputs) => Promise.resolve(loadDump(inputs)) }),
        persistence: null,
      });
      expect(await importer.importText('paste', text)).toBe(false);
      const s = store.getState();
      expect(s.topology).toBe(before);
      expect(s.scenarioId).toBe('new-l2bridge');
      expect(s.dump).toBeNull();
      expect(s.importFailure?.message).toMatch(
        /Nothing could be drawn from paste: the object at paste:2 has no HNS fields.*previous view is kept/,
      );
    });

  it('an object with one readable fact still counts', () => {
    for (const p of ['{"Type":"NAT"}', '{"Name":"nat"}'])
      expect(hasDrawable(parse(`PS C:\\> Get-HnsNetwork\n${p}\n`))).toBe(true);
    expect(drawableCount(parse('PS C:\\> Get-HnsNetwork\n{"Type":"NAT"}\n'))).toBe(1);
    expect(drawableCount(parse('PS C:\\> Get-HnsNetwork\n{"Name":"nat"}\n'))).toBe(1);
    expect(
      drawableCount(parse('PS C:\\> Get-HnsEndpoint\n{"IPAddress":"10.0.0.5"}\n')),
    ).toBeGreaterThan(0);
    expect(
      drawableCount(
        parse('PS C:\\> Get-HnsNetwork\n{"ID":"5b7b2b7c-5a0b-4c39-9f3e-0b6c6a1d1e2f"}\n'),
      ),
    ).toBe(1);
  });
});

describe('no real paste is taken for a stub', () => {
  for (const dir of ['corpus', 'real']) {
    const base = new URL(`../parsers/__fixtures__/${dir}/`, import.meta.url);
    it(`every ${dir} paste with objects has something drawable`, () => {
      const files = readdirSync(base).filter((f) => !f.endsWith('.facts'));
      expect(files.length).toBeGreaterThan(10);
      for (const f of files) {
        const t = loadDump([{ name: f, bytes: readFileSync(new URL(f, base)).buffer }]).topology;
        if (objectCount(t) > 0) expect(drawableCount(t), f).toBeGreaterThan(0);
        expect(hasDrawable(t), f).toBe(drawableCount(t) > 0);
      }
    });
  }
});
