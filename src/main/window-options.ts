/**
 * The main window's options with every security-relevant setting written out, so a later edit cannot
 * silently fall back to a weaker default. Structurally a BrowserWindowConstructorOptions (checked
 * where index.ts passes it to BrowserWindow); kept free of `electron` so it can be unit-tested.
 */
import type { DesktopFailure } from '../preload/desktop-api'
import { fill, mainText, reasonText, type MainStrings } from './strings'

export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  webviewTag: false
  navigateOnDragDrop: false
  safeDialogs: true
  spellcheck: boolean
  devTools: boolean
}

export interface MainWindowOptions {
  title: string
  width: number
  height: number
  minWidth: number
  minHeight: number
  show: boolean
  backgroundColor: string
  webPreferences: SecureWebPreferences
}

/**
 * `devTools`: development builds only (main passes `!app.isPackaged`); a release build can open no
 * DevTools at all, not just lack the menu item.
 */
export function mainWindowOptions(preloadPath: string, { devTools = false } = {}): MainWindowOptions {
  return {
    title: 'Backprop Studio',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an unstyled flash.
    show: false,
    // The renderer's light background (styles/app.css --bg), so the first paint does not flash dark.
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A CSV dropped on the window must reach the page's drop handler, not replace the page.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools
    }
  }
}

/** The question asked when the page refuses to unload (unsaved changes) and its two answers. */
export interface UnsavedChangesPrompt {
  type: 'question'
  title: string
  message: string
  detail: string
  buttons: [string, string]
  defaultId: number
  cancelId: number
  noLink: true
}

/**
 * Electron does not show the browser's "Leave site?" prompt: a page whose beforeunload handler objects
 * just stays open, silently. Main asks this question on `will-prevent-unload` instead; answer 0 leaves.
 * The safe answer (stay) is the default, so a stray Enter loses nothing.
 */
export function unsavedChangesPrompt(text: MainStrings = mainText('en')): UnsavedChangesPrompt {
  const t = text.unsaved
  return {
    type: 'question',
    title: t.title,
    message: t.message,
    detail: t.detail,
    buttons: [t.leave, t.stay],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  }
}

/** True when the user's answer to unsavedChangesPrompt() means "leave". */
export const leavesWithoutSaving = (response: number): boolean => response === 0

/** The error box for a file the OS asked the app to open and that could not be opened. */
export interface CouldNotOpenBox {
  type: 'error'
  message: string
  detail: string
}

/** `name`: the file's base name; `failure`: why, as main's code and params (worded in `text`'s language). */
export function couldNotOpenBox(
  name: string,
  failure: Pick<DesktopFailure, 'code' | 'params'>,
  text: MainStrings = mainText('en')
): CouldNotOpenBox {
  return {
    type: 'error',
    message: text.couldNotOpen.message,
    detail: fill(text.couldNotOpen.detail, { name, reason: reasonText(failure, text) })
  }
}

/** Help → About. */
export function aboutBox(
  version: string,
  text: MainStrings = mainText('en')
): { type: 'info'; title: string; message: string; detail: string } {
  return {
    type: 'info',
    title: text.about.title,
    message: fill(text.about.message, { version }),
    detail: text.about.detail
  }
}
