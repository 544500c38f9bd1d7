import { describe, expect, it } from 'vitest'
import type { ParamSlice } from '../../src/engine/nn/types'
import { createOptimizer, type ParamSet } from '../../src/engine/train/optim'
import {
  resolveTrainSettings,
  TrainSettingsError,
  type TrainSettingsInput
} from '../../src/engine/train/settings'
import { scheduleFactor } from '../../src/engine/train/schedule'
import { OPTIMIZERS, type OptimizerKind } from '../../src/engine/train/types'

/** A parameter set without a network: one weight slice of n numbers (and optionally a bias slice). */
function paramSet(weights: number[], bias: number[] = []): ParamSet {
  const n = weights.length + bias.length
  const slices: ParamSlice[] = [
    { edgeId: 'w', from: 'x', to: 'h', rows: 1, cols: weights.length, offset: 0, isBias: false }
  ]
  if (bias.length > 0) {
    slices.push({
      edgeId: 'b',
      from: 'one',
      to: 'h',
      rows: bias.length,
      cols: 1,
      offset: weights.length,
      isBias: true
    })
  }
  return { params: Float64Array.from([...weights, ...bias]), grads: new Float64Array(n), slices }
}

/** An ill-conditioned bowl C(θ) = ½Σ aᵢ(θᵢ − cᵢ)², the kind of valley where plain descent is slow. */
const curvature = [1, 4, 10, 0.5]
const centre = [1, -2, 0.5, 3]
function bowl(p: ParamSet): number {
  let c = 0
  for (let i = 0; i < curvature.length; i++) {
    const d = p.params[i] - centre[i]
    c += 0.5 * curvature[i] * d * d
    p.grads[i] = curvature[i] * d
  }
  return c
}

describe('optimisers', () => {
  const rates: Record<OptimizerKind, number> = {
    gd: 0.1,
    sgd: 0.1,
    momentum: 0.05,
    nesterov: 0.05,
    adam: 0.1,
    rmsprop: 0.02,
    rprop: 0.1
  }
  for (const kind of OPTIMIZERS) {
    it(`${kind} drives the loss of a quadratic bowl towards its minimum`, () => {
      const p = paramSet([0, 0, 0, 0])
      const opt = createOptimizer(resolveTrainSettings({ optimizer: kind, learningRate: rates[kind] }), p)
      const initial = bowl(p)
      let loss = initial
      for (let t = 0; t < 300; t++) {
        loss = bowl(p)
        opt.step()
      }
      expect(initial).toBeGreaterThan(5)
      expect(loss).toBeLessThan(initial * 1e-3)
    })
  }

  it('Adam matches the update computed by hand from Kingma & Ba, Algorithm 1', () => {
    const p = paramSet([1, -1])
    const opt = createOptimizer(resolveTrainSettings({ optimizer: 'adam', learningRate: 0.1 }), p)
    // t = 1, g = (0.5, -2): m = 0.1g = (0.05, -0.2), v = 0.001g² = (0.00025, 0.004);
    // m̂ = m/0.1 = g, v̂ = v/0.001 = g², so the step is lr·g/(|g| + ε), ±0.1 up to ε = 1e-8.
    p.grads.set([0.5, -2])
    opt.step()
    expect(p.params[0]).toBeCloseTo(1 - (0.1 * 0.5) / (0.5 + 1e-8), 14)
    expect(p.params[1]).toBeCloseTo(-1 + (0.1 * 2) / (2 + 1e-8), 14)
    // t = 2, g = (-0.2, -2):
    //   m₀ = 0.9·0.05 + 0.1·(−0.2) = 0.025,  v₀ = 0.999·0.00025 + 0.001·0.04 = 0.00028975
    //   m̂₀ = 0.025/(1 − 0.81) = 0.13157894736842,  v̂₀ = 0.00028975/(1 − 0.998001) = 0.14494747373687
    //   θ₀ = 0.9 − 0.1·0.13157894736842/√0.14494747373687 = 0.9 − 0.1·0.13157894736842/0.38071968761405
    //      = 0.9 − 0.034560578...
    //   m₁ = 0.9·(−0.2) + 0.1·(−2) = −0.38,  v₁ = 0.999·0.004 + 0.001·4 = 0.007996
    //   m̂₁ = −0.38/0.19 = −2,  v̂₁ = 0.007996/0.001999 = 4,  θ₁ = −0.9 + 0.1·2/2 = −0.8
    p.grads.set([-0.2, -2])
    opt.step()
    expect(p.params[0]).toBeCloseTo(0.9 - 0.034560578, 8)
    expect(p.params[1]).toBeCloseTo(-0.8, 8)
  })

  it('Rprop (iRprop⁻) matches the update computed by hand: grow on equal signs, shrink and hold on a flip', () => {
    const p = paramSet([0, 0, 0])
    const opt = createOptimizer(resolveTrainSettings({ optimizer: 'rprop', learningRate: 0.1 }), p)
    // step 1: no previous gradient, every Δ = Δ₀ = 0.1; θ ← θ − sign(g)·Δ; a zero gradient does not move.
    p.grads.set([0.3, -0.2, 0])
    opt.step()
    expect(Array.from(p.params)).toEqual([-0.1, 0.1, 0])
    // step 2: w0 keeps its sign → Δ = 0.1·1.2 = 0.12 and moves; w1 flips → Δ = 0.1·0.5 = 0.05, no move;
    // w2 had no previous sign → Δ stays 0.1 and moves.
    p.grads.set([0.1, 0.4, 0.5])
    opt.step()
    expect(p.params[0]).toBeCloseTo(-0.1 - 0.12, 15)
    expect(p.params[1]).toBeCloseTo(0.1, 15)
    expect(p.params[2]).toBeCloseTo(-0.1, 15)
    // step 3: w0 again → Δ = 0.144; w1's stored gradient was zeroed by the flip → moves by the reduced 0.05
    // without adapting; w2 flips → Δ = 0.05, no move.
    p.grads.set([0.2, 0.3, -0.1])
    opt.step()
    expect(p.params[0]).toBeCloseTo(-0.22 - 0.144, 15)
    expect(p.params[1]).toBeCloseTo(0.1 - 0.05, 15)
    expect(p.params[2]).toBeCloseTo(-0.1, 15)
  })

  it('Rprop keeps every step size within [Δmin, Δmax]', () => {
    const p = paramSet([0, 0])
    const opt = createOptimizer(
      resolveTrainSettings({
        optimizer: 'rprop',
        learningRate: 0.1,
        rprop: { deltaMax: 0.13, deltaMin: 0.04 }
      }),
      p
    )
    const before = [0, 0]
    const moves: number[][] = []
    for (let t = 0; t < 6; t++) {
      // w0 always positive (grows to the cap), w1 alternates (shrinks to the floor).
      p.grads.set([1, t % 2 === 0 ? 1 : -1])
      before[0] = p.params[0]
      before[1] = p.params[1]
      opt.step()
      moves.push([before[0] - p.params[0], before[1] - p.params[1]])
    }
    expect(moves.map((m) => m[0])).toEqual(
      [0.1, 0.12, 0.13, 0.13, 0.13, 0.13].map((v) => expect.closeTo(v, 12))
    )
    // w1: moves 0.1, flips (Δ 0.05, holds), moves 0.05 without adapting, flips (Δ 0.025 → floor 0.04, holds),
    // moves 0.04
    const w1 = moves.map((m) => m[1])
    expect(w1[0]).toBeCloseTo(0.1, 12)
    expect(w1[1]).toBe(0)
    expect(w1[2]).toBeCloseTo(0.05, 12)
    expect(w1[3]).toBe(0)
    expect(w1[4]).toBeCloseTo(0.04, 12)
  })

  it('momentum and Nesterov follow v ← μv + g; θ ← θ − lr·v (or θ − lr·(g + μv))', () => {
    for (const nesterov of [false, true]) {
      const p = paramSet([0])
      const opt = createOptimizer(
        resolveTrainSettings({
          optimizer: nesterov ? 'nesterov' : 'momentum',
          learningRate: 0.5,
          momentum: 0.9
        }),
        p
      )
      p.grads[0] = 1
      opt.step() // v = 1
      p.grads[0] = 1
      opt.step() // v = 1.9
      const expected = nesterov ? -0.5 * (1 + 0.9) - 0.5 * (1 + 0.9 * 1.9) : -0.5 * 1 - 0.5 * 1.9
      expect(p.params[0]).toBeCloseTo(expected, 14)
    }
  })

  it('RMSprop follows s ← ρs + (1−ρ)g²; θ ← θ − lr·g/(√s + ε)', () => {
    const p = paramSet([0])
    const opt = createOptimizer(
      resolveTrainSettings({ optimizer: 'rmsprop', learningRate: 0.01, rho: 0.9 }),
      p
    )
    p.grads[0] = 2
    opt.step() // s = 0.1·4 = 0.4
    p.grads[0] = -1
    opt.step() // s = 0.36 + 0.1 = 0.46
    expect(p.params[0]).toBeCloseTo((-0.01 * 2) / Math.sqrt(0.4) + 0.01 / Math.sqrt(0.46), 8)
  })

  it('L2 decay shrinks weight matrices and leaves bias vectors alone', () => {
    const p = paramSet([1, -2], [3, 4])
    const opt = createOptimizer(resolveTrainSettings({ optimizer: 'sgd', learningRate: 0.1, l2: 0.5 }), p)
    opt.step() // zero data gradient: W ← W − 0.1·0.5·W = 0.95·W
    expect(Array.from(p.params)).toEqual([0.95, -1.9, 3, 4])
  })

  it('takes a new learning rate mid-run and forgets its state on reset', () => {
    const p = paramSet([0])
    const opt = createOptimizer(
      resolveTrainSettings({ optimizer: 'momentum', learningRate: 1, momentum: 0.5 }),
      p
    )
    p.grads[0] = 1
    opt.step()
    expect(p.params[0]).toBe(-1)
    opt.learningRate = 0.1
    opt.step() // v = 1.5
    expect(p.params[0]).toBeCloseTo(-1.15, 14)
    opt.reset()
    opt.step() // v = 1 again
    expect(p.params[0]).toBeCloseTo(-1.25, 14)
  })

  it('allocates no new state per step (state arrays are reused)', () => {
    const p = paramSet(new Array(1000).fill(0.1))
    for (const kind of OPTIMIZERS) {
      const opt = createOptimizer(resolveTrainSettings({ optimizer: kind }), p)
      p.grads.fill(0.01)
      const before = process.memoryUsage().arrayBuffers
      for (let t = 0; t < 2000; t++) opt.step()
      // 2000 steps that each allocated a 1000-double array would add ~16 MB of array buffers.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1_000_000)
    }
  })
})

describe('learning-rate schedules', () => {
  const s = resolveTrainSettings({ epochs: 20 }).schedule
  it('step, exponential and cosine give the documented factors', () => {
    expect(scheduleFactor({ ...s, kind: 'constant' }, 7)).toBe(1)
    expect(scheduleFactor({ ...s, kind: 'step', stepEpochs: 5, gamma: 0.1 }, 4)).toBe(1)
    expect(scheduleFactor({ ...s, kind: 'step', stepEpochs: 5, gamma: 0.1 }, 12)).toBeCloseTo(0.01, 15)
    expect(scheduleFactor({ ...s, kind: 'exponential', gamma: 0.9 }, 3)).toBeCloseTo(0.729, 15)
    const cos = { ...s, kind: 'cosine' as const, periodEpochs: 10, minFactor: 0.1 }
    expect(scheduleFactor(cos, 0)).toBe(1)
    expect(scheduleFactor(cos, 5)).toBeCloseTo(0.55, 15)
    expect(scheduleFactor(cos, 10)).toBeCloseTo(0.1, 15)
    expect(scheduleFactor(cos, 15)).toBeCloseTo(0.1, 15)
  })
})

describe('training settings', () => {
  it('fills defaults and rejects bad values naming the field', () => {
    const s = resolveTrainSettings({ optimizer: 'sgd', schedule: { kind: 'cosine' }, epochs: 40 })
    expect(s.schedule.periodEpochs).toBe(40)
    expect(s.rprop.etaPlus).toBe(1.2)
    expect(s.rprop.etaMinus).toBe(0.5)
    expect(() => resolveTrainSettings({ learningRate: -1 })).toThrow(/learningRate.*> 0/)
    expect(() => resolveTrainSettings({ optimizer: 'lbfgs' as OptimizerKind })).toThrow(/optimizer.*one of/)
    expect(() => resolveTrainSettings({ batchSize: 2.5 })).toThrow(TrainSettingsError)
    expect(() => resolveTrainSettings({ rprop: { etaMinus: 1.5 } })).toThrow(/rprop\.etaMinus/)
    expect(() => resolveTrainSettings({ patience: 0 })).toThrow(/patience/)
  })

  // Issue 10, item 8: a misspelt key used to train at the default silently; a string schedule too.
  it('refuses an unknown key by name, with the nearest setting', () => {
    const typo = { learnRate: 0.5 } as unknown as TrainSettingsInput
    expect(() => resolveTrainSettings(typo)).toThrow(TrainSettingsError)
    expect(() => resolveTrainSettings(typo)).toThrow(
      /training setting "learnRate": is not a training setting; did you mean "learningRate"\?/
    )
    const nested = { schedule: { kind: 'step', gama: 0.1 } } as unknown as TrainSettingsInput
    expect(() => resolveTrainSettings(nested)).toThrow(/"schedule\.gama".*did you mean "schedule\.gamma"/)
    const far = { colour: 'blue' } as unknown as TrainSettingsInput
    expect(() => resolveTrainSettings(far)).toThrow(
      /"colour": is not a training setting \(known: optimizer, /
    )
  })

  it('refuses a schedule or rprop that is not an object', () => {
    const text = { schedule: 'cosine' } as unknown as TrainSettingsInput
    expect(() => resolveTrainSettings(text)).toThrow(
      /training setting "schedule": expected an object such as \{ "kind": "cosine" \}, got "cosine"/
    )
    expect(() => resolveTrainSettings({ rprop: [] } as unknown as TrainSettingsInput)).toThrow(/"rprop"/)
  })
})
