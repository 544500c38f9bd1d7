import { watch, type Ref, type WatchStopHandle } from 'vue'
import type { Platform } from './types'

/**
 * Tells the platform the user's language now and on every switch (the desktop app's menu and native
 * dialogs follow it). `locale` is the global composer's locale: `i18n.global.locale`.
 */
export function followLocale(platform: Pick<Platform, 'setLocale'>, locale: Ref<string>): WatchStopHandle {
  return watch(locale, (next) => platform.setLocale?.(next), { immediate: true, flush: 'sync' })
}
