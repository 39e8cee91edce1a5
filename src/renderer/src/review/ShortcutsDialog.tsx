import { useEffect, useRef } from 'react';

const shortcuts: [string, string][] = [
  ['Space', 'play / pause'],
  ['← / →', 'seek 5 s back / forward'],
  ['j / k', 'next / previous call'],
  ['\\', 'collapse / expand the call list'],
  ['x', 'tick / untick the open call'],
  ['Shift+click', 'tick every call from the last box clicked'],
  ['Esc', 'clear the ticks'],
  ['[ / ]', 'previous / next marker'],
  ['o / Shift+O', 'next / previous overlap'],
  ['c, 1-4', 'confirm the overlap\'s class; set barge-in / backchannel / agent talk-over / false cut-off'],
  ['s / f', 'mark success / failure'],
  ['n', 'new note at the playhead (opens Notes)'],
  ['t', 'tag the call'],
  ['p', 'PII audio: off / bleep / mute'],
  ['q', 'start a review queue'],
  ['Shift+J', 'next unreviewed call of the queue'],
  ['/', 'search'],
  ['v / Shift+V', 'next / previous saved view'],
  ['Ctrl+O', 'import files'],
  ['Ctrl+1 / Ctrl+2 / Ctrl+3', 'Overview / Calls / Compare'],
  ['Ctrl+E', 'evaluators / back to calls'],
  ['?', 'this list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="settings" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
