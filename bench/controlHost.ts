/**
 * The engine process of the prompt-control benchmark (bench/control.ts): the real Node host's command
 * table over the real IPC channel, with the workspace's prepared data made here from the seeded
 * synthetic generator instead of a CSV (a 60k × 784 CSV would be ~300 MB of text to parse first).
 * Rows and seed come from the environment.
 */
import { makeDataset } from './data'
import { CONTROL_WORKLOAD } from './controlWorkload'
import { engineCommands } from '../src/engine/protocol/commands'
import type { PortLike } from '../src/engine/protocol/port'
import { serveEngine, type Connection } from '../src/engine/protocol/server'
import { createWorkspace } from '../src/engine/model/workspace'
import { trainCommands } from '../src/engine/protocol/handlers/train'
import { writeFileSync } from 'node:fs'
import type { PreparedData } from '../src/engine/data/preprocess'

const send = process.send?.bind(process)
if (!send) throw new Error('bench/controlHost.ts must be started with an IPC channel (child_process.fork)')

const rows = Number(process.env.BPS_CONTROL_ROWS ?? 60000)
const w = CONTROL_WORKLOAD
const data = makeDataset(w, 42, rows)
const trainRows = Math.round(rows * 0.9)
const split = (a: Float64Array, width: number) => [
  a.subarray(0, trainRows * width),
  a.subarray(trainRows * width)
]
const [xt, xv] = split(data.x, data.inputs)
const [yt, yv] = split(data.y, data.outputs)
const classes = Array.from({ length: data.outputs }, (_, k) => `c${k}`)
const prepared = {
  summary: {
    inputWidth: data.inputs,
    outputWidth: data.outputs,
    task: 'multiclass',
    targets: ['label'],
    classes,
    loss: 'cross-entropy',
    outputActivation: 'softmax',
    featureColumns: [],
    featureNames: [],
    trainRows,
    validationRows: rows - trainRows,
    droppedRows: 0,
    imputed: {},
    notices: []
  },
  data: {
    train: { x: xt, y: yt, rows: trainRows },
    validation: { x: xv, y: yv, rows: rows - trainRows },
    task: 'multiclass'
  },
  // Stored with the model only; nothing in this benchmark encodes or exports rows.
  preprocessing: null
} as unknown as PreparedData

const port: PortLike = {
  postMessage: (message) => void send(message),
  onMessage: (listener) => void process.on('message', listener),
  onClose: (listener) => void process.once('disconnect', listener),
  close: () => process.disconnect()
}

/*
 * The training loop's own blocking, apart from IPC and the OS: how long each slice ran between two
 * yields (the train.* commands are the host's, with the same default yield, timed). Written to
 * BPS_CONTROL_SLICES (a JSON array of milliseconds) when the parent disconnects.
 */
const slices: number[] = []
let resumed = -1
const timedYield = (): Promise<void> => {
  if (resumed >= 0) slices.push(performance.now() - resumed)
  return new Promise((resolve) =>
    setImmediate(() => {
      resumed = performance.now()
      resolve()
    })
  )
}

serveEngine(port, (connection: Connection) => {
  const ws = createWorkspace()
  ws.prepared = prepared
  return { ...engineCommands(connection, ws), ...trainCommands(connection, ws, { yieldControl: timedYield }) }
})
process.once('disconnect', () => {
  const out = process.env.BPS_CONTROL_SLICES
  if (out) writeFileSync(out, JSON.stringify(slices))
  process.exit(0)
})
