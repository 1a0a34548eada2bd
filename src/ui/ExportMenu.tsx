import { useRef, useState, type KeyboardEvent } from 'react';
import { downloadBlob, downloadText, fileStem } from '../export/download';
import {
  outgoingMermaid,
  outgoingModelJson,
  outgoingSvg,
  outgoingTraceMarkdown,
  outgoingTraceText,
} from '../export/outgoing';
import { svgToPng } from '../export/png';
import { screenSize } from '../export/svg';
import { holdsPrivateData, outgoing, type Outgoing } from '../share/privacy';
import { viewStateOf, type CatalogLike } from '../share/store-link';
import { useAppStore, useStoreApi } from './StoreContext';

interface Props {
  readonly catalog: CatalogLike;
  /** Opens the file picker (re-import of an exported SVG or a state file). */
  readonly onOpenFile: () => void;
  /** Finds this viewer's drawing. */
  readonly findSvg: () => SVGSVGElement | null;
}

interface Item {
  readonly key: string;
  readonly label: string;
  readonly disabled?: boolean;
  run(): void | Promise<void>;
}

/** The Export menu: SVG, PNG, trace text/Markdown, model JSON, Mermaid; and "Open file…". */
export function ExportMenu({ catalog, onOpenFile, findSvg }: Props) {
  const store = useStoreApi();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hasTrace = useAppStore((s) => s.trace !== null);
  const hasModel = useAppStore((s) => s.topology !== null);
  // A dump is on screen (not a built-in scenario): exports are scrubbed unless kept real.
  const isPrivate = useAppStore(
    (s) => s.topology !== null && !catalog.ids.includes(s.scenarioId ?? ''),
  );
  const [keepReal, setKeepReal] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const stem = (): string => fileStem(store.getState().scenarioId ?? 'imported');
  /** What this export carries: one privacy rule for every item (src/share/privacy.ts). */
  const out = (): Outgoing => {
    const s = store.getState();
    const view = viewStateOf(s, catalog);
    if (!view) throw new Error('nothing is loaded');
    return outgoing(view, s.topology, { keepReal: keepReal && holdsPrivateData(view) });
  };
  const svgText = (): { text: string; svg: SVGSVGElement } => {
    const svg = findSvg();
    if (!svg) throw new Error('nothing is drawn');
    return { text: outgoingSvg(svg, out()), svg };
  };
  const items: Item[] = [
    {
      key: 'svg',
      label: 'Drawing as SVG',
      disabled: !hasModel,
      run: () => downloadText(svgText().text, `${stem()}.svg`, 'image/svg+xml'),
    },
    {
      key: 'png',
      label: 'Drawing as PNG',
      disabled: !hasModel,
      run: async () => {
        const { text, svg } = svgText();
        downloadBlob(await svgToPng(text, screenSize(svg), 2), `${stem()}.png`);
      },
    },
    {
      key: 'trace-text',
      label: 'Trace as text',
      disabled: !hasTrace,
      run: () => {
        const t = store.getState().trace;
        if (t) downloadText(outgoingTraceText(t, out()), `${stem()}-trace.txt`);
      },
    },
    {
      key: 'trace-md',
      label: 'Trace as Markdown',
      disabled: !hasTrace,
      run: () => {
        const t = store.getState().trace;
        if (t) downloadText(outgoingTraceMarkdown(t, out()), `${stem()}-trace.md`, 'text/markdown');
      },
    },
    {
      key: 'model',
      label: 'Model as JSON',
      disabled: !hasModel,
      run: () => {
        const json = outgoingModelJson(out());
        if (json) downloadText(json, `${stem()}.model.json`, 'application/json');
      },
    },
    {
      key: 'mermaid',
      label: 'Topology as Mermaid',
      disabled: !hasModel,
      run: () => {
        const mmd = outgoingMermaid(out());
        if (mmd) downloadText(mmd, `${stem()}.mmd`);
      },
    },
    { key: 'open', label: 'Open an exported file…', run: onOpenFile },
  ];

  const runItem = async (item: Item): Promise<void> => {
    setOpen(false);
    buttonRef.current?.focus();
    try {
      setError(null);
      await item.run();
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const buttons = [...(menuRef.current?.querySelectorAll('button:not([disabled])') ?? [])];
    const i = buttons.indexOf(document.activeElement as Element);
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (e.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    } else if (move !== 0) {
      (buttons[(i + move + buttons.length) % buttons.length] as HTMLElement | undefined)?.focus();
    } else return;
    e.preventDefault();
  };
  return (
    <div className="hv-menu">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          // Every opening starts scrubbed: keeping real data is a choice made each time.
          if (!open) setKeepReal(false);
          setOpen(!open);
        }}
      >
        Export
      </button>
      {open && (
        <ul ref={menuRef} role="menu" aria-label="Export" onKeyDown={onKeyDown}>
          {isPrivate && (
            <li role="none" className="hv-menu-privacy">
              <button
                type="button"
                role="menuitemcheckbox"
                aria-checked={keepReal}
                data-export="keep-real"
                ref={(el) => {
                  if (el && !menuRef.current?.contains(document.activeElement)) el.focus();
                }}
                onClick={() => setKeepReal(!keepReal)}
              >
                <span aria-hidden="true">{keepReal ? '☑' : '☐'}</span> Keep real addresses and names
              </button>
              <p className="hv-menu-note" data-testid="export-privacy">
                {keepReal
                  ? 'Exports carry the dump as imported: IPs, MACs, GUIDs, names, DNS suffixes and servers, policy IDs, host and file names.'
                  : 'Exports are scrubbed: IPs, MACs, GUIDs, names, DNS suffixes and servers, policy IDs, host and file names and free text are replaced.'}
              </p>
            </li>
          )}
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                data-export={item.key}
                disabled={item.disabled}
                onClick={() => void runItem(item)}
                ref={(el) => {
                  if (el && item === items[0] && !isPrivate) el.focus();
                }}
              >
                {item.label}
                {isPrivate && item.key !== 'open' && (
                  <span className="hv-menu-tag">{keepReal ? ' (real data)' : ' (scrubbed)'}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="hv-menu-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
