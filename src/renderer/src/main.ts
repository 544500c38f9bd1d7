import { createApp } from 'vue'
import { createPinia } from 'pinia'
import '@vue-flow/core/dist/style.css'
import '@vue-flow/core/dist/theme-default.css'
import '@vue-flow/controls/dist/style.css'
import '@vue-flow/minimap/dist/style.css'
import './styles/app.css'
import App from './App.vue'
import { createAppI18n, initialLocale } from './i18n'
import { usePlatform } from './platform'
import { followLocale } from './platform/locale'

/** localStorage can be refused (privacy settings); the app then starts in the browser's language. */
function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

const i18n = createAppI18n(initialLocale(storage(), navigator.languages))
document.documentElement.lang = i18n.global.locale.value
// The desktop app's menu and dialogs speak the page's language from the start.
followLocale(usePlatform(), i18n.global.locale)
createApp(App).use(createPinia()).use(i18n).mount('#app')
