import { createBrowserPlatform } from './browser'
import { createDesktopPlatform, desktopBridge } from './desktop'
import type { Platform } from './types'

export {
  RecentProjectGone,
  type Autosave,
  type OpenedFile,
  type Platform,
  type RecentProject,
  type SavedFile
} from './types'

let platform: Platform | undefined

/** The desktop implementation when the preload's `window.desktop` exists, the browser one otherwise. */
export function usePlatform(): Platform {
  if (!platform) {
    const bridge = desktopBridge()
    platform = bridge ? createDesktopPlatform(bridge) : createBrowserPlatform()
  }
  return platform
}

/** Tests swap in their own platform. */
export function setPlatform(next: Platform | undefined): void {
  platform = next
}
