/**
 * The preload: sandboxed, CommonJS, no npm imports. It exposes a few named functions as
 * `window.desktop` (types in ./index.d.ts) — never ipcRenderer itself — and forwards the engine's
 * MessagePort to the page with window.postMessage, since a port cannot cross contextBridge.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { channels, menuActions, menuChannel } from '../main/ipc-channels'
import type {
  DesktopApi,
  DesktopReply,
  EnginePortEnvelope,
  EngineStatus,
  MenuAction,
  OpenedFile,
  OpenRecentResult,
  RecentProjectEntry,
  SavedFile
} from './desktop-api'

// Only the two fields the page needs are copied from main's message; the port rides in `ports`.
ipcRenderer.on(channels.enginePort, (event, message: unknown) => {
  const m = (message ?? {}) as { requestId?: unknown; generation?: unknown }
  if (typeof m.requestId !== 'string' || typeof m.generation !== 'number') return
  const envelope: EnginePortEnvelope = {
    type: 'engine:port',
    requestId: m.requestId,
    generation: m.generation
  }
  window.postMessage(envelope, '*', event.ports)
})

function listen(
  channel: string,
  listener: (event: IpcRendererEvent, ...args: unknown[]) => void
): () => void {
  ipcRenderer.on(channel, listener)
  return () => void ipcRenderer.removeListener(channel, listener)
}

const desktop: DesktopApi = {
  platform: process.platform,
  connectEngine: (requestId) => ipcRenderer.send(channels.engineConnect, requestId),
  engineStatus: () => ipcRenderer.invoke(channels.engineStatusNow) as Promise<EngineStatus>,
  restartEngine: () => ipcRenderer.send(channels.engineRestart),
  onOpenWeights(listener: (file: OpenedFile) => void) {
    return listen(channels.openWeights, (_event, file) => {
      const f = file as Partial<OpenedFile> | null
      if (typeof f?.name === 'string' && typeof f.text === 'string') listener({ name: f.name, text: f.text })
    })
  },
  openCsv: () => ipcRenderer.invoke(channels.openCsv) as Promise<DesktopReply<OpenedFile | null>>,
  openProject: () => ipcRenderer.invoke(channels.openProject) as Promise<DesktopReply<OpenedFile | null>>,
  importWeights: () => ipcRenderer.invoke(channels.importWeights) as Promise<DesktopReply<OpenedFile | null>>,
  saveProject: (name, text, saveAs = false) =>
    ipcRenderer.invoke(channels.saveProject, name, text, saveAs) as Promise<DesktopReply<SavedFile | null>>,
  newProject: () => void ipcRenderer.invoke(channels.newProject),
  saveWeights: (name, text) =>
    ipcRenderer.invoke(channels.saveWeights, name, text) as Promise<DesktopReply<SavedFile | null>>,
  recentProjects: () => ipcRenderer.invoke(channels.recentProjects) as Promise<RecentProjectEntry[]>,
  openRecent: (id) => ipcRenderer.invoke(channels.openRecent, id) as Promise<OpenRecentResult>,
  onOpenRecent(listener: (id: string) => void) {
    return listen(channels.menuOpenRecent, (_event, id) => {
      if (typeof id === 'string') listener(id)
    })
  },
  onMenu(listener: (action: MenuAction) => void) {
    // The IPC event object stays here: the page gets only the action name.
    const offs = menuActions.map((action) => listen(menuChannel(action), () => listener(action)))
    return () => offs.forEach((off) => off())
  },
  setLocale: (locale) => ipcRenderer.send(channels.setLocale, locale),
  onEngineStatus(listener: (status: EngineStatus) => void) {
    return listen(channels.engineStatus, (_event, status) => listener(status as EngineStatus))
  }
}

contextBridge.exposeInMainWorld('desktop', desktop)
