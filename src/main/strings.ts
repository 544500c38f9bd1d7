/**
 * Main's own words: the application menu, native dialogs and file-type filter names, in English and
 * 简体中文. Plain objects (no vue-i18n in main); the renderer tells main its locale (`locale:set`) and
 * main rebuilds the menu and words later dialogs with it. Role items (cut/copy/paste/quit, zoom, …) get a
 * label in both languages too, so a menu is never half in the OS's language.
 */

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
    /** {name}: the file's base name; {reason}: what went wrong (main's own sentence). */
    detail: 'Could not open {name}: {reason}'
  },
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
