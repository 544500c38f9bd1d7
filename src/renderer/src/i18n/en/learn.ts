/**
 * English. The source catalogue: zh-CN/learn.ts must have the same keys (test/renderer/i18n.test.ts).
 * vue-i18n's message syntax treats { } @ $ | specially: numbers come in as {named} parameters,
 * formulas stay out of here (they are KaTeX in the lessons' code).
 */
const learn = {
  locale: {
    label: 'Language',
    en: 'English',
    'zh-CN': '简体中文'
  },
  learn: {
    open: 'Learn',
    title: 'Learn backpropagation',
    close: 'Close lessons',
    lesson: 'Lesson',
    seeds: 'Tutorial {seeds}',
    replaceWhat: 'Building the lesson’s network',
    build: 'Build on canvas',
    built: 'The lesson’s network is on the canvas with its exact weights.',
    stepOf: 'Step {n} of {total}',
    previous: 'Previous step',
    next: 'Next step',
    steps: 'Lesson steps',
    phase: {
      forward: 'Forward',
      loss: 'Loss',
      backward: 'Backward',
      update: 'Update',
      summary: 'Summary'
    },
    formulas: 'Formulas',
    equations: 'The four equations (BP-1 to BP-4)',
    onGraph: 'Numbers on the graph',
    slip: 'The tutorial slips here',
    tableOk: 'checks out',
    tableWrong: 'does not check out',
    table: 'Table',
    chart: 'Chart',
    chartLog: 'logarithmic scale',
    exercise: 'Exercise',
    exerciseOwn: 'Exercise on my graph',
    exerciseOwnNeeds:
      'First press Explain in the Training tab: exercises on your own graph use that sample’s pass.'
  },
  exercise: {
    title: 'Exercise',
    hide: 'Quantity to hide',
    kinds: {
      z: 'weighted input z',
      a: 'activation a',
      loss: 'loss',
      delta: 'error δ = ∂C/∂z',
      dCda: 'error ∂C/∂a',
      dCdW: 'weight gradient ∂C/∂w',
      updated: 'weight after one gradient-descent step'
    },
    ask: 'Work out {symbol} by hand and type it.',
    givens: 'Given: the inputs, targets and weights on the canvas',
    learningRate: 'gradient-descent step α = {alpha}',
    batch: 'batch size m = {m}',
    answer: 'Your value',
    check: 'Check',
    tolerance: 'Right when within {percent} of the exact value.',
    right: 'Right! The exact value is {exact}.',
    wrong: 'Not right.',
    notNumber: '“{text}” is not a number.',
    unknown: 'I do not know which slip gives this number.',
    reveal: 'Show the answer',
    exact: 'The exact value is {exact}.',
    next: 'Next question',
    back: 'Back to the lesson',
    none: 'This network has no such quantity.',
    slips: {
      gradientForError:
        'That is {symbol}, a weight’s gradient ∂C/∂w, not the error. The error ∂C/∂z (or ∂C/∂a) is what is multiplied by the input to give ∂C/∂w.',
      fPrimeForgotten: 'f′(z) is missing: that number is ∂C/∂a. δ = ∂C/∂a ⊙ f′(z).',
      gradientForWeights:
        'The error was carried back with the gradients ∂C/∂W instead of the weights W (seed 000’s pseudo-code does the same). Use Wᵀδ.',
      batchMeanForgotten: 'The 1/m is missing: that is the sum over the batch, m = {m} times the mean.',
      stepSign: 'The step has the wrong sign: w − α·∂C/∂w goes downhill, w + α·∂C/∂w goes uphill.',
      halfForgotten:
        'The ½ of the squared error is missing: with E = ½(a − y)², ∂E/∂a = a − y, with no factor 2.',
      errorSign: 'The sign is wrong: the error is a − y, not y − a.',
      activationMixup: 'That is {symbol}: z and a are swapped (the activation forgotten or applied twice).',
      otherQuantity: 'That is {symbol}, another number of this pass.'
    }
  },
  notation: {
    loss: {
      'squared-error': 'squared error, C = ½‖y − a‖² (the ½ cancels the 2 of the derivative)',
      'binary-cross-entropy': 'binary cross-entropy, C = −[y ln a + (1 − y) ln(1 − a)]',
      'cross-entropy': 'cross-entropy, C = −Σ y ln a',
      'mean-absolute-error': 'mean absolute error, C = mean of the absolute differences between y and a',
      huber: 'Huber loss (squared near 0, absolute far away)'
    },
    sample: 'Sample {sample}',
    csvRow: 'CSV line {row}',
    userUnits: 'in your units: {value}',
    size: '{n} values',
    matrixSize: '{rows}×{cols}',
    saturatedHidden:
      'Saturated: {count} of {units} hidden units have f′(z) below {threshold}; δ hardly passes through them.',
    layer: 'layer {l}'
  },
  lessons: {
    hand: {
      title: 'Seed 001’s hand calculation (2-2-1, sigmoid)',
      summary:
        'The tutorial’s own network: inputs x₁ = 0.35, x₂ = 0.9, target t₅ = 0.5, six weights and no bias. Forward to the loss E, then back to every ∂E/∂w.',
      hiddenSum:
        'Each hidden unit adds up its weighted inputs: x₃ = w₁₃x₁ + w₂₃x₂ = {x3}, x₄ = w₁₄x₁ + w₂₄x₂ = {x4}. Seed 001 writes x for a unit’s weighted sum and O for its output.',
      hiddenOut: 'The sigmoid squashes each sum into (0, 1): O₃ = σ(x₃) = {O3}, O₄ = σ(x₄) = {O4}.',
      output: 'The output unit does the same with the hidden outputs: x₅ = {x5}, O₅ = σ(x₅) = {O5}.',
      loss: 'The loss is half the squared error: E = ½(O₅ − t₅)² = {E}. The ½ is there so that it cancels the 2 of the derivative: ∂E/∂O₅ = O₅ − t₅.',
      deltaOut:
        'Backward starts at the output (BP-1): δ₅ = ∂E/∂x₅ = ∂E/∂O₅ · σ′(x₅) = {dEdO5} × {fPrime} = {delta5}.',
      gradOut:
        'An output weight’s gradient is δ₅ times what flowed along the weight (BP-3): ∂E/∂w₃₅ = δ₅O₃ = {g35}, ∂E/∂w₄₅ = δ₅O₄ = {g45}.',
      deltaHidden:
        'δ₅ goes back along the weights and is multiplied by each hidden unit’s σ′ (BP-2): δ₃ = {delta3}, δ₄ = {delta4}.',
      gradHidden:
        'The hidden weights’ gradients are again δ times the input (BP-3): ∂E/∂w₁₃ = δ₃x₁ = {g13}, some thirty times smaller than the output layer’s.',
      update:
        'Gradient descent moves every weight against its gradient with step α = {alpha}. Run again with the new weights, E falls from {before} to {after}.'
    },
    xnor: {
      title: 'XNOR from AND, NOR and OR gates',
      summary:
        'Logistic units with large weights act as logic gates. AND and NOR in the hidden layer and OR at the output make XNOR, which no single line can separate.',
      and: 'The first hidden unit is AND: only x₁ = x₂ = 1 lifts −30 + 20x₁ + 20x₂ above 0. The table is the engine’s output for the four rows.',
      nor: 'The second hidden unit is NOR: 10 − 20x₁ − 20x₂ is positive only for (0, 0).',
      or: 'The output unit is OR of the two hidden units: it fires when AND or NOR does.',
      table: 'Together: 1 when x₁ = x₂, else 0. Every row is checked against XNOR by the engine, live.'
    },
    bias: {
      title: 'Bias as a constant-1 unit',
      summary: 'z = Wx + b, or a unit x₀ = 1 whose weights are b: the same numbers both ways.',
      twoWays:
        'Seeds 002 and 003 add a bias vector b; seeds 000 and 001 add an input that is always 1 and give it weights. The canvas draws the second way: a bias unit whose edge carries b.',
      forward:
        'The engine runs both networks. Every z, every a and the loss C = {C} agree to the last digit.',
      gradient: 'Backward as well: the gradient of a bias is δ (BP-4), because its input x₀ is 1 (BP-3).'
    },
    residual: {
      title: 'The residual unit Y = X + σ(z)',
      summary:
        'A skip connection adds a layer’s input to its output. Backward, it passes ∂C/∂Y straight through.',
      forward: 'The second layer’s output is its input plus the usual sigmoid term: Y = X + σ(W⁽³⁾X).',
      deltaOut: 'At the output, δ⁽³⁾ = ∂C/∂Y ⊙ σ′(z⁽³⁾), as always (BP-1).',
      throughSkip:
        '∂C/∂X has two terms (BP-2): through the weights, (W⁽³⁾)ᵀδ⁽³⁾ = {viaW} for the first unit, and through the skip, ∂C/∂Y itself = {viaSkip}, with no σ′ to shrink it.',
      deltaHidden: 'Then δ⁽²⁾ = ∂C/∂X ⊙ σ′(z⁽²⁾), and the gradients follow as always (BP-3).'
    },
    batch: {
      title: 'Batch averaging: the 1/m',
      summary:
        'With m samples the cost is the mean of their losses, so every gradient is the mean of the samples’ gradients.',
      perSample:
        'Seed 001’s network on m = {m} samples: each sample has its own pass and its own ∂E/∂w₃₅ (one row each).',
      mean: 'The batch gradient is their mean: ∂C/∂w₃₅ = {g35}. The engine computes it batched, and it equals the mean of the rows.',
      sumSlip:
        'Forget the 1/m and the sum {sum} is {m} times too large: the step would grow with the batch size. Seed 003 writes the 1/m as μ/N.'
    },
    vanishing: {
      title: 'Vanishing gradients, then ReLU and skips',
      summary:
        'Six sigmoid layers: δ shrinks at every layer on the way back. ReLU and skip connections keep it alive.',
      sigmoid:
        'Each layer back multiplies δ by σ′ ≤ 0.25 (BP-2). The first hidden layer’s mean absolute δ is {ratio} times the output’s.',
      relu: 'The same network with ReLU (f′ = 1 where a unit is active): the first layer keeps {ratio} of the output’s mean absolute δ.',
      skip: 'Sigmoid again, with a skip connection around every layer: ∂C/∂a passes straight back, and the ratio is {ratio}.',
      series: {
        sigmoid: 'sigmoid',
        relu: 'ReLU',
        skip: 'sigmoid + skips'
      }
    },
    rprop: {
      title: 'Rprop against gradient descent',
      summary:
        'The same 2-2-1 network learns XNOR from the same start, once with gradient descent and once with Rprop.',
      gd: 'Gradient descent with μ = {rate}: after {steps} steps the loss has only gone from {first} to {last}. On this plateau the gradients are tiny, and so are the steps.',
      rprop:
        'Rprop uses only the sign of each gradient, with a step Δ per weight that grows while the sign holds and halves when it flips. Same start, same number of steps: loss {last}.',
      outputs: 'Rprop’s network now computes XNOR; gradient descent’s still answers about 0.5 everywhere.',
      series: {
        gd: 'gradient descent',
        rprop: 'Rprop'
      }
    },
    bce: {
      title: 'Binary cross-entropy with a sigmoid output',
      summary: 'With binary cross-entropy and a sigmoid output, the output error is simply δ = a − y.',
      forward:
        'The output a⁽³⁾ = {a} is read as the probability that y = 1; since y = 1, the loss is C = −ln a⁽³⁾ = {C}.',
      chain: 'The chain rule in full (BP-1): ∂C/∂a = {dCda}, σ′ = {fPrime}, and their product is {product}.',
      delta:
        'The a(1 − a) of σ′ cancels the loss’s denominators: δ⁽³⁾ = a⁽³⁾ − y = {delta}, which is the engine’s δ.',
      gradients: 'From here backpropagation goes on as in every lesson (BP-2, BP-3, BP-4).'
    },
    slips: {
      o3: 'The tutorial prints O₃ = 0.69, but σ(0.755) = {correct}. 0.69 is O₅, the output’s value.',
      dx5: 'The tutorial prints ∂E/∂x₅ = 0.027, but (O₅ − t₅)·O₅(1 − O₅) = {correct}. 0.027 is ∂E/∂w₄₅ = δ₅O₄.',
      w44: 'The tutorial writes ∂E/∂w₄₄ and w₄₄. There is no such weight: it means w₂₄.',
      nor: 'The tutorial writes the NOR unit as g(−10 − 20x₁ − 20x₂). With a bias of −10 the row (0, 0) gives g(−10) = {printed}, not 1. The bias must be +10: g(10) = {correct}.',
      orForm:
        'The tutorial rewrites g(−10 + 20x₁ + 20x₂) as 1/(1 + e^−(10 + 20x₁ + 20x₂)): the sign of the 10 flips on the way. The g(…) form is the right one.',
      xnorName: 'The tutorial calls the result XOR (异或), but its table 1, 0, 0, 1 is XNOR (同或).',
      bceSign:
        'Seed 000 says that with cross-entropy δ is y − a. It is a − y = {correct}; y − a = {printed} would step uphill.'
    }
  }
}

export default learn
