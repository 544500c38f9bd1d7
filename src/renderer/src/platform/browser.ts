import {
  clearAutosave,
  forgetRecent,
  listRecent,
  readAutosave,
  readRecentText,
  rememberRecent,
  writeAutosave
} from './storage'
import { downloadFile } from './download'
import { RecentProjectGone, type OpenedFile, type Platform, type RecentProject } from './types'

/** Opens the browser's file picker; resolves null when the user cancels. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => resolve(null), { once: true })
    input.click()
  })
}

async function openProject(): Promise<OpenedFile | null> {
  const file = await pickFile('.json,application/json')
  return file ? { name: file.name, text: await file.text() } : null
}

/** A page cannot reopen a file by name, so a recent project opens from the copy kept in localStorage. */
async function openRecent(storage: Storage, entry: RecentProject): Promise<OpenedFile | null> {
  // Listed without a copy (too large to keep): the user picks the file again.
  if (entry.size === undefined) return openProject()
  const text = readRecentText(storage, entry.id)
  if (text !== null) return { name: entry.name, text }
  forgetRecent(storage, entry.id)
  throw new RecentProjectGone(
    `The copy of ${entry.name} kept by this browser is gone (site data cleared?), so it was removed from the recent projects. Open the file instead.`,
    { key: 'notices.project.recentCopyGone', params: { name: entry.name } }
  )
}

export function createBrowserPlatform(storage: Storage = window.localStorage): Platform {
  return {
    kind: 'browser',
    openProject,
    async saveProject(text, suggestedName) {
      downloadFile(suggestedName, text)
      return { name: suggestedName }
    },
    // The data and predict panels' file inputs open CSVs and weights files in the browser.
    openCsv: async () => null,
    importWeights: async () => null,
    async saveWeights(text, name) {
      downloadFile(name, text)
      return { name, downloaded: true }
    },
    download: downloadFile,
    onMenu: () => () => {},
    onOpenWeights: () => () => {},
    // The page has no menu or native dialogs to word.
    setLocale: () => {},
    forgetFile: () => {},
    recent: {
      list: async () => listRecent(storage),
      remember: async (project) => rememberRecent(storage, project),
      open: (entry) => openRecent(storage, entry)
    },
    autosave: {
      write: (a) => writeAutosave(storage, a),
      read: () => readAutosave(storage),
      clear: () => clearAutosave(storage)
    }
  }
}
