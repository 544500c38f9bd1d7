/**
 * The application menu as a pure template (a MenuItemConstructorOptions[] in shape). Document actions
 * go to the renderer as `menu:<action>` messages through `send`; the rest are Electron roles.
 *
 * Undo/Redo are app actions, not the `undo`/`redo` roles: a role only reaches a focused text field,
 * while the user expects Ctrl+Z to undo the last graph edit. The renderer handles both cases.
 */
import type { MenuAction } from '../preload/desktop-api'

export type MenuRole =
  | 'appMenu'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'

export interface MenuItem {
  label?: string
  role?: MenuRole
  type?: 'separator'
  enabled?: boolean
  accelerator?: string
  submenu?: MenuItem[]
  click?: () => void
}

export interface MenuCallbacks {
  /** Forwards an action to the focused window's renderer. */
  send(action: MenuAction): void
  showAbout(): void
  openDocumentation(): void
  /**
   * File → Open Recent picked the entry with this id. Without it there is no Open Recent submenu
   * (the template stays usable without a recent list).
   */
  openRecent?(id: string): void
}

/** What the Open Recent submenu shows: the same id/name/folder the renderer gets, never a raw path. */
export interface RecentMenuEntry {
  id: string
  name: string
  dir: string
}

/** On Windows and Linux `&` marks a mnemonic; a file called "A&B.bps.json" should show as it is. */
const literal = (text: string): string => text.replace(/&/g, '&&')

function openRecentItem(recent: readonly RecentMenuEntry[], open: (id: string) => void): MenuItem {
  return {
    label: 'Open Recent',
    submenu: recent.length
      ? recent.map((r) => ({ label: literal(`${r.name} — ${r.dir}`), click: () => open(r.id) }))
      : [{ label: 'No Recent Projects', enabled: false }]
  }
}

const separator: MenuItem = { type: 'separator' }

export interface MenuOptions {
  /**
   * Development build (not packaged): View keeps Reload and Toggle Developer Tools. A release build
   * has neither — a reload throws away unsaved work, and DevTools let anyone poke at the page.
   */
  developer?: boolean
}

export function buildMenuTemplate(
  platform: string,
  callbacks: MenuCallbacks,
  recent: readonly RecentMenuEntry[] = [],
  { developer = false }: MenuOptions = {}
): MenuItem[] {
  const action = (label: string, name: MenuAction, accelerator?: string): MenuItem => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => callbacks.send(name)
  })
  const isMac = platform === 'darwin'

  const file: MenuItem = {
    label: 'File',
    submenu: [
      action('New', 'new', 'CmdOrCtrl+N'),
      action('Open Project…', 'open-project', 'CmdOrCtrl+O'),
      ...(callbacks.openRecent ? [openRecentItem(recent, callbacks.openRecent)] : []),
      separator,
      action('Save Project', 'save-project', 'CmdOrCtrl+S'),
      action('Save Project As…', 'save-project-as', 'CmdOrCtrl+Shift+S'),
      separator,
      action('Open CSV…', 'open-csv', 'CmdOrCtrl+Shift+O'),
      separator,
      action('Export Weights…', 'export-weights', 'CmdOrCtrl+E'),
      {
        label: 'Export',
        submenu: [action('ONNX…', 'export-onnx'), action('PyTorch Project…', 'export-pytorch')]
      },
      action('Import Weights…', 'import-weights', 'CmdOrCtrl+Shift+E'),
      // On macOS Quit lives in the app menu.
      ...(isMac ? [] : [separator, { label: 'Quit', role: 'quit' } as MenuItem])
    ]
  }

  const edit: MenuItem = {
    label: 'Edit',
    submenu: [
      action('Undo', 'undo', 'CmdOrCtrl+Z'),
      action('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      separator,
      { label: 'Cut', role: 'cut' },
      { label: 'Copy', role: 'copy' },
      { label: 'Paste', role: 'paste' },
      { label: 'Select All', role: 'selectAll' }
    ]
  }

  const view: MenuItem = {
    label: 'View',
    submenu: [
      ...(developer
        ? ([
            { label: 'Reload', role: 'reload' },
            { label: 'Toggle Developer Tools', role: 'toggleDevTools' },
            separator
          ] as MenuItem[])
        : []),
      { label: 'Actual Size', role: 'resetZoom' },
      { label: 'Zoom In', role: 'zoomIn' },
      { label: 'Zoom Out', role: 'zoomOut' },
      separator,
      action('Fit Graph to Window', 'fit-view', 'CmdOrCtrl+Shift+F'),
      { label: 'Toggle Full Screen', role: 'togglefullscreen' }
    ]
  }

  const help: MenuItem = {
    label: 'Help',
    submenu: [
      { label: 'About Backprop Studio', click: callbacks.showAbout },
      { label: 'Documentation', click: callbacks.openDocumentation }
    ]
  }

  return [...(isMac ? [{ role: 'appMenu' } as MenuItem] : []), file, edit, view, help]
}
