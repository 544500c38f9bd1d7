import { afterEach, describe, expect, it } from 'vitest'
import type { DesktopApi } from '../../src/preload/desktop-api'
import { createAppI18n, setLocale } from '@renderer/i18n'
import { setPlatform, usePlatform } from '@renderer/platform'
import { createBrowserPlatform } from '@renderer/platform/browser'
import { followLocale } from '@renderer/platform/locale'

/** The preload's bridge at the boundary: only setLocale is used here, the rest must not be called. */
function fakeBridge(sent: string[]): DesktopApi {
  return new Proxy({ platform: 'linux', setLocale: (l: string) => void sent.push(l) } as object, {
    get(target, key) {
      if (key in target) return (target as Record<string | symbol, unknown>)[key]
      throw new Error(`the test's bridge has no ${String(key)}`)
    }
  }) as DesktopApi
}

afterEach(() => {
  setPlatform(undefined)
  delete (window as { desktop?: DesktopApi }).desktop
})

describe('the desktop platform tells main the language', () => {
  it('forwards the locale when the app starts and on every switch', () => {
    const sent: string[] = []
    ;(window as { desktop?: DesktopApi }).desktop = fakeBridge(sent)
    setPlatform(undefined)
    const platform = usePlatform()
    expect(platform.kind).toBe('desktop')

    const i18n = createAppI18n('en')
    const stop = followLocale(platform, i18n.global.locale)
    expect(sent).toEqual(['en'])
    setLocale(i18n.global, 'zh-CN')
    expect(sent).toEqual(['en', 'zh-CN'])
    setLocale(i18n.global, 'en')
    expect(sent).toEqual(['en', 'zh-CN', 'en'])

    stop()
    setLocale(i18n.global, 'zh-CN')
    expect(sent).toEqual(['en', 'zh-CN', 'en'])
  })

  it('sends only the two locales main knows', () => {
    const sent: string[] = []
    ;(window as { desktop?: DesktopApi }).desktop = fakeBridge(sent)
    const platform = usePlatform()
    platform.setLocale?.('fr')
    platform.setLocale?.('zh-CN')
    expect(sent).toEqual(['zh-CN'])
  })

  it('the browser platform has nothing to tell and does not fail', () => {
    const platform = createBrowserPlatform(window.localStorage)
    const i18n = createAppI18n('en')
    expect(() => followLocale(platform, i18n.global.locale)).not.toThrow()
    expect(() => setLocale(i18n.global, 'zh-CN')).not.toThrow()
  })
})
