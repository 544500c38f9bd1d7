import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { englishText, notice, type Notice } from '@renderer/i18n/engineMessages'

export type ToastKind = 'info' | 'success' | 'warning' | 'error'

export interface Toast {
  id: number
  kind: ToastKind
  /** What to say, worded in the user's language where it is shown (ToastArea). */
  notice: Notice
  /** The same in English, for logs and tests. */
  message: string
}

export type BottomTab = 'problems' | 'data' | 'training' | 'charts'

export interface ConfirmRequest {
  /** The question as notices (the dialog words them in the user's language)… */
  titleNotice: Notice
  messageNotice: Notice
  confirmNotice: Notice
  /** …and in English (logs, tests). */
  title: string
  message: string
  confirmLabel: string
  resolve(ok: boolean): void
}

/** Nodes and edges the explainer or a lesson asks the graph to highlight. */
export interface GraphHighlight {
  nodes: string[]
  edges: string[]
}

/** How long a toast stays; errors stay twice as long because they are read more carefully. */
const TOAST_MS = 5000

/**
 * UI-only state: notifications, the active bottom tab, the confirm dialog, how the canvas draws
 * (snap to grid, the training overlay, the explainer's highlight). Nothing here is saved or sent.
 */
export const useUiStore = defineStore('ui', () => {
  /** Non-blocking messages, newest last. */
  const toasts = ref<Toast[]>([])
  /** Which bottom panel tab is open. */
  const bottomTab = ref<BottomTab>('problems')
  /** The question the confirm dialog is asking, if any. */
  const confirmRequest = ref<ConfirmRequest | null>(null)
  /** Nodes dropped or dragged on the canvas land on the 20 px grid (the background's dots). */
  const snapToGrid = ref(true)
  /** Draw weights on the graph's edges and δ badges on its layers while training. */
  const overlayEnabled = ref(true)
  /** What the graph highlights for the explainer's step or a lesson's focus; null for nothing. */
  const highlight = shallowRef<GraphHighlight | null>(null)

  function setHighlight(h: GraphHighlight | null): void {
    highlight.value = h
  }
  let nextToastId = 1

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  /**
   * Shows a notice without interrupting the user; it disappears by itself. A notice is a catalogue
   * key with params (worded in the user's language when shown); plain text is shown as it is.
   */
  function notify(what: Notice | string, kind: ToastKind = 'info'): number {
    const id = nextToastId++
    const notice: Notice = typeof what === 'string' ? { text: what } : what
    const message = englishText(notice)
    // The same message twice in a row (e.g. a refused connection retried) replaces the old one.
    toasts.value = [...toasts.value.filter((t) => t.message !== message), { id, kind, notice, message }]
    setTimeout(() => dismiss(id), kind === 'error' ? 2 * TOAST_MS : TOAST_MS)
    return id
  }

  /** Asks a yes/no question in the app's own dialog; resolves false when dismissed. */
  function confirm(
    title: Notice | string,
    message: Notice | string,
    confirmLabel: Notice | string = notice('shell.confirm.continue')
  ): Promise<boolean> {
    confirmRequest.value?.resolve(false)
    const asNotice = (n: Notice | string): Notice => (typeof n === 'string' ? { text: n } : n)
    const [titleNotice, messageNotice, confirmNotice] = [title, message, confirmLabel].map(asNotice)
    return new Promise((resolve) => {
      confirmRequest.value = {
        titleNotice,
        messageNotice,
        confirmNotice,
        title: englishText(titleNotice),
        message: englishText(messageNotice),
        confirmLabel: englishText(confirmNotice),
        resolve: (ok) => {
          confirmRequest.value = null
          resolve(ok)
        }
      }
    })
  }

  return {
    toasts,
    bottomTab,
    confirmRequest,
    snapToGrid,
    overlayEnabled,
    highlight,
    setHighlight,
    notify,
    dismiss,
    confirm
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUiStore, import.meta.hot))
