/** 简体中文: the predict panel. Same keys as en/predict.ts. */
import type en from '../en/predict'
const predict: typeof en = {
  title: '权重与预测',
  exportWeights: '导出权重',
  exportOnnx: '导出 → ONNX…',
  exportPytorch: '导出 → PyTorch 项目…',
  import: '导入权重…',
  weightsFile: '权重文件',
  predictCsv: '预测一个 CSV…',
  csvToPredict: '要预测的 CSV',
  evaluate: '在验证集上评估',
  noModel: '先训练这个网络或导入权重文件，才能导出、预测或评估。',
  rowForm: '预测用的一行',
  pickRow: '选一行',
  pickRowFrom: '从数据中选一行',
  rowN: '第 {n} 行',
  valueOf: '{column} 的值',
  predict: '预测',
  needData: '先加载数据并选好各列的用途，或导入权重文件，才能预测。',
  prediction: '预测结果',
  predicted: '预测：{label}',
  probabilities: '各类别的概率',
  predictedValue: '预测的 {name}：{value}',
  confusion: '混淆矩阵',
  caption: '验证集：{rows} 行（行 = 实际类别，列 = 预测类别）',
  regression: '验证集（{rows} 行）上的 {target}：RMSE {rmse}，R² {r2}'
}
export default predict
