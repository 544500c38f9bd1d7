/**
 * The three matrix kernels of backpropagation (DESIGN §3), on row-major Float64Arrays addressed as
 * (array, offset) so they work on slices of the network's contiguous buffers without views.
 *
 * Rows are samples: A is [m × k] (the source layer's activations), W is [n × k] (rows = target units),
 * δ is [m × n]. These plain-TypeScript kernels are the reference implementation: a faster variant
 * (e.g. WASM SIMD) must give the same results up to floating-point reassociation and is tested
 * against them. None of them allocates.
 */

/**
 * Forward: C[m × n] = A[m × k] · B[n × k]ᵀ, or C += … when `accumulate` is true.
 * Used as Z (+)= A_src · Wᵀ. Both operands are read along contiguous rows (dot-product form).
 */
export function matmulTransB(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  k: number,
  n: number,
  accumulate: boolean
): void {
  for (let r = 0; r < m; r++) {
    const aRow = aOff + r * k
    const cRow = cOff + r * n
    let i = 0
    // Four output units at a time share each load of the A row.
    for (; i + 3 < n; i += 4) {
      const b0 = bOff + i * k
      const b1 = b0 + k
      const b2 = b1 + k
      const b3 = b2 + k
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      for (let j = 0; j < k; j++) {
        const x = a[aRow + j]
        s0 += x * b[b0 + j]
        s1 += x * b[b1 + j]
        s2 += x * b[b2 + j]
        s3 += x * b[b3 + j]
      }
      if (accumulate) {
        c[cRow + i] += s0
        c[cRow + i + 1] += s1
        c[cRow + i + 2] += s2
        c[cRow + i + 3] += s3
      } else {
        c[cRow + i] = s0
        c[cRow + i + 1] = s1
        c[cRow + i + 2] = s2
        c[cRow + i + 3] = s3
      }
    }
    for (; i < n; i++) {
      const bRow = bOff + i * k
      let s = 0
      for (let j = 0; j < k; j++) s += a[aRow + j] * b[bRow + j]
      c[cRow + i] = accumulate ? c[cRow + i] + s : s
    }
  }
}

/**
 * Error carried back (BP-2): C[m × k] += A[m × n] · B[n × k]. Used as dA_src += δ · W.
 * Loop order r-i-j so the inner loop streams a row of B and a row of C.
 */
export function matmulAccumulate(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  n: number,
  k: number
): void {
  for (let r = 0; r < m; r++) {
    const aRow = aOff + r * n
    const cRow = cOff + r * k
    for (let i = 0; i < n; i++) {
      const d = a[aRow + i]
      if (d === 0) continue // dead ReLU units contribute nothing
      const bRow = bOff + i * k
      for (let j = 0; j < k; j++) c[cRow + j] += d * b[bRow + j]
    }
  }
}

/**
 * Weight gradient (BP-3): C[n × k] = scale · A[m × n]ᵀ · B[m × k]. Used as ∂C/∂W = (1/m) δᵀ · A_src.
 * Overwrites C. Loop order r-i-j: each sample adds the outer product δ_r ⊗ a_r, streaming rows of C and B.
 */
export function matmulTransA(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  n: number,
  k: number,
  scale: number
): void {
  c.fill(0, cOff, cOff + n * k)
  for (let r = 0; r < m; r++) {
    const aRow = aOff + r * n
    const bRow = bOff + r * k
    for (let i = 0; i < n; i++) {
      const d = a[aRow + i] * scale
      if (d === 0) continue
      const cRow = cOff + i * k
      for (let j = 0; j < k; j++) c[cRow + j] += d * b[bRow + j]
    }
  }
}

/** Bias gradient (BP-4): c[n] = scale · Σ_r a[r, ·], the batch mean of δ when scale = 1/m. */
export function columnSums(
  a: Float64Array,
  aOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  n: number,
  scale: number
): void {
  c.fill(0, cOff, cOff + n)
  for (let r = 0; r < m; r++) {
    const aRow = aOff + r * n
    for (let i = 0; i < n; i++) c[cOff + i] += a[aRow + i]
  }
  for (let i = 0; i < n; i++) c[cOff + i] *= scale
}
