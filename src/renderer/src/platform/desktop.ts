import type { DesktopApi } from '../../../preload/desktop-api'
import { addRecent, clearAutosave, listRecent, readAutosave, writeAutosave } from './storage'
import type { Platform } from './types'

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
    // The bridge never exposes paths, so a recent entry is reopened through the dialog.
    openRecent: () => bridge.openProject(),
    saveProject: (text, suggestedName, { saveAs }) => bridge.saveProject(suggestedName, text, saveAs),
    forgetFile: () => bridge.newProject(),
    recent: { list: () => listRecent(storage), add: (p) => addRecent(storage, p) },
    autosave: {
      write: (a) => writeAutosave(storage, a),
      read: () => readAutosave(storage),
      clear: () => clearAutosave(storage)
    }
  }
}
