/**
 * Electron main: lifecycle glue only. The decisions live in plain, unit-tested modules:
 * window-options (secure window), security (CSP, navigation, permissions), ipc-guard (sender checks),
 * menu-template, dialogs, recent-projects, engine-broker and the engine supervisor (src/engine/hosts/supervisor).
 */
import { randomUUID } from 'node:crypto'
import { realpath as realpathCallback } from 'node:fs'
import { readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  session,
  shell,
  utilityProcess,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type MessagePortMain,
  type UtilityProcess
} from 'electron'
import engineHostPath from '../engine/hosts/utility?modulePath'
import { helloHandshake } from '../engine/hosts/handshake'
import { portFromMainPort } from '../engine/hosts/main-port'
import { createSupervisor, type SupervisedProcess } from '../engine/hosts/supervisor'
import type { MenuAction, OpenedFile } from '../preload/desktop-api'
import { APP_INDEX_URL, APP_SCHEME, appSchemePrivileges, createAppProtocolHandler } from './app-protocol'
import { DesktopError, failureOf, reply } from './desktop-errors'
import { createFileDialogs, type FileDialogs } from './dialogs'
import { createEngineBroker } from './engine-broker'
import { toEngineStatus, wireEngine } from './engine-hub'
import { channels, isRequestId, localeListener, menuChannel } from './ipc-channels'
import { expectedRenderer, guarded, guardedListener } from './ipc-guard'
import { buildMenuTemplate } from './menu-template'
import {
  createOpenQueue,
  deliverOpenRequest,
  openRequestsFromArgv,
  openRequestsFromSecondInstance,
  secondInstanceData,
  type OpenRequest
} from './open-files'
import { createRecentProjects, openRecentProject, type RecentProjects } from './recent-projects'
import {
  contentSecurityPolicy,
  denyPermissionCheck,
  denyPermissionRequest,
  isNavigationAllowed,
  windowOpenDecision,
  withCspHeader
} from './security'
import { defaultMainLocale, mainText, type MainLocale } from './strings'
import {
  aboutBox,
  couldNotOpenBox,
  leavesWithoutSaving,
  mainWindowOptions,
  unsavedChangesPrompt
} from './window-options'

const DOCUMENTATION_URL = 'https://github.com/backprop-studio/backprop-studio#readme'

/**
 * The language of the menu and of main's dialogs: the OS language once `ready` (app.getLocale()),
 * then whatever the renderer says (`locale:set`, on start and on every switch).
 */
let locale: MainLocale = 'en'
const text = () => mainText(locale)

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
/** The built renderer; inside app.asar when packaged. Served as app://bundle/ (app-protocol.ts). */
const rendererRoot = join(__dirname, '../renderer')
const expected = expectedRenderer(devUrl)

// ── one instance: a second launch hands its files to this one and quits ──

const gotLock = app.requestSingleInstanceLock(secondInstanceData(process.argv, process.cwd()))
if (!gotLock) app.quit()

// Must happen before `ready`: the scheme's privileges are fixed when the network service starts.
protocol.registerSchemesAsPrivileged([appSchemePrivileges])

// ── engine: a supervised utility process; renderers get MessagePorts to it through the broker ──

interface EngineProcess extends SupervisedProcess {
  child: UtilityProcess
}

function forkEngine(): EngineProcess {
  const child = utilityProcess.fork(engineHostPath, [], {
    serviceName: 'Backprop Studio engine',
    stdio: 'inherit'
  })
  return {
    child,
    onSpawn: (fn) => void child.once('spawn', fn),
    onExit: (fn) => void child.once('exit', (code) => fn(code)),
    // A connection of main's own, closed after the answer: `ready` means the engine has answered.
    handshake: () => {
      const { port1, port2 } = new MessageChannelMain()
      child.postMessage(null, [port1])
      return helloHandshake(portFromMainPort(port2), { closePort: true })
    },
    kill: () => void child.kill()
  }
}

const broker = createEngineBroker<MessagePortMain>(() => new MessageChannelMain(), channels.enginePort)
const supervisor = createSupervisor({ fork: forkEngine })

// Every window hears each change once: on `restarting` the renderer shows a notice and keeps its
// graph and data; on a `ready` of a generation it is not connected to, it reconnects once.
wireEngine(
  supervisor,
  broker,
  (proc) => proc.child,
  (status) => {
    for (const win of BrowserWindow.getAllWindows())
      if (!win.webContents.isDestroyed()) win.webContents.send(channels.engineStatus, status)
  }
)

// ── recent projects: kept here, fed only by the dialogs below, shown to the renderer by id ──

function createRecent(): RecentProjects {
  const file = join(app.getPath('userData'), 'recent-projects.json')
  const dockOrJumpList = process.platform === 'darwin' || process.platform === 'win32'
  return createRecentProjects({
    file,
    readText: (path) => readFile(path, 'utf8'),
    // Write then rename, so a crash mid-write leaves the old list rather than half a file.
    writeText: async (path, text) => {
      await writeFile(`${path}.tmp`, text, 'utf8')
      await rename(`${path}.tmp`, path)
    },
    homeDir: app.getPath('home'),
    addRecentDocument: dockOrJumpList ? (path) => app.addRecentDocument(path) : undefined,
    onChange: installMenu,
    newId: randomUUID
  })
}

let recent: RecentProjects | undefined
/** Settles once the persisted list is read; the IPC handlers wait for it so a fast renderer sees it. */
let recentLoaded: Promise<void> = Promise.resolve()

// ── IPC: every handler checks its sender first ──

const dialogsByWindow = new WeakMap<BrowserWindow, FileDialogs>()

function dialogsFor(event: IpcMainInvokeEvent): FileDialogs {
  const win = BrowserWindow.fromWebContents(event.sender)
  if (!win) throw new DesktopError('window-gone', {}, 'the window that asked for a dialog is gone')
  return dialogsForWindow(win)
}

function dialogsForWindow(win: BrowserWindow): FileDialogs {
  let dialogs = dialogsByWindow.get(win)
  if (!dialogs) {
    dialogs = createFileDialogs({
      showOpenDialog: (options) => dialog.showOpenDialog(win, options),
      showSaveDialog: (options) => dialog.showSaveDialog(win, options),
      fileSize: async (path) => (await stat(path)).size,
      readText: (path) => readFile(path, 'utf8'),
      writeText: (path, text) => writeFile(path, text, 'utf8'),
      // A dialog path is always absolute, so add() should not refuse it; if it ever does, the open or
      // save itself still succeeded, and an unhandled rejection in main would only add noise.
      text: () => text().dialogs,
      onProjectFile: (path) =>
        void recent?.add(path).catch((err: unknown) => console.warn((err as Error).message))
    })
    dialogsByWindow.set(win, dialogs)
  }
  return dialogs
}

function registerIpc(): void {
  const handle = <A extends unknown[], R>(
    channel: string,
    fn: (event: IpcMainInvokeEvent, ...args: A) => R
  ) =>
    ipcMain.handle(
      channel,
      guarded(channel, expected, fn) as (event: IpcMainInvokeEvent, ...args: unknown[]) => R
    )

  // The dialogs answer a DesktopReply: a refusal as a code and params, never a rejection (Electron
  // would hand the renderer only its English message).
  handle(channels.openCsv, (e) => reply(() => dialogsFor(e).openCsv()))
  handle(channels.openProject, (e) => reply(() => dialogsFor(e).openProject()))
  handle(channels.importWeights, (e) => reply(() => dialogsFor(e).importWeights()))
  handle(channels.saveProject, (e, name: unknown, text: unknown, saveAs: unknown) =>
    reply(() => dialogsFor(e).saveProject(name, text, saveAs))
  )
  handle(channels.saveWeights, (e, name: unknown, text: unknown) =>
    reply(() => dialogsFor(e).saveWeights(name, text))
  )
  handle(channels.newProject, (e) => dialogsFor(e).newProject())
  handle(channels.recentProjects, async () => {
    await recentLoaded
    return recent?.list() ?? []
  })
  handle(channels.openRecent, async (e, id: unknown) => {
    await recentLoaded
    if (!recent) return { ok: false, code: 'unavailable', message: 'The recent projects are not available.' }
    return openRecentProject(recent, id, (path) => dialogsFor(e).openProjectFile(path)).catch(failureOf)
  })

  handle(channels.engineStatusNow, () => toEngineStatus(supervisor.status))

  // `on` listeners: a refused sender or a bad argument is logged, never thrown (it would become
  // main's uncaught-exception dialog).
  ipcMain.on(
    channels.engineConnect,
    guardedListener(channels.engineConnect, expected, (event: IpcMainEvent, requestId: unknown) => {
      const frame = event.senderFrame
      if (!frame || !isRequestId(requestId)) return
      broker.connect(frame, requestId)
    })
  )
  ipcMain.on(
    channels.engineRestart,
    guardedListener(channels.engineRestart, expected, () => supervisor.restart())
  )
  ipcMain.on(
    channels.setLocale,
    guardedListener(
      channels.setLocale,
      expected,
      localeListener((next) => {
        if (next === locale) return
        locale = next
        installMenu()
      })
    )
  )
}

// ── files the OS opens with the app (file associations, command line, a second launch) ──

function mainWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows()[0]
}

async function rememberProject(path: string): Promise<string> {
  await recentLoaded
  if (!recent) throw new DesktopError('recent-unavailable', {}, 'the recent projects are not available')
  await recent.add(path)
  const entry = recent.list().find((e) => recent?.pathOf(e.id) === path)
  if (!entry)
    throw new DesktopError(
      'not-recorded',
      { name: basename(path) },
      'it could not be added to the recent projects'
    )
  return entry.id
}

const openQueue = createOpenQueue((request: OpenRequest) => {
  const win = mainWindow()
  void deliverOpenRequest(request, {
    rememberProject,
    // The renderer's Open Recent path: it asks about unsaved work, then reads the file through main.
    openProject: (id) => win?.webContents.send(channels.menuOpenRecent, id),
    readWeights: (path) => {
      if (!win) throw new DesktopError('window-gone', {}, 'no window is open')
      return dialogsForWindow(win).readWeightsFile(path)
    },
    openWeights: (file: OpenedFile) => win?.webContents.send(channels.openWeights, file),
    report: (message, { name, failure }) => {
      console.warn(message)
      if (win) void dialog.showMessageBox(win, couldNotOpenBox(name, failure, text()))
    }
  })
})

function focusMainWindow(): void {
  const win = mainWindow()
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
  focusMainWindow()
  for (const request of openRequestsFromSecondInstance(argv, workingDirectory, additionalData))
    openQueue.push(request)
})

// macOS: a double-clicked document (also before `ready`, for the launch that opened the app).
app.on('open-file', (event, path) => {
  event.preventDefault()
  for (const request of openRequestsFromArgv([path], '/')) openQueue.push(request)
  focusMainWindow()
})

// ── windows ──

function sendMenuAction(action: MenuAction): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  if (action === 'new' && win) dialogsByWindow.get(win)?.newProject()
  win?.webContents.send(menuChannel(action))
}

function sendOpenRecent(id: string): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  win?.webContents.send(channels.menuOpenRecent, id)
}

/** (Re)builds the application menu; called again whenever the recent list changes. */
function installMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        process.platform,
        {
          send: sendMenuAction,
          showAbout,
          openDocumentation: () => void shell.openExternal(DOCUMENTATION_URL),
          openRecent: sendOpenRecent
        },
        recent?.list() ?? [],
        { developer: !app.isPackaged, text: text().menu }
      )
    )
  )
}

function showAbout(): void {
  const win = BrowserWindow.getFocusedWindow()
  const options = aboutBox(app.getVersion(), text())
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
}

function createWindow(): void {
  const win = new BrowserWindow(
    mainWindowOptions(join(__dirname, '../preload/index.js'), { devTools: !app.isPackaged })
  )
  win.once('ready-to-show', () => win.show())
  // The renderer's beforeunload objects while there are unsaved changes; Electron would then just keep
  // the window open without a word, so ask here.
  win.webContents.on('will-prevent-unload', (event) => {
    if (leavesWithoutSaving(dialog.showMessageBoxSync(win, unsavedChangesPrompt(text()))))
      event.preventDefault()
  })
  // Files to open wait while the page (re)loads: its stores subscribe while it starts.
  win.webContents.on('did-start-loading', () => openQueue.hold())
  win.webContents.on('did-finish-load', () => openQueue.open())
  win.on('closed', () => openQueue.hold())
  void win.loadURL(devUrl ?? APP_INDEX_URL)
}

// Applies to every web contents, including any the app did not create on purpose.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, expected)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(windowOpenDecision)
})

const realpath = promisify(realpathCallback)

function whenReady(): void {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest)
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck)
  const csp = contentSecurityPolicy(devUrl ? new URL(devUrl).origin : undefined)
  // The packaged page: every response of app:// carries the CSP itself.
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ root: rendererRoot, csp, realpath, readFile: (path) => readFile(path) })
  )
  // The dev server's responses get it as a header here.
  if (devUrl)
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) })
    )

  locale = defaultMainLocale(app.getLocale())
  recent = createRecent()
  installMenu()
  // The menu is rebuilt once the list is read (onChange); until then Open Recent is just empty.
  recentLoaded = recent.load()
  registerIpc()
  supervisor.start()
  createWindow()
  // This launch's own files (Windows and Linux pass a double-clicked file as an argument).
  for (const request of openRequestsFromArgv(process.argv, process.cwd())) openQueue.push(request)

  // macOS: clicking the dock icon with no window open makes a new one.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

// The second instance only passes its files on (above) and quits; it opens nothing.
if (gotLock) void app.whenReady().then(whenReady)

// Quit when all windows are closed, except on macOS where apps stay active until Cmd+Q.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => supervisor.stop())
