import { onBeforeUnmount, onMounted } from 'vue'
import type { Commands } from './useCommands'

/** True when typing goes to a form field, where Delete or Ctrl+A must keep their text meaning. */
export const isEditingText = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

/**
 * The editor's keyboard shortcuts (Ctrl or ⌘):
 * Z undo · Shift+Z / Y redo · C copy · X cut · V paste · D duplicate · A select all · S save ·
 * Shift+S save as · O open · Delete/Backspace delete · F fit view · L auto-arrange · + / − zoom.
 */
export function useShortcuts(commands: Commands) {
  function onKeyDown(e: KeyboardEvent): void {
    const mod = e.ctrlKey || e.metaKey
    const key = e.key.toLowerCase()
    const inField = isEditingText(e.target)
    let run: (() => unknown) | undefined
    if (mod && key === 's') run = e.shiftKey ? commands.saveAs : commands.save
    else if (mod && key === 'o') run = commands.open
    else if (!inField && mod) {
      if (key === 'z') run = e.shiftKey ? commands.redo : commands.undo
      else if (key === 'y') run = commands.redo
      else if (key === 'c') run = commands.copy
      else if (key === 'x') run = commands.cut
      else if (key === 'v') run = commands.paste
      else if (key === 'd') run = commands.duplicate
      else if (key === 'a') run = commands.selectAll
    } else if (!inField && !e.altKey) {
      if (key === 'delete' || key === 'backspace') run = commands.remove
      else if (key === 'f') run = commands.fitView
      else if (key === 'l') run = commands.autoArrange
      else if (key === '+' || key === '=') run = commands.zoomIn
      else if (key === '-') run = commands.zoomOut
    }
    if (!run) return
    e.preventDefault()
    void run()
  }
  /**
   * The desktop Edit menu's Cut/Copy/Paste are Electron roles, which fire the page's clipboard events.
   * Outside a text field they mean the graph's selection. (The keyboard shortcuts above prevent the
   * keydown's default, so these events do not fire for them and nothing happens twice.)
   */
  function onClipboard(e: ClipboardEvent): void {
    if (isEditingText(e.target) || isEditingText(document.activeElement)) return
    const run = e.type === 'copy' ? commands.copy : e.type === 'cut' ? commands.cut : commands.paste
    if (run()) e.preventDefault()
  }
  const clipboardEvents = ['copy', 'cut', 'paste'] as const
  onMounted(() => {
    window.addEventListener('keydown', onKeyDown)
    for (const name of clipboardEvents) document.addEventListener(name, onClipboard)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeyDown)
    for (const name of clipboardEvents) document.removeEventListener(name, onClipboard)
  })
}
