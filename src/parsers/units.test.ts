import { describe, expect, it } from 'vitest';
import { cleanUp } from './decode/cleanup';
import { decodeBytes, decodeText } from './decode/decode';
import { DiagSink } from './diagnostics';
import { parseGoStruct } from './formats/go-struct';
import { readJson } from './formats/json-reader';
import { ELLIPSIS, psValue } from './formats/ps-value';
import { parseInputs } from './index';
import { PARSE_FORMAT, toParseJson } from './output/parse-json';
import { list } from './normalise/values';

const utf16 = (s: string, le: boolean): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i + (le ? 0 : 1)] = s.charCodeAt(i) & 255;
    out[2 * i + (le ? 1 : 0)] = s.charCodeAt(i) >> 8;
  }
  return out;
};

describe('decode', () => {
  it('detects BOMs, BOM-less UTF-16 and newline style', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]))).toEqual({
      text: 'a\n',
      encoding: 'utf-8-bom',
      newline: 'crlf',
    });
    expect(decodeBytes(utf16('\ufeffName : x\r\n', true))).toEqual({
      text: 'Name : x\n',
      encoding: 'utf-16le-bom',
      newline: 'crlf',
    });
    expect(decodeBytes(utf16('\ufeffID : y', false)).encoding).toBe('utf-16be-bom');
    expect(decodeBytes(utf16('ID          : 1\nName        : a', true))).toMatchObject({
      encoding: 'utf-16le',
      text: 'ID          : 1\nName        : a',
    });
    expect(decodeBytes(utf16('ID          : 1\nName        : a', false)).encoding).toBe('utf-16be');
    expect(decodeBytes(new TextEncoder().encode('Größe : ü')).text).toBe('Größe : ü');
    expect(decodeText('\ufeffa\rb').text).toBe('a\nb');
  });
});

describe('json reader', () => {
  it('returns the complete fields of a cut-off object and the last key', () => {
    const r = readJson('{"a": 1, "b": {"c": true, "d": "x"}, "NeedEncap": true, "e": 12');
    expect(r.value).toEqual({ a: 1, b: { c: true, d: 'x' }, NeedEncap: true });
    expect(r.error).toMatchObject({ truncated: true, lastKey: 'NeedEncap' });
  });

  it('tolerates missing and trailing commas, reports syntax errors with offsets', () => {
    expect(readJson('{"a":1 "b":2,}').value).toEqual({ a: 1, b: 2 });
    const bad = readJson('{"a": @}');
    expect(bad.error).toMatchObject({ offset: 6, truncated: false });
  });

  it('joins a console hard-wrap inside a string', () => {
    const line = '{"k": "' + 'x'.repeat(113);
    expect(line.length).toBe(120);
    expect(readJson(line + '\nyz"}').value).toEqual({ k: 'x'.repeat(113) + 'yz' });
  });
});

describe('PowerShell list values', () => {
  it('reads hashtables, arrays, type names and ellipses', () => {
    expect(psValue('@{ID=abc; IsDefault=False; N=12}')).toEqual({
      ID: 'abc',
      IsDefault: false,
      N: 12,
    });
    expect(psValue('{@{Type=HostRoute}, @{Type=X; V=System.Object[]}}')).toEqual([
      { Type: 'HostRoute' },
      { Type: 'X', V: 'System.Object[]' },
    ]);
    expect(psValue('{/endpoints/a, /endpoints/b...}')).toEqual([
      '/endpoints/a',
      '/endpoints/b',
      ELLIPSIS,
    ]);
    expect(psValue('{}')).toEqual([]);
    expect(psValue('True')).toBe(true);
    expect(psValue('2bd756dfe237f4b71d924c093ebca042c97e9cad9317c24c4be1f1462a96bac5')).toBe(
      '2bd756dfe237f4b71d924c093ebca042c97e9cad9317c24c4be1f1462a96bac5',
    );
  });
});

describe('clean-up', () => {
  it('undoes quotes, markdown indentation and hard-wraps inside GUIDs', () => {
    const long = 'ID        : 28893E01-AC8D-4BE6-85D4-7CD3A78611C1 ' + 'x'.repeat(200);
    const wrapped = [
      long.slice(0, 80),
      long.slice(80, 160),
      long.slice(160, 240),
      long.slice(240),
      'Name      : Calico',
    ].map((l) => '>     ' + l);
    const doc = cleanUp(wrapped.join('\n'), new DiagSink('t'));
    expect(doc.lines).toEqual([long, 'Name      : Calico']);
    expect(doc.lineNo).toEqual([1, 5]);
  });
});

describe('list view continuation lines', () => {
  it('joins a token PowerShell cut at the console width without a space', () => {
    const full =
      'References       : {/endpoints/028abaed-7ff6-4fdc-992c-d3b004936be0, /endpoints/e84bad42-a6ee-40a8-8145-c9f084654774}';
    const text = `ID               : A335D997-4160-44F9-9F72-1087A2CBA45E\n${full.slice(0, 111)}\n${' '.repeat(19)}${full.slice(111)}\n`;
    const lb = Object.values(parseInputs([{ name: 'p', text }]).topology.loadBalancers)[0];
    expect(lb?.backendEndpointIds).toEqual([
      '028abaed-7ff6-4fdc-992c-d3b004936be0',
      'e84bad42-a6ee-40a8-8145-c9f084654774',
    ]);
  });
});

describe('Go structs', () => {
  it('reads nested structs, slices, maps and empty values', () => {
    const v = parseGoStruct('&{Id:abc Name: Ports:[1 2] M:map[a:b] S:{X:1} P:<nil>}').value;
    expect(v).toEqual({ Id: 'abc', Name: '', Ports: [1, 2], M: { a: 'b' }, S: { X: 1 }, P: null });
  });
});

describe('hnsviz.parse/1', () => {
  it('prints normalised ids, types, MACs and HNS policy names', () => {
    const r = parseInputs([
      {
        name: 'ep.json',
        text: JSON.stringify({
          ID: '{8F109901-9970-4FDA-BB2B-E9882FB3E8FB}',
          Name: 'remote',
          IPAddress: '10.244.2.141',
          MacAddress: '0E-2A-0A-F4-02-8D',
          IsRemoteEndpoint: true,
          VirtualNetwork: '9D59C0DF-B1E2-4EEE-9FDE-B7EA829FC6A1',
          Type: 'Overlay',
          Policies: [{ Type: 'PA', PA: '10.123.74.74' }],
        }),
      },
    ]);
    const doc = toParseJson(r) as {
      format: string;
      endpoints: Record<string, unknown>[];
      networks: Record<string, unknown>[];
      inputs: unknown[];
    };
    expect(doc.format).toBe(PARSE_FORMAT);
    expect(doc.inputs).toEqual([{ name: 'ep.json', format: 'json', encoding: 'text' }]);
    expect(doc.endpoints[0]).toEqual({
      id: '8f109901-9970-4fda-bb2b-e9882fb3e8fb',
      node: 'node:dump',
      name: 'remote',
      ipAddress: '10.244.2.141',
      macAddress: '0e:2a:0a:f4:02:8d',
      network: '9d59c0df-b1e2-4eee-9fde-b7ea829fc6a1',
      isRemote: true,
      policies: [{ type: 'PA', providerAddress: '10.123.74.74' }],
      pod: null,
      dns: null,
      creator: null,
    });
    expect(doc.networks[0]).toMatchObject({
      id: '9d59c0df-b1e2-4eee-9fde-b7ea829fc6a1',
      type: 'overlay',
    });
    expect(Object.keys(doc)).toEqual([
      'format',
      'inputs',
      'nodes',
      'networks',
      'endpoints',
      'pods',
      'loadBalancers',
      'vfp',
      'diagnostics',
    ]);
  });
});

describe('list values', () => {
  it('reads one value, a comma list, blanks, a hashtable and a type name', () => {
    expect(list('80')).toEqual(['80']);
    expect(list(' 10.0.0.0/24 ')).toEqual(['10.0.0.0/24']);
    expect(list('')).toEqual([]);
    expect(list('   ')).toEqual([]);
    expect(list('6, 17,,')).toEqual(['6', '17']);
    expect(list(',')).toEqual([]);
    expect(list('@{Type=ACL}')).toEqual([psValue('@{Type=ACL}')]);
    expect(list('System.Object[]')).toBeUndefined();
    expect(list(null)).toEqual([]);
    expect(list(['a', ELLIPSIS, 'System.Object[]', 'b'])).toEqual(['a', 'b']);
  });
});
