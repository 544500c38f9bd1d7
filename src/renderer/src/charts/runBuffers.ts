/**
 * Everything the live charts draw for one training run, in bounded buffers. Lives outside deep
 * reactivity (the training store holds it with markRaw and bumps a version ref once per frame), so
 * appending a point never walks a proxy and memory stays fixed however long the run is.
 */
import { SampledHistory, type LayerStats, type Histogram, type ProgressEvent } from '@engine/index'
import { histogramBins, mergeBins, type Bins } from './histogram'
import type { HistogramSnapshot } from './histogramOptions'
import { SeriesBuffer } from './seriesBuffer'

export interface LayerBuffers {
  meanAbsDelta: SeriesBuffer
  deltaNorm: SeriesBuffer
  gradNorm: SeriesBuffer
  deadFraction: SeriesBuffer
  saturatedFraction: SeriesBuffer
  latest: LayerStats | null
}

export interface LayerHistograms {
  weights: Bins | null
  biases: Bins | null
  /** Step of the latest histograms. */
  step: number
  history: SampledHistory<HistogramSnapshot>
}

export class RunBuffers {
  readonly trainLoss: SeriesBuffer
  readonly validationLoss: SeriesBuffer
  readonly trainMetric: SeriesBuffer
  readonly validationMetric: SeriesBuffer
  /** Per dense layer id, in the order first seen (the engine reports topological order). */
  readonly layers = new Map<string, LayerBuffers>()
  readonly histograms = new Map<string, LayerHistograms>()
  /** The latest histogram of each parameter edge, for the graph's summary strokes. */
  readonly edgeHistograms = new Map<string, Histogram>()

  constructor(
    // 256 min/max buckets: at most 514 points a series, still more than a chart pane is wide in
    // pixels; ECharts' layout and paint per setOption grow with the points (the bench's profile).
    // Side by side (bench/README.md) the gain is within this machine's noise.
    private readonly capacity = 256,
    private readonly historyCapacity = 120
  ) {
    this.trainLoss = new SeriesBuffer(capacity)
    this.validationLoss = new SeriesBuffer(capacity)
    this.trainMetric = new SeriesBuffer(capacity)
    this.validationMetric = new SeriesBuffer(capacity)
  }

  /** Dense layer ids in topological order. */
  get layerIds(): string[] {
    return [...this.layers.keys()]
  }

  addLayerStats(step: number, stats: readonly LayerStats[]): void {
    for (const s of stats) {
      let b = this.layers.get(s.id)
      if (!b) {
        b = {
          meanAbsDelta: new SeriesBuffer(this.capacity),
          deltaNorm: new SeriesBuffer(this.capacity),
          gradNorm: new SeriesBuffer(this.capacity),
          deadFraction: new SeriesBuffer(this.capacity),
          saturatedFraction: new SeriesBuffer(this.capacity),
          latest: null
        }
        this.layers.set(s.id, b)
      }
      b.meanAbsDelta.push(step, s.meanAbsDelta)
      b.deltaNorm.push(step, s.deltaNorm)
      b.gradNorm.push(step, s.gradNorm)
      b.deadFraction.push(step, s.deadFraction)
      b.saturatedFraction.push(step, s.saturatedFraction)
      b.latest = s
    }
  }

  addHistograms(step: number, layerId: string, weights: Bins | null, biases: Bins | null): void {
    let h = this.histograms.get(layerId)
    if (!h) {
      h = { weights: null, biases: null, step, history: new SampledHistory(this.historyCapacity) }
      this.histograms.set(layerId, h)
    }
    h.weights = weights
    h.biases = biases
    h.step = step
    if (weights) h.history.push({ step, bins: weights })
  }

  /**
   * Appends one batched progress event: the batch losses per step, the per-epoch train/validation
   * loss and accuracy or R² (plotted at the step that ended the epoch), the δ statistics, and the
   * histograms when present.
   */
  ingest(ev: ProgressEvent): void {
    if (ev.steps.length !== ev.losses.length) {
      throw new Error(
        `progress event: steps has ${ev.steps.length} values but losses has ${ev.losses.length}`
      )
    }
    for (let i = 0; i < ev.steps.length; i++) this.trainLoss.push(ev.steps[i], ev.losses[i])
    for (const e of ev.epochs) {
      if (e.validation) this.validationLoss.push(e.step, e.validation.loss)
      const trainMetric = e.train.accuracy ?? e.train.r2
      if (trainMetric !== undefined) this.trainMetric.push(e.step, trainMetric)
      const valMetric = e.validation?.accuracy ?? e.validation?.r2
      if (valMetric !== undefined) this.validationMetric.push(e.step, valMetric)
    }
    // The engine's samples (many per event: every early step, every few ms later) are the δ curve;
    // an event without them (an older engine, a recorded run) gives its latest batch's statistics.
    const samples = ev.samples ?? []
    if (samples.length > 0) for (const s of samples) this.addLayerStats(s.step, s.layers)
    else if (ev.layers.length > 0) this.addLayerStats(ev.step, ev.layers)
    let lastSampled = NaN
    for (const s of samples) {
      if (!s.histograms) continue
      this.addHistogramSet(s.step, s.histograms)
      lastSampled = s.step
    }
    if (ev.histograms && lastSampled !== ev.step) this.addHistogramSet(ev.step, ev.histograms)
  }

  private addHistogramSet(step: number, hs: readonly Histogram[]): void {
    for (const h of hs) this.edgeHistograms.set(h.edgeId, h)
    for (const [layer, { weights, biases }] of histogramsByLayer(hs))
      this.addHistograms(step, layer, weights, biases)
  }

  clear(): void {
    this.trainLoss.clear()
    this.validationLoss.clear()
    this.trainMetric.clear()
    this.validationMetric.clear()
    this.layers.clear()
    this.histograms.clear()
    this.edgeHistograms.clear()
  }
}

/** Groups an event's per-edge histograms by target layer: weights and biases each merged into one. */
export function histogramsByLayer(
  hs: readonly Histogram[]
): Map<string, { weights: Bins | null; biases: Bins | null }> {
  const grouped = new Map<string, { weights: Bins[]; biases: Bins[] }>()
  for (const h of hs) {
    let g = grouped.get(h.layer)
    if (!g) grouped.set(h.layer, (g = { weights: [], biases: [] }))
    ;(h.isBias ? g.biases : g.weights).push(histogramBins(h))
  }
  const out = new Map<string, { weights: Bins | null; biases: Bins | null }>()
  for (const [layer, g] of grouped)
    out.set(layer, { weights: mergeBins(g.weights), biases: mergeBins(g.biases) })
  return out
}
