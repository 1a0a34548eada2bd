import { useEffect, useRef, useState } from 'react';
import { SHORTCUTS, shortcutOf, typingIn, type Shortcut } from './shortcuts';

const SCOPES: readonly Shortcut['scope'][] = ['Anywhere', 'Trace playback', 'Drawing (focused)'];

/**
 * `?` opens the keyboard-shortcut sheet: a modal dialog (focus stays inside, Esc closes, focus
 * returns where it was) drawn from SHORTCUTS, the list the key handlers use.
 */
export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (shortcutOf(e) !== 'help' || typingIn(e.target) || ref.current?.open) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="hv-dialog hv-shortcuts"
      aria-labelledby="hv-shortcuts-title"
      data-testid="shortcut-sheet"
      onClose={() => setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === 'Tab' && ref.current && wrapFocus(ref.current, e.shiftKey))
          e.preventDefault();
      }}
    >
      <h2 id="hv-shortcuts-title">Keyboard shortcuts</h2>
      {SCOPES.map((scope) => (
        <table key={scope} className="hv-shortcut-table">
          <caption>{scope}</caption>
          <tbody>
            {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
              <tr key={s.id} data-shortcut={s.id}>
                <th scope="row">
                  <kbd>{s.label}</kbd>
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <form method="dialog" className="hv-dialog-actions">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

/**
 * Keep Tab inside the sheet: from its last control to its first (and back with Shift), where
 * a modal dialog would otherwise hand focus to the browser's own toolbar. True when moved.
 */
function wrapFocus(dialog: HTMLElement, back: boolean): boolean {
  const all = [...dialog.querySelectorAll<HTMLElement>('button, [href], input, [tabindex]')];
  const first = all[0];
  const last = all[all.length - 1];
  const at = document.activeElement;
  if (!first || !last) return false;
  if (back ? at !== first : at !== last) return false;
  (back ? last : first).focus();
  return true;
}
