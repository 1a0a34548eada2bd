// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateNotice, type AppUpdates, type UpdateState } from './UpdateNotice';

afterEach(cleanup);

/** Updates whose state the test sets; `apply` is counted. */
function fakeUpdates() {
  let state: UpdateState = 'none';
  const listeners = new Set<() => void>();
  const updates: AppUpdates & { applied: number; set(s: UpdateState): void } = {
    applied: 0,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getState: () => state,
    apply: () => {
      updates.applied += 1;
    },
    set: (s) =>
      act(() => {
        state = s;
        for (const l of listeners) l();
      }),
  };
  return updates;
}

describe('UpdateNotice', () => {
  it('shows nothing until a new version waits, then offers Reload', () => {
    const updates = fakeUpdates();
    render(<UpdateNotice updates={updates} />);
    expect(screen.queryByRole('status')).toBeNull();
    updates.set('ready');
    expect(screen.getByRole('status').textContent).toContain('A new version of hnsviz is ready');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(updates.applied).toBe(1);
    updates.set('applying');
    expect(screen.getByRole('button', { name: 'Reloading…' })).toHaveProperty('disabled', true);
  });

  it('hides on Later, and comes back when the news changes', () => {
    const updates = fakeUpdates();
    render(<UpdateNotice updates={updates} />);
    updates.set('ready');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('status')).toBeNull();
    updates.set('elsewhere');
    expect(screen.getByRole('status').textContent).toContain('updated in another tab');
  });

  it('renders nothing without a source of updates', () => {
    const { container } = render(<UpdateNotice updates={undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
