/**
 * PyTorch export: a weights file → a small Python project that computes and trains the same network.
 *
 *   model.py            generated here: an nn.Module whose forward mirrors the graph, line by line
 *   preprocessing.py    the app's encoder in Python (fixed text, ./pytorch/preprocessing.py)
 *   predict.py          CSV in, the same prediction columns as `predict` out
 *   train.py            the same loss, optimiser and settings; one process or DDP under torchrun
 *   <name>.weights.json the weights file itself: model.py reads the parameters from it (no pickles)
 *   README.md, requirements.txt
 *
 * The forward pass follows the execution plan the engine compiles (graph/compile.ts), so the layer
 * order, bias edges and skip edges are the engine's own.
 */
import { inputWidthOf } from '../data/encode'
import { compileGraph, INPUT, type PlanLayer } from '../graph/compile'
import { resolveTrainSettings } from '../train/settings'
import type { WeightsFile } from '../weights/types'
import { PYTHON_SOURCES } from './pytorch/sources.generated'
import { pytorchWeightsName } from '../fileNames'

export interface ProjectFile {
  /** Path inside the project folder, '/'-separated. */
  path: string
  text: string
}

const PY_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally ' +
    'for from global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' ')
)

/** A Python identifier for an id: letters, digits and _, prefixed, unique among `used`. */
function identifier(prefix: string, id: string, used: Set<string>): string {
  const base = prefix + id.replace(/[^A-Za-z0-9_]/g, '_')
  let name = PY_KEYWORDS.has(base) ? base + '_' : base
  for (let k = 2; used.has(name); k++) name = `${base}_${k}`
  used.add(name)
  return name
}

/** A number as a Python literal that reads back as the same double (JavaScript's shortest form is one). */
const pyNumber = (v: number): string => (Number.isInteger(v) ? v.toFixed(1) : String(v))

/** A Python string literal (JSON's escapes are Python's). */
const pyString = (s: string): string => JSON.stringify(s)

/** f(z) as a Python expression; softplus in the stable form the engine uses (F.softplus cuts off at 20). */
function activation(layer: PlanLayer, z: string): string {
  switch (layer.activation) {
    case 'sigmoid':
      return `torch.sigmoid(${z})`
    case 'tanh':
      return `torch.tanh(${z})`
    case 'relu':
      return `torch.relu(${z})`
    case 'leaky-relu':
      return `F.leaky_relu(${z}, ${pyNumber(layer.leak)})`
    case 'softplus':
      return `torch.logaddexp(${z}, torch.zeros_like(${z}))`
    case 'linear':
      return z
    case 'softmax':
      return `torch.softmax(${z}, dim=1)`
  }
}

/** The file name the project keeps the weights under: "<graph name>.weights.json" (fileNames.ts). */
export function projectWeightsName(file: WeightsFile): string {
  return pytorchWeightsName(file.graph.name)
}

/** model.py for the network of a weights file. */
export function modelPy(file: WeightsFile, weightsName = projectWeightsName(file)): string {
  const p = file.preprocessing
  const plan = compileGraph(file.graph, p ? inputWidthOf(p) : undefined)
  const used = new Set(['x', 'z', 'a'])
  const param = new Map<string, string>()
  const lines: string[] = []
  const init: string[] = []
  const edges: string[] = []
  for (const s of plan.slices) {
    const name = identifier(s.isBias ? 'b_' : 'W_', s.edgeId, used)
    param.set(s.edgeId, name)
    const shape = s.isBias ? `${s.rows}` : `${s.rows}, ${s.cols}`
    const what = s.isBias ? `bias ${s.from} → ${s.to}` : `${s.from} → ${s.to}, [out][in]`
    init.push(`        self.${name} = nn.Parameter(torch.zeros(${shape}, dtype=dtype))  # ${what}`)
    edges.push(`    ${pyString(s.edgeId)}: (${pyString(name)}, ${s.isBias ? 'True' : 'False'}),`)
  }
  const value = new Map<number, string>([[INPUT, 'x']])
  for (const layer of plan.layers) {
    const isOutput = layer.index === plan.output
    const a = isOutput ? 'a' : identifier('a_', layer.id, used)
    const z = isOutput ? 'z' : identifier('z_', layer.id, used)
    const terms = [
      ...layer.weights.map((e) => `F.linear(${value.get(e.src)}, self.${param.get(e.id)})`),
      ...layer.biases.map((e) => `self.${param.get(e.id)}`)
    ]
    lines.push(
      `        # ${layer.name}: ${layer.units} units, ${layer.activation}` +
        (layer.skips.length ? `, skip from ${layer.skips.map((s) => s.from).join(', ')}` : '')
    )
    lines.push(`        ${z} = ${terms.join(' + ')}`)
    const skips = layer.skips.map((s) => ` + ${value.get(s.src)}`).join('')
    lines.push(`        ${a} = ${activation(layer, z)}${skips}`)
    value.set(layer.index, a)
  }
  const fusedWhy = plan.fused
    ? `# ${plan.layers[plan.output].activation} + ${plan.loss.kind}, no skip into the output: the loss is computed from z (stable).`
    : '# The loss is computed from the outputs a.'
  const graphName = file.graph.name ?? 'network'
  return `"""The network "${graphName}" exported from Backprop Studio: an nn.Module that mirrors its graph.

Forward pass (docs/weights-format.md): per dense layer in topological order
    z = sum over weighted in-edges of a_src W^T  (+ each bias edge's vector b)
    a = f(z) + sum over skip in-edges of a_src
The parameters are read from the weights file by edge id: W is [out][in]; a bias edge's [out][1]
column is the vector b.
"""
import json

import torch
from torch import nn
from torch.nn import functional as F

DTYPE = torch.float64
WEIGHTS_FILE = ${pyString(weightsName)}
INPUT_WIDTH = ${plan.inputWidth}
OUTPUT_WIDTH = ${plan.layers[plan.output].units}
LOSS = ${pyString(plan.loss.kind)}
HUBER_DELTA = ${pyNumber(plan.loss.huberDelta)}
${fusedWhy}
FUSED = ${plan.fused ? 'True' : 'False'}
# Weighted edge id → (parameter name, is a bias edge).
EDGES = {
${edges.join('\n')}
}
# Backprop Studio's training defaults, for a weights file of a network never trained.
DEFAULT_SETTINGS = json.loads('${JSON.stringify(resolveTrainSettings({}))}')


class Network(nn.Module):
    def __init__(self, dtype=DTYPE):
        super().__init__()
${init.join('\n')}

    def forward(self, x):
        """(z, a) of the output layer for x [rows × ${plan.inputWidth}]: the logits and the outputs."""
${lines.join('\n')}
        return z, a

    def predict(self, x):
        """The outputs a [rows × ${plan.layers[plan.output].units}]."""
        return self(x)[1]


def set_parameters(net, parameters):
    """Copies a weights file's "parameters" (edge id → [out][in] lists) into the network."""
    with torch.no_grad():
        for edge, (name, is_bias) in EDGES.items():
            p = getattr(net, name)
            m = torch.tensor(parameters[edge], dtype=p.dtype, device=p.device)
            p.copy_(m[:, 0] if is_bias else m)


def get_parameters(net):
    """The network's parameters as a weights file stores them: edge id → [out][in] lists of floats."""
    out = {}
    for edge, (name, is_bias) in EDGES.items():
        p = getattr(net, name).detach().to(device="cpu", dtype=torch.float64)
        out[edge] = [[v] for v in p.tolist()] if is_bias else p.tolist()
    return out


def load(path=WEIGHTS_FILE, dtype=DTYPE):
    """(the network with the file's parameters, the weights file as a dict)."""
    with open(path, encoding="utf-8") as f:
        file = json.load(f)
    net = Network(dtype)
    set_parameters(net, file["parameters"])
    return net, file
`
}

/** README.md of the project: what is in it, and the commands. */
function readme(file: WeightsFile, weightsName: string): string {
  const p = file.preprocessing
  const name = file.graph.name ?? 'network'
  const features = p
    ? p.features.map((f) => f.column).join(', ')
    : '(none: the network was never bound to data)'
  const targets = p ? p.targets.map((t) => t.column).join(', ') : '(none)'
  const s = file.training?.settings
  const how = s
    ? `${s.optimizer}, learning rate ${s.learningRate}, batch ${s.batchSize === 0 ? 'full' : s.batchSize}, ${s.epochs} epochs`
    : 'the defaults (the network was never trained)'
  return `# ${name}: exported from Backprop Studio

A PyTorch copy of the network, float64 by default, computing what the app computes: the same
preprocessing, forward pass, loss and optimiser.

| file | what it is |
| --- | --- |
| \`model.py\` | \`Network\`, an \`nn.Module\` whose \`forward\` mirrors the graph layer by layer |
| \`${weightsName}\` | the weights file: \`model.load()\` reads the parameters from it |
| \`preprocessing.py\` | how a CSV row becomes the input (the app's encoder, in Python) |
| \`predict.py\` | a CSV in, the app's prediction columns out |
| \`train.py\` | continues training, on one process or many (DistributedDataParallel) |

Features: ${features}. Target: ${targets}. Training settings from the app: ${how}.

## Use

\`\`\`sh
pip install -r requirements.txt          # or: apt-get install python3-torch
python3 predict.py DATA.csv --out PRED.csv
python3 train.py --data DATA.csv --epochs 50 --out trained.weights.json
\`\`\`

\`trained.weights.json\` imports into Backprop Studio (Data tab → Import weights…) and predicts there
as it does here. \`python3 train.py --help\` lists the options (learning rate, batch, seed, validation
fraction).

## Scale out

The same \`train.py\` runs under \`torchrun\` with DistributedDataParallel: gloo on CPUs, nccl on GPUs
(one process per GPU). \`--batch\` is the batch of one step over all processes; the gradients are
averaged so a step equals the app's step on that batch.

\`\`\`sh
torchrun --nproc_per_node=4 train.py --data DATA.csv --epochs 50 --out trained.weights.json
# two machines, four GPUs each: the same command on both (HOST is one of them)
torchrun --nnodes=2 --nproc_per_node=4 --rdzv_backend=c10d \\
  --rdzv_endpoint=HOST:29400 --rdzv_id=job1 train.py --data DATA.csv --epochs 50 --out trained.weights.json
\`\`\`

With Debian bookworm's python3-torch (PyTorch 1.13 on Python 3.11) add \`--redirects 2 --tee 2\` to
torchrun: its default "0" fails to parse there (\`'NoneType' object has no attribute 'get'\`).
`
}

/** Every file of the project for a weights file (`weightsText` is stored as it is, byte for byte). */
export function buildPytorchProject(file: WeightsFile, weightsText: string): ProjectFile[] {
  const weightsName = projectWeightsName(file)
  return [
    { path: 'README.md', text: readme(file, weightsName) },
    { path: 'model.py', text: modelPy(file, weightsName) },
    { path: 'preprocessing.py', text: PYTHON_SOURCES['preprocessing.py'] },
    { path: 'predict.py', text: PYTHON_SOURCES['predict.py'] },
    { path: 'train.py', text: PYTHON_SOURCES['train.py'] },
    { path: 'requirements.txt', text: 'torch>=1.13\n' },
    { path: weightsName, text: weightsText }
  ]
}
