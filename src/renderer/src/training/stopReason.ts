/** The status line's sentence for why training ended (issue 5: "a status line that says why"). */
import type { DoneEvent } from '@engine/index'
import { formatValue } from '@renderer/charts/format'

const QUANTITY: Record<string, string> = {
  z: 'z',
  a: 'a',
  loss: 'the loss',
  delta: 'δ',
  grad: '∂C/∂W'
}

/**
 * @param done the engine's done event
 * @param layerName display name for a layer id (the id itself by default)
 */
export function stopReasonText(done: DoneEvent, layerName: (id: string) => string = (id) => id): string {
  const final = done.final
  const loss = final ? ` Loss ${formatValue(final.validation?.loss ?? final.train.loss)}.` : ''
  const epochs = `${done.epoch} epoch${done.epoch === 1 ? '' : 's'}`
  switch (done.reason) {
    case 'epochs':
      return `Finished: all ${epochs} done.${loss}`
    case 'target':
      return `Finished: loss target reached after ${epochs}.${loss}`
    case 'converged':
      return `Finished: the change in loss fell below ε after ${epochs}.${loss}`
    case 'early-stop':
      return (
        `Early stop after ${epochs}: no improvement for the patience window; ` +
        `restored the best weights${done.bestEpoch !== undefined ? ` (epoch ${done.bestEpoch})` : ''}.${loss}`
      )
    case 'non-finite': {
      const at = done.nonFinite
      return at
        ? `Stopped: NaN/∞ in ${QUANTITY[at.quantity] ?? at.quantity} at layer ${layerName(at.layer)}, step ${at.step}. ` +
            'Restored the last good weights; try a smaller learning rate.'
        : `Stopped: ${done.message}`
    }
    case 'diverged': {
      const d = done.diverged
      return d
        ? `Stopped: the loss diverged at step ${d.step} (${formatValue(d.loss)}, above 10⁶ × its lowest ${formatValue(d.lowestLoss)}). ` +
            'Restored the last good weights; try a smaller learning rate.'
        : `Stopped: ${done.message}`
    }
    case 'error':
      return `Stopped: training failed (${done.error ?? done.message}). Restored the last good weights.`
    case 'stopped':
      return `Stopped by user after ${epochs} (step ${done.step}).${loss}`
    default: {
      const never: never = done.reason
      return `Stopped: ${String(never)}`
    }
  }
}
