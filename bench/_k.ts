import * as ref from '../src/engine/math/matmul'
import { createWasmKernels } from '../src/engine/wasm/kernels'
const w = createWasmKernels()!
const rnd = (n: number) => Float64Array.from({ length: n }, () => Math.random() - 0.5)
// W3 step: m=64, layers 784->128->64->10
const m = 64, L = [784, 128, 64, 10]
const A = L.map((u) => rnd(m * u)), W = L.slice(1).map((u, i) => rnd(u * L[i])), D = L.map((u) => rnd(m * u)), G = W.map((x) => new Float64Array(x.length))
function step(K: any) {
  for (let l = 1; l < L.length; l++) K.matmulTransB(A[l - 1], 0, W[l - 1], 0, A[l], 0, m, L[l - 1], L[l], false)
  for (let l = L.length - 1; l >= 1; l--) {
    K.matmulTransA(D[l], 0, A[l - 1], 0, G[l - 1], 0, m, L[l], L[l - 1], 1 / m)
    if (l > 1) K.matmulAccumulate(D[l], 0, W[l - 1], 0, D[l - 1], 0, m, L[l], L[l - 1])
  }
}
const flops = 2 * m * (784 * 128 + 128 * 64 + 64 * 10) * 3 - 2 * m * 784 * 128
for (const [name, K] of [['js', ref], ['wasm', w]] as const) {
  for (let i = 0; i < 50; i++) step(K)
  const t = performance.now(); const N = 200
  for (let i = 0; i < N; i++) step(K)
  const dt = (performance.now() - t) / N
  console.log(name, (dt * 1000).toFixed(0), 'us/step', (flops / dt / 1e6).toFixed(2), 'GFLOP/s', Math.round(m / dt * 1000), 'samples/s')
}
// zero-copy timing: operate on data already in wasm memory
{
  const { MATMUL_WASM_BASE64 } = require('../src/engine/wasm/matmul.wasm.generated')
  const bytes = Buffer.from(MATMUL_WASM_BASE64, 'base64')
  const inst: any = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports
  inst.memory.grow(100)
  let p = 0; const alloc = (n: number) => { const r = p; p += n * 8; return r }
  const a = L.map((u) => alloc(m * u)), wt = L.slice(1).map((u, i) => alloc(u * L[i])), d = L.map((u) => alloc(m * u)), g = W.map((x) => alloc(x.length))
  const st = () => {
    for (let l = 1; l < L.length; l++) inst.matmulTransB(a[l - 1], wt[l - 1], a[l], m, L[l - 1], L[l], 0)
    for (let l = L.length - 1; l >= 1; l--) {
      inst.matmulTransA(d[l], a[l - 1], g[l - 1], m, L[l], L[l - 1], 1 / m)
      if (l > 1) inst.matmulAccumulate(d[l], wt[l - 1], d[l - 1], m, L[l], L[l - 1])
    }
  }
  for (let i = 0; i < 50; i++) st()
  const t = performance.now(); const N = 200
  for (let i = 0; i < N; i++) st()
  const dt = (performance.now() - t) / N
  console.log('zero-copy', (dt * 1000).toFixed(0), 'us/step', (flops / dt / 1e6).toFixed(2), 'GFLOP/s')
}
