/** 简体中文: the graph canvas, its nodes and edges, the connect dialog, the weight editor and legend. Same keys as en/canvas.ts. */
import type en from '../en/canvas'

const canvas: typeof en = {
  label: '网络画布',
  kind: {
    input: '输入层',
    dense: '全连接层',
    bias: '偏置单元',
    loss: '损失'
  },
  /** The loss functions, keyed by the engine's LOSSES. */
  lossKind: {
    'squared-error': '平方误差',
    'binary-cross-entropy': '二元交叉熵',
    'cross-entropy': '交叉熵',
    'mean-absolute-error': '平均绝对误差',
    huber: 'Huber 损失'
  },
  /** 激活函数：sigmoid、tanh、softmax 等按惯例保留原名。 */
  activationKind: {
    sigmoid: 'sigmoid',
    tanh: 'tanh',
    relu: 'ReLU',
    'leaky-relu': 'Leaky ReLU',
    softplus: 'softplus',
    linear: '线性',
    softmax: 'softmax'
  },
  edgeLabel: '连接 {from} 到 {to}',
  skipEdgeLabel: '跳跃连接 {from} 到 {to}',
  controls: {
    label: '视图控件',
    zoomIn: '放大',
    zoomInTitle: '放大（+）',
    zoomOut: '缩小',
    zoomOutTitle: '缩小（−）',
    fitView: '适应视图',
    fitViewTitle: '缩放以显示整个网络（F）',
    zoomLevel: '缩放比例',
    snap: '对齐网格'
  },
  minimap: '缩略图',
  a11y: {
    nodeDesc: '按 Enter 或空格键选择节点。然后可以用方向键移动它，按 Delete 删除，按 Esc 取消。',
    edgeDesc: '按 Enter 或空格键选择边。然后可以按 Delete 删除，或按 Esc 取消。',
    moved: '已把所选节点向{direction}移动。新位置：x {x}，y {y}。',
    up: '上',
    down: '下',
    left: '左',
    right: '右'
  },
  keyHint: 'C：把这个节点连接到另一个节点 · Tab 在节点和边之间移动',
  notConnected: '未连接：{reason}',
  noEdge: '不存在边“{id}”。',
  empty: {
    title: '这里还什么都没有',
    body: '从组件面板拖入一层，或从模板开始。',
    hint: '连接两层时按住 Alt，可创建跳跃（残差）连接。'
  },
  connect: {
    title: '把 {name} 连接到…',
    skip: '跳跃连接',
    cancel: '取消',
    done: '已连接 {from} → {to}。'
  },
  node: {
    input: '输入层',
    dense: '全连接层',
    lossC: '损失 C',
    bias: '偏置 {name}',
    biasTitle: '偏置单元 {name}：输出 1',
    biasOutput: '偏置 {name} 的输出',
    inputOf: '{name} 的输入',
    outputOf: '{name} 的输出',
    unitsOf: '{name} 的单元',
    units: '{n} 个单元',
    unitsActivation: '{n} 个单元 · {activation}',
    unitActivation: '1 个单元 · {activation}',
    features: '{n} 个特征（来自数据）',
    widthFromData: '宽度由数据决定',
    targets: '目标：{targets}',
    incoming: '输入连接',
    skipFrom: '来自 {from} 的跳跃连接',
    parameters: '{n} 个参数',
    problems: '{n} 个问题',
    oneProblem: '1 个问题',
    unitMap: '{name} 在输入平面上的输出',
    showUnits: '展开 {name} 的单元',
    collapseUnits: '收起 {name} 的单元',
    unitsButton: '单元',
    collapseButton: '收起'
  },
  weightEditor: {
    label: '设置权重',
    entry: '{edge} 的 W[{row}][{col}]',
    value: '权重值',
    set: '设置',
    cancel: '取消',
    notNumber: '“{text}”不是数字。'
  },
  legend: {
    label: '权重图例',
    title: '权重',
    negative: '− 负',
    positive: '正 +',
    small: '∣w∣ 小',
    large: '大',
    relative: '颜色按每条边最大的 ∣w∣ 归一。',
    help: '悬停在线上：w、∂C/∂w、上次更新量。点击：输入权重。'
  }
}

export default canvas
