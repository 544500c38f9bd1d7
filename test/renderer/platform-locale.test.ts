import { afterEach, describe, expect, it } from 'vitest'
import type { DesktopApi, OpenRecentResult } from '../../src/preload/desktop-api'
import { createAppI18n, setLocale } from '@renderer/i18n'
import { noticeText } from '@renderer/i18n/engineMessages'
import { RecentProjectGone, setPlatform, usePlatform } from '@renderer/platform'
import { createBrowserPlatform } from '@renderer/platform/browser'
import { createDesktopPlatform } from '@renderer/platform/desktop'
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

describe('a recent project that did not open is worded in the renderer', () => {
  function bridgeAnswering(result: OpenRecentResult): DesktopApi {
    return { platform: 'linux', openRecent: async () => result } as unknown as DesktopApi
  }
  const entry = { id: 'id-1', name: 'gone.bps.json', at: 0 }

  async function gone(result: OpenRecentResult): Promise<RecentProjectGone> {
    const platform = createDesktopPlatform(bridgeAnswering(result), window.localStorage)
    const err = await platform.recent.open(entry).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RecentProjectGone)
    return err as RecentProjectGone
  }

  it("words main's code and params in either language", async () => {
    const err = await gone({
      ok: false,
      code: 'moved',
      params: { name: 'gone.bps.json', dir: '~/nets' },
      message: 'gone.bps.json is no longer in ~/nets (moved, renamed or deleted), so …'
    })
    expect(err.notice).toEqual({
      key: 'notices.project.recentMoved',
      params: { name: 'gone.bps.json', dir: '~/nets' }
    })
    const i18n = createAppI18n('zh-CN')
    expect(noticeText(i18n.global, err.notice!)).toBe(
      'gone.bps.json 已不在 ~/nets 中（被移动、重命名或删除），因此已从最近的项目中移除。'
    )
    setLocale(i18n.global, 'en')
    expect(noticeText(i18n.global, err.notice!)).toBe(
      'gone.bps.json is no longer in ~/nets (moved, renamed or deleted), so it was removed from the recent projects.'
    )
    const zh = createAppI18n('zh-CN').global
    expect(noticeText(zh, (await gone({ ok: false, code: 'not-recent', message: 'x' })).notice!)).toBe(
      '这个项目已不在最近列表中。'
    )
    expect(noticeText(zh, (await gone({ ok: false, code: 'unavailable', message: 'x' })).notice!)).toBe(
      '最近的项目列表不可用。'
    )
  })

  it('an answer without a code keeps the English sentence (an older main)', async () => {
    const err = await gone({ ok: false, message: 'gone.bps.json is no longer in ~/nets.' })
    expect(err.notice).toBeUndefined()
    expect(err.message).toBe('gone.bps.json is no longer in ~/nets.')
  })
})
