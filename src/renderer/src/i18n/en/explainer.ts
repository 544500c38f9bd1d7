/**
 * English: the backprop explainer and its matrices (the notation keys stay in learn.ts). How δ was
 * obtained is keyed by the engine's DELTA_RULES (test/renderer/i18n-enums.test.ts checks each).
 */
const explainer = {
  title: 'Backprop explainer',
  sample: 'Sample',
  sampleRow: 'Sample row',
  explain: 'Explain',
  layer: 'Layer',
  layerToExplain: 'Layer to explain',
  checkGradients: 'Check gradients',
  empty: 'Pick a sample and press Explain to see one forward and backward pass with your network’s numbers.',
  lossOf: '{sample}: C =',
  steps: 'Backward pass steps',
  previous: 'Previous step',
  next: 'Next step',
  stepOf: 'Backward step {n} of {total}: layer {layer}',
  outputNote: '(output, next to the loss)',
  forwardPass: 'Forward pass',
  forward: 'Forward',
  backwardPass: 'Backward pass',
  backward: 'Backward',
  gradientsBlock: 'Gradients',
  gradients: 'Gradients (BP-3, BP-4)',
  target: 'target y',
  fanOut:
    '∂C/∂a{l} = Σ over out-edges: (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾, plus ∂C/∂a of each skip target (BP-2, the fan-out-and-sum)',
  fromLoss: '∂C/∂a{l} from the loss',
  viaSkip: '∂C/∂a{l} via the skip',
  sum: '∂C/∂a{l} (sum)',
  residual: 'The terms differ from ∂C/∂a by {value}.',
  deltaRules: {
    chain: 'δ = ∂C/∂a ⊙ f′(z).',
    'softmax-jacobian':
      'Softmax has no elementwise f′: δ_j = a_j (∂C/∂a_j − Σ_k a_k ∂C/∂a_k), the softmax Jacobian applied to ∂C/∂a.',
    'softmax-cross-entropy': 'Softmax with cross-entropy: the Jacobian and −y/a cancel to δ = a − y.',
    'sigmoid-binary-cross-entropy':
      'Sigmoid with binary cross-entropy: f′(z) = a(1 − a) cancels the loss denominator, δ = a − y.'
  },
  check: 'Gradient check',
  passed: 'Passed: backprop agrees with finite differences on every edge (max relative error < {tolerance}).',
  failed: 'Failed: some edges differ from finite differences.',
  head: {
    edge: 'edge',
    error: 'max relative error',
    verdict: 'verdict'
  },
  pass: 'pass',
  fail: 'fail',
  matrix: {
    table: '{label} ({shape})',
    heatmap: '{label}: {shape} heatmap, largest magnitude {max}'
  }
}
export default explainer
