/** 简体中文: the stores' notices and toasts. Same keys as en/notices.ts. */
import type en from '../en/notices'

const notices: typeof en = {
  toasts: {
    region: '通知',
    dismiss: '关闭通知'
  },
  engineStatus: {
    label: '引擎：',
    connecting: '连接中',
    ready: '就绪',
    restarting: '重启中',
    failed: '已停止',
    error: '出错',
    restart: '重启引擎'
  },
  recovery: {
    found: '已恢复 {when} 未保存的工作。',
    namedFound: '已恢复 {name} 在 {when} 未保存的工作。',
    restore: '恢复',
    discard: '丢弃'
  },
  problems: {
    region: '问题',
    noNetwork: '还没有网络：图的问题会列在这里。',
    none: '没有问题：可以开始训练。',
    error: '错误',
    warning: '警告'
  },
  readiness: {
    engineNotReady: '引擎还没有准备好训练。',
    loading: '数据仍在加载中。',
    noData: '还没有数据：请在“数据”选项卡加载一个 CSV 文件并选择目标列。',
    preparing: '正在准备数据。',
    notPrepared: '数据尚未准备：请在“数据”选项卡选择特征列和目标列。',
    openDataTab: '打开“数据”选项卡',
    makeOutputMatch: '让输出与数据匹配',
    emptyCanvas: '画布是空的：请添加层，或从模板开始。',
    cannotTrain: '无法训练：{reason}',
    ready: '可以训练',
    mismatch: {
      noLoss: '图中没有用来与目标比较的损失节点。',
      lossNotFed: '损失节点“{name}”没有由全连接层提供输入。',
      units: '输出层“{name}”有 {units} 个单元；数据需要 {needed} 个（{target}）。',
      unitsOne: '输出层“{name}”有 1 个单元；数据需要 {needed} 个（{target}）。',
      activation: '输出激活函数“{activation}”不适合{task}目标；请使用“{use}”。',
      loss: '损失“{loss}”不适合{task}目标；请使用“{use}”。',
      task: { regression: '回归', binary: '二分类', multiclass: '多分类' },
      target: {
        oneNumeric: '一个数值目标',
        numeric: '{n} 个数值目标',
        twoClasses: '两个类别，用一个 sigmoid 单元表示',
        classes: '{n} 个类别，每类一个单元'
      }
    }
  },
  host: {
    'not-started': '引擎尚未启动。',
    starting: '正在启动引擎…',
    ready: '引擎已就绪。',
    stopped: '引擎已停止。',
    restarting: '{reason}；将在 {ms} 毫秒后重新启动。你的图和数据都会保留。',
    failed: '{reason}；它已{count}崩溃，因此不会自动重启。请使用“重启引擎”再试一次。',
    reason: {
      'spawn-failed': '引擎无法启动：{error}',
      'no-answer': '引擎没有响应：{error}',
      exited: '引擎意外停止（退出码 {exitCode}）',
      killed: '引擎意外停止（被终止）'
    },
    count: {
      fastOnce: '在 {s} 秒内 1 次',
      fast: '在 {s} 秒内 {n} 次',
      totalOnce: '自启动以来 1 次',
      total: '自启动以来 {n} 次'
    }
  },
  engine: {
    starting: '正在启动引擎…',
    connecting: '正在连接引擎…',
    reconnecting: '正在连接重启后的引擎…',
    ready: '引擎 {version} 已就绪（{transport}）',
    transportWorker: 'Web Worker',
    transportProcess: '引擎进程',
    restarted: '引擎已重启。你的图和数据都没有变化。',
    restartedManual: '引擎已重新启动。',
    didNotStart: '引擎没有启动：{error}',
    waitingRestart: '引擎已停止；正在等待它重启…',
    stoppedTooOften: '引擎已停止 {count} 次，因此不再自动重启。',
    restarting: '正在重启引擎…',
    notReady: '引擎还没有就绪；请稍后再试。'
  },
  data: {
    couldNotLoad: '无法加载 {name}：{error}',
    couldNotOpenFile: '无法打开数据文件：{error}'
  },
  project: {
    noTemplate: '没有名为“{id}”的模板。',
    couldNotOpen: '无法打开 {name}：{error}',
    opened: '已打开 {name}',
    couldNotOpenProject: '无法打开项目：{error}',
    notRecent: '这个项目已不在最近列表中。',
    recentMoved: '{name} 已不在 {dir} 中（被移动、重命名或删除），因此已从最近的项目中移除。',
    recentUnavailable: '最近的项目列表不可用。',
    recentCopyGone:
      '此浏览器保存的 {name} 副本已不存在（网站数据被清除？），因此已从最近的项目中移除。请改为打开该文件。',
    saved: '已保存 {name}',
    couldNotSave: '无法保存 {name}：{error}',
    recoveredUnreadable: '无法读取恢复的副本：{error}',
    recovered: '已恢复你未保存的工作。'
  },
  weights: {
    failed: '{what}失败：{error}',
    refused: '{what}：{reason}。',
    noModel: '这个网络还没有训练好的权重：请先训练它（或导入权重文件）',
    exportWeights: '导出权重',
    importWeights: '导入权重',
    exportOnnx: '导出 ONNX',
    exportPytorch: '导出 PyTorch 项目',
    importing: '导入 {name}',
    predict: '预测',
    predicting: '预测 {name}',
    evaluate: '评估',
    saved: '已保存 {name}',
    exported: '已导出 {name}',
    imported: '已导入 {name}：{inputs} 个输入，{task}。',
    predicted: '已预测 {name} 的 {rows} 行。',
    projectWeightsNotLoaded: '项目的权重无法加载到引擎中：{error}'
  }
}

export default notices
