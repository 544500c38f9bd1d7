/** English: the graph canvas, its nodes and edges, the connect dialog, the weight editor and legend. */
const canvas = {
  label: 'Network canvas',
  kind: {
    input: 'Input',
    dense: 'Dense layer',
    bias: 'Bias unit',
    loss: 'Loss'
  },
  /** The loss functions, keyed by the engine's LOSSES. */
  lossKind: {
    'squared-error': 'squared error',
    'binary-cross-entropy': 'binary cross-entropy',
    'cross-entropy': 'cross-entropy',
    'mean-absolute-error': 'mean absolute error',
    huber: 'Huber'
  },
  /**
   * The activation functions, keyed by the engine's ACTIVATIONS. English keeps the engine's ids (they
   * are the notation, and engine sentences worded here equal the engine's own).
   */
  activationKind: {
    sigmoid: 'sigmoid',
    tanh: 'tanh',
    relu: 'relu',
    'leaky-relu': 'leaky-relu',
    softplus: 'softplus',
    linear: 'linear',
    softmax: 'softmax'
  },
  edgeLabel: 'Connection {from} to {to}',
  skipEdgeLabel: 'Skip connection {from} to {to}',
  controls: {
    label: 'View controls',
    zoomIn: 'Zoom in',
    zoomInTitle: 'Zoom in (+)',
    zoomOut: 'Zoom out',
    zoomOutTitle: 'Zoom out (−)',
    fitView: 'Fit view',
    fitViewTitle: 'Fit the network in view (F)',
    zoomLevel: 'Zoom level',
    snap: 'Snap to grid'
  },
  minimap: 'Minimap',
  a11y: {
    nodeDesc:
      'Press Enter or Space to select a node. You can then use the arrow keys to move it, press Delete to remove it and Escape to cancel.',
    edgeDesc:
      'Press Enter or Space to select an edge. You can then press Delete to remove it or Escape to cancel.',
    moved: 'Moved the selected node {direction}. New position: x {x}, y {y}.',
    up: 'up',
    down: 'down',
    left: 'left',
    right: 'right'
  },
  keyHint: 'C: connect this node to another · Tab moves between nodes and edges',
  notConnected: 'Not connected: {reason}',
  noEdge: 'There is no edge "{id}".',
  empty: {
    title: 'Nothing here yet',
    body: 'Drag a layer from the palette, or start from a template.',
    hint: 'Hold Alt while connecting two layers to make a skip (residual) connection.'
  },
  connect: {
    title: 'Connect {name} to…',
    skip: 'Skip connection',
    cancel: 'Cancel',
    done: 'Connected {from} → {to}.'
  },
  node: {
    input: 'Input',
    dense: 'Dense',
    lossC: 'Loss C',
    bias: 'Bias {name}',
    biasTitle: 'Bias unit {name}: outputs 1',
    biasOutput: 'Output of bias {name}',
    inputOf: 'Input of {name}',
    outputOf: 'Output of {name}',
    unitsOf: 'Units of {name}',
    units: '{n} units',
    unitsActivation: '{n} units · {activation}',
    unitActivation: '1 unit · {activation}',
    features: '{n} features (from data)',
    widthFromData: 'width from data',
    targets: 'targets: {targets}',
    incoming: 'Incoming connections',
    skipFrom: 'skip from {from}',
    parameters: '{n} parameters',
    problems: '{n} problems',
    oneProblem: '1 problem',
    unitMap: '{name} output over the input plane',
    showUnits: 'Show the units of {name}',
    collapseUnits: 'Collapse the units of {name}',
    unitsButton: 'units',
    collapseButton: 'collapse'
  },
  weightEditor: {
    label: 'Set a weight',
    entry: 'W[{row}][{col}] of {edge}',
    value: 'Weight value',
    set: 'Set',
    cancel: 'Cancel',
    notNumber: '“{text}” is not a number.'
  },
  legend: {
    label: 'Weight legend',
    title: 'Weights',
    negative: '− negative',
    positive: 'positive +',
    small: '∣w∣ small',
    large: 'large',
    relative: 'Colour is relative to each edge’s largest ∣w∣.',
    help: 'Hover a line: w, ∂C/∂w, last update. Click: type a weight.'
  }
}

export default canvas
