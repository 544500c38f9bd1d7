import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Whether Alt or Shift is held, read from keyboard and pointer events: holding either while connecting
 * makes the new connection a skip. A plain object, not reactive: it is read at the moment of connecting.
 */
export function useModifierKeys() {
  const state = { skip: false }
  const update = (e: KeyboardEvent | PointerEvent | MouseEvent): void => {
    state.skip = e.altKey || e.shiftKey
  }
  const reset = (): void => {
    state.skip = false
  }
  const events = ['keydown', 'keyup', 'pointerdown', 'pointermove', 'pointerup'] as const
  onMounted(() => {
    for (const name of events) window.addEventListener(name, update, { capture: true })
    window.addEventListener('blur', reset)
  })
  onBeforeUnmount(() => {
    for (const name of events) window.removeEventListener(name, update, { capture: true })
    window.removeEventListener('blur', reset)
  })
  return state
}
