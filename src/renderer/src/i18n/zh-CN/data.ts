/** 简体中文: the data panel: loading a CSV, columns, roles, encodings, the split. Same keys as en/data.ts. */
import type en from '../en/data'
const data: typeof en = {
  title: '数据',
  open: '打开 CSV…',
  csvFile: 'CSV 文件',
  fileInfo: '— {rows} 行 × {columns} 列',
  hint: '打开一个 CSV 文件，或把文件拖到窗口上。',
  loading: '正在加载 {name}…',
  loadingProgress: '加载进度',
  rowsRead: '{rows} 行',
  cancel: '取消',
  columns: '列',
  head: {
    column: '列名',
    type: '类型',
    missing: '缺失',
    distinct: '不同值',
    stats: '最小值 / 均值 / 最大值，或最常见的值',
    histogram: '直方图',
    role: '用途'
  },
  histogramOf: '{column} 的直方图',
  roleOf: '{column} 的用途',
  topValue: '{value}（{count}）',
  list: '、',
  types: {
    numeric: '数值',
    categorical: '类别',
    text: '文本'
  },
  roles: {
    feature: '特征',
    target: '目标',
    ignored: '忽略'
  },
  normalization: '标准化',
  normalizations: {
    'z-score': 'z 分数',
    'min-max': '最小–最大缩放',
    none: '不处理'
  },
  missing: '缺失值（{n}）',
  missingPolicies: {
    drop: '删除该行',
    mean: '均值填充',
    median: '中位数填充',
    'most-frequent': '众数填充'
  },
  binaryTarget: '二分类目标',
  binaryTargets: {
    sigmoid: '一个 sigmoid 单元',
    softmax: '两个 softmax 单元'
  },
  validationSplit: '验证集比例（%）',
  splitSeed: '划分种子',
  prepared: '预处理后的数据',
  inputWidth: '输入宽度 {n}',
  tasks: {
    regression: '回归',
    binary: '二分类',
    multiclass: '多分类'
  },
  taskClasses: '{task}（{classes}）',
  targets: '目标 {targets}',
  split: '训练集 {train} 行 / 验证集 {validation} 行',
  droppedOne: '删除了 1 行',
  dropped: '删除了 {n} 行',
  imputedIn: '{column} 中 {n} 个',
  imputed: '已填充：{list}',
  noMissing: '所用的列没有缺失值',
  fixGraph: '让输出层匹配数据',
  preview: '预览'
}
export default data
