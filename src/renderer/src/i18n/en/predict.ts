/** English: the predict panel. */
const predict = {
  title: 'Weights and predictions',
  exportWeights: 'Export weights',
  exportOnnx: 'Export → ONNX…',
  exportPytorch: 'Export → PyTorch project…',
  import: 'Import weights…',
  weightsFile: 'Weights file',
  predictCsv: 'Predict a CSV…',
  csvToPredict: 'CSV to predict',
  evaluate: 'Evaluate on validation split',
  noModel: 'Train this network, or import a weights file, to export, predict or evaluate.',
  rowForm: 'Prediction row',
  pickRow: 'Pick a row',
  pickRowFrom: 'Pick a row from the data',
  rowN: 'row {n}',
  valueOf: 'Value of {column}',
  predict: 'Predict',
  needData: 'Load data and choose roles, or import a weights file, to predict.',
  prediction: 'Prediction',
  predicted: 'Predicted: {label}',
  probabilities: 'Class probabilities',
  predictedValue: 'Predicted {name}: {value}',
  confusion: 'Confusion matrix',
  caption: 'Validation: {rows} rows (rows = actual, columns = predicted)',
  regression: 'Validation ({rows} rows) of {target}: RMSE {rmse}, R² {r2}'
}
export default predict
