// Export → ONNX… / PyTorch project… in the renderer: file names, and the bytes the download carries.
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportFileName } from '@engine/index'
import { exportModel } from '../../src/renderer/src/project/modelExport'
import { trainIris } from '../engine/data-fixtures'
import { weightsOf } from '../engine/export-fixtures'

describe('model export', () => {
  it('names the download after the weights file', () => {
    expect(exportFileName('iris.weights.json', 'onnx')).toBe('iris.onnx')
    expect(exportFileName('iris.weights.json', 'pytorch')).toBe('iris-pytorch.zip')
    expect(exportFileName('.weights.json', 'onnx')).toBe('network.onnx')
  })

  it('turns the engine’s weights file into an ONNX model and a .zip of the project', async () => {
    const { text } = weightsOf(trainIris())
    const onnx = await exportModel('onnx', { name: 'iris.weights.json', text })
    expect(onnx.name).toBe('iris.onnx')
    const bytes = new Uint8Array(await onnx.blob.arrayBuffer())
    expect(bytes.length).toBeGreaterThan(500)
    const zip = await exportModel('pytorch', { name: 'iris.weights.json', text })
    expect(zip.blob.type).toBe('application/zip')
    const files = Object.keys(unzipSync(new Uint8Array(await zip.blob.arrayBuffer())))
    expect(files).toContain('iris-pytorch/model.py')
    expect(files).toContain('iris-pytorch/test_network.weights.json')
  })

  it('refuses a broken weights file with the engine’s message', async () => {
    await expect(exportModel('onnx', { name: 'x.weights.json', text: '{"format": "nope"}' })).rejects.toThrow(
      /format/
    )
  })
})
