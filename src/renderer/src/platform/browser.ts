import { addRecent, clearAutosave, listRecent, readAutosave, writeAutosave } from './storage'
import type { OpenedFile, Platform } from './types'

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

/** Offers `text` as a download named `name`. */
export function downloadText(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke later: Chromium reads the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

async function openProject(): Promise<OpenedFile | null> {
  const file = await pickFile('.json,application/json')
  return file ? { name: file.name, text: await file.text() } : null
}

export function createBrowserPlatform(storage: Storage = window.localStorage): Platform {
  return {
    kind: 'browser',
    openProject,
    openRecent: () => openProject(),
    async saveProject(text, suggestedName) {
      downloadText(text, suggestedName)
      return { name: suggestedName }
    },
    forgetFile: () => {},
    recent: { list: () => listRecent(storage), add: (p) => addRecent(storage, p) },
    autosave: {
      write: (a) => writeAutosave(storage, a),
      read: () => readAutosave(storage),
      clear: () => clearAutosave(storage)
    }
  }
}
