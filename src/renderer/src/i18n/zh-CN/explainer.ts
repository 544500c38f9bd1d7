/** 简体中文: the backprop explainer and its matrices (the notation keys stay in learn.ts). Same keys as en/explainer.ts. */
import type en from '../en/explainer'

const explainer: typeof en = {}

export default explainer
