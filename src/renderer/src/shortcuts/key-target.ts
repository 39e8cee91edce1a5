/**
 * Where a key press may act as a shortcut. Letters and space are text in text entry (inputs that
 * take text, textareas, contenteditable); everywhere else they are shortcuts, even on a slider or
 * a select the user just clicked, which keep only the keys they need to work (arrows and the
 * like). A dialog keeps every key: shortcuts must not act on the call behind a modal.
 */

/** Input types that do not take typed text: letters on them are free for shortcuts. */
const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/** The keys each kind of control needs for itself. */
function ownKeys(element: HTMLElement): readonly string[] {
  if (element instanceof HTMLSelectElement) return [...ARROWS, 'Home', 'End', 'PageUp', 'PageDown', 'Enter', ' '];
  if (element instanceof HTMLInputElement) {
    if (element.type === 'range') return [...ARROWS, 'Home', 'End', 'PageUp', 'PageDown'];
    if (element.type === 'radio') return [...ARROWS, ' '];
    return [' ', 'Enter'];
  }
  const role = element.getAttribute('role');
  // a tab moves along its tab list, a separator (the list's splitter) moves itself
  if (role === 'tab') return [...ARROWS, 'Home', 'End', ' ', 'Enter'];
  if (role === 'separator') return [...ARROWS, 'Home', 'End', 'Enter'];
  if (element instanceof HTMLButtonElement || role === 'button') return [' ', 'Enter'];
  return [];
}

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Whether a key press is for the app's shortcuts rather than for the focused element. */
export function isShortcutKey(event: KeyboardEvent): boolean {
  if (event.metaKey || event.ctrlKey || event.altKey) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (isTextEntry(target) || target.closest('dialog[open]')) return false;
  return !ownKeys(target).includes(event.key);
}
