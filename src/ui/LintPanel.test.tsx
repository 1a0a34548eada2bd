// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../lint/types';
import { createAppStore } from '../state/create-app-store';
import { LintPanel } from './LintPanel';
import { StoreProvider } from './StoreContext';

afterEach(cleanup);

const finding = (k: number): Finding => ({
  code: `code-${k}`,
  severity: 'warning',
  title: `finding ${k}`,
  problem: 'p',
  evidence: 'e',
  fix: 'f',
  objectIds: [],
});

const titles = (): string[] =>
  screen.getAllByTestId('finding').map((b) => b.textContent?.replace(/^warning /, '') ?? '');

describe('LintPanel', () => {
  it("lists the first 60 findings in order (past the first render's), then all on request", () => {
    const store = createAppStore({});
    const findings = Array.from({ length: 75 }, (_, k) => finding(k));
    // render and rerender run in act(): effects and the transition they start are flushed.
    const view = render(
      <StoreProvider store={store}>
        <LintPanel findings={findings} />
      </StoreProvider>,
    );
    expect(titles()).toEqual(findings.slice(0, 60).map((f) => f.title));
    fireEvent.click(screen.getByRole('button', { name: 'Show all 75 findings' }));
    expect(titles()).toEqual(findings.map((f) => f.title));

    // Another dump's findings: listed in full too, none of the old ones left.
    const next = findings.slice(0, 20).map((f) => ({ ...f, title: `next ${f.title}` }));
    view.rerender(
      <StoreProvider store={store}>
        <LintPanel findings={next} />
      </StoreProvider>,
    );
    expect(titles()).toEqual(next.map((f) => f.title));
  });
});
