import { describe, expect, it } from 'vitest';
import type { RuleBody } from '../compile-vfp';
import { GroupIds, prefixPrint, rulePrint, seqPrint } from './prints';

const rule = (name: string, src: string, port: number): RuleBody =>
  ({
    name,
    friendlyName: null,
    priority: 100,
    type: 'allow',
    terminating: true,
    stateful: false,
    conditions: {
      srcPrefixes: [src],
      dstPrefixes: ['10.96.0.1'],
      srcPorts: [{ from: port, to: port }],
      dstPorts: null,
      protocols: [6],
    },
    action: { kind: 'allow' },
  }) as unknown as RuleBody;

describe('rule fingerprints', () => {
  // A prefix naming some source is a mark: rules equal up to their owners print alike.
  const owners = new Set(['10.244.0.1', '10.244.0.2']);
  const prefix = (p: string) => prefixPrint(p, owners.has(p));

  it('are equal for rules equal up to their owner, and tell other rules apart', () => {
    const a = rulePrint(rule('ALLOW_NAT_1', '10.244.0.1', 8080), prefix);
    expect(rulePrint(rule('ALLOW_NAT_2', '10.244.0.2', 8080), prefix)).toBe(a);
    expect(rulePrint(rule('ALLOW_NAT_1', '10.244.0.1', 8081), prefix)).not.toBe(a);
    expect(rulePrint(rule('ALLOW_NAT_1', '10.0.0.9', 8080), prefix)).not.toBe(a);
    // A prefix holding a placeholder's bracket could be some owner's written up: a mark too.
    expect(rulePrint(rule('x', '⟨ep0.ip⟩', 8080), prefix)).toBe(a);
  });

  it('leave out the rules skipped', () => {
    const prints = [5, 6, 7];
    const at = Int32Array.from([0, 1, 2]);
    expect(seqPrint(at, prints, [1])).toBe(seqPrint(Int32Array.from([0, 2]), prints, []));
    expect(seqPrint(at, prints, [])).not.toBe(seqPrint(at, prints, [2]));
  });
});

describe('group ids', () => {
  let next = 1;
  const ids = () => new GroupIds<string>(() => next++);

  it('compare full encodings when fingerprints meet', () => {
    const g = ids();
    let writes = 0;
    const write = (xs: number[]) => () => (writes++, xs);
    const a = g.idOf(7, 'A', '', -1, write([1, 2]));
    expect(writes).toBe(0);
    // Same fingerprint, another list: both written; equal, same id.
    expect(g.idOf(7, 'B', '', 3, write([1, 2]))).toBe(a);
    expect(writes).toBe(2);
    // Same fingerprint, unequal encoding: a new id (the fingerprint alone would merge them).
    const c = g.idOf(7, 'C', '', -1, write([1, 3]));
    expect(c).not.toBe(a);
    // A list read again the same way is known without writing it.
    const before = writes;
    expect(g.idOf(7, 'B', '', 3, write([1, 2]))).toBe(a);
    expect(g.idOf(7, 'C', '', -1, write([1, 3]))).toBe(c);
    expect(writes).toBe(before);
    // Another owner or other rules left out are not the same reading.
    expect(g.idOf(7, 'C', '', 4, write([9]))).not.toBe(c);
    expect(g.idOf(8, 'A', '', -1, write([1, 2]))).not.toBe(a);
  });
});
