/** English: the app frame: toolbar, palette, problems, inspector, dialogs, status, toasts, banners. */
const shell = {
  appName: 'Backprop Studio',
  toolbar: {
    label: 'Main toolbar',
    unsaved: 'Unsaved changes',
    file: 'File',
    new: 'New',
    newFromTemplate: 'New from template',
    templates: 'Templates',
    open: 'Open',
    openTitle: 'Open ({keys})',
    recent: 'Recent',
    recentProjects: 'Recent projects',
    recentIn: '{name} in {dir}',
    save: 'Save',
    saveTitle: 'Save ({keys})',
    saveAs: 'Save As',
    saveAsTitle: 'Save as ({keys})',
    edit: 'Edit',
    editMenu: 'Edit ▾',
    undo: 'Undo',
    redo: 'Redo',
    undoTitle: 'Undo {what} ({keys})',
    redoTitle: 'Redo {what} ({keys})',
    nothingToUndo: 'Nothing to undo',
    nothingToRedo: 'Nothing to redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    duplicate: 'Duplicate',
    delete: 'Delete',
    selectAll: 'Select all',
    view: 'View',
    autoArrange: 'Auto-arrange',
    autoArrangeTitle: 'Arrange layers left to right (L)',
    fitView: 'Fit view',
    fitViewTitle: 'Fit the network in view (F)'
  },
  history: {
    edit: 'Edit',
    add: { input: 'Add Input', dense: 'Add Dense layer', bias: 'Add Bias unit', loss: 'Add Loss' },
    addSkip: 'Add skip connection',
    connect: 'Connect',
    delete: 'Delete',
    deleteMany: 'Delete {n} items',
    makeSkip: 'Make skip connection',
    makeWeighted: 'Make weighted connection',
    move: 'Move',
    autoArrange: 'Auto-arrange',
    paste: 'Paste',
    pasteMany: 'Paste {n} nodes',
    duplicate: 'Duplicate',
    rename: 'Rename',
    units: 'Change units',
    leak: 'Change leak',
    activation: 'Change activation',
    initialiser: 'Change initialiser',
    loss: 'Change loss',
    bindLoss: 'Bind data to the loss',
    matchOutput: 'Make output match data'
  },
  templates: {
    xor: {
      title: 'XOR (seed 001 gates)',
      description:
        'Two inputs, a bias unit, hidden [AND, NOR] and an OR output, with the seed’s gate weights.'
    },
    'iris-mlp': {
      title: 'Iris: 2-layer MLP',
      description: '4 features → 8 tanh → 3 softmax, cross-entropy (iris.csv).'
    },
    'deep-sigmoid': {
      title: 'Deep chain: sigmoid',
      description: '{depth} sigmoid layers of {width}: watch δ vanish towards the input.'
    },
    'deep-relu-skip': {
      title: 'Deep chain: ReLU + skips',
      description: '{depth} ReLU layers of {width} with residual skips: gradients reach the first layer.'
    },
    'digits-residual': {
      title: 'Digits: residual MLP',
      description: '64 pixels → 64 relu → 64 relu (+ skip) → 10 softmax, cross-entropy (digits.csv).'
    }
  },
  palette: {
    label: 'Palette',
    heading: 'Layers',
    hint: {
      input: 'x: the feature vector',
      dense: 'n units, activation f',
      bias: 'constant +1',
      loss: 'cost C at the end'
    },
    help: 'Drag onto the canvas, or press to add. Connect right handle → left handle; hold Alt for a skip.'
  },
  bottom: {
    label: 'Bottom panels',
    problems: 'Problems',
    data: 'Data',
    training: 'Training',
    problemCount: 'problems'
  },
  liveCharts: 'Live charts',
  splitter: {
    canvas: 'Resize the canvas and the panels below it',
    charts: 'Resize the panels and the live charts'
  },
  statusHint: 'Ctrl+Z undo · Ctrl+Shift+Z redo · Ctrl+C/V copy/paste · Del delete · F fit · L arrange',
  /** A project not saved yet and not from a template (stores/project.ts displayNotice). */
  untitled: 'Untitled',
  confirm: {
    cancel: 'Cancel',
    continue: 'Continue',
    discardTitle: 'Discard unsaved changes?',
    discardMessage: '“{name}” has changes that are not saved. {what} will discard them.',
    discard: 'Discard changes',
    what: {
      newProject: 'A new project',
      template: 'Starting from a template',
      open: 'Opening another project'
    },
    reloadTitle: 'Load the data again?',
    reloadMessage:
      'The engine was restarted after it kept crashing. Load {name} into it again? If this file made it crash, it may crash again.',
    reload: 'Load again'
  },
  inspector: {
    label: 'Inspector',
    heading: 'Inspector',
    name: 'Name',
    unitsWithoutData: 'Units (without data)',
    boundFeatures: 'The bound data has {n} features.',
    units: 'Units',
    activation: 'Activation',
    leak: 'Leak (slope below 0)',
    initialiser: 'Initialiser',
    trainingDefault: 'training default',
    layerParams: '{n} parameters in this layer’s incoming W and b.',
    explain: 'Explain this layer',
    explainTitle: 'Step through the backward pass at this layer in the Training tab',
    lossFunction: 'Loss function',
    targets: 'Targets: {targets}',
    biasNote: 'Always outputs 1. Each edge from it carries one layer’s bias vector b (an n×1 matrix).',
    connection: 'Connection',
    edgeKind: 'Edge kind',
    kindWeights: 'weights (W)',
    kindSkip: 'skip (residual, identity)',
    weightShape: 'W is {shape} (target units × source units).',
    skipNote: 'Adds the source’s output to the target’s: no weights.',
    empty: 'Select a node or a connection to edit it.',
    selectedCount: '({n} items selected)',
    summary: 'Network summary',
    parameters: 'Parameters',
    nodesEdges: 'Nodes / edges'
  }
}

export default shell
