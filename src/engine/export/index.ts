/**
 * Exports of a weights file for the world outside the app: an ONNX model, and a PyTorch project as
 * files or as one .zip. The renderer loads this module on demand (protobufjs and the ONNX schema are
 * only needed when the user exports).
 */
import { strToU8, zipSync } from 'fflate'
import type { WeightsFile } from '../weights/types'
import { pytorchFolderName } from '../fileNames'
import { buildPytorchProject } from './pytorch'

export {
  buildOnnxModel,
  onnxInputs,
  onnxInterface,
  ONNX_INPUT,
  ONNX_OPSET,
  type OnnxDtype,
  type OnnxInterface,
  type OnnxOptions
} from './onnx'
export { buildPytorchProject, modelPy, projectWeightsName, type ProjectFile } from './pytorch'

/** The folder name of a PyTorch project: the weights file's name without ".weights.json", plus "-pytorch". */
export function projectFolderName(file: WeightsFile): string {
  return pytorchFolderName(file.graph.name)
}

/**
 * The PyTorch project as one .zip holding one folder: a single download (a browser asks once, or
 * blocks a burst of downloads) that keeps the files together, unpacked with any archive tool.
 */
export function buildPytorchZip(
  file: WeightsFile,
  weightsText: string,
  folder = projectFolderName(file)
): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  for (const f of buildPytorchProject(file, weightsText)) entries[`${folder}/${f.path}`] = strToU8(f.text)
  // A fixed time stamp: the same weights file gives the same bytes.
  return zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') })
}
