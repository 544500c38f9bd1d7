/** 简体中文: engine errors and notices, worded from their code and parameters. Same keys as en/engine.ts. */
import type en from '../en/engine'

const engine: typeof en = {
  place: {
    line: '第 {line} 行',
    row: '第 {row} 条',
    column: '第 {column} 列',
    columnNamed: '第 {column} 列（“{columnName}”）',
    columnName: '列“{columnName}”',
    separator: '，'
  },
  nodeKind: {
    input: '输入 {name}',
    bias: '偏置单元 {name}',
    dense: '层 {name}',
    loss: '损失 {name}',
    other: '节点 {name}'
  },
  reason: {
    missing: '缺少这个值',
    'invalid-type': '应为{expectedType}',
    'not-integer': '应为整数',
    'too-small': '必须不小于 {min}',
    'too-small-exclusive': '必须大于 {min}',
    'too-big': '必须不大于 {max}',
    'too-big-exclusive': '必须小于 {max}',
    'too-short': '至少需要 {min} 个字符',
    'too-long': '最多只能有 {max} 个字符',
    'too-few': '至少需要 {min} 项',
    'too-many': '最多只能有 {max} 项',
    'not-multiple': '必须是 {divisor} 的倍数',
    'invalid-value': '必须是以下之一：{options}',
    'unknown-field': '不是已知的字段',
    'unknown-setting': '不是训练设置',
    'unknown-setting-suggestion': '不是训练设置（你是不是想用“{suggestion}”？）',
    'exceeds-other': '不能超过 {other}（{max}）',
    'wrong-format': '应为“{expected}”，实际为 {found}',
    'newer-version':
      '它由更新版本的 Backprop Studio 保存（文件版本 {version}；本应用最多读取版本 {supported}）',
    none: '取值不被接受',
    type: {
      number: '数字',
      string: '字符串',
      boolean: 'true 或 false',
      object: '对象',
      array: '数组'
    }
  },
  edgeKind: { weights: '权重', skip: '跳跃' },
  moreProblems: '{message}（另有 {count} 个问题）',
  data: {
    widthFrom: {
      header: '与第 {line} 行的表头一致',
      'first-row': '与第 {line} 行的第一行数据一致'
    },
    delimiter: {
      tab: '制表符',
      other: '“{delimiter}”'
    },
    delimiterName: {
      tab: '制表符',
      other: '分隔符“{delimiter}”'
    },
    'empty-file': '文件是空的：应有一行表头和至少一行数据。',
    'header-only': '{place}：文件只有表头，下面没有数据行。',
    'ragged-row': {
      missing:
        '{place}：应有 {expected} 个字段（{widthSource}），实际只有 {found} 个 —— 缺少第 {column} 个字段（“{missingName}”）。请检查某个值里是否有未加引号的{delimiterText}。',
      extra:
        '{place}：应有 {expected} 个字段（{widthSource}），实际有 {found} 个 —— 字段多了。请检查某个值里是否有未加引号的{delimiterText}。'
    },
    'unclosed-quote':
      '{place}（第 {character} 个字符）：这里开始的带引号字段一直没有闭合（文件结束前应有一个右引号 "）',
    'too-many-columns': '{place}：一条记录超过 {max} 个字段；最多接受 {max} 列。',
    'field-too-long': '{place}：字段长度超过 {max} 个字符，超出上限（是不是有引号没闭合？）。',
    'unexpected-character':
      '{place}（第 {character} 个字符）：右引号之后应是{delimiterName}或行尾，却出现了 {found}',
    binary: '{place}（第 {character} 个字符）：发现 NUL 字节 —— 这像是二进制文件，而不是 CSV 文本',
    'not-utf8':
      '第 {line} 行第 {character} 个字符（字节 {byte}）：这些字节不是 UTF-8 —— 需要 UTF-8 文本文件。请把文件另存为“CSV UTF-8”后重新加载。',
    'non-numeric':
      '{place}：{value} 不是数字，但“{columnName}”是数值列。请改正这个值，或留空表示缺失，或把这一列当作类别列。',
    'one-class-target':
      '目标列“{columnName}”在所用的行里只有一个类别（“{className}”）：没有可区分的东西。请换一个目标列，或加入其他类别的行。',
    'unknown-column': {
      default: '没有名为“{columnName}”的列（现有的列是 {columns}）。',
      'row-without-value': '第 {row} 条没有“{columnName}”的值；模型需要 {needed}。'
    },
    'bad-spec': {
      split: '验证集比例必须在 0 到 {max} 之间，实际是 {split}。',
      'no-target': '没有目标列：请把要预测的列标记为目标。',
      'no-feature': '没有特征列：请至少把目标以外的一列标记为特征。',
      'several-class-targets':
        '多个目标（{targets}）只能都是数值（回归）；“{columnName}”是类别。请只保留一个类别目标，或把其他列设为特征或忽略。',
      'no-values': '特征“{columnName}”在训练行里没有任何值。',
      'too-many-categories': '特征“{columnName}”有 {count} 个不同的值：太多，无法编码；请忽略这一列。',
      unscalable:
        '列“{columnName}”的取值从 {min} 到 {max}，相差太大，浮点数无法缩放；请换算这一列的单位，或忽略它。',
      'missing-not-imputed':
        '{place}：这个值缺失，而模型准备数据时丢弃了有缺失值的行，所以没有可以填给“{columnName}”的值。请填上这个单元格。',
      'missing-target': '{place}：这一行缺少目标“{columnName}”的值。',
      'unknown-class': '{place}：{value} 不是模型的类别之一（{classes}）。'
    },
    'too-few-rows': {
      'after-drop': '丢弃有缺失值的行之后一行也不剩；请改用填补方式。',
      'no-target-values': '目标列里没有任何一行有值。',
      'no-training-rows': '没有留给训练的行；请调低验证集比例。'
    },
    cancelled: '已取消加载文件。',
    'bad-input': {
      'too-large': '{name} 超过 {megabytes} MB。'
    }
  },
  notice: {
    'class-codes':
      '目标“{columnName}”只有少数几个整数，所以每个都当作一个类别；若要做回归，请把它的类型设为数值。',
    'many-categories':
      '特征“{columnName}”有 {count} 个不同的值（名字、编号还是自由文本？）；每个值都会成为一个输入。',
    'missing-target': '没有目标值的行已被排除：{count} 行。',
    'zero-variance': {
      target: '目标“{columnName}”在每个训练行里的值都一样。',
      feature: '特征“{columnName}”在每个训练行里的值都一样，对网络没有帮助；可以考虑忽略它。'
    },
    'unseen-category': '验证行中有训练行从未出现过的“{columnName}”取值：{count} 行；它们被编码为全零。',
    'missing-values': {
      imputed: '已用训练行的统计值填补缺失值：{count} 个（{columns}）。',
      dropped: '已丢弃含缺失值的行：{count} 行。'
    }
  },
  graph: {
    'bad-format': {
      default: '图的格式是“{format}”，应为“{expected}”。'
    },
    'bad-version': {
      newer: '图的版本是 {version}，由更新版本的 Backprop Studio 创建（本版本只能读取版本 {expected}）。',
      other: '图的版本是 {version}，应为 {expected}。'
    },
    'bad-shape': {
      'not-object': '图不是一个对象。',
      'no-arrays': '图需要 "nodes" 和 "edges" 两个数组。',
      field: '{field} 无效（实际是 {got}）。'
    },
    'bad-id': {
      node: '第 {index} 个节点没有 id。',
      edge: '第 {index} 条边没有 id。'
    },
    'duplicate-node-id': '有两个节点的 id 都是“{id}”。',
    'duplicate-edge-id': '有两条边的 id 都是“{id}”。',
    'unknown-kind': '节点 {node} 的类型“{kind}”未知。',
    'bad-units': {
      input: '{nodeDesc} 的单元数是 {units}；请使用 ≥ 1 的整数。',
      dense: '{nodeDesc} 的单元数是 {units}；请使用 1 到 {max} 之间的整数。'
    },
    'bad-activation': '{nodeDesc} 的激活函数“{value}”未知（可选：{allowed}）。',
    'bad-leak': '{nodeDesc} 的泄漏系数是 {value}；请使用 [0, 1) 内的数。',
    'bad-init': '{nodeDesc} 的初始化方式“{value}”未知（可选：{allowed}）。',
    'bad-loss': '{nodeDesc} 的损失函数“{value}”未知（可选：{allowed}）。',
    'bad-huber-delta': '{nodeDesc} 的 huberDelta 是 {value}；请使用大于 0 的数。',
    'no-input': '图中没有输入节点。',
    'multiple-inputs': '{nodeDesc} 是第二个输入节点；一个图只能有一个输入节点。',
    'no-loss': '图中没有损失节点，因此没有可以训练的目标。',
    'multiple-losses': '{nodeDesc} 是第二个损失节点；一个图只能有一个。',
    'unknown-edge-kind': '边 {edge} 的类型“{kind}”未知（应为 weights 或 skip）。',
    'dangling-edge': {
      from: '边“{id}”的起点“{end}”不是一个节点。',
      to: '边“{id}”的终点“{end}”不是一个节点。'
    },
    'duplicate-edge': '边 {edge} 与同一对节点之间的另一条{edgeKind}边重复。',
    'edge-into-input': '边 {edge} 流入 {nodeDesc}；任何东西都不能输入到输入节点。',
    'edge-into-bias': '边 {edge} 流入 {nodeDesc}，而偏置单元的输出恒为 1。',
    'edge-out-of-loss': '边 {edge} 从 {nodeDesc} 出发；损失是图的终点。',
    'skip-from-bias': '跳跃连接 {edge} 从 {nodeDesc} 出发；请改用权重边。',
    'skip-into-loss': '边 {edge} 是进入 {nodeDesc} 的跳跃连接；请改用普通边。',
    'skip-width-mismatch':
      '跳跃连接 {edge} 把 {fromUnits} 个单元接到 {toUnits} 个单元；跳跃连接两端的宽度必须相等。',
    'too-large': '图有 {nodes} 个节点和 {edges} 条边；最多接受 {maxNodes} 个节点和 {maxEdges} 条边。',
    cycle: {
      'self-loop': '边 {edge} 把 {nodeDesc} 连到了它自己。',
      path: '图中有环：{path}。',
      more: '……另有 {count} 条边构成环。'
    },
    'no-weighted-input': '{nodeDesc} 没有来自输入或其他层的带权重输入边。',
    'loss-fan-in': {
      none: '{nodeDesc} 没有任何层输入；请把输出层连到它。',
      several: '{nodeDesc} 由 {count} 个层输入（{sources}）；它只能有一个输入。'
    },
    'loss-source-not-dense': '{nodeDesc} 由 {fromDesc} 输入；损失必须由全连接层输入。',
    'softmax-not-output': '{nodeDesc} 使用了 softmax，而 softmax 只能用在输出层。',
    'softmax-skip-input': '{nodeDesc} 使用了 softmax，却接收跳跃连接“{edgeId}”；它的输出必须保持为概率向量。',
    'loss-activation-mismatch': {
      'cross-entropy': '{nodeDesc} 使用交叉熵，需要 softmax 输出层，但 {outputDesc} 使用的是“{activation}”。',
      bce: '{nodeDesc} 使用二元交叉熵，需要 sigmoid 或 softmax 输出层，但 {outputDesc} 使用的是“{activation}”。',
      'bce-skip':
        '{nodeDesc} 使用二元交叉熵，需要 {outputDesc} 的输出是概率，但有一条跳跃连接加到了它上面；请去掉进入输出层的跳跃连接，或改用平方误差。'
    },
    unreachable: '{nodeDesc} 收不到来自输入的任何信号。',
    'dead-end': '{nodeDesc} 通不到损失节点，因此无法训练。',
    disconnected: '{nodeDesc} 没有连接到任何东西。',
    'multiple-bias': '{nodeDesc} 有 {count} 条偏置边；它们的偏置会相加。',
    'input-width-unknown': '输入“{id}”的宽度未知：请绑定数据或设置它的单元数。',
    'too-many-parameters':
      '网络有 {count} 个参数（训练约需 {gigabytes} GB）；最多接受 {max} 个。最大的是边“{edgeId}”（{from} → {to}），{rows}×{cols}。',
    'invalid-graph': '图无效。'
  },
  connect: {
    cycle: {
      default: '把 {fromDesc} 连到 {nodeDesc} 会形成环。',
      'self-loop': '{nodeDesc} 不能连到自身。',
      closes: '把 {fromDesc} 连到 {nodeDesc} 会形成环。'
    },
    'edge-into-input': '没有任何东西可以流入 {nodeDesc}。',
    'edge-into-bias': '没有任何东西可以流入 {nodeDesc}；它的输出恒为 1。',
    'edge-out-of-loss': '{nodeDesc} 是图的终点，没有输出。',
    'duplicate-edge': {
      default: '{fromDesc} 与 {nodeDesc} 之间已有一条{edgeKind}边。',
      weights: '{fromDesc} 与 {nodeDesc} 之间已有一条权重边。',
      skip: '{fromDesc} 与 {nodeDesc} 之间已有一条跳跃连接。'
    },
    'skip-into-loss': '跳跃连接不能接入 {nodeDesc}；请改用普通边。',
    'loss-source-not-dense': '{nodeDesc} 必须由全连接层提供输入，而不是 {fromDesc}。',
    'skip-from-bias': '跳跃连接不能从 {nodeDesc} 出发；请改用权重边。',
    'skip-width-mismatch':
      '跳跃连接两端的宽度必须相等，但 {fromDesc} 有 {fromUnits} 个单元，{nodeDesc} 有 {toUnits} 个。',
    'dangling-edge': '不存在节点“{id}”。',
    'loss-fan-in': '{nodeDesc} 已经由 {fromDesc} 提供输入。',
    'softmax-not-output': '{nodeDesc} 使用 softmax，而 softmax 只能用在输出层。',
    'softmax-skip-input': '{nodeDesc} 使用 softmax，不能接收跳跃连接。'
  },
  model: {
    'not-found': {
      'no-table': '尚未加载数据：请先加载一个 CSV 文件。',
      'no-model': '还没有模型：请先训练一个网络或导入权重文件。',
      'no-preprocessing': '这个模型从未绑定过数据，没有可用于编码一行数据的预处理：请先用 CSV 文件训练它。',
      'no-session': '没有训练会话：请先开始训练。',
      'no-network': '无法重置权重：还没有网络；请先开始训练。',
      'no-edge-weights': '边“{edgeId}”在这个网络里没有权重。',
      'not-prepared': '没有可用于评估的已准备数据：请先加载并准备一个 CSV 文件。',
      'rows-gone': '已准备的数据行不可用：请重新准备数据。'
    },
    'no-data': '尚未准备训练数据：请加载一个 CSV 文件并选择它的特征列和目标列。',
    'bad-state': {
      default: '引擎现在无法执行这个操作：{message}',
      'set-weight-running': '训练进行时不能修改权重；请先暂停。'
    },
    'bad-payload': {
      default: '请求被拒绝：{message}',
      sample: '样本 {sample} 不是训练集中的一行（行 0–{last}）。',
      'weight-index': '边 {edgeId} 是 {rows}×{cols}：W[{row}][{col}] 超出了范围。',
      'no-file': '请以文本或字节的形式提供文件。',
      'both-files': '请以文本或字节之一提供文件，不要同时提供。',
      'load-running': '加载 {loadId} 已在进行中。',
      'input-width': '模型需要 {inputs} 个输入，但已准备的数据有 {features} 个：请为这个模型准备数据。'
    },
    'data-mismatch':
      '网络有 {inputs} 个输入、{outputs} 个输出，但已准备的数据有 {features} 个特征、{targets} 个目标。'
  },
  protocol: {
    malformed: '引擎收到了格式错误的请求。',
    'unknown-type': '引擎不认识这个请求：{message}',
    'bad-payload': {
      default: '请求被拒绝：{message}',
      'unknown-field': '请求中有未知字段“{field}”。',
      field: '请求的字段“{field}”无效：{reasonText}。'
    },
    'unsupported-version': '引擎使用协议版本 {engine}，客户端使用 {client}。',
    'not-found': '未找到：{message}',
    failed: '引擎出错：{message}',
    timeout: '引擎没有及时响应。',
    closed: '与引擎的连接在响应之前就关闭了。'
  },
  weights: {
    'bad-json': '文件不是有效的 JSON。',
    'bad-format': '这不是 Backprop Studio 的权重文件。',
    'bad-version': '这个权重文件由更新版本的 Backprop Studio 写入；请更新应用后再打开。',
    'bad-field': '权重文件的字段 {path} 无效。',
    'bad-graph': '权重文件中的图无效（{path}）。',
    'bad-parameters': '权重文件在 {path} 处的权重无效。'
  },
  settings: {
    'bad-settings': '训练设置“{field}”无效：{reasonText}。'
  },
  project: {
    'not-json': '这不是项目文件：其文本不是有效的 JSON。',
    'bad-field': {
      default: '项目文件的字段“{field}”无效：{reasonText}。',
      top: '这不是项目文件：{reasonText}。'
    }
  },
  desktop: {
    'file-too-large': '{name} 的大小为 {sizeMb} MB；只能打开不超过 {maxMb} MB 的文件。',
    'read-failed': {
      default: '无法读取 {name}（系统错误 {errno}）。',
      'not-found': '{name} 已不在原处（已被移动、重命名或删除）。',
      'permission-denied': '你没有读取 {name} 的权限。',
      'is-directory': '{name} 是一个文件夹，不是文件。'
    },
    'write-failed': {
      default: '无法写入 {name}（系统错误 {errno}）。',
      'not-found': '用于保存 {name} 的文件夹已不存在。',
      'permission-denied': '你没有在该位置写入 {name} 的权限。',
      'is-directory': '{name} 是一个文件夹，不是文件。',
      'disk-full': '磁盘已满：无法写入 {name}。',
      'read-only': '磁盘是只读的：无法写入 {name}。'
    },
    'name-empty': '文件名为空。',
    'name-too-long': '文件名超过 {max} 个字符。',
    'name-has-folders': '文件名“{name}”中包含文件夹；请在对话框中选择文件夹。',
    'text-not-string': '没有可保存的文本。',
    'text-too-large': '文件将超过 {max} 个字符。',
    'window-gone': '发出请求的窗口已关闭。',
    'recent-unavailable': '最近的项目列表不可用。',
    'not-recorded': '无法把 {name} 加入最近的项目。',
    unexpected: '桌面应用出错：{message}'
  },
  train: {
    epochs: { default: '完成：全部 {epochs} 轮已训练完。', one: '完成：1 轮已训练完。' },
    target: { default: '完成：训练 {epochs} 轮后达到了损失目标。', one: '完成：训练 1 轮后达到了损失目标。' },
    converged: {
      default: '完成：训练 {epochs} 轮后损失的变化已小于 ε。',
      one: '完成：训练 1 轮后损失的变化已小于 ε。'
    },
    'early-stop': {
      default: '训练 {epochs} 轮后提前停止：在耐心窗口内没有改进；已恢复最佳权重。',
      best: '训练 {epochs} 轮后提前停止：在耐心窗口内没有改进；已恢复最佳权重（第 {bestEpoch} 轮）。'
    },
    'non-finite': {
      default: '已停止：{message}',
      at: '已停止：第 {step} 步时层 {layer} 的 {quantity} 出现 NaN/∞。已恢复上一组正常的权重；请尝试更小的学习率。'
    },
    diverged: {
      default: '已停止：{message}',
      at: '已停止：损失在第 {step} 步发散（{loss}，超过其最低值 {lowestLoss} 的 10⁶ 倍）。已恢复上一组正常的权重；请尝试更小的学习率。'
    },
    error: '已停止：训练失败（{message}）。已恢复上一组正常的权重。',
    stopped: {
      default: '用户在训练 {epochs} 轮后停止（第 {step} 步）。',
      one: '用户在训练 1 轮后停止（第 {step} 步）。'
    },
    finalLoss: '{text}损失 {loss}。',
    quantity: {
      z: 'z',
      a: 'a',
      loss: '损失',
      delta: 'δ',
      grad: '∂C/∂W'
    }
  }
}

export default engine
