/**
 * 简体中文. Same keys as en/learn.ts (typed against it; test/renderer/i18n.test.ts also checks that none is
 * empty). The lesson texts are our own words in the tutorials' notation (手推 of seed 001, BP-1…BP-4
 * of seed 003).
 */
import type en from '../en/learn'

const learn: typeof en = {
  locale: {
    label: '语言',
    en: 'English',
    'zh-CN': '简体中文'
  },
  learn: {
    open: '学习',
    title: '学习反向传播',
    close: '关闭课程',
    lesson: '课程',
    seeds: '教程 {seeds}',
    replaceWhat: '搭建课程网络',
    build: '在画布上搭建',
    built: '本课的网络已按原有权重搭建在画布上。',
    stepOf: '第 {n} 步，共 {total} 步',
    previous: '上一步',
    next: '下一步',
    steps: '课程步骤',
    phase: {
      forward: '正向传播',
      loss: '损失',
      backward: '反向传播',
      update: '参数更新',
      summary: '小结'
    },
    formulas: '公式',
    equations: '反向传播的四个核心公式（BP-1 至 BP-4）',
    onGraph: '图上的数值',
    slip: '教程此处有误',
    tableOk: '核对无误',
    tableWrong: '核对不符',
    table: '表格',
    chart: '图表',
    chartLog: '对数刻度',
    exercise: '练习',
    exerciseOwn: '用我的网络练习',
    exerciseOwnNeeds:
      '请先在“训练”标签页中点击 Explain：用自己的网络练习时，题目来自该样本的一次正向与反向传播。'
  },
  exercise: {
    title: '练习',
    hide: '要隐藏的量',
    kinds: {
      z: '带权输入 z',
      a: '激活值 a',
      loss: '损失',
      delta: '误差 δ = ∂C/∂z',
      dCda: '误差 ∂C/∂a',
      dCdW: '权重梯度 ∂C/∂w',
      updated: '梯度下降一步后的权重'
    },
    ask: '请手算 {symbol}，并输入结果。',
    givens: '已知：画布上的输入、目标值和权重',
    learningRate: '梯度下降步长 α = {alpha}',
    batch: '批量大小 m = {m}',
    answer: '你的答案',
    check: '检查',
    tolerance: '与精确值相差不超过 {percent} 即判为正确。',
    right: '正确！精确值为 {exact}。',
    wrong: '不正确。',
    notNumber: '“{text}”不是一个数。',
    unknown: '无法判断是哪一种错误得到了这个数。',
    reveal: '显示答案',
    exact: '精确值为 {exact}。',
    next: '下一题',
    back: '返回课程',
    none: '这个网络中没有这种量。',
    slips: {
      gradientForError:
        '这是 {symbol}，即权重的梯度 ∂C/∂w，而不是误差。误差 ∂C/∂z（或 ∂C/∂a）乘以输入之后才得到 ∂C/∂w。',
      fPrimeForgotten: '漏乘了 f′(z)：这个数是 ∂C/∂a。δ = ∂C/∂a ⊙ f′(z)。',
      gradientForWeights:
        '误差回传时用了梯度 ∂C/∂W 而不是权重 W（教程 000 的伪代码也这样写错了）。应当用 Wᵀδ。',
      batchMeanForgotten: '漏掉了 1/m：这是整批样本的和，是平均值的 m = {m} 倍。',
      stepSign: '更新的方向反了：w − α·∂C/∂w 是下山，w + α·∂C/∂w 是上山。',
      halfForgotten: '漏掉了平方误差前的 ½：E = ½(a − y)²，所以 ∂E/∂a = a − y，没有因子 2。',
      errorSign: '符号反了：误差是 a − y，而不是 y − a。',
      activationMixup: '这是 {symbol}：把 z 和 a 弄混了（漏了激活函数，或者多算了一次）。',
      otherQuantity: '这是 {symbol}，本次传播中的另一个数。'
    }
  },
  notation: {
    loss: {
      'squared-error': '平方误差，C = ½‖y − a‖²（½ 用来抵消求导得到的 2）',
      'binary-cross-entropy': '二元交叉熵，C = −[y ln a + (1 − y) ln(1 − a)]',
      'cross-entropy': '交叉熵，C = −Σ y ln a',
      'mean-absolute-error': '平均绝对误差，C 为 y 与 a 之差的绝对值的平均',
      huber: 'Huber 损失（靠近 0 时为平方，远离时为绝对值）'
    },
    sample: '样本 {sample}',
    csvRow: 'CSV 第 {row} 行',
    userUnits: '原始单位：{value}',
    size: '{n} 个值',
    matrixSize: '{rows}×{cols}',
    saturatedHidden: '饱和：{units} 个隐藏单元中有 {count} 个的 f′(z) 小于 {threshold}，δ 几乎无法通过。',
    layer: '第 {l} 层'
  },
  lessons: {
    hand: {
      title: '教程 001 的手推过程（2-2-1，sigmoid）',
      summary:
        '教程中的网络：输入 x₁ = 0.35，x₂ = 0.9，目标 t₅ = 0.5，六个权重，没有偏置。先正向算到损失 E，再反向求出每个 ∂E/∂w。',
      hiddenSum:
        '每个隐层单元先对带权输入求和：x₃ = w₁₃x₁ + w₂₃x₂ = {x3}，x₄ = w₁₄x₁ + w₂₄x₂ = {x4}。教程 001 用 x 表示单元的加权和，用 O 表示单元的输出。',
      hiddenOut: 'sigmoid 把每个和压缩到 (0, 1)：O₃ = σ(x₃) = {O3}，O₄ = σ(x₄) = {O4}。',
      output: '输出单元对隐层输出做同样的计算：x₅ = {x5}，O₅ = σ(x₅) = {O5}。',
      loss: '损失是平方误差的一半：E = ½(O₅ − t₅)² = {E}。½ 的作用是抵消求导得到的 2：∂E/∂O₅ = O₅ − t₅。',
      deltaOut:
        '反向传播从输出层开始（BP-1）：δ₅ = ∂E/∂x₅ = ∂E/∂O₅ · σ′(x₅) = {dEdO5} × {fPrime} = {delta5}。',
      gradOut:
        '输出层权重的梯度等于 δ₅ 乘以沿该权重传来的值（BP-3）：∂E/∂w₃₅ = δ₅O₃ = {g35}，∂E/∂w₄₅ = δ₅O₄ = {g45}。',
      deltaHidden: 'δ₅ 沿权重传回，再乘以各隐层单元的 σ′（BP-2）：δ₃ = {delta3}，δ₄ = {delta4}。',
      gradHidden:
        '隐层权重的梯度同样是 δ 乘以输入（BP-3）：∂E/∂w₁₃ = δ₃x₁ = {g13}，比输出层的梯度小约三十倍。',
      update:
        '梯度下降让每个权重沿梯度的反方向移动，步长 α = {alpha}。用新权重再算一遍，E 从 {before} 降到 {after}。'
    },
    xnor: {
      title: '用与门、或非门和或门组合出同或（XNOR）',
      summary:
        '权重很大的逻辑回归单元就像逻辑门。隐层的“与”和“或非”加上输出层的“或”，组合出一条直线无法分开的同或。',
      and: '第一个隐层单元是“与”：只有 x₁ = x₂ = 1 时 −30 + 20x₁ + 20x₂ 才大于 0。表中是引擎对四行输入算出的结果。',
      nor: '第二个隐层单元是“或非”：只有 (0, 0) 时 10 − 20x₁ − 20x₂ 为正。',
      or: '输出单元对两个隐层单元做“或”：只要“与”或“或非”有一个输出 1，它就输出 1。',
      table: '合起来：x₁ = x₂ 时输出 1，否则输出 0。引擎实时逐行核对同或的真值表。'
    },
    bias: {
      title: '偏置即常数 1 单元',
      summary: 'z = Wx + b，或者加一个恒为 1 的单元 x₀，它的权重就是 b：两种写法得到同样的数。',
      twoWays:
        '教程 002 和 003 加一个偏置向量 b；教程 000 和 001 加一个恒为 1 的输入并给它权重。画布采用第二种画法：偏置单元的连线上承载 b。',
      forward: '引擎分别运行两个网络。每个 z、每个 a 以及损失 C = {C} 都完全一致。',
      gradient: '反向传播也一样：偏置的梯度就是 δ（BP-4），因为它的输入 x₀ 等于 1（BP-3）。'
    },
    residual: {
      title: '残差单元 Y = X + σ(z)',
      summary: '跳跃连接把一层的输入加到它的输出上。反向传播时，它把 ∂C/∂Y 原样传回。',
      forward: '第二层的输出等于它的输入加上通常的 sigmoid 项：Y = X + σ(W⁽³⁾X)。',
      deltaOut: '在输出层，δ⁽³⁾ = ∂C/∂Y ⊙ σ′(z⁽³⁾)，与往常一样（BP-1）。',
      throughSkip:
        '∂C/∂X 有两项（BP-2）：经过权重的一项，第一个单元为 (W⁽³⁾)ᵀδ⁽³⁾ = {viaW}；经过跳跃连接的一项就是 ∂C/∂Y 本身 = {viaSkip}，没有 σ′ 把它缩小。',
      deltaHidden: '然后 δ⁽²⁾ = ∂C/∂X ⊙ σ′(z⁽²⁾)，梯度照常得出（BP-3）。'
    },
    batch: {
      title: '批量平均：1/m',
      summary: '有 m 个样本时，代价是各样本损失的平均，所以每个梯度也是各样本梯度的平均。',
      perSample: '教程 001 的网络用于 m = {m} 个样本：每个样本各有一次传播和各自的 ∂E/∂w₃₅（每行一个）。',
      mean: '整批的梯度是它们的平均：∂C/∂w₃₅ = {g35}。引擎按批量计算，结果等于各行的平均。',
      sumSlip: '如果漏掉 1/m，求和得到的 {sum} 会大 {m} 倍：步长会随批量大小增长。教程 003 把 1/m 写成 μ/N。'
    },
    vanishing: {
      title: '梯度消失，以及 ReLU 和跳跃连接',
      summary: '六个 sigmoid 隐层：δ 每往回传一层就缩小一次。ReLU 和跳跃连接能让它保持下来。',
      sigmoid: '每往回一层，δ 都要乘以 σ′ ≤ 0.25（BP-2）。第一个隐层的 δ 绝对值平均只有输出层的 {ratio} 倍。',
      relu: '同样的网络换成 ReLU（单元激活时 f′ = 1）：第一层保留了输出层 δ 绝对值平均的 {ratio} 倍。',
      skip: '仍用 sigmoid，但每一层都加上跳跃连接：∂C/∂a 直接传回，比值为 {ratio}。',
      series: {
        sigmoid: 'sigmoid',
        relu: 'ReLU',
        skip: 'sigmoid + 跳跃连接'
      }
    },
    rprop: {
      title: 'Rprop 与梯度下降的对比',
      summary: '同一个 2-2-1 网络从同一个起点学习同或，一次用梯度下降，一次用 Rprop。',
      gd: '梯度下降，μ = {rate}：{steps} 步之后，损失只从 {first} 降到 {last}。在这片平台上梯度很小，步子也很小。',
      rprop:
        'Rprop 只用每个梯度的符号，每个权重有自己的步长 Δ：符号不变时步长增大，符号改变时步长减半。同样的起点、同样的步数：损失为 {last}。',
      outputs: 'Rprop 训练出的网络已经能计算同或；梯度下降的网络对每个输入仍然输出 0.5 左右。',
      series: {
        gd: '梯度下降',
        rprop: 'Rprop'
      }
    },
    bce: {
      title: 'sigmoid 输出与二元交叉熵',
      summary: '二元交叉熵配合 sigmoid 输出时，输出层误差就是 δ = a − y。',
      forward: '输出 a⁽³⁾ = {a} 被看作 y = 1 的概率；因为 y = 1，损失为 C = −ln a⁽³⁾ = {C}。',
      chain: '完整的链式法则（BP-1）：∂C/∂a = {dCda}，σ′ = {fPrime}，两者的乘积为 {product}。',
      delta: 'σ′ 中的 a(1 − a) 与损失的分母相消：δ⁽³⁾ = a⁽³⁾ − y = {delta}，正是引擎算出的 δ。',
      gradients: '之后的反向传播与每一课相同（BP-2、BP-3、BP-4）。'
    },
    slips: {
      o3: '教程写 O₃ = 0.69，但 σ(0.755) = {correct}。0.69 是输出 O₅ 的值。',
      dx5: '教程写 ∂E/∂x₅ = 0.027，但 (O₅ − t₅)·O₅(1 − O₅) = {correct}。0.027 是 ∂E/∂w₄₅ = δ₅O₄。',
      w44: '教程写了 ∂E/∂w₄₄ 和 w₄₄。并没有这个权重：应为 w₂₄。',
      nor: '教程把或非单元写成 g(−10 − 20x₁ − 20x₂)。偏置为 −10 时，(0, 0) 一行得到 g(−10) = {printed}，而不是 1。偏置应为 +10：g(10) = {correct}。',
      orForm:
        '教程把 g(−10 + 20x₁ + 20x₂) 改写成 1/(1 + e^−(10 + 20x₁ + 20x₂))：10 的符号在改写时变了。g(…) 的写法才是对的。',
      xnorName: '教程称结果为异或（XOR），但它的真值表 1、0、0、1 是同或（XNOR）。',
      bceSign:
        '教程 000 说用交叉熵时 δ 等于 y − a。实际是 a − y = {correct}；用 y − a = {printed} 会往上山走。'
    }
  }
}

export default learn
