/** 简体中文: the live charts: loss, δ, histograms, boundary, confusion, predicted vs actual. Same keys as en/charts.ts. */
import type en from '../en/charts'

const charts: typeof en = {
  panel: '图表',
  savePng: '保存 PNG',
  savePngOf: '保存“{title}”的 PNG',
  saveCsv: '保存 CSV',
  saveCsvOf: '保存“{title}”的 CSV',
  axis: {
    step: '步数',
    loss: '损失',
    magnitude: '大小',
    value: '取值',
    weight: '权重',
    weights: '权重',
    biases: '偏置',
    predicted: '预测值',
    actual: '实际值',
    actualOf: '实际 {name}'
  },
  series: {
    train: '训练',
    validation: '验证',
    meanDelta: '{layer} 平均 {d}',
    gradNorm: '{layer} ‖∂C/∂W‖',
    trainingRows: '训练行',
    validationRows: '验证行',
    decision: '决策',
    confusion: '混淆'
  },
  tooltip: {
    historyStep: '第 {step} 步',
    historyPeak: '权重最多在 w ≈ {w}:{total} 个中的 {n} 个',
    confusionCell: '实际 {actual}，预测 {predicted}：{count}',
    predVsActual: '实际 {actual}，预测 {predicted}'
  },
  rows: {
    train: '{n} 行训练数据（未留出验证集）',
    trainOne: '1 行训练数据（未留出验证集）',
    validation: '{n} 行验证数据',
    validationOne: '1 行验证数据'
  },
  loss: {
    title: '损失',
    logScale: '对数坐标',
    smoothing: '平滑',
    empty: '还没有损失数据。',
    summary: '第 {step} 步训练损失 {loss}（已记录 {count} 个点）。',
    summaryWithValidation: '第 {step} 步训练损失 {loss}，验证损失 {validation}（已记录 {count} 个点）。'
  },
  metric: {
    accuracyTitle: '准确率',
    r2Title: 'R²',
    accuracy: '准确率',
    r2: 'R²',
    empty: '还没有{metric}数据。',
    summary: '训练{metric} {train}。',
    summaryWithValidation: '训练{metric} {train}，验证集 {validation}。'
  },
  delta: {
    title: '反向传播误差 δ',
    empty: '还没有 δ 统计。',
    summaryLayer: '{layer} 平均 {d} {value}',
    summary: '{n} 层：{list}。',
    unitsCaption: '各层单元状况（最近一批）',
    layer: '层',
    meanDelta: '平均 {d}',
    dead: '死亡',
    saturated: '饱和',
    saturatedHiddenOnly: '只统计隐藏层的饱和：输出层的 δ 直接来自损失函数。',
    notCounted: '—',
    vanishing:
      '梯度消失：{first} 的平均 {d} 比 {last} 小 {factor}。靠前的层几乎学不动；试试 ReLU、跳跃连接或 He 初始化。',
    exploding: '梯度爆炸：{first} 的平均 {d} 比 {last} 大 {factor}。试试更小的学习率或更小的初始权重。',
    factor: '{factor} 倍',
    infinitely: '无穷多倍'
  },
  histogram: {
    title: '权重直方图',
    historyTitle: '权重随时间的变化',
    layer: '层',
    layerSelect: '直方图的层',
    empty: '还没有权重直方图。',
    summary: '{layer}：第 {step} 步，{n} 个权重分在 {bins} 个区间。'
  },
  confusion: {
    title: '混淆矩阵',
    summary: '{n} 个类别上的{label} {accuracy}。',
    trainAccuracy: '训练准确率',
    validationAccuracy: '验证准确率',
    csvCorner: '实际 \\ 预测'
  },
  boundary: {
    title: '决策边界',
    summary: '{x} × {y} 平面上 {n} 个类别的决策区域，绘出 {rows}。',
    class: '类别',
    confidence: '置信度'
  },
  predVsActual: {
    title: '预测值与实际值',
    summary: '{target} 的 {rows}。'
  }
}

export default charts
