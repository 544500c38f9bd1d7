/** 简体中文: the predict panel. Same keys as en/predict.ts. */
import type en from '../en/predict'

const predict: typeof en = {}

export default predict
