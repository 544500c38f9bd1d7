/** IPC channel names shared by main and the preload: one list, so the two cannot drift apart. */
import type { MenuAction } from '../preload/desktop-api'
import { isMainLocale, type MainLocale } from './strings'

export const channels = {
  /** renderer → main (send, with a request id): give me an engine MessagePort. */
  engineConnect: 'engine:connect',
  /** main → renderer: the port (in `event.ports`) with an EnginePortMessage (request id, generation). */
  enginePort: 'engine:port',
  /** main → renderer: an EngineStatus, once per change. */
  engineStatus: 'engine:status',
  /** renderer → main (invoke): the EngineStatus now (a page that loads after the engine started). */
  engineStatusNow: 'engine:status-now',
  /** renderer → main (send): the user's Restart engine. */
  engineRestart: 'engine:restart',
  /** main → renderer: a weights file the OS asked the app to open (OpenedFile). */
  openWeights: 'file:open-weights',
  openCsv: 'dialog:open-csv',
  openProject: 'dialog:open-project',
  importWeights: 'dialog:import-weights',
  saveProject: 'dialog:save-project',
  saveWeights: 'dialog:save-weights',
  newProject: 'project:new',
  /** renderer → main: RecentProjectEntry[] (ids, names, folders; never paths). */
  recentProjects: 'project:recent',
  /** renderer → main: open the recent project with this id; answers an OpenRecentResult. */
  openRecent: 'project:open-recent',
  /** main → renderer: File → Open Recent picked this id; the renderer asks about unsaved work, then opens it. */
  menuOpenRecent: 'menu:open-recent',
  /** renderer → main (send): the user's language ('en' | 'zh-CN'), on start and on every switch. */
  setLocale: 'locale:set'
} as const

export const menuActions: readonly MenuAction[] = [
  'new',
  'open-project',
  'save-project',
  'save-project-as',
  'open-csv',
  'export-weights',
  'export-onnx',
  'export-pytorch',
  'import-weights',
  'undo',
  'redo',
  'fit-view'
]

export function menuChannel(action: MenuAction): `menu:${MenuAction}` {
  return `menu:${action}`
}

/** A renderer's engine-connect request id: short, plain text (it is echoed back with the port). */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value)
}

/**
 * The `locale:set` listener's body: applies a known locale, logs and ignores anything else (an `on`
 * listener has no one to answer, and a bad value must not change the menu).
 */
export function localeListener<E>(
  apply: (locale: MainLocale) => void,
  log: (message: string) => void = console.warn
): (event: E, locale: unknown) => void {
  return (_event, locale) => {
    if (isMainLocale(locale)) apply(locale)
    else
      log(
        `${channels.setLocale}: ignored ${JSON.stringify(locale) ?? String(locale)}; expected "en" or "zh-CN"`
      )
  }
}
