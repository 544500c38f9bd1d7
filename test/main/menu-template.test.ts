import { describe, expect, it } from 'vitest'
import { buildMenuTemplate, type MenuItem } from '../../src/main/menu-template'
import { menuActions, menuChannel } from '../../src/main/ipc-channels'
import type { MenuAction } from '../../src/preload/desktop-api'

function setup(platform: string, developer = true) {
  const sent: MenuAction[] = []
  const calls: string[] = []
  const template = buildMenuTemplate(
    platform,
    {
      send: (a) => sent.push(a),
      showAbout: () => calls.push('about'),
      openDocumentation: () => calls.push('docs')
    },
    [],
    { developer }
  )
  const menu = (label: string) => template.find((m) => m.label === label)!.submenu!
  const item = (menuLabel: string, label: string): MenuItem => {
    const found = menu(menuLabel).find((i) => i.label === label)
    if (!found) throw new Error(`no "${label}" in ${menuLabel}`)
    return found
  }
  return { template, menu, item, sent, calls }
}

const labels = (items: MenuItem[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label)

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help with the usual entries', () => {
    const { template, menu } = setup('linux')
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    expect(labels(menu('File'))).toEqual([
      'New',
      'Open Project…',
      'Save Project',
      'Save Project As…',
      'Open CSV…',
      'Export Weights…',
      'Export',
      'Import Weights…',
      'Quit'
    ])
    expect(labels(menu('Edit'))).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All'])
    expect(labels(menu('View'))).toEqual([
      'Reload',
      'Toggle Developer Tools',
      'Actual Size',
      'Zoom In',
      'Zoom Out',
      'Fit Graph to Window',
      'Toggle Full Screen'
    ])
    expect(labels(menu('Help'))).toEqual(['About Backprop Studio', 'Documentation'])
  })

  it('sends document actions to the renderer', () => {
    const { item, sent } = setup('linux')
    item('File', 'New').click!()
    item('File', 'Open Project…').click!()
    item('File', 'Save Project').click!()
    item('File', 'Save Project As…').click!()
    item('File', 'Open CSV…').click!()
    item('File', 'Export Weights…').click!()
    const exportMenu = item('File', 'Export').submenu!
    expect(labels(exportMenu)).toEqual(['ONNX…', 'PyTorch Project…'])
    exportMenu.forEach((i) => i.click!())
    item('File', 'Import Weights…').click!()
    item('Edit', 'Undo').click!()
    item('Edit', 'Redo').click!()
    item('View', 'Fit Graph to Window').click!()
    expect(sent).toEqual([
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
    ])
    // Every action the menu sends has a channel the preload listens on.
    expect([...sent].sort()).toEqual([...menuActions].sort())
    expect(menuChannel('open-csv')).toBe('menu:open-csv')
  })

  it('has no Reload or Toggle Developer Tools in a release build (and by default)', () => {
    const { menu } = setup('linux', false)
    expect(labels(menu('View'))).toEqual([
      'Actual Size',
      'Zoom In',
      'Zoom Out',
      'Fit Graph to Window',
      'Toggle Full Screen'
    ])
    const byDefault = buildMenuTemplate('darwin', {
      send: () => {},
      showAbout: () => {},
      openDocumentation: () => {}
    })
    const roles = JSON.stringify(byDefault)
    expect(roles).not.toContain('toggleDevTools')
    expect(roles).not.toContain('"reload"')
  })

  it('leaves clipboard, reload, devtools and zoom to Electron roles', () => {
    const { item } = setup('linux')
    expect(item('Edit', 'Copy').role).toBe('copy')
    expect(item('Edit', 'Select All').role).toBe('selectAll')
    expect(item('View', 'Reload').role).toBe('reload')
    expect(item('View', 'Toggle Developer Tools').role).toBe('toggleDevTools')
    expect(item('View', 'Zoom In').role).toBe('zoomIn')
    expect(item('File', 'Quit').role).toBe('quit')
  })

  it('gives the common actions their standard shortcuts, each used once', () => {
    const { template, item } = setup('linux')
    expect(item('File', 'Save Project').accelerator).toBe('CmdOrCtrl+S')
    expect(item('Edit', 'Undo').accelerator).toBe('CmdOrCtrl+Z')
    const accelerators = template
      .flatMap((m) => m.submenu ?? [])
      .flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('calls the Help callbacks', () => {
    const { item, calls } = setup('linux')
    item('Help', 'About Backprop Studio').click!()
    item('Help', 'Documentation').click!()
    expect(calls).toEqual(['about', 'docs'])
  })

  it('follows macOS conventions: an app menu, Quit there, Cmd+Shift+Z for Redo', () => {
    const { template, menu, item } = setup('darwin')
    expect(template[0]).toEqual({ role: 'appMenu' })
    expect(labels(menu('File'))).not.toContain('Quit')
    expect(item('Edit', 'Redo').accelerator).toBe('Cmd+Shift+Z')
  })
})
