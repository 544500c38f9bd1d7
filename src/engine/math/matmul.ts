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
  let r = 0
  // Two samples × four output units per tile: each loaded row of B serves two rows of A, each loaded
  // row of A serves four rows of B. Each dot product still sums over j in order (bit-identical).
  for (; r + 1 < m; r += 2) {
    const a0 = aOff + r * k
    const a1 = a0 + k
    const cRow0 = cOff + r * n
    const cRow1 = cRow0 + n
    let i = 0
    for (; i + 3 < n; i += 4) {
      const b0 = bOff + i * k
      const b1 = b0 + k
      const b2 = b1 + k
      const b3 = b2 + k
      let s00 = 0
      let s01 = 0
      let s02 = 0
      let s03 = 0
      let s10 = 0
      let s11 = 0
      let s12 = 0
      let s13 = 0
      for (let j = 0; j < k; j++) {
        const x0 = a[a0 + j]
        const x1 = a[a1 + j]
        const w0 = b[b0 + j]
        const w1 = b[b1 + j]
        const w2 = b[b2 + j]
        const w3 = b[b3 + j]
        s00 += x0 * w0
        s01 += x0 * w1
        s02 += x0 * w2
        s03 += x0 * w3
        s10 += x1 * w0
        s11 += x1 * w1
        s12 += x1 * w2
        s13 += x1 * w3
      }
      store4(c, cRow0 + i, s00, s01, s02, s03, accumulate)
      store4(c, cRow1 + i, s10, s11, s12, s13, accumulate)
    }
    for (; i < n; i++) {
      const bRow = bOff + i * k
      let s0 = 0
      let s1 = 0
      for (let j = 0; j < k; j++) {
        const w = b[bRow + j]
        s0 += a[a0 + j] * w
        s1 += a[a1 + j] * w
      }
      c[cRow0 + i] = accumulate ? c[cRow0 + i] + s0 : s0
      c[cRow1 + i] = accumulate ? c[cRow1 + i] + s1 : s1
    }
  }
  for (; r < m; r++) {
    const aRow = aOff + r * k
    const cRow = cOff + r * n
    for (let i = 0; i < n; i++) {
      const bRow = bOff + i * k
      let s = 0
      for (let j = 0; j < k; j++) s += a[aRow + j] * b[bRow + j]
      c[cRow + i] = accumulate ? c[cRow + i] + s : s
    }
  }
}

function store4(
  c: Float64Array,
  at: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  accumulate: boolean
): void {
  if (accumulate) {
    c[at] += s0
    c[at + 1] += s1
    c[at + 2] += s2
    c[at + 3] += s3
  } else {
    c[at] = s0
    c[at + 1] = s1
    c[at + 2] = s2
    c[at + 3] = s3
  }
}

/**
 * Error carried back (BP-2): C[m × k] += A[m × n] · B[n × k]. Used as dA_src += δ · W.
 * Small B (≤ SMALL_TILE_ELEMS, the usual hidden layer): two rows of C × four columns held in
 * registers while i runs, so each loaded row of B serves two samples and C is read and written once.
 * Large B: loop order r-i-j so the inner loop streams a row of B and a row of C.
 * Either way each C[r][j] adds its terms in order of i.
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
  if (n * k <= SMALL_TILE_ELEMS) {
    matmulAccumulateSmall(a, aOff, b, bOff, c, cOff, m, n, k)
    return
  }
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

/** Below this many elements (32 KiB of float64) an operand is treated as cache-resident and tiled in registers. */
export const SMALL_TILE_ELEMS = 4096

function matmulAccumulateSmall(
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
  let r = 0
  for (; r + 1 < m; r += 2) {
    const a0 = aOff + r * n
    const a1 = a0 + n
    const c0 = cOff + r * k
    const c1 = c0 + k
    let j = 0
    for (; j + 3 < k; j += 4) {
      let s0 = c[c0 + j]
      let s1 = c[c0 + j + 1]
      let s2 = c[c0 + j + 2]
      let s3 = c[c0 + j + 3]
      let t0 = c[c1 + j]
      let t1 = c[c1 + j + 1]
      let t2 = c[c1 + j + 2]
      let t3 = c[c1 + j + 3]
      for (let i = 0, bi = bOff + j; i < n; i++, bi += k) {
        const d = a[a0 + i]
        const e = a[a1 + i]
        const w0 = b[bi]
        const w1 = b[bi + 1]
        const w2 = b[bi + 2]
        const w3 = b[bi + 3]
        s0 += d * w0
        s1 += d * w1
        s2 += d * w2
        s3 += d * w3
        t0 += e * w0
        t1 += e * w1
        t2 += e * w2
        t3 += e * w3
      }
      c[c0 + j] = s0
      c[c0 + j + 1] = s1
      c[c0 + j + 2] = s2
      c[c0 + j + 3] = s3
      c[c1 + j] = t0
      c[c1 + j + 1] = t1
      c[c1 + j + 2] = t2
      c[c1 + j + 3] = t3
    }
    for (; j < k; j++) {
      let s = c[c0 + j]
      let t = c[c1 + j]
      for (let i = 0, bi = bOff + j; i < n; i++, bi += k) {
        const w = b[bi]
        s += a[a0 + i] * w
        t += a[a1 + i] * w
      }
      c[c0 + j] = s
      c[c1 + j] = t
    }
  }
  for (; r < m; r++) {
    const aRow = aOff + r * n
    const cRow = cOff + r * k
    for (let j = 0; j < k; j++) {
      let s = c[cRow + j]
      for (let i = 0, bi = bOff + j; i < n; i++, bi += k) s += a[aRow + i] * b[bi]
      c[cRow + j] = s
    }
  }
}

/**
 * Weight gradient (BP-3): C[n × k] = scale · A[m × n]ᵀ · B[m × k]. Used as ∂C/∂W = (1/m) δᵀ · A_src.
 * Overwrites C. Each C[i][j] sums (scale·A[r][i])·B[r][j] over r in order, whichever path runs.
 * Small B (≤ SMALL_TILE_ELEMS): 2 × 4 outputs held in registers while r runs. Large B: each sample
 * adds the outer product δ_r ⊗ a_r, the inner loop streaming rows of C and B.
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
  if (m * k <= SMALL_TILE_ELEMS) {
    matmulTransASmall(a, aOff, b, bOff, c, cOff, m, n, k, scale)
    return
  }
  c.fill(0, cOff, cOff + n * k)
  let i = 0
  // Four rows of C at a time: each row of B is read once per four outputs.
  for (; i + 3 < n; i += 4) {
    const c0 = cOff + i * k
    const c1 = c0 + k
    const c2 = c1 + k
    const c3 = c2 + k
    for (let r = 0; r < m; r++) {
      const aRow = aOff + r * n + i
      const d0 = a[aRow] * scale
      const d1 = a[aRow + 1] * scale
      const d2 = a[aRow + 2] * scale
      const d3 = a[aRow + 3] * scale
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue
      const bRow = bOff + r * k
      for (let j = 0; j < k; j++) {
        const x = b[bRow + j]
        c[c0 + j] += d0 * x
        c[c1 + j] += d1 * x
        c[c2 + j] += d2 * x
        c[c3 + j] += d3 * x
      }
    }
  }
  for (; i < n; i++) {
    const cRow = cOff + i * k
    for (let r = 0; r < m; r++) {
      const d = a[aOff + r * n + i] * scale
      if (d === 0) continue
      const bRow = bOff + r * k
      for (let j = 0; j < k; j++) c[cRow + j] += d * b[bRow + j]
    }
  }
}

function matmulTransASmall(
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
  let i = 0
  for (; i + 1 < n; i += 2) {
    const c0 = cOff + i * k
    const c1 = c0 + k
    let j = 0
    for (; j + 3 < k; j += 4) {
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      let t0 = 0
      let t1 = 0
      let t2 = 0
      let t3 = 0
      for (let r = 0, ai = aOff + i, bj = bOff + j; r < m; r++, ai += n, bj += k) {
        const d = a[ai] * scale
        const e = a[ai + 1] * scale
        const x0 = b[bj]
        const x1 = b[bj + 1]
        const x2 = b[bj + 2]
        const x3 = b[bj + 3]
        s0 += d * x0
        s1 += d * x1
        s2 += d * x2
        s3 += d * x3
        t0 += e * x0
        t1 += e * x1
        t2 += e * x2
        t3 += e * x3
      }
      c[c0 + j] = s0
      c[c0 + j + 1] = s1
      c[c0 + j + 2] = s2
      c[c0 + j + 3] = s3
      c[c1 + j] = t0
      c[c1 + j + 1] = t1
      c[c1 + j + 2] = t2
      c[c1 + j + 3] = t3
    }
    for (; j < k; j++) {
      let s = 0
      let t = 0
      for (let r = 0, ai = aOff + i, bj = bOff + j; r < m; r++, ai += n, bj += k) {
        const x = b[bj]
        s += a[ai] * scale * x
        t += a[ai + 1] * scale * x
      }
      c[c0 + j] = s
      c[c1 + j] = t
    }
  }
  for (; i < n; i++) {
    const cRow = cOff + i * k
    for (let j = 0; j < k; j++) {
      let s = 0
      for (let r = 0, ai = aOff + i, bj = bOff + j; r < m; r++, ai += n, bj += k) s += a[ai] * scale * b[bj]
      c[cRow + j] = s
    }
  }
}

/**
 * Bias gradient (BP-4): c[n] = scale · Σ_r a[r, ·], the batch mean of δ when scale = 1/m.
 * Four column sums at a time in registers; each sums its rows in order.
 */
export function columnSums(
  a: Float64Array,
  aOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  n: number,
  scale: number
): void {
  let i = 0
  for (; i + 3 < n; i += 4) {
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let r = 0, at = aOff + i; r < m; r++, at += n) {
      s0 += a[at]
      s1 += a[at + 1]
      s2 += a[at + 2]
      s3 += a[at + 3]
    }
    c[cOff + i] = s0 * scale
    c[cOff + i + 1] = s1 * scale
    c[cOff + i + 2] = s2 * scale
    c[cOff + i + 3] = s3 * scale
  }
  for (; i < n; i++) {
    let s = 0
    for (let r = 0, at = aOff + i; r < m; r++, at += n) s += a[at]
    c[cOff + i] = s * scale
  }
}

/**
 * Forward of a dense layer with one bias edge: C[m × n] = A[m × k] · B[n × k]ᵀ + 1·biasᵀ, overwriting C.
 * Each output is (Σ_j A[r][j]·B[i][j]) + bias[i], the same number as filling C with the bias and
 * accumulating matmulTransB onto it, in one pass instead of two. The loop nest repeats matmulTransB's
 * on purpose: one shared nest with a choice of store cost 5–40% on the tiny layers of the W1 benchmark
 * (measured side by side), and these two are the hottest loops of small networks.
 */
export function matmulTransBBias(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  bias: Float64Array,
  biasOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  k: number,
  n: number
): void {
  let r = 0
  for (; r + 1 < m; r += 2) {
    const a0 = aOff + r * k
    const a1 = a0 + k
    const cRow0 = cOff + r * n
    const cRow1 = cRow0 + n
    let i = 0
    for (; i + 3 < n; i += 4) {
      const b0 = bOff + i * k
      const b1 = b0 + k
      const b2 = b1 + k
      const b3 = b2 + k
      let s00 = 0
      let s01 = 0
      let s02 = 0
      let s03 = 0
      let s10 = 0
      let s11 = 0
      let s12 = 0
      let s13 = 0
      for (let j = 0; j < k; j++) {
        const x0 = a[a0 + j]
        const x1 = a[a1 + j]
        const w0 = b[b0 + j]
        const w1 = b[b1 + j]
        const w2 = b[b2 + j]
        const w3 = b[b3 + j]
        s00 += x0 * w0
        s01 += x0 * w1
        s02 += x0 * w2
        s03 += x0 * w3
        s10 += x1 * w0
        s11 += x1 * w1
        s12 += x1 * w2
        s13 += x1 * w3
      }
      const q0 = bias[biasOff + i]
      const q1 = bias[biasOff + i + 1]
      const q2 = bias[biasOff + i + 2]
      const q3 = bias[biasOff + i + 3]
      c[cRow0 + i] = s00 + q0
      c[cRow0 + i + 1] = s01 + q1
      c[cRow0 + i + 2] = s02 + q2
      c[cRow0 + i + 3] = s03 + q3
      c[cRow1 + i] = s10 + q0
      c[cRow1 + i + 1] = s11 + q1
      c[cRow1 + i + 2] = s12 + q2
      c[cRow1 + i + 3] = s13 + q3
    }
    for (; i < n; i++) {
      const bRow = bOff + i * k
      let s0 = 0
      let s1 = 0
      for (let j = 0; j < k; j++) {
        const w = b[bRow + j]
        s0 += a[a0 + j] * w
        s1 += a[a1 + j] * w
      }
      const q = bias[biasOff + i]
      c[cRow0 + i] = s0 + q
      c[cRow1 + i] = s1 + q
    }
  }
  for (; r < m; r++) {
    const aRow = aOff + r * k
    const cRow = cOff + r * n
    for (let i = 0; i < n; i++) {
      const bRow = bOff + i * k
      let s = 0
      for (let j = 0; j < k; j++) s += a[aRow + j] * b[bRow + j]
      c[cRow + i] = s + bias[biasOff + i]
    }
  }
}

/**
 * BP-2 and the chain rule in one pass, for a layer whose ∂C/∂a has a single term:
 * D[m × k] = (A[m × n] · B[n × k]) ⊙ F[m × k], i.e. δ_src = (δ_tgt W) ⊙ f′(z_src), overwriting D.
 * Each sum runs over i in order from 0, then is multiplied by F: the same numbers as zeroing ∂C/∂a,
 * accumulating matmulAccumulate onto it and multiplying by f′ afterwards. For operands of at most
 * SMALL_TILE_ELEMS (the caller checks).
 */
export function matmulDelta(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  f: Float64Array,
  d: Float64Array,
  m: number,
  n: number,
  k: number
): void {
  let r = 0
  for (; r + 1 < m; r += 2) {
    const a0 = aOff + r * n
    const a1 = a0 + n
    const c0 = r * k
    const c1 = c0 + k
    let j = 0
    for (; j + 3 < k; j += 4) {
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      let t0 = 0
      let t1 = 0
      let t2 = 0
      let t3 = 0
      for (let i = 0, bi = bOff + j; i < n; i++, bi += k) {
        const x = a[a0 + i]
        const e = a[a1 + i]
        const w0 = b[bi]
        const w1 = b[bi + 1]
        const w2 = b[bi + 2]
        const w3 = b[bi + 3]
        s0 += x * w0
        s1 += x * w1
        s2 += x * w2
        s3 += x * w3
        t0 += e * w0
        t1 += e * w1
        t2 += e * w2
        t3 += e * w3
      }
      d[c0 + j] = s0 * f[c0 + j]
      d[c0 + j + 1] = s1 * f[c0 + j + 1]
      d[c0 + j + 2] = s2 * f[c0 + j + 2]
      d[c0 + j + 3] = s3 * f[c0 + j + 3]
      d[c1 + j] = t0 * f[c1 + j]
      d[c1 + j + 1] = t1 * f[c1 + j + 1]
      d[c1 + j + 2] = t2 * f[c1 + j + 2]
      d[c1 + j + 3] = t3 * f[c1 + j + 3]
    }
    for (; j < k; j++) {
      let s = 0
      let t = 0
      for (let i = 0, bi = bOff + j; i < n; i++, bi += k) {
        const w = b[bi]
        s += a[a0 + i] * w
        t += a[a1 + i] * w
      }
      d[c0 + j] = s * f[c0 + j]
      d[c1 + j] = t * f[c1 + j]
    }
  }
  for (; r < m; r++) {
    const aRow = aOff + r * n
    const cRow = r * k
    for (let j = 0; j < k; j++) {
      let s = 0
      for (let i = 0, bi = bOff + j; i < n; i++, bi += k) s += a[aRow + i] * b[bi]
      d[cRow + j] = s * f[cRow + j]
    }
  }
}
