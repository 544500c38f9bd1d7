/**
 * Matrix kernel sets the network can run on: the plain-TypeScript reference (src/engine/math/matmul.ts)
 * and its WebAssembly SIMD twin (assembly/matmul.ts, embedded in matmul.wasm.generated.ts).
 *
 * Both take the reference's (array, offset) arguments on ordinary Float64Arrays, so the network's
 * buffers, optimisers and weights code never know which set runs. The WASM set copies the operands into
 * its own linear memory, multiplies there and copies the result out: the copies are O(size) against
 * O(m·n·k) arithmetic (measured in bench/README.md), and no view into WASM memory ever escapes — so
 * growing that memory can never detach a buffer the network holds. Products too small to pay for the
 * copies and the call run on the reference kernels.
 */
import { columnSums, matmulAccumulate, matmulTransA, matmulTransB } from '../math/matmul'
import { MATMUL_WASM_BASE64 } from './matmul.wasm.generated'

export interface MatrixKernels {
  /** Which implementation runs the large products. */
  readonly name: 'js' | 'wasm'
  matmulTransB: typeof matmulTransB
  matmulAccumulate: typeof matmulAccumulate
  matmulTransA: typeof matmulTransA
  columnSums: typeof columnSums
}

/** 'auto' takes WASM SIMD where the host supports it and the reference kernels otherwise. */
export type KernelChoice = 'auto' | 'js' | 'wasm'

export const KERNEL_CHOICES: readonly KernelChoice[] = ['auto', 'js', 'wasm']

/** The reference kernels. */
export const jsKernels: MatrixKernels = {
  name: 'js',
  matmulTransB,
  matmulAccumulate,
  matmulTransA,
  columnSums
}

/**
 * Below this many multiply-adds (m·n·k) a product runs on the reference kernel: the call and the
 * copies cost more than SIMD saves (measured: the crossover is a few thousand on x64 Node 20).
 */
export const WASM_MIN_WORK = 4096

interface KernelExports {
  memory: WebAssembly.Memory
  matmulTransB(a: number, b: number, c: number, m: number, k: number, n: number, accumulate: number): void
  matmulAccumulate(a: number, b: number, c: number, m: number, n: number, k: number): void
  matmulTransA(a: number, b: number, c: number, m: number, n: number, k: number, scale: number): void
}

const PAGE_BYTES = 65536

/** base64 → bytes without Buffer (absent in the Web Worker) or fetch (absent for embedded bytes). */
const decodeBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

let compiled: WebAssembly.Module | null | undefined

/** Compiles the embedded module once; null when this host has no WebAssembly or no SIMD. */
const kernelModule = (): WebAssembly.Module | null => {
  if (compiled !== undefined) return compiled
  compiled = null
  if (typeof WebAssembly !== 'object') return compiled
  const bytes = decodeBase64(MATMUL_WASM_BASE64)
  // validate() is false where SIMD is unsupported, instead of throwing later. Compiling can still be
  // refused (a Content-Security-Policy without 'wasm-unsafe-eval'): then the reference kernels serve.
  try {
    if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes)
  } catch {
    compiled = null
  }
  return compiled
}

/** True when the WASM SIMD kernels can run here. */
export const wasmKernelsAvailable = (): boolean => kernelModule() !== null

/**
 * A fresh WASM SIMD kernel set (each with its own linear memory, so sets never share scratch space),
 * or null when the host cannot run it.
 */
export function createWasmKernels(): MatrixKernels | null {
  const module = kernelModule()
  if (!module) return null
  const wasm = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports
  let heap = new Float64Array(wasm.memory.buffer)

  /** Makes room for `doubles` float64 values at address 0 (growing never moves data we still need). */
  const reserve = (doubles: number): void => {
    if (doubles <= heap.length) return
    const pages = Math.ceil((doubles * 8 - wasm.memory.buffer.byteLength) / PAGE_BYTES)
    wasm.memory.grow(pages)
    heap = new Float64Array(wasm.memory.buffer)
  }

  const copyIn = (src: Float64Array, off: number, length: number, at: number): void => {
    heap.set(off === 0 && length === src.length ? src : src.subarray(off, off + length), at)
  }

  const copyOut = (at: number, length: number, dst: Float64Array, off: number): void => {
    dst.set(heap.subarray(at, at + length), off)
  }

  return {
    name: 'wasm',
    columnSums,

    matmulTransB(a, aOff, b, bOff, c, cOff, m, k, n, accumulate) {
      if (m * n * k < WASM_MIN_WORK) return matmulTransB(a, aOff, b, bOff, c, cOff, m, k, n, accumulate)
      const pa = 0
      const pb = pa + m * k
      const pc = pb + n * k
      reserve(pc + m * n)
      copyIn(a, aOff, m * k, pa)
      copyIn(b, bOff, n * k, pb)
      if (accumulate) copyIn(c, cOff, m * n, pc)
      wasm.matmulTransB(pa * 8, pb * 8, pc * 8, m, k, n, accumulate ? 1 : 0)
      copyOut(pc, m * n, c, cOff)
    },

    matmulAccumulate(a, aOff, b, bOff, c, cOff, m, n, k) {
      if (m * n * k < WASM_MIN_WORK) return matmulAccumulate(a, aOff, b, bOff, c, cOff, m, n, k)
      const pa = 0
      const pb = pa + m * n
      const pc = pb + n * k
      reserve(pc + m * k)
      copyIn(a, aOff, m * n, pa)
      copyIn(b, bOff, n * k, pb)
      copyIn(c, cOff, m * k, pc)
      wasm.matmulAccumulate(pa * 8, pb * 8, pc * 8, m, n, k)
      copyOut(pc, m * k, c, cOff)
    },

    matmulTransA(a, aOff, b, bOff, c, cOff, m, n, k, scale) {
      if (m * n * k < WASM_MIN_WORK) return matmulTransA(a, aOff, b, bOff, c, cOff, m, n, k, scale)
      const pa = 0
      const pb = pa + m * n
      const pc = pb + m * k
      reserve(pc + n * k)
      copyIn(a, aOff, m * n, pa)
      copyIn(b, bOff, m * k, pb)
      wasm.matmulTransA(pa * 8, pb * 8, pc * 8, m, n, k, scale)
      copyOut(pc, n * k, c, cOff)
    }
  }
}

/** The kernel set for a choice; 'wasm' throws when the host cannot run WebAssembly SIMD. */
export function selectKernels(choice: KernelChoice = 'auto'): MatrixKernels {
  if (choice === 'js') return jsKernels
  const wasm = createWasmKernels()
  if (wasm) return wasm
  if (choice === 'wasm') throw new Error('kernels: WebAssembly SIMD is not available on this host')
  return jsKernels
}
