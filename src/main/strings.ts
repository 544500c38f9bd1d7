/**
 * Main's own words: the application menu, native dialogs and file-type filter names, in English and
 * 简体中文. Plain objects (no vue-i18n in main); the renderer tells main its locale (`locale:set`) and
 * main rebuilds the menu and words later dialogs with it. Role items (cut/copy/paste/quit, zoom, …) get a
 * label in both languages too, so a menu is never half in the OS's language.
 */

import type { DesktopErrorCode, DesktopFailure } from '../preload/desktop-api'
import type { FsVariant } from './desktop-errors'

export const MAIN_LOCALES = ['en', 'zh-CN'] as const
export type MainLocale = (typeof MAIN_LOCALES)[number]

export const isMainLocale = (value: unknown): value is MainLocale =>
  MAIN_LOCALES.includes(value as MainLocale)

/** Before the renderer says anything: the OS language (`app.getLocale()`), zh* → 简体中文, else English. */
export function defaultMainLocale(osLocale: string): MainLocale {
  return /^zh/i.test(osLocale) ? 'zh-CN' : 'en'
}

const en = {
  menu: {
    file: 'File',
    new: 'New',
    openProject: 'Open Project…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Projects',
    saveProject: 'Save Project',
    saveProjectAs: 'Save Project As…',
    openCsv: 'Open CSV…',
    exportWeights: 'Export Weights…',
    export: 'Export',
    exportOnnx: 'ONNX…',
    exportPytorch: 'PyTorch Project…',
    importWeights: 'Import Weights…',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    view: 'View',
    fitView: 'Fit Graph to Window',
    help: 'Help',
    about: 'About Backprop Studio',
    documentation: 'Documentation',
    // Role items: Electron would word these itself, but then a 简体中文 menu would mix languages.
    quit: 'Quit',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen'
  },
  dialogs: {
    openCsv: 'Open CSV data',
    openProject: 'Open project',
    importWeights: 'Import weights',
    saveProject: 'Save project',
    exportWeights: 'Export weights',
    csvFilter: 'CSV data',
    allFilesFilter: 'All files',
    projectFilter: 'Backprop Studio project',
    weightsFilter: 'Backprop Studio weights'
  },
  unsaved: {
    title: 'Unsaved changes',
    message: 'The project has changes that are not saved.',
    detail: 'Close anyway and lose them? (A recovery copy is kept until you discard it.)',
    leave: 'Close without saving',
    stay: 'Keep editing'
  },
  couldNotOpen: {
    message: 'Could not open the file',
    /** {name}: the file's base name; {reason}: what went wrong (one of `reasons`, worded). */
    detail: 'Could not open {name}: {reason}'
  },
  /**
   * Main's refusals (desktop-errors.ts) for its own boxes, by code, or by `params.variant` for the
   * file system's common ones; the renderer has the same as `engine.desktop.*`.
   */
  reasons: {
    'file-too-large': 'it is {sizeMb} MB; files up to {maxMb} MB can be opened',
    'read-failed': 'the file could not be read (the system said {errno})',
    'write-failed': 'the file could not be written (the system said {errno})',
    'not-found': 'the file is not there (moved, renamed or deleted)',
    'permission-denied': 'permission denied',
    'is-directory': 'it is a folder, not a file',
    'disk-full': 'the disk is full',
    'read-only': 'the disk is read-only',
    'name-empty': 'the file name is empty',
    'name-too-long': 'the file name is longer than {max} characters',
    'name-has-folders': 'the file name “{name}” contains folders',
    'text-not-string': 'there is no text to save',
    'text-too-large': 'the text is longer than {max} characters',
    'window-gone': 'the window that asked for it is closed',
    'recent-unavailable': 'the recent projects are not available',
    'not-recorded': '{name} could not be added to the recent projects',
    unexpected: '{message}'
  } satisfies Record<DesktopErrorCode | FsVariant, string>,
  about: {
    title: 'About Backprop Studio',
    /** {version}: app.getVersion(). */
    message: 'Backprop Studio {version}',
    detail:
      'Build neural networks visually, train them on your own CSV data, and watch backpropagation happen.'
  }
}

export type MainStrings = typeof en

const zhCN: MainStrings = {
  menu: {
    file: '文件',
    new: '新建',
    openProject: '打开项目…',
    openRecent: '打开最近的项目',
    noRecent: '没有最近的项目',
    saveProject: '保存项目',
    saveProjectAs: '项目另存为…',
    openCsv: '打开 CSV…',
    exportWeights: '导出权重…',
    export: '导出',
    exportOnnx: 'ONNX…',
    exportPytorch: 'PyTorch 项目…',
    importWeights: '导入权重…',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    view: '视图',
    fitView: '使网络图适合窗口',
    help: '帮助',
    about: '关于 Backprop Studio',
    documentation: '文档',
    quit: '退出',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    toggleDevTools: '切换开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '切换全屏'
  },
  dialogs: {
    openCsv: '打开 CSV 数据',
    openProject: '打开项目',
    importWeights: '导入权重',
    saveProject: '保存项目',
    exportWeights: '导出权重',
    csvFilter: 'CSV 数据',
    allFilesFilter: '所有文件',
    projectFilter: 'Backprop Studio 项目',
    weightsFilter: 'Backprop Studio 权重'
  },
  unsaved: {
    title: '未保存的更改',
    message: '项目有尚未保存的更改。',
    detail: '仍要关闭并丢弃这些更改吗？（在你丢弃之前，会保留一份恢复副本。）',
    leave: '关闭且不保存',
    stay: '继续编辑'
  },
  couldNotOpen: {
    message: '无法打开文件',
    detail: '无法打开 {name}：{reason}'
  },
  reasons: {
    'file-too-large': '文件大小为 {sizeMb} MB；只能打开不超过 {maxMb} MB 的文件',
    'read-failed': '无法读取该文件（系统错误 {errno}）',
    'write-failed': '无法写入该文件（系统错误 {errno}）',
    'not-found': '找不到该文件（已被移动、重命名或删除）',
    'permission-denied': '没有访问权限',
    'is-directory': '这是一个文件夹，不是文件',
    'disk-full': '磁盘已满',
    'read-only': '磁盘是只读的',
    'name-empty': '文件名为空',
    'name-too-long': '文件名超过 {max} 个字符',
    'name-has-folders': '文件名“{name}”中包含文件夹',
    'text-not-string': '没有可保存的文本',
    'text-too-large': '文本超过 {max} 个字符',
    'window-gone': '发出请求的窗口已关闭',
    'recent-unavailable': '最近的项目列表不可用',
    'not-recorded': '无法把 {name} 加入最近的项目',
    unexpected: '{message}'
  },
  about: {
    title: '关于 Backprop Studio',
    message: 'Backprop Studio {version}',
    detail: '以可视化方式搭建神经网络，用你自己的 CSV 数据训练，并亲眼看到反向传播的过程。'
  }
}

export const mainCatalogues: Record<MainLocale, MainStrings> = { en, 'zh-CN': zhCN }

/** The strings for a locale; anything unknown gets English. */
export function mainText(locale: unknown): MainStrings {
  return isMainLocale(locale) ? mainCatalogues[locale] : en
}

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` rather than vanishing. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole))
}

/**
 * A refusal of main's in a locale's words: the file system's common refusals by their variant, the
 * others by code; the OS's code itself (`{errno}`) for the rest.
 */
export function reasonText(failure: Pick<DesktopFailure, 'code' | 'params'>, text: MainStrings): string {
  const reasons = text.reasons as Record<string, string>
  const variant = failure.params.variant
  const template =
    (typeof variant === 'string' && Object.hasOwn(reasons, variant) ? reasons[variant] : undefined) ??
    (Object.hasOwn(reasons, failure.code) ? reasons[failure.code] : reasons.unexpected)
  return fill(template, failure.params)
}
