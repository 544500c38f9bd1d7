/**
 * Keyboard shortcuts of the training controls. Alt+letter, because plain letters belong to text
 * fields and Ctrl+letter mostly to the editor (undo, copy) and the browser.
 */
export type ShortcutAction = 'train' | 'pause' | 'step' | 'stop' | 'reset'

interface Shortcut {
  key: string
  /** For people, e.g. in a tooltip. */
  label: string
  /** For aria-keyshortcuts. */
  aria: string
}

const alt = (key: string): Shortcut => ({
  key,
  label: `Alt+${key.toUpperCase()}`,
  aria: `Alt+${key.toUpperCase()}`
})

export const SHORTCUTS: Record<ShortcutAction, Shortcut> = {
  train: alt('t'),
  pause: alt('p'),
  step: alt('s'),
  stop: alt('x'),
  reset: alt('r')
}

/** The action a key press asks for, or null. Uses `code` so Alt on macOS (which types symbols) works. */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>
): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null
  for (const [action, s] of Object.entries(SHORTCUTS) as [ShortcutAction, Shortcut][]) {
    if (e.code === `Key${s.key.toUpperCase()}`) return action
  }
  return null
}
