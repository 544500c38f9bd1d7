/** 简体中文: the stores' notices and toasts. Same keys as en/notices.ts. */
import type en from '../en/notices'

const notices: typeof en = {}

export default notices
