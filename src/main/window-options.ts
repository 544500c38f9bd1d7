/**
 * The main window's options with every security-relevant setting written out, so a later edit cannot
 * silently fall back to a weaker default. Structurally a BrowserWindowConstructorOptions (checked
 * where index.ts passes it to BrowserWindow); kept free of `electron` so it can be unit-tested.
 */
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

export function mainWindowOptions(preloadPath: string): MainWindowOptions {
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
      spellcheck: false
    }
  }
}
