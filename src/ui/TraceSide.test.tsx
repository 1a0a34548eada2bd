// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { StoreProvider } from './StoreContext';
import { TraceSide } from './TraceSide';

afterEach(cleanup);

describe('TraceSide', () => {
  it('keeps the Dump tab mounted while another tab shows, hidden from the accessibility tree', () => {
    const store = createAppStore({
      scenarioId: 'new-l2bridge',
      topology: buildScenario('new-l2bridge'),
    });
    let mounts = 0;
    function Probe({ hidden }: { hidden: boolean }) {
      useEffect(() => {
        mounts += 1;
      }, []);
      return (
        <div data-testid="probe" hidden={hidden}>
          <button type="button">finding</button>
        </div>
      );
    }
    render(
      <StoreProvider store={store}>
        <TraceSide objects={<p>the objects</p>} dump={(hidden) => <Probe hidden={hidden} />} />
      </StoreProvider>,
    );
    // A dump opens its tab.
    expect(screen.getByRole('button', { name: 'finding' })).toBeTruthy();
    expect(screen.queryByText('the objects')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Objects' }));
    expect(screen.getByText('the objects')).toBeTruthy();
    expect(screen.getByTestId('probe').hidden).toBe(true);
    expect(screen.queryByRole('button', { name: 'finding' })).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Dump' }));
    expect(screen.getByTestId('probe').hidden).toBe(false);
    expect(screen.getByRole('button', { name: 'finding' })).toBeTruthy();
    expect(screen.queryByText('the objects')).toBeNull();
    expect(mounts).toBe(1);
  });
});
