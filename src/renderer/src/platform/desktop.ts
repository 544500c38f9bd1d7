import type {
  DesktopApi,
  DesktopErrorCode,
  DesktopFailure,
  DesktopReply,
  OpenRecentFailure
} from '../../../preload/desktop-api'
import { downloadFile } from './download'
import { clearAutosave, readAutosave, writeAutosave } from './storage'
import { RecentProjectGone, type Platform } from './types'

/**
 * Main refused (a file too large, permission denied, a bad save name): its code and params travel as
 * an engine-style error of the 'desktop' family, so the stores' `engineMessageOf(err)` and the
 * catalogue's `engine.desktop.<code>` word it in the user's language; `message` is main's English.
 */
export class DesktopRefusal extends Error {
  readonly family = 'desktop'
  readonly code: DesktopErrorCode
  readonly params: Record<string, string | number>
  constructor(failure: Pick<DesktopFailure, 'code' | 'params' | 'message'>) {
    super(failure.message)
    this.name = 'DesktopRefusal'
    this.code = failure.code
    this.params = failure.params
  }
}

/** A dialog's value, or its refusal thrown as a DesktopRefusal. */
async function unwrap<T>(answer: Promise<DesktopReply<T>>): Promise<T> {
  const reply = await answer
  if (reply.ok) return reply.value
  throw new DesktopRefusal(reply)
}

/** Main's reasons for a recent project that did not open, as the notices that word them. */
const recentFailureKeys: Record<OpenRecentFailure, string> = {
  'not-recent': 'notices.project.notRecent',
  moved: 'notices.project.recentMoved',
  unavailable: 'notices.project.recentUnavailable'
}

/** The preload's bridge, present only inside the desktop app. */
export const desktopBridge = (): DesktopApi | undefined =>
  typeof window === 'undefined' ? undefined : window.desktop

/**
 * Native dialogs through the preload. Main remembers the project file last opened or saved, so a plain
 * Save writes there without asking and Save As always asks.
 */
export function createDesktopPlatform(bridge: DesktopApi, storage: Storage = window.localStorage): Platform {
  return {
    kind: 'desktop',
    openProject: () => unwrap(bridge.openProject()),
    saveProject: (text, suggestedName, { saveAs }) => unwrap(bridge.saveProject(suggestedName, text, saveAs)),
    forgetFile: () => bridge.newProject(),
    openCsv: () => unwrap(bridge.openCsv()),
    importWeights: () => unwrap(bridge.importWeights()),
    saveWeights: (text, name) => unwrap(bridge.saveWeights(name, text)),
    // Electron turns a download into its save dialog.
    download: downloadFile,
    onMenu: (listener) => bridge.onMenu(listener),
    onOpenWeights: (listener) => bridge.onOpenWeights(listener),
    // Only the two locales main knows; main checks again (the page is not trusted to be right).
    setLocale(locale) {
      if (locale === 'en' || locale === 'zh-CN') bridge.setLocale(locale)
    },
    // Main keeps the list and records files only from its own dialogs; the renderer holds opaque ids.
    recent: {
      list: () => bridge.recentProjects(),
      remember: () => bridge.recentProjects(),
      async open(entry) {
        const result = await bridge.openRecent(entry.id)
        if (!result.ok) {
          // Any other refusal (permission denied, too large): the entry stays, the reason is worded.
          if (result.code && !Object.hasOwn(recentFailureKeys, result.code))
            throw new DesktopRefusal(result as DesktopFailure)
          const key = result.code && recentFailureKeys[result.code as OpenRecentFailure]
          throw new RecentProjectGone(
            result.message,
            key ? { key, params: result.params as Record<string, string> } : undefined
          )
        }
        return result.file
      },
      onPick: (listener) => bridge.onOpenRecent(listener)
    },
    autosave: {
      write: (a) => writeAutosave(storage, a),
      read: () => readAutosave(storage),
      clear: () => clearAutosave(storage)
    }
  }
}
