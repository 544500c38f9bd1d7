import { onBeforeUnmount, onMounted } from 'vue'
import type { Commands } from './useCommands'

/** True when typing goes to a form field, where Delete or Ctrl+A must keep their text meaning. */
const isEditingText = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

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
  onMounted(() => window.addEventListener('keydown', onKeyDown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeyDown))
}
