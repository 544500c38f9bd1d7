import { useDataStore } from '@renderer/stores/data'

/**
 * Opens a CSV through the desktop app's native dialog (File → Open CSV… and the panel's button).
 * The browser preview uses the panel's file input instead, which a person (or a test) can drive.
 */
export async function openCsv(): Promise<boolean> {
  const picked = await window.desktop?.openCsv()
  if (!picked) return false
  return useDataStore().loadText(picked.name, picked.text)
}
