/**
 * English: the live charts: loss, δ, histograms, boundary, confusion, predicted vs actual.
 * Formulas with a bar (|δ|) come in as the {d} parameter: | is vue-i18n syntax.
 */
const charts = {
  panel: 'Charts',
  savePng: 'Save PNG',
  savePngOf: 'Save PNG of {title}',
  saveCsv: 'Save CSV',
  saveCsvOf: 'Save CSV of {title}',
  axis: {
    step: 'step',
    loss: 'loss',
    magnitude: 'magnitude',
    value: 'value',
    weight: 'weight',
    weights: 'weights',
    biases: 'biases',
    predicted: 'predicted',
    actual: 'actual',
    actualOf: 'actual {name}'
  },
  series: {
    train: 'train',
    validation: 'validation',
    meanDelta: '{layer} mean {d}',
    gradNorm: '{layer} ‖∂C/∂W‖',
    trainingRows: 'training rows',
    validationRows: 'validation rows',
    decision: 'decision',
    confusion: 'confusion'
  },
  tooltip: {
    historyStep: 'step {step}',
    historyPeak: 'most weights at w ≈ {w}: {n} of {total}',
    confusionCell: 'actual {actual}, predicted {predicted}: {count}',
    predVsActual: 'actual {actual}, predicted {predicted}'
  },
  rows: {
    train: '{n} training rows (none held out)',
    trainOne: '1 training row (none held out)',
    validation: '{n} validation rows',
    validationOne: '1 validation row'
  },
  loss: {
    title: 'Loss',
    logScale: 'Log scale',
    smoothing: 'Smoothing',
    empty: 'No loss yet.',
    summary: 'Train loss {loss} at step {step} ({count} points recorded).',
    summaryWithValidation:
      'Train loss {loss} at step {step}, validation loss {validation} ({count} points recorded).'
  },
  metric: {
    accuracyTitle: 'Accuracy',
    r2Title: 'R²',
    accuracy: 'accuracy',
    r2: 'R²',
    empty: 'No {metric} yet.',
    summary: 'Train {metric} {train}.',
    summaryWithValidation: 'Train {metric} {train}, validation {validation}.'
  },
  delta: {
    title: 'Backpropagated error δ',
    empty: 'No δ statistics yet.',
    summaryLayer: '{layer} mean {d} {value}',
    summary: '{n} layers: {list}.',
    unitsCaption: 'Unit health per layer (last batch)',
    layer: 'layer',
    meanDelta: 'mean {d}',
    dead: 'dead',
    saturated: 'saturated',
    saturatedHiddenOnly:
      'Saturation is counted in hidden layers only: the output layer’s δ comes from the loss.',
    notCounted: '—',
    vanishing:
      'Vanishing gradients: mean {d} in {first} is {factor} smaller than in {last}. Early layers barely learn; try ReLU, skip connections or He initialisation.',
    exploding:
      'Exploding gradients: mean {d} in {first} is {factor} larger than in {last}. Try a smaller learning rate or smaller initial weights.',
    factor: '{factor}×',
    infinitely: 'infinitely'
  },
  histogram: {
    title: 'Weight histogram',
    historyTitle: 'Weights over time',
    layer: 'Layer',
    layerSelect: 'Histogram layer',
    empty: 'No weight histogram yet.',
    summary: '{layer}: {n} weights in {bins} bins at step {step}.'
  },
  confusion: {
    title: 'Confusion matrix',
    summary: '{label} {accuracy} over {n} classes.',
    trainAccuracy: 'Training accuracy',
    validationAccuracy: 'Validation accuracy',
    csvCorner: 'actual \\ predicted'
  },
  boundary: {
    title: 'Decision boundary',
    summary: 'Decision regions of {n} classes over {x} × {y}, {rows} drawn.',
    class: 'class',
    confidence: 'confidence'
  },
  predVsActual: {
    title: 'Predicted vs actual',
    summary: '{rows} of {target}.'
  }
}

export default charts
