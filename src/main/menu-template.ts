/**
 * The application menu as a pure template (a MenuItemConstructorOptions[] in shape). Document actions
 * go to the renderer as `menu:<action>` messages through `send`; the rest are Electron roles.
 *
 * Undo/Redo are app actions, not the `undo`/`redo` roles: a role only reaches a focused text field,
 * while the user expects Ctrl+Z to undo the last graph edit. The renderer handles both cases.
 */
import type { MenuAction } from '../preload/desktop-api'
import { mainText, type MainStrings } from './strings'

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

function openRecentItem(
  recent: readonly RecentMenuEntry[],
  open: (id: string) => void,
  text: MainStrings['menu']
): MenuItem {
  return {
    label: text.openRecent,
    submenu: recent.length
      ? recent.map((r) => ({ label: literal(`${r.name} — ${r.dir}`), click: () => open(r.id) }))
      : [{ label: text.noRecent, enabled: false }]
  }
}

const separator: MenuItem = { type: 'separator' }

export interface MenuOptions {
  /**
   * Development build (not packaged): View keeps Reload and Toggle Developer Tools. A release build
   * has neither — a reload throws away unsaved work, and DevTools let anyone poke at the page.
   */
  developer?: boolean
  /** The labels, in the renderer's language (strings.ts); English by default. */
  text?: MainStrings['menu']
}

export function buildMenuTemplate(
  platform: string,
  callbacks: MenuCallbacks,
  recent: readonly RecentMenuEntry[] = [],
  { developer = false, text = mainText('en').menu }: MenuOptions = {}
): MenuItem[] {
  const action = (label: string, name: MenuAction, accelerator?: string): MenuItem => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => callbacks.send(name)
  })
  const isMac = platform === 'darwin'

  const file: MenuItem = {
    label: text.file,
    submenu: [
      action(text.new, 'new', 'CmdOrCtrl+N'),
      action(text.openProject, 'open-project', 'CmdOrCtrl+O'),
      ...(callbacks.openRecent ? [openRecentItem(recent, callbacks.openRecent, text)] : []),
      separator,
      action(text.saveProject, 'save-project', 'CmdOrCtrl+S'),
      action(text.saveProjectAs, 'save-project-as', 'CmdOrCtrl+Shift+S'),
      separator,
      action(text.openCsv, 'open-csv', 'CmdOrCtrl+Shift+O'),
      separator,
      action(text.exportWeights, 'export-weights', 'CmdOrCtrl+E'),
      {
        label: text.export,
        submenu: [action(text.exportOnnx, 'export-onnx'), action(text.exportPytorch, 'export-pytorch')]
      },
      action(text.importWeights, 'import-weights', 'CmdOrCtrl+Shift+E'),
      // On macOS Quit lives in the app menu.
      ...(isMac ? [] : [separator, { label: text.quit, role: 'quit' } as MenuItem])
    ]
  }

  const edit: MenuItem = {
    label: text.edit,
    submenu: [
      action(text.undo, 'undo', 'CmdOrCtrl+Z'),
      action(text.redo, 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      separator,
      { label: text.cut, role: 'cut' },
      { label: text.copy, role: 'copy' },
      { label: text.paste, role: 'paste' },
      { label: text.selectAll, role: 'selectAll' }
    ]
  }

  const view: MenuItem = {
    label: text.view,
    submenu: [
      ...(developer
        ? ([
            { label: text.reload, role: 'reload' },
            { label: text.toggleDevTools, role: 'toggleDevTools' },
            separator
          ] as MenuItem[])
        : []),
      { label: text.resetZoom, role: 'resetZoom' },
      { label: text.zoomIn, role: 'zoomIn' },
      { label: text.zoomOut, role: 'zoomOut' },
      separator,
      action(text.fitView, 'fit-view', 'CmdOrCtrl+Shift+F'),
      { label: text.togglefullscreen, role: 'togglefullscreen' }
    ]
  }

  const help: MenuItem = {
    label: text.help,
    submenu: [
      { label: text.about, click: callbacks.showAbout },
      { label: text.documentation, click: callbacks.openDocumentation }
    ]
  }

  return [...(isMac ? [{ role: 'appMenu' } as MenuItem] : []), file, edit, view, help]
}
