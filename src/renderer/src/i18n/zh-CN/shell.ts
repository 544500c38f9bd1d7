/** 简体中文: the app frame: toolbar, palette, problems, inspector, dialogs, status, toasts, banners. Same keys as en/shell.ts. */
import type en from '../en/shell'

const shell: typeof en = {
  appName: 'Backprop Studio',
  toolbar: {
    label: '主工具栏',
    unsaved: '有未保存的更改',
    file: '文件',
    new: '新建',
    newFromTemplate: '从模板新建',
    templates: '模板',
    open: '打开',
    openTitle: '打开（{keys}）',
    recent: '最近',
    recentProjects: '最近的项目',
    recentIn: '{dir} 中的 {name}',
    save: '保存',
    saveTitle: '保存（{keys}）',
    saveAs: '另存为',
    saveAsTitle: '另存为（{keys}）',
    edit: '编辑',
    editMenu: '编辑 ▾',
    undo: '撤销',
    redo: '重做',
    undoTitle: '撤销“{what}”（{keys}）',
    redoTitle: '重做“{what}”（{keys}）',
    nothingToUndo: '没有可撤销的操作',
    nothingToRedo: '没有可重做的操作',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    duplicate: '创建副本',
    delete: '删除',
    selectAll: '全选',
    view: '视图',
    autoArrange: '自动排列',
    autoArrangeTitle: '把各层从左到右排列（L）',
    fitView: '适应视图',
    fitViewTitle: '缩放以显示整个网络（F）'
  },
  history: {
    edit: '编辑',
    add: { input: '添加输入层', dense: '添加全连接层', bias: '添加偏置单元', loss: '添加损失' },
    addSkip: '添加跳跃连接',
    connect: '连接',
    delete: '删除',
    deleteMany: '删除 {n} 项',
    makeSkip: '改为跳跃连接',
    makeWeighted: '改为带权重的连接',
    move: '移动',
    autoArrange: '自动排列',
    paste: '粘贴',
    pasteMany: '粘贴 {n} 个节点',
    duplicate: '创建副本',
    rename: '重命名',
    units: '更改单元数',
    leak: '更改泄漏系数',
    activation: '更改激活函数',
    initialiser: '更改初始化方法',
    loss: '更改损失函数',
    bindLoss: '把数据绑定到损失',
    matchOutput: '让输出与数据匹配'
  },
  templates: {
    xor: {
      title: 'XOR（教程 001 的逻辑门）',
      description: '两个输入、一个偏置单元、隐藏层 [AND, NOR] 和 OR 输出层，使用教程中逻辑门的权重。'
    },
    'iris-mlp': {
      title: 'Iris：两层 MLP',
      description: '4 个特征 → 8 个 tanh → 3 个 softmax，交叉熵损失（iris.csv）。'
    },
    'deep-sigmoid': {
      title: '深层链：sigmoid',
      description: '{depth} 个各有 {width} 个单元的 sigmoid 层：观察 δ 在传向输入的过程中消失。'
    },
    'deep-relu-skip': {
      title: '深层链：ReLU + 跳跃连接',
      description: '{depth} 个各有 {width} 个单元的 ReLU 层，带残差跳跃连接：梯度能传到第一层。'
    },
    'digits-residual': {
      title: 'Digits：残差 MLP',
      description:
        '64 个像素 → 64 个 relu → 64 个 relu（+ 跳跃连接）→ 10 个 softmax，交叉熵损失（digits.csv）。'
    }
  },
  palette: {
    label: '组件面板',
    heading: '层',
    hint: {
      input: 'x：特征向量',
      dense: 'n 个单元，激活函数 f',
      bias: '常数 +1',
      loss: '末端的损失 C'
    },
    help: '拖到画布上，或点击添加。从右侧连接点连到左侧连接点；按住 Alt 创建跳跃连接。'
  },
  bottom: {
    label: '底部面板',
    problems: '问题',
    data: '数据',
    training: '训练',
    problemCount: '个问题'
  },
  liveCharts: '实时图表',
  splitter: {
    canvas: '调整画布与下方面板的大小',
    charts: '调整面板与实时图表的大小'
  },
  statusHint: 'Ctrl+Z 撤销 · Ctrl+Shift+Z 重做 · Ctrl+C/V 复制/粘贴 · Del 删除 · F 适应视图 · L 排列',
  untitled: '未命名',
  confirm: {
    cancel: '取消',
    continue: '继续',
    discardTitle: '放弃未保存的更改？',
    discardMessage: '“{name}”有尚未保存的更改。{what}会丢弃这些更改。',
    discard: '放弃更改',
    what: {
      newProject: '新建项目',
      template: '从模板开始',
      open: '打开另一个项目'
    },
    reloadTitle: '再次加载数据？',
    reloadMessage:
      '引擎因反复崩溃而重新启动。要把 {name} 再次加载到引擎中吗？如果正是这个文件导致了崩溃，它可能会再次崩溃。',
    reload: '再次加载'
  },
  inspector: {
    label: '检查器',
    heading: '检查器',
    name: '名称',
    unitsWithoutData: '单元数（无数据时）',
    boundFeatures: '绑定的数据有 {n} 个特征。',
    units: '单元数',
    activation: '激活函数',
    leak: '泄漏系数（0 以下的斜率）',
    initialiser: '初始化方法',
    trainingDefault: '训练默认值',
    layerParams: '本层输入的 W 和 b 共有 {n} 个参数。',
    explain: '讲解这一层',
    explainTitle: '在“训练”标签页中逐步查看这一层的反向传播',
    lossFunction: '损失函数',
    targets: '目标：{targets}',
    biasNote: '始终输出 1。从它出发的每条边承载某一层的偏置向量 b（n×1 矩阵）。',
    connection: '连接',
    edgeKind: '边的类型',
    kindWeights: '权重（W）',
    kindSkip: '跳跃（残差，恒等）',
    weightShape: 'W 的形状是 {shape}（目标单元数 × 源单元数）。',
    skipNote: '把源的输出加到目标的输出上：没有权重。',
    empty: '选择一个节点或一条连接来编辑它。',
    selectedCount: '（已选择 {n} 项）',
    summary: '网络概况',
    parameters: '参数',
    nodesEdges: '节点 / 边'
  }
}

export default shell
