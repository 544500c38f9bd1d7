import type { DesktopApi } from './desktop-api'

export type {
  DesktopApi,
  EnginePortEnvelope,
  EngineState,
  EngineStatus,
  MenuAction,
  OpenedFile,
  OpenRecentResult,
  RecentProjectEntry,
  SavedFile
} from './desktop-api'

declare global {
  interface Window {
    /** Present in the desktop app only; the browser preview has no `desktop`. */
    desktop?: DesktopApi
  }
}
