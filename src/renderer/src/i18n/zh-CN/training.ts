/** 简体中文: the training panel, progress, δ badges, weight edges. Same keys as en/training.ts. */
import type en from '../en/training'

const training: typeof en = {}

export default training
