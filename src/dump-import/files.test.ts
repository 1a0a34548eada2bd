import { describe, expect, it } from 'vitest';
import { filesFromDrop, readPicked, type EntryLike } from './files';
import { asSavedDump, PERSIST_FORMAT } from './persist';

const file = (path: string, text = 'x'): EntryLike =>
  ({
    isFile: true,
    isDirectory: false,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    file: (ok: (f: File) => void) => ok(new File([text], path.split('/').pop()!)),
  }) as EntryLike;

/** A folder whose reader answers in batches of two, then an empty batch (like Chromium's). */
const dir = (path: string, children: EntryLike[]): EntryLike =>
  ({
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: EntryLike[]) => void) => {
          ok(children.slice(at, at + 2));
          at += 2;
        },
      };
    },
  }) as EntryLike;

describe('dropped folders', () => {
  it('walks nested folders in name order, with paths, reading every batch', async () => {
    const root = dir('logs', [
      file('logs/b.txt'),
      dir('logs/hns', [
        file('logs/hns/endpoints.txt'),
        file('logs/hns/networks.txt'),
        file('logs/hns/policies.txt'),
      ]),
      file('logs/a.json'),
    ]);
    const items = [{ kind: 'file', webkitGetAsEntry: () => root, getAsFile: () => null }];
    const picked = await filesFromDrop(items, []);
    expect(picked.map((p) => p.path)).toEqual([
      'logs/a.json',
      'logs/b.txt',
      'logs/hns/endpoints.txt',
      'logs/hns/networks.txt',
      'logs/hns/policies.txt',
    ]);
  });

  it('falls back to plain files, skips binaries and empty files', async () => {
    const picked = await filesFromDrop(null, [
      new File(['{}'], 'a.json'),
      new File(['x'], 'trace.etl'),
      new File([], 'e.txt'),
    ]);
    const read = readPicked(picked, 1024);
    expect(read.inputs.map((i) => i.name)).toEqual(['a.json']);
    expect(read.skipped.map((s) => s.name)).toEqual(['trace.etl', 'e.txt']);
  });
});

describe('total size of one import', () => {
  it('skips the files past the total cap with a message, and imports the rest', () => {
    const picked = ['a', 'b', 'c'].map((n) => ({
      path: `${n}.json`,
      file: new File(['x'.repeat(600)], `${n}.json`),
    }));
    const read = readPicked(picked, 1024, 1000);
    expect(read.inputs.map((i) => i.name)).toEqual(['a.json']);
    expect(read.skipped.map((s) => s.name)).toEqual(['b.json', 'c.json']);
    expect(read.skipped[0]?.why).toMatch(/per import/);
  });
});

describe('saved dumps', () => {
  it('accepts what was saved and rejects damaged records', () => {
    const ok = {
      format: PERSIST_FORMAT,
      savedAt: 1,
      inputs: [{ name: 'a', text: 'x' }],
      scrubKey: null,
    };
    expect(asSavedDump(ok)).toEqual(ok);
    expect(asSavedDump({ ...ok, format: 'other' })).toBeNull();
    expect(asSavedDump({ ...ok, inputs: [{ name: 1 }] })).toBeNull();
    expect(asSavedDump({ ...ok, inputs: [] })).toBeNull();
    expect(asSavedDump('junk')).toBeNull();
  });
});
