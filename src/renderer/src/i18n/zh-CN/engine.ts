/** 简体中文: engine errors and notices, worded from their code and parameters. Same keys as en/engine.ts. */
import type en from '../en/engine'

const engine: typeof en = {}

export default engine
