/**
 * Steps per second and the time remaining, measured in the renderer from the progress events
 * (paused time is not counted, because a pause resets the meter).
 */
export class RateMeter {
  private lastStep = 0
  private lastTime = NaN
  /** Smoothed steps per second; NaN until two readings exist. */
  stepsPerSecond = NaN

  /** @param smoothing EMA weight of the previous rate (readings come ~10 times a second) */
  constructor(private readonly smoothing = 0.8) {}

  update(step: number, nowMs: number): void {
    if (Number.isNaN(this.lastTime) || step < this.lastStep) {
      this.lastStep = step
      this.lastTime = nowMs
      return
    }
    const dt = (nowMs - this.lastTime) / 1000
    if (dt <= 0) return
    const rate = (step - this.lastStep) / dt
    this.stepsPerSecond = Number.isNaN(this.stepsPerSecond)
      ? rate
      : this.smoothing * this.stepsPerSecond + (1 - this.smoothing) * rate
    this.lastStep = step
    this.lastTime = nowMs
  }

  /** Forget the last reading (after a pause) but keep the rate. */
  reset(): void {
    this.lastTime = NaN
  }

  /** Seconds left to reach totalSteps, or NaN when unknown. */
  etaSeconds(step: number, totalSteps: number): number {
    if (!(this.stepsPerSecond > 0) || !Number.isFinite(totalSteps)) return NaN
    return Math.max(0, totalSteps - step) / this.stepsPerSecond
  }
}

/** 75 → "1:15", 3725 → "1:02:05", NaN → "–" */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–'
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
