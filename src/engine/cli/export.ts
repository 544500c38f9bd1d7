/**
 * `export --format onnx|pytorch --weights W.weights.json --out PATH`: a weights file as an ONNX model
 * (one file) or a PyTorch project (a folder). Glue only: the writers are src/engine/export/.
 */
import { buildOnnxModel, onnxInterface, type OnnxDtype } from '../export/onnx'
import { buildPytorchProject } from '../export/pytorch'
import { GraphError } from '../graph/errors'
import { parseWeightsFile, WeightsError } from '../weights/file'
import type { WeightsFile } from '../weights/types'
import { CliError, type ParsedOptions } from './args'
import type { CliIO } from './commands'

/** What `export` needs beyond the other commands: binary files and folders. */
export interface ExportIO extends CliIO {
  writeBytes?(path: string, bytes: Uint8Array): void
  /** Creates the folder (and its parents); false when it already exists and holds files. */
  makeDir?(path: string): boolean
}

export const EXPORT_FORMATS = ['onnx', 'pytorch'] as const

function readWeights(io: CliIO, path: string): { text: string; file: WeightsFile } {
  let bytes: Uint8Array
  try {
    bytes = io.readFile(path)
  } catch (err) {
    const code = (err as { code?: string }).code
    const why = code === 'ENOENT' ? 'no such file' : (err as Error).message
    throw new CliError(`cannot read the weights file ${path}: ${why}`, 1)
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  try {
    return { text, file: parseWeightsFile(text) }
  } catch (err) {
    if (err instanceof WeightsError || err instanceof GraphError)
      throw new CliError(`${path}: ${err.message}`, 1)
    throw err
  }
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`
}

export function exportCommand(o: ParsedOptions, io: ExportIO): void {
  const format = o.format as string
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`export: --format expects onnx or pytorch, got ${JSON.stringify(format)}`)
  }
  const dtype = (o.dtype as string | undefined) ?? 'float32'
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new CliError(`export: --dtype expects float32 or float64, got ${JSON.stringify(dtype)}`)
  }
  if (format === 'pytorch' && o.dtype !== undefined) {
    throw new CliError('export: --dtype is for onnx; the PyTorch project is float64 (model.DTYPE)')
  }
  const weightsPath = o.weights as string
  const out = o.out as string
  const { text, file } = readWeights(io, weightsPath)
  const write = (path: string, write: () => void, what: string) => {
    try {
      write()
    } catch (err) {
      throw new CliError(`cannot write the ${what} ${path}: ${(err as Error).message}`, 1)
    }
  }

  if (format === 'onnx') {
    const bytes = buildOnnxModel(file, { dtype: dtype as OnnxDtype })
    if (!io.writeBytes) throw new Error('export: this host cannot write binary files')
    write(out, () => io.writeBytes!(out, bytes), 'ONNX model')
    const { input, output } = onnxInterface(file)
    io.stdout(
      JSON.stringify({
        command: 'export',
        format,
        dtype,
        bytes: bytes.length,
        input: { name: input.name, width: input.width },
        output: { name: output.name, width: output.width, columns: output.columns },
        out
      }) + '\n'
    )
    return
  }

  if (!io.makeDir) throw new Error('export: this host cannot create folders')
  let empty = true
  write(out, () => (empty = io.makeDir!(out)), 'project folder')
  if (!empty) {
    throw new CliError(
      `export: ${out} already holds files; give a new or empty folder for the PyTorch project`,
      1
    )
  }
  const files = buildPytorchProject(file, text)
  for (const f of files)
    write(joinPath(out, f.path), () => io.writeFile(joinPath(out, f.path), f.text), 'file')
  io.stdout(JSON.stringify({ command: 'export', format, files: files.map((f) => f.path), out }) + '\n')
}
