/** 简体中文: the app frame: toolbar, palette, problems, inspector, dialogs, status, toasts, banners. Same keys as en/shell.ts. */
import type en from '../en/shell'

const shell: typeof en = {}

export default shell
