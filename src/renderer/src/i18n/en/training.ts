/**
 * English: the training panel, progress, δ badges, weight edges. The settings' words are keyed by
 * the engine's field path (settings.<path>.label / .help) and choice (choices.<path>.<value>): the
 * engine keeps its own English for the command line, the panel translates by key, and
 * test/renderer/i18n-enums.test.ts fails when a field or a choice has no words here.
 */
const training = {
  title: 'Training',
  controls: 'Training controls',
  train: 'Train',
  trainTitle: 'Train ({key})',
  pause: 'Pause',
  pauseTitle: 'Pause ({key})',
  resume: 'Resume',
  resumeTitle: 'Resume ({key})',
  step: 'Step',
  stepTitle: {
    batch: 'Step one batch ({key})',
    epoch: 'Step one epoch ({key})'
  },
  stepUnit: 'Step unit',
  stepUnits: {
    batch: 'one batch',
    epoch: 'one epoch'
  },
  stop: 'Stop',
  stopTitle: 'Stop ({key})',
  reset: 'Reset weights',
  resetTitle: 'Reset weights ({key})',
  overlay: 'Show weights on the graph',
  speed: 'Speed',
  fullSpeed: 'Full speed',
  stepsPerSecondOne: '1 step/s',
  stepsPerSecond: '{n} steps/s',
  /** The status line (stores/training.ts statusNotice); stop reasons are engine.train.*. */
  status: {
    engineStopped: 'Training ended: the engine stopped.',
    paused: 'Paused at epoch {epoch}, step {step}.',
    running: 'Training…',
    starting: 'Starting…',
    failed: '{what} failed: {error}',
    action: {
      train: 'Train',
      pause: 'Pause',
      resume: 'Resume',
      stop: 'Stop',
      step: 'Step',
      resetWeights: 'Reset weights',
      restoreWeights: 'Restore weights',
      setLearningRate: 'Set learning rate',
      setSpeed: 'Set speed',
      setWeight: 'Set weight',
      inspect: 'Inspect',
      gradientCheck: 'Gradient check'
    },
    noEngine: 'The engine is not connected yet.',
    noSetWeight: 'this engine cannot set single weights',
    reinitialised: 'Weights re-initialised ({init}, seed {seed}).',
    resetFresh: 'Weights reset: Train starts from fresh ones ({init}, seed {seed}).',
    restoredRunStart: 'Restored the weights from before this run: Train continues from them.',
    restoredLastGood: 'Restored the last good weights of this run: Train continues from them.',
    badLearningRate: 'The learning rate must be a positive number, got {value}.',
    pauseToEdit: 'Pause training to type in a weight.',
    badWeight: 'A weight must be a finite number, got {value}.',
    trainedFor: 'Weights trained for {epochs} epochs: Train continues from them.',
    trainedForOne: 'Weights trained for 1 epoch: Train continues from them.',
    freshWeights: 'Training from fresh weights: {why}.',
    noWeightsFor: 'there are no weights for {edge} yet',
    wrongShape: '{edge} is {rows}×{cols}, the graph needs {needRows}×{needCols}'
  },
  /** Hovering a weight on the canvas (WeightEdge.vue). */
  weightTip: {
    value: '{name}: W[{i}][{j}] = {w}',
    grad: '∂C/∂w = {g}',
    change: 'last update {change}',
    separator: ' · '
  },
  /** An edge's weights in one line (its accessible name and tooltip). */
  weightSummary: {
    matrix: 'W {rows}×{cols}, mean {absW} {mean}, {positive}% positive',
    estimated: 'W ({count} weights), mean {absW} ≈ {mean}, {positive}% positive'
  },
  ready: 'Ready to train.',
  restore: 'Restore weights',
  restoreRunStart: 'Restore weights before this run',
  restoreLastGood: 'Restore last good weights',
  settingsForm: 'Training settings',
  off: 'off',
  fullBatch: 'Full batch',
  groups: {
    optimiser: 'Optimiser',
    schedule: 'Schedule',
    run: 'Data and run',
    init: 'Initial weights',
    stop: 'Stop rules',
    more: 'More'
  },
  settings: {
    optimizer: {
      label: 'Optimizer',
      help: 'How each step turns the gradient into a weight change.'
    },
    learningRate: {
      label: 'Learning rate (μ)',
      help: 'Step size μ of every update; for Rprop the initial step Δ₀ of every weight.'
    },
    momentum: { label: 'Momentum', help: 'Share of the previous velocity kept each step.' },
    beta1: { label: 'β₁', help: 'Decay of Adam’s mean of the gradient.' },
    beta2: { label: 'β₂', help: 'Decay of Adam’s mean of the squared gradient.' },
    rho: { label: 'ρ', help: 'Decay of RMSprop’s mean square of the gradient.' },
    epsilon: { label: 'ε', help: 'Added to the denominator so it is never zero.' },
    rprop: {
      etaPlus: {
        label: 'η⁺',
        help: 'Rprop: a weight’s step grows by this factor while its gradient keeps its sign.'
      },
      etaMinus: {
        label: 'η⁻',
        help: 'Rprop: a weight’s step shrinks by this factor when its gradient changes sign.'
      },
      deltaMin: { label: 'Δmin', help: 'Rprop: the smallest step (at most Δmax).' },
      deltaMax: { label: 'Δmax', help: 'Rprop: the largest step.' }
    },
    batchSize: {
      label: 'Batch size',
      help: 'Rows per step; 0 = the whole training set (always whole for gd).'
    },
    epochs: { label: 'Epochs', help: 'The most passes over the training rows.' },
    l2: { label: 'L2 (λ)', help: 'Weight decay: adds λ·W to every weight gradient (never to biases).' },
    schedule: {
      kind: { label: 'Schedule', help: 'How the learning rate changes over the epochs.' },
      stepEpochs: { label: 'Step every (epochs)', help: 'Epochs between two drops of the rate.' },
      gamma: {
        label: 'γ',
        help: 'Factor of each drop (step) or of each epoch (exponential; default 0.95 there).'
      },
      periodEpochs: {
        label: 'Period (epochs)',
        help: 'Epochs from the base rate down to the floor (default: the epochs setting).'
      },
      minFactor: { label: 'Floor', help: 'The lowest rate, as a fraction of the base rate.' }
    },
    lossTarget: {
      label: 'Stop at loss',
      help: 'Stop once the monitored loss is at most this (empty: off).'
    },
    minLossChange: {
      label: 'Stop when ΔC is below',
      help: 'The seeds’ rule: stop when the loss changes by less than this between epochs (empty: off).'
    },
    patience: {
      label: 'Patience (epochs)',
      help: 'Early stopping: stop after this many epochs without improvement and restore the best weights (empty: off).'
    },
    shuffle: { label: 'Shuffle rows', help: 'Shuffle the training rows before each epoch.' },
    seed: {
      label: 'Seed',
      help: 'Seeds the shuffle and the initialisation: the same seed gives the same run.'
    },
    init: { label: 'Initializer', help: 'How “Reset weights” draws the starting weights.' }
  },
  choices: {
    optimizer: {
      gd: 'Gradient descent (full batch)',
      sgd: 'SGD (mini-batch)',
      momentum: 'Momentum',
      nesterov: 'Nesterov momentum',
      adam: 'Adam',
      rmsprop: 'RMSprop',
      rprop: 'Rprop'
    },
    schedule: {
      kind: {
        constant: 'constant',
        step: 'step',
        exponential: 'exponential',
        cosine: 'cosine'
      }
    },
    init: {
      'glorot-uniform': 'glorot-uniform',
      'glorot-normal': 'glorot-normal',
      'he-uniform': 'he-uniform',
      'he-normal': 'he-normal',
      'small-uniform': 'small-uniform',
      zeros: 'zeros'
    }
  },
  progress: 'Training progress',
  epochOf: 'Epoch {epoch}/{epochs}',
  stepN: 'step {step}',
  samplesPerSecond: '{n} samples/s',
  left: '{time} left',
  rate: 'lr {rate}',
  separator: ' · ',
  explainer: 'Backprop explainer',
  deltaBadge: 'mean absolute delta {value}',
  deltaBadgeTitle: 'Mean {symbol} of this layer over the last batch',
  clickToType: '{title} — click to type a value',
  overSteps: '{title} (over {n} steps)',
  heatmap: '{name}: W {rows}×{cols} as a heatmap, largest magnitude {max}',
  heatmapPooled: '{name}: W {rows}×{cols} as a heatmap (block means), largest magnitude {max}'
}
export default training
