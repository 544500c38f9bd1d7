import type { DesktopApi, OpenRecentFailure } from '../../../preload/desktop-api'
import { downloadFile } from './download'
import { clearAutosave, readAutosave, writeAutosave } from './storage'
import { RecentProjectGone, type Platform } from './types'

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
    openProject: () => bridge.openProject(),
    saveProject: (text, suggestedName, { saveAs }) => bridge.saveProject(suggestedName, text, saveAs),
    forgetFile: () => bridge.newProject(),
    openCsv: () => bridge.openCsv(),
    importWeights: () => bridge.importWeights(),
    saveWeights: (text, name) => bridge.saveWeights(name, text),
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
          const key = result.code && recentFailureKeys[result.code]
          throw new RecentProjectGone(result.message, key ? { key, params: result.params } : undefined)
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
