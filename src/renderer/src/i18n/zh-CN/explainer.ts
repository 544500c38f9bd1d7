/** 简体中文: the backprop explainer and its matrices (the notation keys stay in learn.ts). Same keys as en/explainer.ts. */
import type en from '../en/explainer'
const explainer: typeof en = {
  title: '反向传播讲解',
  sample: '样本',
  sampleRow: '样本行',
  explain: '讲解',
  layer: '层',
  layerToExplain: '要讲解的层',
  checkGradients: '检验梯度',
  empty: '选一个样本并点击“讲解”，用你的网络自己的数值看一次前向传播和反向传播。',
  lossOf: '{sample}：C =',
  steps: '反向传播的步骤',
  previous: '上一步',
  next: '下一步',
  stepOf: '反向第 {n} 步，共 {total} 步：{layer} 层',
  outputNote: '（输出层，紧接损失）',
  forwardPass: '前向传播',
  forward: '前向',
  backwardPass: '反向传播',
  backward: '反向',
  gradientsBlock: '梯度',
  gradients: '梯度（BP-3、BP-4）',
  target: '目标 y',
  fanOut: '∂C/∂a{l} = 对所有出边求和：(W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾，再加上每个跳跃连接目标的 ∂C/∂a（BP-2，先分发再求和）',
  fromLoss: '来自损失的 ∂C/∂a{l}',
  viaSkip: '经跳跃连接的 ∂C/∂a{l}',
  sum: '∂C/∂a{l}（求和）',
  residual: '各项之和与 ∂C/∂a 相差 {value}。',
  deltaRules: {
    chain: 'δ = ∂C/∂a ⊙ f′(z)。',
    'softmax-jacobian':
      'softmax 没有逐元素的 f′：δ_j = a_j (∂C/∂a_j − Σ_k a_k ∂C/∂a_k)，即把 softmax 的雅可比矩阵作用在 ∂C/∂a 上。',
    'softmax-cross-entropy': 'softmax 配交叉熵：雅可比矩阵与 −y/a 相消，得到 δ = a − y。',
    'sigmoid-binary-cross-entropy': 'sigmoid 配二元交叉熵：f′(z) = a(1 − a) 消去了损失的分母，δ = a − y。'
  },
  check: '梯度检验',
  passed: '通过：每条边上反向传播的结果都与有限差分一致（最大相对误差 < {tolerance}）。',
  failed: '未通过：有些边与有限差分不一致。',
  head: {
    edge: '边',
    error: '最大相对误差',
    verdict: '结论'
  },
  pass: '通过',
  fail: '未通过',
  matrix: {
    table: '{label}（{shape}）',
    heatmap: '{label}：{shape} 热力图，最大绝对值 {max}'
  }
}
export default explainer
