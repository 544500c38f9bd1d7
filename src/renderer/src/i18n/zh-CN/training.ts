/** 简体中文: the training panel, progress, δ badges, weight edges. Same keys as en/training.ts. */
import type en from '../en/training'
const training: typeof en = {
  title: '训练',
  controls: '训练控制',
  train: '训练',
  trainTitle: '训练（{key}）',
  pause: '暂停',
  pauseTitle: '暂停（{key}）',
  resume: '继续',
  resumeTitle: '继续（{key}）',
  step: '单步',
  stepTitle: {
    batch: '单步：一个批量（{key}）',
    epoch: '单步：一个轮次（{key}）'
  },
  stepUnit: '单步单位',
  stepUnits: {
    batch: '一个批量',
    epoch: '一个轮次'
  },
  stop: '停止',
  stopTitle: '停止（{key}）',
  reset: '重置权重',
  resetTitle: '重置权重（{key}）',
  overlay: '在图上显示权重',
  speed: '速度',
  fullSpeed: '全速',
  stepsPerSecondOne: '每秒 1 步',
  stepsPerSecond: '每秒 {n} 步',
  /** 状态行（stores/training.ts statusNotice）；停止原因见 engine.train.*。 */
  status: {
    engineStopped: '训练结束：引擎已停止。',
    paused: '已暂停于第 {epoch} 轮、第 {step} 步。',
    running: '训练中…',
    starting: '正在启动…',
    failed: '{what}失败：{error}',
    action: {
      train: '训练',
      pause: '暂停',
      resume: '继续',
      stop: '停止',
      step: '单步',
      resetWeights: '重置权重',
      restoreWeights: '恢复权重',
      setLearningRate: '设置学习率',
      setSpeed: '设置速度',
      setWeight: '设置权重',
      inspect: '查看样本',
      gradientCheck: '梯度检验'
    },
    noEngine: '引擎尚未连接。',
    noSetWeight: '此引擎不能单独设置权重',
    reinitialised: '权重已重新初始化（{init}，种子 {seed}）。',
    resetFresh: '权重已重置：下次训练从新的权重开始（{init}，种子 {seed}）。',
    restoredRunStart: '已恢复本次训练之前的权重：训练将从这些权重继续。',
    restoredLastGood: '已恢复本次训练最后一组正常的权重：训练将从这些权重继续。',
    badLearningRate: '学习率必须是正数，而输入的是 {value}。',
    pauseToEdit: '请先暂停训练，再输入权重。',
    badWeight: '权重必须是有限的数，而输入的是 {value}。',
    trainedFor: '权重已训练 {epochs} 轮：训练将从这些权重继续。',
    trainedForOne: '权重已训练 1 轮：训练将从这些权重继续。',
    freshWeights: '从新的权重开始训练：{why}。',
    noWeightsFor: '连接 {edge} 还没有权重',
    wrongShape: '{edge} 的权重是 {rows}×{cols}，而网络需要 {needRows}×{needCols}'
  },
  weightTip: {
    value: '{name}：W[{i}][{j}] = {w}',
    grad: '∂C/∂w = {g}',
    change: '上次更新 {change}',
    separator: ' · '
  },
  weightSummary: {
    matrix: 'W {rows}×{cols}，平均 {absW} {mean}，{positive}% 为正',
    estimated: 'W（{count} 个权重），平均 {absW} ≈ {mean}，{positive}% 为正'
  },
  ready: '可以开始训练。',
  restore: '恢复权重',
  restoreRunStart: '恢复本次运行之前的权重',
  restoreLastGood: '恢复最近一次正常的权重',
  settingsForm: '训练设置',
  off: '关闭',
  fullBatch: '全批量',
  groups: {
    optimiser: '优化器',
    schedule: '学习率调度',
    run: '数据与运行',
    init: '初始权重',
    stop: '停止规则',
    more: '更多'
  },
  settings: {
    optimizer: {
      label: '优化器',
      help: '每一步如何把梯度变成权重的改变量。'
    },
    learningRate: {
      label: '学习率（μ）',
      help: '每次更新的步长 μ；对 Rprop 是每个权重的初始步长 Δ₀。'
    },
    momentum: { label: '动量', help: '每一步保留上一步速度的比例。' },
    beta1: { label: 'β₁', help: 'Adam 中梯度均值的衰减率。' },
    beta2: { label: 'β₂', help: 'Adam 中梯度平方均值的衰减率。' },
    rho: { label: 'ρ', help: 'RMSprop 中梯度均方值的衰减率。' },
    epsilon: { label: 'ε', help: '加在分母上，使分母永远不为零。' },
    rprop: {
      etaPlus: {
        label: 'η⁺',
        help: 'Rprop：梯度符号保持不变时，权重的步长乘以这个因子（增大）。'
      },
      etaMinus: {
        label: 'η⁻',
        help: 'Rprop：梯度符号改变时，权重的步长乘以这个因子（减小）。'
      },
      deltaMin: { label: 'Δmin', help: 'Rprop：最小步长（不大于 Δmax）。' },
      deltaMax: { label: 'Δmax', help: 'Rprop：最大步长。' }
    },
    batchSize: {
      label: '批量大小',
      help: '每一步使用的行数；0 表示整个训练集（gd 总是用整个训练集）。'
    },
    epochs: { label: '轮次', help: '遍历训练数据的最多次数。' },
    l2: { label: 'L2（λ）', help: '权重衰减：在每个权重的梯度上加 λ·W（偏置不加）。' },
    schedule: {
      kind: { label: '调度方式', help: '学习率如何随轮次变化。' },
      stepEpochs: { label: '每隔多少轮下降', help: '学习率两次下降之间的轮次数。' },
      gamma: {
        label: 'γ',
        help: '每次下降（阶梯）或每一轮（指数；此时默认 0.95）乘上的因子。'
      },
      periodEpochs: {
        label: '周期（轮次）',
        help: '从初始学习率降到下限所用的轮次（默认等于轮次设置）。'
      },
      minFactor: { label: '下限', help: '最低学习率，占初始学习率的比例。' }
    },
    lossTarget: {
      label: '损失达到时停止',
      help: '监控的损失不大于这个值时停止（留空：关闭）。'
    },
    minLossChange: {
      label: 'ΔC 小于此值时停止',
      help: '教程中的规则：相邻两轮损失的变化小于这个值时停止（留空：关闭）。'
    },
    patience: {
      label: '耐心（轮次）',
      help: '提前停止：连续这么多轮没有改进就停止，并恢复最好的权重（留空：关闭）。'
    },
    shuffle: { label: '打乱行顺序', help: '每一轮开始前打乱训练数据的顺序。' },
    seed: {
      label: '随机种子',
      help: '打乱顺序和初始化所用的种子：相同的种子得到相同的运行结果。'
    },
    init: { label: '初始化方法', help: '“重置权重”如何生成初始权重。' }
  },
  choices: {
    optimizer: {
      gd: '梯度下降（全批量）',
      sgd: 'SGD（小批量）',
      momentum: '动量法',
      nesterov: 'Nesterov 动量法',
      adam: 'Adam',
      rmsprop: 'RMSprop',
      rprop: 'Rprop'
    },
    schedule: {
      kind: {
        constant: '恒定',
        step: '阶梯下降',
        exponential: '指数衰减',
        cosine: '余弦退火'
      }
    },
    init: {
      'glorot-uniform': 'Glorot 均匀分布',
      'glorot-normal': 'Glorot 正态分布',
      'he-uniform': 'He 均匀分布',
      'he-normal': 'He 正态分布',
      'small-uniform': '小范围均匀分布',
      zeros: '全部为零'
    }
  },
  progress: '训练进度',
  epochOf: '第 {epoch}/{epochs} 轮',
  stepN: '第 {step} 步',
  samplesPerSecond: '每秒 {n} 个样本',
  left: '剩余 {time}',
  rate: '学习率 {rate}',
  separator: ' · ',
  explainer: '反向传播讲解',
  deltaBadge: '平均绝对误差项 δ {value}',
  deltaBadgeTitle: '本层在最近一个批量上的平均 {symbol}',
  clickToType: '{title} — 点击输入一个值',
  overSteps: '{title}（{n} 步累计）',
  heatmap: '{name}：W {rows}×{cols} 的热力图，最大绝对值 {max}',
  heatmapPooled: '{name}：W {rows}×{cols} 的热力图（分块平均），最大绝对值 {max}'
}
export default training
