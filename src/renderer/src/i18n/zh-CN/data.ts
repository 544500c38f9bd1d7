/** 简体中文: the data panel: loading a CSV, columns, roles, encodings, the split. Same keys as en/data.ts. */
import type en from '../en/data'

const data: typeof en = {}

export default data
