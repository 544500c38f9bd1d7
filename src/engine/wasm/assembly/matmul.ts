/**
 * AssemblyScript source of the WebAssembly SIMD (f64x2) matrix kernels — the fast twins of
 * src/engine/math/matmul.ts, which stays the reference they are tested against.
 * Built by `npm run build:wasm` (asc --enable simd -O3) into ../matmul.wasm.generated.ts.
 *
 * Arguments are byte addresses into this module's memory; matrices are row-major float64.
 * Rows are samples: A is [m × k], W is [n × k] (rows = target units), δ is [m × n].
 * Each kernel is register-tiled: a few rows × two f64x2 vectors of accumulators stay in registers
 * while the shared dimension is streamed, so every load feeds several multiply-adds.
 * No kernel allocates; remainders (odd sizes, non-multiples of the tile) fall back to scalar loops.
 */

/** Σ_j a[j]·b[j] over k contiguous doubles (two lanes, then one scalar tail). */
function dot(a: usize, b: usize, k: i32): f64 {
  let s = f64x2.splat(0)
  let j = 0
  for (; j + 1 < k; j += 2)
    s = f64x2.add(s, f64x2.mul(v128.load(a + ((<usize>j) << 3)), v128.load(b + ((<usize>j) << 3))))
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1)
  if (j < k) t += load<f64>(a + ((<usize>j) << 3)) * load<f64>(b + ((<usize>j) << 3))
  return t
}

function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1)
}

/**
 * Forward: C[m × n] = A[m × k] · B[n × k]ᵀ (C += … when accumulate ≠ 0). Used as Z (+)= A_src · Wᵀ.
 * Tile: 2 rows of A × 4 rows of B, the k axis in f64x2 lanes (both operands are contiguous along k).
 */
export function matmulTransB(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, accumulate: i32): void {
  const kEven = k & ~1
  const rowA = (<usize>k) << 3
  let r = 0
  for (; r + 1 < m; r += 2) {
    const a0 = a + <usize>r * rowA
    const a1 = a0 + rowA
    const c0 = c + ((<usize>(r * n)) << 3)
    const c1 = c0 + ((<usize>n) << 3)
    let i = 0
    for (; i + 3 < n; i += 4) {
      const b0 = b + <usize>i * rowA
      const b1 = b0 + rowA
      const b2 = b1 + rowA
      const b3 = b2 + rowA
      let s00 = f64x2.splat(0),
        s01 = f64x2.splat(0),
        s02 = f64x2.splat(0),
        s03 = f64x2.splat(0)
      let s10 = f64x2.splat(0),
        s11 = f64x2.splat(0),
        s12 = f64x2.splat(0),
        s13 = f64x2.splat(0)
      for (let j = 0; j < kEven; j += 2) {
        const o = (<usize>j) << 3
        const x0 = v128.load(a0 + o)
        const x1 = v128.load(a1 + o)
        const w0 = v128.load(b0 + o)
        const w1 = v128.load(b1 + o)
        const w2 = v128.load(b2 + o)
        const w3 = v128.load(b3 + o)
        s00 = f64x2.add(s00, f64x2.mul(x0, w0))
        s01 = f64x2.add(s01, f64x2.mul(x0, w1))
        s02 = f64x2.add(s02, f64x2.mul(x0, w2))
        s03 = f64x2.add(s03, f64x2.mul(x0, w3))
        s10 = f64x2.add(s10, f64x2.mul(x1, w0))
        s11 = f64x2.add(s11, f64x2.mul(x1, w1))
        s12 = f64x2.add(s12, f64x2.mul(x1, w2))
        s13 = f64x2.add(s13, f64x2.mul(x1, w3))
      }
      let t00 = hsum(s00),
        t01 = hsum(s01),
        t02 = hsum(s02),
        t03 = hsum(s03)
      let t10 = hsum(s10),
        t11 = hsum(s11),
        t12 = hsum(s12),
        t13 = hsum(s13)
      if (kEven < k) {
        const o = (<usize>kEven) << 3
        const x0 = load<f64>(a0 + o)
        const x1 = load<f64>(a1 + o)
        const w0 = load<f64>(b0 + o),
          w1 = load<f64>(b1 + o),
          w2 = load<f64>(b2 + o),
          w3 = load<f64>(b3 + o)
        t00 += x0 * w0
        t01 += x0 * w1
        t02 += x0 * w2
        t03 += x0 * w3
        t10 += x1 * w0
        t11 += x1 * w1
        t12 += x1 * w2
        t13 += x1 * w3
      }
      const o = (<usize>i) << 3
      if (accumulate) {
        t00 += load<f64>(c0 + o)
        t01 += load<f64>(c0 + o + 8)
        t02 += load<f64>(c0 + o + 16)
        t03 += load<f64>(c0 + o + 24)
        t10 += load<f64>(c1 + o)
        t11 += load<f64>(c1 + o + 8)
        t12 += load<f64>(c1 + o + 16)
        t13 += load<f64>(c1 + o + 24)
      }
      store<f64>(c0 + o, t00)
      store<f64>(c0 + o + 8, t01)
      store<f64>(c0 + o + 16, t02)
      store<f64>(c0 + o + 24, t03)
      store<f64>(c1 + o, t10)
      store<f64>(c1 + o + 8, t11)
      store<f64>(c1 + o + 16, t12)
      store<f64>(c1 + o + 24, t13)
    }
    for (; i < n; i++) {
      const bi = b + <usize>i * rowA
      const o = (<usize>i) << 3
      const t0 = dot(a0, bi, k)
      const t1 = dot(a1, bi, k)
      store<f64>(c0 + o, accumulate ? load<f64>(c0 + o) + t0 : t0)
      store<f64>(c1 + o, accumulate ? load<f64>(c1 + o) + t1 : t1)
    }
  }
  if (r < m) {
    const a0 = a + <usize>r * rowA
    const c0 = c + ((<usize>(r * n)) << 3)
    for (let i = 0; i < n; i++) {
      const o = (<usize>i) << 3
      const t = dot(a0, b + <usize>i * rowA, k)
      store<f64>(c0 + o, accumulate ? load<f64>(c0 + o) + t : t)
    }
  }
}

/**
 * C[rows × cols] += Σ_s P[s, ·]ᵀ-weighted rows of Q — the shared core of BP-2 and BP-3:
 * C[i, j] += Σ_{s < depth} P(i, s) · Q[s, j], where P(i, s) is read at p + (i·pRow + s·pCol)·8.
 * The j axis is in f64x2 lanes (Q and C are contiguous along it); tile 4 rows × 4 columns.
 */
function accumulateProducts(
  p: usize,
  pRow: i32,
  pCol: i32,
  q: usize,
  c: usize,
  rows: i32,
  depth: i32,
  cols: i32
): void {
  const rowQ = (<usize>cols) << 3
  const pR = (<usize>pRow) << 3
  const pC = (<usize>pCol) << 3
  const colsTile = cols & ~3
  let i = 0
  for (; i + 3 < rows; i += 4) {
    const p0 = p + <usize>i * pR
    const p1 = p0 + pR
    const p2 = p1 + pR
    const p3 = p2 + pR
    const c0 = c + <usize>i * rowQ
    const c1 = c0 + rowQ
    const c2 = c1 + rowQ
    const c3 = c2 + rowQ
    for (let j = 0; j < colsTile; j += 4) {
      const o = (<usize>j) << 3
      let u00 = v128.load(c0 + o),
        u01 = v128.load(c0 + o + 16)
      let u10 = v128.load(c1 + o),
        u11 = v128.load(c1 + o + 16)
      let u20 = v128.load(c2 + o),
        u21 = v128.load(c2 + o + 16)
      let u30 = v128.load(c3 + o),
        u31 = v128.load(c3 + o + 16)
      for (let s = 0; s < depth; s++) {
        const qs = q + <usize>s * rowQ + o
        const y0 = v128.load(qs)
        const y1 = v128.load(qs + 16)
        const ps = <usize>s * pC
        const x0 = f64x2.splat(load<f64>(p0 + ps))
        const x1 = f64x2.splat(load<f64>(p1 + ps))
        const x2 = f64x2.splat(load<f64>(p2 + ps))
        const x3 = f64x2.splat(load<f64>(p3 + ps))
        u00 = f64x2.add(u00, f64x2.mul(x0, y0))
        u01 = f64x2.add(u01, f64x2.mul(x0, y1))
        u10 = f64x2.add(u10, f64x2.mul(x1, y0))
        u11 = f64x2.add(u11, f64x2.mul(x1, y1))
        u20 = f64x2.add(u20, f64x2.mul(x2, y0))
        u21 = f64x2.add(u21, f64x2.mul(x2, y1))
        u30 = f64x2.add(u30, f64x2.mul(x3, y0))
        u31 = f64x2.add(u31, f64x2.mul(x3, y1))
      }
      v128.store(c0 + o, u00)
      v128.store(c0 + o + 16, u01)
      v128.store(c1 + o, u10)
      v128.store(c1 + o + 16, u11)
      v128.store(c2 + o, u20)
      v128.store(c2 + o + 16, u21)
      v128.store(c3 + o, u30)
      v128.store(c3 + o + 16, u31)
    }
    for (let j = colsTile; j < cols; j++) {
      const o = (<usize>j) << 3
      let t0 = load<f64>(c0 + o),
        t1 = load<f64>(c1 + o),
        t2 = load<f64>(c2 + o),
        t3 = load<f64>(c3 + o)
      for (let s = 0; s < depth; s++) {
        const y = load<f64>(q + <usize>s * rowQ + o)
        const ps = <usize>s * pC
        t0 += load<f64>(p0 + ps) * y
        t1 += load<f64>(p1 + ps) * y
        t2 += load<f64>(p2 + ps) * y
        t3 += load<f64>(p3 + ps) * y
      }
      store<f64>(c0 + o, t0)
      store<f64>(c1 + o, t1)
      store<f64>(c2 + o, t2)
      store<f64>(c3 + o, t3)
    }
  }
  for (; i < rows; i++) {
    const pi = p + <usize>i * pR
    const ci = c + <usize>i * rowQ
    for (let s = 0; s < depth; s++) {
      const x = load<f64>(pi + <usize>s * pC)
      const xs = f64x2.splat(x)
      const qs = q + <usize>s * rowQ
      let j = 0
      for (; j + 1 < cols; j += 2) {
        const o = (<usize>j) << 3
        v128.store(ci + o, f64x2.add(v128.load(ci + o), f64x2.mul(xs, v128.load(qs + o))))
      }
      if (j < cols) {
        const o = (<usize>j) << 3
        store<f64>(ci + o, load<f64>(ci + o) + x * load<f64>(qs + o))
      }
    }
  }
}

/** Error carried back (BP-2): C[m × k] += A[m × n] · B[n × k]. Used as dA_src += δ · W. */
export function matmulAccumulate(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32): void {
  accumulateProducts(a, n, 1, b, c, m, n, k)
}

/**
 * Weight gradient (BP-3): C[n × k] = scale · A[m × n]ᵀ · B[m × k]. Used as ∂C/∂W = (1/m) δᵀ · A_src.
 * Overwrites C: it is zeroed, the products accumulated, then scaled once.
 */
export function matmulTransA(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, scale: f64): void {
  const size = n * k
  memory.fill(c, 0, (<usize>size) << 3)
  accumulateProducts(a, 1, n, b, c, n, m, k)
  const f = f64x2.splat(scale)
  let j = 0
  for (; j + 1 < size; j += 2) {
    const o = c + ((<usize>j) << 3)
    v128.store(o, f64x2.mul(v128.load(o), f))
  }
  if (j < size) store<f64>(c + ((<usize>j) << 3), load<f64>(c + ((<usize>j) << 3)) * scale)
}
