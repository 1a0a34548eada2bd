import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { UsageError } from './command';
import { packetOptions, traceOrUsageError } from './trace-options';

describe('the trace options of trace and export', () => {
  it('checks each packet option and names the bad one', () => {
    expect(packetOptions({})).toEqual({ proto: 'tcp', reply: false });
    expect(packetOptions({ proto: 'udp', 'src-port': '5000', seed: '7', reply: true })).toEqual({
      proto: 'udp',
      reply: true,
      srcPort: 5000,
      seed: 7,
    });
    expect(() => packetOptions({ proto: 'sctp' })).toThrow(/--proto/);
    expect(() => packetOptions({ 'src-port': '0' })).toThrow(/--src-port/);
    expect(() => packetOptions({ 'src-port': '65536' })).toThrow(/--src-port/);
    expect(() => packetOptions({ seed: '-1' })).toThrow(/--seed/);
  });

  it('makes a packet the topology cannot place a usage error, and traces the rest', () => {
    const t = buildScenario('new-l2bridge');
    expect(() => traceOrUsageError(t, { from: 'nobody', to: '10.96.10.10:80' })).toThrow(
      UsageError,
    );
    const trace = traceOrUsageError(t, { from: 'a1', to: '10.96.10.10:80', ...packetOptions({}) });
    expect(trace.verdict).not.toBe('dropped');
  });
});
