/**
 * File-name rules, in one place for the engine, the CLI and the renderer: what each file the app
 * writes is called, derived from the project, graph or CSV it comes from. Pure string functions.
 */

export const WEIGHTS_EXTENSION = '.weights.json'
export const PROJECT_EXTENSION = '.bps.json'

/** Characters no file system accepts in a name (Windows' list, which covers the others). */
const UNSAFE = /[\\/:*?"<>|]+/g

/**
 * A name as a file name: a colon between words (a title's, "Iris: 2-layer MLP") becomes a space, any
 * other character no file system takes "_" ("1/m" → "1_m").
 */
const fileBase = (name: string): string =>
  name
    .replace(/\s*:\s*/g, ' ')
    .replace(UNSAFE, '_')
    .trim()

/** "iris.bps.json" → "iris.weights.json"; a graph name or "network" when there is no project file. */
export function weightsFileName(projectName: string | undefined, graphName: string | undefined): string {
  const base = fileBase((projectName ?? graphName ?? 'network').replace(/\.bps\.json$|\.json$/i, ''))
  return (base || 'network') + WEIGHTS_EXTENSION
}

/** "iris.csv" → "iris.predictions.csv". */
export function predictionsFileName(csvName: string): string {
  return csvName.replace(/\.(csv|tsv|txt)$/i, '') + '.predictions.csv'
}

export type ModelExportFormat = 'onnx' | 'pytorch'

/** "iris.weights.json" → "iris.onnx" or "iris-pytorch.zip". */
export function exportFileName(weightsName: string, format: ModelExportFormat): string {
  const base = weightsName.replace(/\.weights\.json$|\.json$/i, '') || 'network'
  return format === 'onnx' ? `${base}.onnx` : `${base}-pytorch.zip`
}

/**
 * The weights file's name inside a PyTorch project: "<graph name>.weights.json", stricter than
 * weightsFileName (letters, digits, `.`, `_`, `-`) because model.py and shell commands name it.
 */
export function pytorchWeightsName(graphName: string | undefined): string {
  const base = (graphName ?? 'network').trim().replace(/[^A-Za-z0-9._-]+/g, '_') || 'network'
  return `${base}${WEIGHTS_EXTENSION}`
}

/** The folder of a PyTorch project: its weights file's name without ".weights.json", plus "-pytorch". */
export function pytorchFolderName(graphName: string | undefined): string {
  return pytorchWeightsName(graphName).replace(/\.weights\.json$/, '') + '-pytorch'
}

/**
 * "iris" → "iris.bps.json"; keeps a name that already ends in the extension. Made a file name as in
 * weightsFileName: a lesson's title ("Batch averaging: the 1/m") is a project's name, and the desktop
 * app refuses a save name with a folder in it.
 */
export function projectFileName(name: string): string {
  const base = fileBase(name) || 'untitled'
  return base.endsWith(PROJECT_EXTENSION) ? base : `${base.replace(/\.json$/, '')}${PROJECT_EXTENSION}`
}
