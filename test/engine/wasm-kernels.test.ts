import { describe, expect, it } from 'vitest'
import { columnSums, matmulAccumulate, matmulTransA, matmulTransB } from '../../src/engine/math/matmul'
import { createNetwork } from '../../src/engine/nn/network'
import { createRng } from '../../src/engine/random'
import type { GraphSpec } from '../../src/engine/graph/types'
import { MATMUL_WASM_BASE64 } from '../../src/engine/wasm/matmul.wasm.generated'
import {
  createWasmKernels,
  jsKernels,
  selectKernels,
  wasmKernelsAvailable,
  WASM_MIN_WORK,
  type MatrixKernels
} from '../../src/engine/wasm/kernels'

const rng = createRng(7)
const random = (n: number): Float64Array => Float64Array.from({ length: n }, () => rng.uniform(-1, 1))

/** |x − ref| ≤ tol·(1 + |ref|) elementwise: the kernels differ only by the order of additions. */
function expectClose(actual: Float64Array, expected: Float64Array, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length)
  let worst = 0
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i])))
  }
  expect(worst).toBeLessThanOrEqual(tol)
}

// Sizes below and above WASM_MIN_WORK, odd sizes (scalar tails of every tile), and the W3 shapes.
const SHAPES: [m: number, k: number, n: number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [17, 33, 9],
  [64, 784, 128],
  [64, 128, 64],
  [64, 64, 10],
  [31, 13, 66]
]

const wasm = createWasmKernels()

describe('wasm kernels', () => {
  it('are available on this Node (WebAssembly SIMD)', () => {
    expect(wasmKernelsAvailable()).toBe(true)
    expect(wasm?.name).toBe('wasm')
  })

  it('embed the bytes that build.mjs compiles from assembly/matmul.ts', async () => {
    // @ts-expect-error build.mjs is plain JavaScript without declarations
    const { compileKernels } = (await import('../../src/engine/wasm/build.mjs')) as {
      compileKernels: () => Promise<Uint8Array>
    }
    const bytes = await compileKernels()
    expect(Buffer.from(bytes).toString('base64')).toBe(MATMUL_WASM_BASE64)
  })

  for (const [m, k, n] of SHAPES) {
    const K = wasm as MatrixKernels
    it(`match the reference kernels on m=${m} k=${k} n=${n} (at offsets, with accumulation)`, () => {
      const off = 3 // operands are slices of larger buffers, as in the network
      const A = random(off + m * k)
      const W = random(off + n * k)
      const D = random(off + m * n)
      const C0 = random(off + m * n)

      // Forward Z = A·Wᵀ, overwrite and accumulate
      for (const accumulate of [false, true]) {
        const ref = C0.slice()
        const got = C0.slice()
        matmulTransB(A, off, W, off, ref, off, m, k, n, accumulate)
        K.matmulTransB(A, off, W, off, got, off, m, k, n, accumulate)
        expectClose(got, ref)
      }
      // BP-2 dA += δ·W
      const dRef = random(off + m * k)
      const dGot = dRef.slice()
      matmulAccumulate(D, off, W, off, dRef, off, m, n, k)
      K.matmulAccumulate(D, off, W, off, dGot, off, m, n, k)
      expectClose(dGot, dRef)
      // BP-3 ∂C/∂W = (1/m) δᵀ·A (overwrites; start from garbage to prove it)
      const gRef = random(off + n * k)
      const gGot = random(off + n * k)
      gGot.set(gRef.subarray(0, off))
      matmulTransA(D, off, A, off, gRef, off, m, n, k, 1 / m)
      K.matmulTransA(D, off, A, off, gGot, off, m, n, k, 1 / m)
      expectClose(gGot, gRef)
      // BP-4 is shared with the reference
      const bRef = new Float64Array(n)
      const bGot = new Float64Array(n)
      columnSums(D, off, bRef, 0, m, n, 1 / m)
      K.columnSums(D, off, bGot, 0, m, n, 1 / m)
      expect(bGot).toEqual(bRef)
    })
  }

  it('leave the caller’s buffers outside the operands untouched', () => {
    const K = wasm as MatrixKernels
    const [m, k, n] = [16, 32, 24]
    expect(m * k * n).toBeGreaterThanOrEqual(WASM_MIN_WORK)
    const C = random(10 + m * n + 10)
    const before = C.slice()
    K.matmulTransB(random(m * k), 0, random(n * k), 0, C, 10, m, k, n, false)
    expect(C.subarray(0, 10)).toEqual(before.subarray(0, 10))
    expect(C.subarray(10 + m * n)).toEqual(before.subarray(10 + m * n))
  })

  it('grow their memory for larger products and stay correct afterwards', () => {
    const K = createWasmKernels() as MatrixKernels
    for (const [m, k, n] of [
      [8, 8, 8],
      [256, 1024, 256],
      [8, 8, 8]
    ]) {
      const A = random(m * k)
      const W = random(n * k)
      const ref = new Float64Array(m * n)
      const got = new Float64Array(m * n)
      matmulTransB(A, 0, W, 0, ref, 0, m, k, n, false)
      K.matmulTransB(A, 0, W, 0, got, 0, m, k, n, false)
      expectClose(got, ref)
    }
  })

  it('selectKernels: js is the reference, auto and wasm pick WASM here', () => {
    expect(selectKernels('js')).toBe(jsKernels)
    expect(selectKernels('auto').name).toBe('wasm')
    expect(selectKernels('wasm').name).toBe('wasm')
  })
})

describe('network on wasm kernels', () => {
  // Wide enough that every product runs in WASM; a skip edge and two weighted in-edges into one layer.
  const spec: GraphSpec = {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units: 40 },
      { id: 'one', kind: 'bias' },
      { id: 'h1', kind: 'dense', units: 48, activation: 'relu' },
      { id: 'h2', kind: 'dense', units: 48, activation: 'tanh' },
      { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
      { id: 'cost', kind: 'loss', loss: 'cross-entropy' }
    ],
    edges: [
      { id: 'w1', from: 'x', to: 'h1' },
      { id: 'b1', from: 'one', to: 'h1' },
      { id: 'w2', from: 'h1', to: 'h2' },
      { id: 'r2', from: 'h1', to: 'h2', kind: 'skip' },
      { id: 'w2x', from: 'x', to: 'h2' },
      { id: 'w3', from: 'h2', to: 'out' },
      { id: 'b3', from: 'one', to: 'out' },
      { id: 'c', from: 'out', to: 'cost' }
    ]
  }
  const m = 37
  const x = random(m * 40)
  const y = new Float64Array(m * 10)
  for (let r = 0; r < m; r++) y[r * 10 + (r % 10)] = 1

  it('gives the reference loss, outputs and gradients', () => {
    const ref = createNetwork(spec, { seed: 3, kernels: 'js' })
    const fast = createNetwork(spec, { seed: 3, kernels: 'wasm' })
    expect(fast.params).toEqual(ref.params)
    const lossRef = ref.lossAndGradients(x, y, m)
    const lossFast = fast.lossAndGradients(x, y, m)
    expect(Math.abs(lossFast - lossRef)).toBeLessThanOrEqual(1e-12 * Math.abs(lossRef))
    expectClose(fast.grads, ref.grads)
    expectClose(fast.forward(x, m).slice(), ref.forward(x, m).slice())
  })

  it('trains along the reference path (100 SGD steps stay within 1e-9)', () => {
    const ref = createNetwork(spec, { seed: 5, kernels: 'js' })
    const fast = createNetwork(spec, { seed: 5, kernels: 'wasm' })
    for (let s = 0; s < 100; s++) {
      for (const net of [ref, fast]) {
        net.lossAndGradients(x, y, m)
        for (let i = 0; i < net.params.length; i++) net.params[i] -= 0.1 * net.grads[i]
      }
    }
    expectClose(fast.params, ref.params, 1e-9)
  })

  it('defaults to the reference kernels, so existing results stay bit-identical', () => {
    const a = createNetwork(spec, { seed: 3 })
    const b = createNetwork(spec, { seed: 3, kernels: 'js' })
    expect(a.lossAndGradients(x, y, m)).toBe(b.lossAndGradients(x, y, m))
    expect(a.grads).toEqual(b.grads)
  })
})
