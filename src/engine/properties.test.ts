import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { traceFlow } from './trace';
import { matchRule } from './match';
import type { CRule } from './compile';

const t = buildScenario('new-l2bridge');
const ip = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([a, b]) => ((10 << 24) | (96 << 16) | (a << 8) | b) >>> 0);

describe('properties', () => {
  it('a rule without conditions matches every packet; a /32 rule only its address', () => {
    fc.assert(
      fc.property(ip, ip, fc.integer({ min: 1, max: 65535 }), (dst, other, port) => {
        const any: CRule = {
          rule: { type: 'allow' } as CRule['rule'],
          src: null,
          dst: null,
          sports: null,
          dports: null,
          protos: null,
          dstBits: 0,
        };
        const one: CRule = { ...any, dst: [{ base: dst, bits: 32, mask: 0xffffffff }] };
        const p = {
          src: 1,
          dst: other,
          sport: 1,
          dport: port,
          proto: 6,
          srcMac: null,
          dstMac: null,
          outer: null,
        };
        expect(matchRule(any, p)).toBeNull();
        expect(matchRule(one, p) === null).toBe(dst === other);
      }),
    );
  });
  it('NAT symmetry: the reply restores the original tuple (ClusterIP, internet, NodePort)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1024, max: 65535 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(
          ...([
            ['a1', '10.96.10.10:80'],
            ['b2', '10.96.0.10:53'],
            ['a2', '203.0.113.10:443'],
            ['external-client', '10.0.0.4:30080'],
          ] as const),
        ),
        (sport, seed, [from, to]) => {
          const tr = traceFlow(t, { from, to, srcPort: sport, seed, reply: true });
          expect(tr.verdict).toBe('delivered');
          const [host, port] = to.split(':');
          expect(tr.final.srcIp).toBe(host);
          expect(tr.final.srcPort).toBe(Number(port));
          expect(tr.final.dstPort).toBe(sport);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('is deterministic for a seed', () => {
    const a = traceFlow(t, { from: 'a1', to: 'web:80', seed: 7 });
    expect(traceFlow(t, { from: 'a1', to: 'web:80', seed: 7 })).toEqual(a);
  });
});
