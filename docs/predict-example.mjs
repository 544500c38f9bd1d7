#!/usr/bin/env node
// Predicts with a Backprop Studio weights file and no app, no dependencies (docs/weights-format.md).
//
//   node docs/predict-example.mjs model.weights.json rows.csv
//
// rows.csv has a header row naming (at least) the model's feature columns. One JSON line per row is
// printed: the predicted label and class probabilities, or the predicted values, and the raw outputs.
import { readFileSync } from 'node:fs'

const [weightsPath, csvPath] = process.argv.slice(2)
if (!weightsPath || !csvPath) {
  console.error('usage: node predict-example.mjs model.weights.json rows.csv')
  process.exit(2)
}
const file = JSON.parse(readFileSync(weightsPath, 'utf8'))
if (file.format !== 'backprop-studio/weights' || file.version > 1)
  throw new Error('not a version-1 weights file')
const { graph, parameters: W, preprocessing: prep } = file

// ---- CSV (RFC 4180: quoted fields may hold the delimiter, "" and line ends) ----
function parseCsv(text) {
  text = text.replace(/^\uFEFF/, '')
  const head = text.slice(0, text.indexOf('\n') >>> 0)
  const delimiter = [',', ';', '\t'].reduce((a, b) => (head.split(b).length > head.split(a).length ? b : a))
  const rows = [[]]
  let field = ''
  let quoted = false
  const endField = () => {
    rows.at(-1).push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++]
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === delimiter) endField()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endField()
      rows.push([])
    } else field += c
  }
  rows.at(-1).push(field)
  const records = rows.filter((r) => r.length > 1 || r[0] !== '')
  const header = records[0].map((h) => h.trim())
  return records.slice(1).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])))
}

// ---- preprocessing: cells → x (the same rules as the app) ----
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?'])
const toNumber = (s) => (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s) ? Number(s) : NaN)
const categoryKey = (s) => (Number.isNaN(toNumber(s)) ? s.trim() : String(toNumber(s)))

function encode(row) {
  if (!prep) return Object.values(row).map(toNumber) // no preprocessing: the columns are the inputs
  return prep.features.flatMap((f) => {
    const cell = row[f.column]
    if (cell === undefined) throw new Error(`the CSV has no column "${f.column}"`)
    const missing = MISSING.has(cell.trim())
    if (missing && f.impute === null)
      throw new Error(`"${f.column}" is missing and the model has no fill-in value`)
    if (f.kind === 'numeric') {
      const v = missing ? f.impute : toNumber(cell)
      if (Number.isNaN(v)) throw new Error(`"${f.column}": ${JSON.stringify(cell)} is not a number`)
      return [(v - f.center) / f.scale]
    }
    const key = missing ? f.impute : categoryKey(cell)
    return f.categories.map((c) => (c === key ? 1 : 0)) // an unseen category is all zeros
  })
}

// ---- the network: a = f(Σ W·a_src + b) + Σ skip a_src, layers in topological order ----
const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))
const activations = {
  sigmoid: (z) => z.map(sigmoid),
  tanh: (z) => z.map(Math.tanh),
  relu: (z) => z.map((v) => (v > 0 ? v : 0)),
  'leaky-relu': (z, node) => z.map((v) => (v > 0 ? v : (node.leak ?? 0.01) * v)),
  softplus: (z) => z.map((v) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)))),
  linear: (z) => z,
  softmax: (z) => {
    const max = Math.max(...z) // subtract the max so exp cannot overflow
    const e = z.map((v) => Math.exp(v - max))
    const sum = e.reduce((s, v) => s + v, 0)
    return e.map((v) => v / sum)
  }
}

function forward(x) {
  const a = new Map()
  for (const n of graph.nodes) {
    if (n.kind === 'input') a.set(n.id, x)
    if (n.kind === 'bias') a.set(n.id, [1])
  }
  const dense = graph.nodes.filter((n) => n.kind === 'dense')
  while (a.size < graph.nodes.length - 1) {
    // Next: a dense layer whose every source is computed (the graph is acyclic, so one always is).
    const node = dense.find((n) => !a.has(n.id) && graph.edges.every((e) => e.to !== n.id || a.has(e.from)))
    const z = new Array(node.units).fill(0)
    const skips = []
    for (const e of graph.edges.filter((e) => e.to === node.id)) {
      if (e.kind === 'skip') skips.push(a.get(e.from))
      else W[e.id].forEach((row, i) => row.forEach((w, j) => (z[i] += w * a.get(e.from)[j])))
    }
    const out = activations[node.activation](z, node)
    for (const s of skips) s.forEach((v, i) => (out[i] += v))
    a.set(node.id, out)
  }
  const loss = graph.nodes.find((n) => n.kind === 'loss')
  const last = graph.edges.find((e) => e.to === loss.id).from
  return a.get(last)
}

// ---- outputs → prediction ----
function decode(outputs) {
  if (!prep) return { outputs }
  const result = { outputs }
  let k = 0
  for (const t of prep.targets) {
    if (t.kind === 'numeric') {
      result.values = { ...result.values, [t.column]: outputs[k++] * t.scale + t.center }
    } else if (t.encoding === 'sigmoid') {
      const p = outputs[k++]
      result.probabilities = { [t.classes[0]]: 1 - p, [t.classes[1]]: p }
      result.label = t.classes[p >= 0.5 ? 1 : 0]
    } else {
      const p = outputs.slice(k, (k += t.classes.length))
      result.probabilities = Object.fromEntries(t.classes.map((c, i) => [c, p[i]]))
      result.label = t.classes[p.indexOf(Math.max(...p))]
    }
  }
  return result
}

for (const row of parseCsv(readFileSync(csvPath, 'utf8')))
  console.log(JSON.stringify(decode(forward(encode(row)))))
