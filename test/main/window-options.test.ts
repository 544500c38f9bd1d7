import { describe, expect, it } from 'vitest'
import { leavesWithoutSaving, mainWindowOptions, unsavedChangesPrompt } from '../../src/main/window-options'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.js')
  const web = options.webPreferences

  it('isolates the page from Node and Electron', () => {
    expect(web.contextIsolation).toBe(true)
    expect(web.sandbox).toBe(true)
    expect(web.nodeIntegration).toBe(false)
    expect(web.nodeIntegrationInWorker).toBe(false)
    expect(web.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and experimental surfaces off', () => {
    expect(web.webSecurity).toBe(true)
    expect(web.allowRunningInsecureContent).toBe(false)
    expect(web.experimentalFeatures).toBe(false)
    expect(web.webviewTag).toBe(false)
    expect(web).not.toHaveProperty('enableBlinkFeatures')
  })

  it('does not navigate to a dropped file', () => {
    expect(web.navigateOnDragDrop).toBe(false)
  })

  it('loads the given preload and shows the window only when ready', () => {
    expect(web.preload).toBe('/app/out/preload/index.js')
    expect(options.show).toBe(false)
    expect(options.minWidth).toBeLessThanOrEqual(options.width)
  })

  it('has no DevTools unless asked for (development builds)', () => {
    expect(web.devTools).toBe(false)
    expect(mainWindowOptions('/p.js', { devTools: true }).webPreferences.devTools).toBe(true)
  })
})

describe('unsavedChangesPrompt', () => {
  it('asks before closing with unsaved changes, with "keep editing" as the safe default', () => {
    const prompt = unsavedChangesPrompt()
    expect(prompt.buttons[prompt.defaultId]).toBe('Keep editing')
    expect(prompt.cancelId).toBe(prompt.defaultId)
    expect(leavesWithoutSaving(prompt.buttons.indexOf('Close without saving'))).toBe(true)
    expect(leavesWithoutSaving(prompt.defaultId)).toBe(false)
  })
})
