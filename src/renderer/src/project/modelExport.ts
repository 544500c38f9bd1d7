/**
 * Export → ONNX… and Export → PyTorch project…: the engine's weights file (the `weights.export`
 * request) turned into a .onnx file or a .zip of the PyTorch project. The writers are the engine's
 * (src/engine/export), loaded on first use so protobufjs and the ONNX schema stay out of the start-up
 * bundle. One .zip rather than several files: a single download (browsers ask once, or block a burst
 * of downloads; Electron shows one save dialog) that keeps the project's folder together.
 */
import { exportFileName, parseWeightsFile, type ModelExportFormat } from '@engine/index'

export type { ModelExportFormat }

export interface ExportedModel {
  name: string
  blob: Blob
}

export async function exportModel(
  format: ModelExportFormat,
  weights: { name: string; text: string }
): Promise<ExportedModel> {
  const { buildOnnxModel, buildPytorchZip } = await import('@engine/export')
  const file = parseWeightsFile(weights.text)
  const name = exportFileName(weights.name, format)
  // The .zip's one folder is named like the download: iris-pytorch.zip holds iris-pytorch/.
  const bytes =
    format === 'onnx' ? buildOnnxModel(file) : buildPytorchZip(file, weights.text, name.replace(/\.zip$/, ''))
  const type = format === 'onnx' ? 'application/octet-stream' : 'application/zip'
  return {
    name,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type })
  }
}
