/**
 * English: the stores' notices and toasts (i18n/engineMessages.ts words them; an {error} is an engine
 * error worded from its code and params, or the error's own text).
 */
const notices = {
  toasts: {
    region: 'Notifications',
    dismiss: 'Dismiss notification'
  },
  engineStatus: {
    label: 'Engine:',
    connecting: 'connecting',
    ready: 'ready',
    restarting: 'restarting',
    failed: 'stopped',
    error: 'error',
    restart: 'Restart engine'
  },
  recovery: {
    found: 'Unsaved work from {when} was recovered.',
    namedFound: 'Unsaved work on {name} from {when} was recovered.',
    restore: 'Restore',
    discard: 'Discard'
  },
  problems: {
    region: 'Problems',
    noNetwork: 'No network yet: problems with the graph will be listed here.',
    none: 'No problems: ready to train.',
    error: 'Error',
    warning: 'Warning'
  },
  readiness: {
    engineNotReady: 'The engine is not ready to train yet.',
    loading: 'The data is still loading.',
    noData: 'No data yet: load a CSV file on the Data tab and choose its target.',
    preparing: 'The data is being prepared.',
    notPrepared: 'The data is not prepared: choose its feature and target columns on the Data tab.',
    openDataTab: 'Open the Data tab',
    makeOutputMatch: 'Make output match data',
    emptyCanvas: 'The canvas is empty: add layers or start from a template.',
    cannotTrain: 'Cannot train: {reason}',
    ready: 'Ready to train',
    /** Where the graph does not fit the data (graph/dataBinding.ts findMismatch). */
    mismatch: {
      noLoss: 'The graph has no loss node to compare against the targets.',
      lossNotFed: 'The loss node "{name}" is not fed by a dense layer.',
      units: 'The output layer "{name}" has {units} units; the data needs {needed} ({target}).',
      unitsOne: 'The output layer "{name}" has 1 unit; the data needs {needed} ({target}).',
      activation: 'The output activation "{activation}" does not fit a {task} target; use "{use}".',
      loss: 'The loss "{loss}" does not fit a {task} target; use "{use}".',
      task: { regression: 'regression', binary: 'binary', multiclass: 'multiclass' },
      target: {
        oneNumeric: 'one numeric target',
        numeric: '{n} numeric targets',
        twoClasses: 'two classes as one sigmoid unit',
        classes: '{n} classes, one unit each'
      }
    }
  },
  /** The desktop host's engine status (main sends a code and params: stores/engine.ts hostNotice). */
  host: {
    'not-started': 'The engine has not been started.',
    starting: 'Starting the engine…',
    ready: 'The engine is ready.',
    stopped: 'The engine was stopped.',
    restarting: '{reason}; restarting in {ms} ms. Your graph and data are kept.',
    failed:
      '{reason}; it crashed {count}, so it is not restarted on its own. Use Restart engine to try again.',
    reason: {
      'spawn-failed': 'the engine could not be started: {error}',
      'no-answer': 'the engine did not answer: {error}',
      exited: 'the engine stopped unexpectedly (exit code {exitCode})',
      killed: 'the engine stopped unexpectedly (killed)'
    },
    count: {
      fastOnce: 'once within {s} s',
      fast: '{n} times within {s} s',
      totalOnce: 'once since it was started',
      total: '{n} times since it was started'
    }
  },
  engine: {
    starting: 'Starting the engine…',
    connecting: 'Connecting to the engine…',
    reconnecting: 'Connecting to the restarted engine…',
    ready: 'Engine {version} ready ({transport})',
    transportWorker: 'Web Worker',
    transportProcess: 'engine process',
    restarted: 'The engine restarted. Your graph and data are unchanged.',
    restartedManual: 'The engine was restarted.',
    didNotStart: 'The engine did not start: {error}',
    waitingRestart: 'The engine stopped; waiting for it to restart…',
    stoppedTooOften: 'The engine stopped {count} times, so it is not restarted on its own.',
    restarting: 'Restarting the engine…',
    notReady: 'The engine is not ready yet; try again in a moment.'
  },
  data: {
    couldNotLoad: 'Could not load {name}: {error}',
    couldNotOpenFile: 'Could not open the data file: {error}'
  },
  project: {
    noTemplate: 'There is no template “{id}”.',
    couldNotOpen: 'Could not open {name}: {error}',
    opened: 'Opened {name}',
    couldNotOpenProject: 'Could not open the project: {error}',
    notRecent: 'That project is no longer in the recent list.',
    recentMoved:
      '{name} is no longer in {dir} (moved, renamed or deleted), so it was removed from the recent projects.',
    recentUnavailable: 'The recent projects are not available.',
    recentCopyGone:
      'The copy of {name} kept by this browser is gone (site data cleared?), so it was removed from the recent projects. Open the file instead.',
    saved: 'Saved {name}',
    couldNotSave: 'Could not save {name}: {error}',
    recoveredUnreadable: 'The recovered copy could not be read: {error}',
    recovered: 'Recovered your unsaved work.'
  },
  weights: {
    failed: '{what} failed: {error}',
    refused: '{what}: {reason}.',
    noModel: 'this network has no trained weights yet: train it (or import a weights file) first',
    exportWeights: 'Export weights',
    importWeights: 'Import weights',
    exportOnnx: 'Export ONNX',
    exportPytorch: 'Export PyTorch project',
    importing: 'Importing {name}',
    predict: 'Predict',
    predicting: 'Predicting {name}',
    evaluate: 'Evaluate',
    saved: 'Saved {name}',
    exported: 'Exported {name}',
    imported: 'Imported {name}: {inputs} inputs, {task}.',
    predicted: 'Predicted {rows} rows of {name}.',
    projectWeightsNotLoaded: "The project's weights could not be loaded into the engine: {error}"
  }
}

export default notices
