// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { fieldNamed, PacketBuilder } from './PacketBuilder';
import { StoreProvider } from './StoreContext';

afterEach(cleanup);

/** The reference cluster as a dump (no scenario) that kept only remote and host endpoints. */
function noLocalPods(): Topology {
  const t = buildScenario('new-l2bridge');
  const endpoints = Object.fromEntries(
    Object.entries(t.endpoints).filter(([, e]) => e.isRemote || e.role === 'host'),
  );
  return { ...t, endpoints, pods: {} };
}

function mount(t: Topology, scenarioId: string | null) {
  const store = createAppStore({ scenarioId, topology: t });
  render(
    <StoreProvider store={store}>
      <PacketBuilder />
    </StoreProvider>,
  );
  return store;
}

describe('PacketBuilder', () => {
  it("starts a dump's packet from its host when it has no local pod, never from the reference a1", () => {
    const t = noLocalPods();
    mount(t, null);
    const from = screen.getByLabelText<HTMLInputElement>('From');
    const node = Object.values(t.nodes)[0]!;
    expect(from.value).toBe(node.managementIp ?? node.id);
    expect(from.value).not.toBe('a1');
  });

  it('says which field is empty instead of sending the packet', () => {
    const store = mount(buildScenario('new-l2bridge'), 'new-l2bridge');
    const before = store.getState().traceRequest;
    fireEvent.change(screen.getByLabelText('To'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trace' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^To: choose where the packet goes/);
    expect(store.getState().traceRequest).toBe(before);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: 'b1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trace' }));
    expect(screen.queryByRole('alert')).toBeNull();
    const port = screen.getByLabelText<HTMLInputElement>('Port').value;
    expect(store.getState().traceRequest?.to).toBe(port ? `b1:${port}` : 'b1');
  });

  it("names the engine's options as the builder's fields", () => {
    expect(fieldNamed("--to: unknown pod, service, node or external 'x'")).toBe(
      "To: unknown pod, service, node or external 'x'",
    );
    expect(fieldNamed('--from: malformed IPv4 address 10.1')).toBe(
      'From: malformed IPv4 address 10.1',
    );
    expect(fieldNamed('--seed: other')).toBe('--seed: other');
    expect(fieldNamed('no flag --to: here')).toBe('no flag --to: here');
  });

  it("does not offer a dump's source as its first destination", () => {
    const t = buildScenario('new-l2bridge');
    const local = Object.values(t.endpoints).find((e) => e.podId && !e.isRemote)!;
    const endpoints = Object.fromEntries(
      Object.entries(t.endpoints).filter(([id]) => id === local.id),
    );
    mount({ ...t, endpoints, loadBalancers: {} }, null);
    expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe(local.ipAddress);
    expect(screen.getByLabelText<HTMLInputElement>('To').value).not.toBe(local.ipAddress);
  });
});
