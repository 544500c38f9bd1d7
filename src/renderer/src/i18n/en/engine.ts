/**
 * English: engine errors and notices, worded from their code and parameters (i18n/engineMessages.ts).
 * `engine.<family>.<code>` is a sentence, or an object of sentences keyed by the params' `variant`.
 * The wording mirrors the engine's own English message (test/renderer/engine-messages.test.ts checks
 * a few against each other). Besides the params the engine sends, a sentence may use the ones the
 * wording derives: {place} (from line/column/columnName/row), {nodeDesc} (and {fromDesc}, {outputDesc}:
 * a node label with its kind), {widthSource}, {delimiterText}, {delimiterName} and {message} (the engine's English text).
 */
const engine = {
  /** The place part of a data message: "line 12, column 3 ("age")". */
  place: {
    line: 'line {line}',
    row: 'row {row}',
    column: 'column {column}',
    columnNamed: 'column {column} ("{columnName}")',
    columnName: 'column "{columnName}"',
    separator: ', '
  },
  /** A node named with its kind: Layer "h1". */
  nodeKind: {
    input: 'Input {name}',
    bias: 'Bias unit {name}',
    dense: 'Layer {name}',
    loss: 'Loss {name}',
    other: 'Node {name}'
  },
  /**
   * Why a field's value was refused ({reasonText} of bad-payload and bad-settings): the engine sends
   * zod's issue as `rule` and its values (src/engine/schema issueParams); `other` and anything this
   * does not know use the engine's English `detail`.
   */
  reason: {
    missing: 'it is missing',
    'invalid-type': 'expected {expectedType}',
    'not-integer': 'expected a whole number',
    'too-small': 'must be at least {min}',
    'too-small-exclusive': 'must be greater than {min}',
    'too-big': 'must be at most {max}',
    'too-big-exclusive': 'must be less than {max}',
    'too-short': 'must have at least {min} characters',
    'too-long': 'must have at most {max} characters',
    'too-few': 'must have at least {min} items',
    'too-many': 'must have at most {max} items',
    'not-multiple': 'must be a multiple of {divisor}',
    'invalid-value': 'must be one of {options}',
    'unknown-field': 'is not a known field',
    'unknown-setting': 'is not a training setting',
    'unknown-setting-suggestion': 'is not a training setting (did you mean "{suggestion}"?)',
    'exceeds-other': 'must not exceed {other} ({max})',
    'wrong-format': 'expected "{expected}", found {found}',
    'newer-version':
      'it was saved by a newer Backprop Studio (file version {version}; this app reads up to {supported})',
    /** No reason came with the error (an older engine). */
    none: 'its value is refused',
    /** zod's expected types ({expectedType}); another type is shown as zod names it. */
    type: {
      number: 'a number',
      string: 'a string',
      boolean: 'true or false',
      object: 'an object',
      array: 'an array'
    }
  },
  /** An edge's kind ({edgeKind}): English keeps the engine's words. */
  edgeKind: { weights: 'weights', skip: 'skip' },
  /** Added to a graph error that has further problems. */
  moreProblems: '{message} (and {count} more problems)',
  data: {
    widthFrom: {
      header: 'as in the header on line {line}',
      'first-row': 'as in the first row, line {line}'
    },
    delimiter: {
      tab: 'tab',
      other: '"{delimiter}"'
    },
    delimiterName: {
      tab: 'a tab',
      other: 'the delimiter "{delimiter}"'
    },
    'empty-file': 'The file is empty: expected a header row and at least one data row.',
    'header-only': '{place}: the file has a header row but no data rows below it.',
    'ragged-row': {
      missing:
        '{place}: expected {expected} fields ({widthSource}), found {found} — missing field {column} ("{missingName}"). Check for an unquoted {delimiterText} in a value.',
      extra:
        '{place}: expected {expected} fields ({widthSource}), found {found} — extra fields. Check for an unquoted {delimiterText} in a value.'
    },
    'unclosed-quote':
      '{place} (character {character}): the quoted field opened here is never closed (expected a closing " before the end of the file)',
    'too-many-columns': '{place}: more than {max} fields in one record; at most {max} columns are accepted.',
    'field-too-long':
      '{place}: a field longer than {max} characters; at most that many are accepted (is a quote left open?).',
    'unexpected-character':
      '{place} (character {character}): expected {delimiterName} or the end of the line after the closing quote, found {found}',
    binary:
      '{place} (character {character}): found a NUL byte — this looks like a binary file, expected CSV text',
    'not-utf8':
      'line {line}, character {character} (byte {byte}): these bytes are not UTF-8 — expected a UTF-8 text file. Save the file as "CSV UTF-8" and load it again.',
    'non-numeric':
      '{place}: {value} is not a number, but "{columnName}" is a numeric column. Correct the value, leave the cell empty to mark it missing, or treat the column as categorical.',
    'one-class-target':
      'The target "{columnName}" has only one class ("{className}") in the rows used: there is nothing to tell apart. Choose another target or add rows of other classes.',
    'unknown-column': {
      default: 'There is no column "{columnName}" (the columns are {columns}).',
      'row-without-value': 'row {row} has no value for "{columnName}"; the model needs {needed}.'
    },
    'bad-spec': {
      split: 'The validation split must be between 0 and {max}, got {split}.',
      'no-target': 'No target column: mark the column to predict as the target.',
      'no-feature': 'No feature column: mark at least one column other than the target as a feature.',
      'several-class-targets':
        'Several targets ({targets}) can only be numeric (regression); "{columnName}" holds classes. Keep one class target, or make the others features or ignored.',
      'no-values': 'The feature "{columnName}" has no values in the training rows.',
      'too-many-categories':
        'The feature "{columnName}" has {count} distinct values: too many to encode; ignore it.',
      unscalable:
        'The column "{columnName}" has values from {min} to {max}, too far apart to scale in floating point; rescale the column (other units) or ignore it.',
      'missing-not-imputed':
        '{place}: the value is missing, and the model was prepared with rows with missing values dropped, so it has no value to fill in for "{columnName}". Fill the cell in.',
      'missing-target': '{place}: the target "{columnName}" is missing in this row.',
      'unknown-class': "{place}: {value} is not one of the model's classes ({classes})."
    },
    'too-few-rows': {
      'after-drop':
        'No rows are left after dropping the rows with missing values; choose an imputation instead.',
      'no-target-values': 'No row has a value in the target column.',
      'no-training-rows': 'No rows are left for training; lower the validation split.'
    },
    cancelled: 'Loading the file was cancelled.',
    'bad-input': {
      'too-large': '{name} is larger than {megabytes} MB.'
    }
  },
  /** Notices of data preparation that do not stop training. */
  notice: {
    'class-codes':
      'The target "{columnName}" holds few whole numbers, so each is a class; set its type to numeric for regression.',
    'many-categories':
      'The feature "{columnName}" has {count} distinct values (names, IDs or free text?); each becomes an input.',
    'missing-target': 'Rows without a target value were left out: {count}.',
    'zero-variance': {
      target: 'The target "{columnName}" has the same value in every training row.',
      feature:
        'The feature "{columnName}" has the same value in every training row, so it cannot help the network; consider ignoring it.'
    },
    'unseen-category':
      'Validation rows with a "{columnName}" value the training rows never have: {count}; they are encoded as all zeros.',
    'missing-values': {
      imputed: 'Missing values filled from the training rows: {count} ({columns}).',
      dropped: 'Rows with missing values dropped: {count}.'
    }
  },
  graph: {
    'bad-format': {
      default: 'The graph\'s format is "{format}", expected "{expected}".'
    },
    'bad-version': {
      newer:
        'The graph has version {version}, made by a newer Backprop Studio (this one reads version {expected}).',
      other: "The graph's version is {version}, expected {expected}."
    },
    'bad-shape': {
      'not-object': 'The graph is not an object.',
      'no-arrays': 'The graph needs "nodes" and "edges" arrays.',
      field: '{field} is not valid (got {got}).'
    },
    'bad-id': {
      node: 'Node #{index} has no id.',
      edge: 'Edge #{index} has no id.'
    },
    'duplicate-node-id': 'Two nodes have the id "{id}".',
    'duplicate-edge-id': 'Two edges have the id "{id}".',
    'unknown-kind': 'Node {node} has unknown kind "{kind}".',
    'bad-units': {
      input: '{nodeDesc} has units {units}; use a whole number ≥ 1.',
      dense: '{nodeDesc} has units {units}; use a whole number from 1 to {max}.'
    },
    'bad-activation': '{nodeDesc} has unknown activation "{value}" (one of {allowed}).',
    'bad-leak': '{nodeDesc} has leak {value}; use a number in [0, 1).',
    'bad-init': '{nodeDesc} has unknown initialiser "{value}" (one of {allowed}).',
    'bad-loss': '{nodeDesc} has unknown loss "{value}" (one of {allowed}).',
    'bad-huber-delta': '{nodeDesc} has huberDelta {value}; use a number > 0.',
    'no-input': 'The graph has no input node.',
    'multiple-inputs': '{nodeDesc} is a second input; a graph has exactly one input node.',
    'no-loss': 'The graph has no loss node, so there is nothing to train against.',
    'multiple-losses': '{nodeDesc} is a second loss node; a graph has exactly one.',
    'unknown-edge-kind': 'Edge {edge} has unknown kind "{kind}" (weights or skip).',
    'dangling-edge': {
      from: 'Edge "{id}" starts at "{end}", which is not a node.',
      to: 'Edge "{id}" ends at "{end}", which is not a node.'
    },
    'duplicate-edge': 'Edge {edge} repeats another {edgeKind} edge between the same nodes.',
    'edge-into-input': 'Edge {edge} flows into {nodeDesc}; nothing can feed an input.',
    'edge-into-bias': 'Edge {edge} flows into {nodeDesc}, whose output is always 1.',
    'edge-out-of-loss': 'Edge {edge} leaves {nodeDesc}; a loss is the end of the graph.',
    'skip-from-bias': 'Skip edge {edge} starts at {nodeDesc}; use a weights edge.',
    'skip-into-loss': 'Edge {edge} is a skip edge into {nodeDesc}; use a plain edge.',
    'skip-width-mismatch':
      'Skip edge {edge} joins {fromUnits} units to {toUnits} units; a skip edge needs equal widths.',
    'too-large':
      'The graph has {nodes} nodes and {edges} edges; at most {maxNodes} nodes and {maxEdges} edges are accepted.',
    cycle: {
      'self-loop': 'Edge {edge} connects {nodeDesc} to itself.',
      path: 'The graph has a cycle: {path}.',
      more: '…and {count} more edges closing a cycle.'
    },
    'no-weighted-input': '{nodeDesc} has no weighted input edge from the input or another layer.',
    'loss-fan-in': {
      none: '{nodeDesc} is not fed by any layer; connect the output layer to it.',
      several: '{nodeDesc} is fed by {count} layers ({sources}); it needs exactly one.'
    },
    'loss-source-not-dense': '{nodeDesc} is fed by {fromDesc}; a loss must be fed by a dense layer.',
    'softmax-not-output': '{nodeDesc} uses softmax, which is only allowed on the output layer.',
    'softmax-skip-input':
      '{nodeDesc} uses softmax and receives skip edge "{edgeId}"; its output must stay a probability vector.',
    'loss-activation-mismatch': {
      'cross-entropy':
        '{nodeDesc} uses cross-entropy, which needs a softmax output layer, but {outputDesc} uses {activation}.',
      bce: '{nodeDesc} uses binary cross-entropy, which needs a sigmoid or softmax output layer, but {outputDesc} uses {activation}.',
      'bce-skip':
        '{nodeDesc} uses binary cross-entropy, which needs the output of {outputDesc} to be a probability, but a skip edge adds to it; remove the skip edge into the output or use squared error.'
    },
    unreachable: '{nodeDesc} receives nothing from the input.',
    'dead-end': '{nodeDesc} does not lead to the loss, so it cannot be trained.',
    disconnected: '{nodeDesc} is not connected to anything.',
    'multiple-bias': '{nodeDesc} has {count} bias edges; their biases add up.',
    'input-width-unknown': 'The width of input "{id}" is unknown: bind data or set its units.',
    'too-many-parameters':
      'The network has {count} parameters (about {gigabytes} GB to train); at most {max} are accepted. The largest is edge "{edgeId}" ({from} → {to}), {rows}×{cols}.',
    'invalid-graph': 'The graph is not valid.'
  },
  /** Why an edge may not be drawn (canConnect's refusals; the code is the graph rule's). */
  connect: {
    cycle: {
      default: 'Connecting {fromDesc} to {nodeDesc} would make a cycle.',
      'self-loop': '{nodeDesc} cannot connect to itself.',
      closes: 'Connecting {fromDesc} to {nodeDesc} would make a cycle.'
    },
    'edge-into-input': 'Nothing can flow into {nodeDesc}.',
    'edge-into-bias': 'Nothing can flow into {nodeDesc}; its output is always 1.',
    'edge-out-of-loss': '{nodeDesc} is the end of the graph; it has no outputs.',
    'duplicate-edge': {
      default: '{fromDesc} is already connected to {nodeDesc} by a {edgeKind} edge.',
      weights: '{fromDesc} is already connected to {nodeDesc} by a weights edge.',
      skip: '{fromDesc} is already connected to {nodeDesc} by a skip edge.'
    },
    'skip-into-loss': 'A skip edge cannot feed {nodeDesc}; use a plain edge.',
    'loss-source-not-dense': '{nodeDesc} must be fed by a dense layer, not {fromDesc}.',
    'skip-from-bias': 'A skip edge cannot start at {nodeDesc}; use a weights edge.',
    'skip-width-mismatch':
      'A skip edge needs equal widths, but {fromDesc} has {fromUnits} units and {nodeDesc} has {toUnits}.',
    'dangling-edge': 'There is no node "{id}".',
    'loss-fan-in': '{nodeDesc} is already fed by {fromDesc}.',
    'softmax-not-output': '{nodeDesc} uses softmax, which is only allowed on the output layer.',
    'softmax-skip-input': '{nodeDesc} uses softmax and cannot receive a skip edge.'
  },
  model: {
    'not-found': {
      'no-table': 'No data is loaded: load a CSV file first.',
      'no-model': 'There is no model yet: train a network or import a weights file first.',
      'no-preprocessing':
        'The model was never bound to data, so it has no preprocessing to encode a row with: train it on a CSV file first.',
      'no-session': 'There is no training session: start training first.',
      'no-network': 'Cannot reset the weights: there is no network yet; start training first.',
      'no-edge-weights': 'Edge "{edgeId}" has no weights in this network.',
      'not-prepared': 'No prepared data to evaluate on: load and prepare a CSV file first.',
      'rows-gone': 'The prepared rows are not available: prepare the data again.'
    },
    'no-data':
      'No data is prepared for training: load a CSV file and choose its feature and target columns first.',
    'bad-state': {
      default: 'The engine cannot do this now: {message}',
      'set-weight-running': 'Cannot set a weight while training runs; pause first.'
    },
    'bad-payload': {
      default: 'The request was refused: {message}',
      sample: 'Sample {sample} is not a row of the training split (rows 0–{last}).',
      'weight-index': 'Edge {edgeId} is {rows}×{cols}: W[{row}][{col}] is outside it.',
      'no-file': 'Give the file as text or bytes.',
      'both-files': 'Give the file as text or bytes, not both.',
      'load-running': 'Load {loadId} is already running.',
      'input-width':
        'The model takes {inputs} inputs, but the prepared data has {features}: prepare the data for this model.'
    },
    'data-mismatch':
      'The network takes {inputs} inputs and gives {outputs} outputs, but the prepared data has {features} features and {targets} targets.'
  },
  protocol: {
    malformed: 'The engine received a malformed request.',
    'unknown-type': 'The engine does not know this request: {message}',
    'bad-payload': {
      default: 'The request was refused: {message}',
      'unknown-field': 'The request has an unknown field "{field}".',
      field: 'The request\'s field "{field}" is not valid: {reasonText}.'
    },
    'unsupported-version': 'This engine speaks protocol version {engine}, the client {client}.',
    'not-found': 'Not found: {message}',
    failed: 'The engine failed: {message}',
    timeout: 'The engine did not answer in time.',
    closed: 'The connection to the engine closed before it answered.'
  },
  weights: {
    'bad-json': 'The file is not valid JSON.',
    'bad-format': 'This is not a Backprop Studio weights file.',
    'bad-version': 'The weights file was written by a newer Backprop Studio; update the app to open it.',
    'bad-field': 'The weights file has an invalid field {path}.',
    'bad-graph': 'The weights file has an invalid graph ({path}).',
    'bad-parameters': 'The weights file has invalid weights at {path}.'
  },
  settings: {
    'bad-settings': 'The training setting "{field}" is not valid: {reasonText}.'
  },
  project: {
    'not-json': 'This is not a project file: its text is not valid JSON.',
    'bad-field': {
      default: 'The project file\'s field "{field}" is not valid: {reasonText}.',
      top: 'This is not a project file: {reasonText}.'
    }
  },
  /** The desktop app's own refusals (main's DesktopErrorCode, src/preload/desktop-api.d.ts). */
  desktop: {
    'file-too-large': '{name} is {sizeMb} MB; files up to {maxMb} MB can be opened.',
    'read-failed': {
      default: '{name} could not be read (the system said {errno}).',
      'not-found': '{name} is not there any more (moved, renamed or deleted).',
      'permission-denied': 'You do not have permission to read {name}.',
      'is-directory': '{name} is a folder, not a file.'
    },
    'write-failed': {
      default: '{name} could not be written (the system said {errno}).',
      'not-found': 'The folder for {name} is not there any more.',
      'permission-denied': 'You do not have permission to write {name} there.',
      'is-directory': '{name} is a folder, not a file.',
      'disk-full': 'The disk is full: {name} could not be written.',
      'read-only': 'The disk is read-only: {name} could not be written.'
    },
    'name-empty': 'The file name is empty.',
    'name-too-long': 'The file name is longer than {max} characters.',
    'name-has-folders': 'The file name "{name}" contains folders; choose the folder in the dialog.',
    'text-not-string': 'There is no text to save.',
    'text-too-large': 'The file would be longer than {max} characters.',
    'window-gone': 'The window that asked for it has closed.',
    'recent-unavailable': 'The recent projects are not available.',
    'not-recorded': '{name} could not be added to the recent projects.',
    unexpected: 'The desktop app failed: {message}'
  },
  /** Why training ended (the engine's done reasons). */
  train: {
    // `one`: after a single epoch (doneMessage's variant), for English's singular.
    epochs: { default: 'Finished: all {epochs} epochs done.', one: 'Finished: the 1 epoch is done.' },
    target: {
      default: 'Finished: loss target reached after {epochs} epochs.',
      one: 'Finished: loss target reached after 1 epoch.'
    },
    converged: {
      default: 'Finished: the change in loss fell below ε after {epochs} epochs.',
      one: 'Finished: the change in loss fell below ε after 1 epoch.'
    },
    'early-stop': {
      default:
        'Early stop after {epochs} epochs: no improvement for the patience window; restored the best weights.',
      best: 'Early stop after {epochs} epochs: no improvement for the patience window; restored the best weights (epoch {bestEpoch}).'
    },
    'non-finite': {
      default: 'Stopped: {message}',
      at: 'Stopped: NaN/∞ in {quantity} at layer {layer}, step {step}. Restored the last good weights; try a smaller learning rate.'
    },
    diverged: {
      default: 'Stopped: {message}',
      at: 'Stopped: the loss diverged at step {step} ({loss}, above 10⁶ × its lowest {lowestLoss}). Restored the last good weights; try a smaller learning rate.'
    },
    error: 'Stopped: training failed ({message}). Restored the last good weights.',
    stopped: {
      default: 'Stopped by user after {epochs} epochs (step {step}).',
      one: 'Stopped by user after 1 epoch (step {step}).'
    },
    finalLoss: '{text} Loss {loss}.',
    quantity: {
      z: 'z',
      a: 'a',
      loss: 'the loss',
      delta: 'δ',
      grad: '∂C/∂W'
    }
  }
}

export default engine
