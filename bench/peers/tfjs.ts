/**
 * TensorFlow.js peers: the pure-JS CPU backend and the WebAssembly backend (single-threaded, SIMD),
 * trained with `model.fit` — the way a TF.js user would train — in float32 (TF.js has no float64).
 */
import path from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import type { Dataset } from '../data'
import type { Session, RunResult } from '../session'
import type { Workload } from '../workloads'

export type TfBackend = 'cpu' | 'wasm'

let wasmPathsSet = false

/** Points the wasm backend at its .wasm files in node_modules (no network) and keeps it single-threaded. */
const useWasmFromNodeModules = (): void => {
  if (wasmPathsSet) return
  const dist = path.resolve(__dirname, '../../node_modules/@tensorflow/tfjs-backend-wasm/dist')
  const file = (name: string): string => path.join(dist, name)
  setWasmPaths({
    'tfjs-backend-wasm.wasm': file('tfjs-backend-wasm.wasm'),
    'tfjs-backend-wasm-simd.wasm': file('tfjs-backend-wasm-simd.wasm'),
    'tfjs-backend-wasm-threaded-simd.wasm': file('tfjs-backend-wasm-threaded-simd.wasm')
  })
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
  wasmPathsSet = true
}

export const useTfBackend = async (backend: TfBackend): Promise<void> => {
  if (backend === 'wasm') useWasmFromNodeModules()
  const ok = await tf.setBackend(backend)
  if (!ok) throw new Error(`TF.js backend '${backend}' failed to initialise`)
  await tf.ready()
}

const tfActivation = (a: Workload['hidden']): 'tanh' | 'sigmoid' | 'relu' | 'softmax' => {
  if (a === 'tanh' || a === 'sigmoid' || a === 'relu' || a === 'softmax') return a
  throw new Error(`the TF.js peer has no mapping for activation '${a}'`)
}

const tfLoss = (l: Workload['loss']): string => {
  if (l === 'squared-error') return 'meanSquaredError'
  if (l === 'cross-entropy') return 'categoricalCrossentropy'
  throw new Error(`the TF.js peer has no mapping for loss '${l}'`)
}

export const createTfjsSession = async (backend: TfBackend, w: Workload, data: Dataset): Promise<Session> => {
  await useTfBackend(backend)
  const model = tf.sequential()
  for (let l = 1; l < w.sizes.length; l++) {
    const last = l === w.sizes.length - 1
    model.add(
      tf.layers.dense({
        units: w.sizes[l],
        inputShape: l === 1 ? [w.sizes[0]] : undefined,
        activation: tfActivation(last ? w.output : w.hidden)
      })
    )
  }
  model.compile({ optimizer: tf.train.sgd(w.learningRate), loss: tfLoss(w.loss) })
  const steps = Math.floor(data.samples / w.batch)
  const used = steps * w.batch
  const xs = tf.tensor2d(Float32Array.from(data.x.subarray(0, used * data.inputs)), [used, data.inputs])
  const ys = tf.tensor2d(Float32Array.from(data.y.subarray(0, used * data.outputs)), [used, data.outputs])

  return {
    async train(epochs: number): Promise<RunResult> {
      await useTfBackend(backend)
      const t0 = performance.now()
      const history = await model.fit(xs, ys, { batchSize: w.batch, epochs, shuffle: false, verbose: 0 })
      const seconds = (performance.now() - t0) / 1000
      return { seconds, samples: used * epochs, epochLosses: history.history.loss.map(Number) }
    },
    dispose() {
      xs.dispose()
      ys.dispose()
      model.dispose()
    }
  }
}
