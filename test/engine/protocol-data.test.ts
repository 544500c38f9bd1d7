import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createEngineClient,
  engineCommands,
  EngineRequestError,
  portFromMessagePort,
  serveEngine,
  type EngineClient,
  type EngineServer
} from '../../src/engine/protocol'
import { makeSyntheticCsv } from '../../src/engine/data/synthetic'

const datasets = path.resolve(__dirname, '../fixtures/datasets')
const fixtures = path.resolve(__dirname, '../fixtures/csv-app')
const readDataset = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(datasets, name)))
const readFixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8')

const opened: { server: EngineServer; client: EngineClient }[] = []
afterEach(() => {
  for (const { server, client } of opened.splice(0)) {
    client.close()
    server.close()
  }
})

/** A server and a client joined by a real MessageChannel. */
function connect(): EngineClient {
  const channel = new MessageChannel()
  const server = serveEngine(portFromMessagePort(channel.port1), engineCommands)
  const client = createEngineClient(portFromMessagePort(channel.port2), { timeoutMs: 0 })
  opened.push({ server, client })
  return client
}

async function rejection(promise: Promise<unknown>): Promise<EngineRequestError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(EngineRequestError)
    return err as EngineRequestError
  }
  throw new Error('expected the request to be rejected')
}

describe('data.load over a MessageChannel', () => {
  it('says once which command wanted the file as text or bytes', async () => {
    const client = connect()
    const none = await rejection(client.requestUnchecked('data.load', { loadId: 1, name: 'a.csv' }))
    expect(none.code).toBe('bad-payload')
    expect(none.message).toBe('data.load: give the file as "text" or "bytes"')
    const both = await rejection(
      client.requestUnchecked('data.load', {
        loadId: 2,
        name: 'a.csv',
        text: 'x\n1',
        bytes: new Uint8Array(1)
      })
    )
    expect(both.message).toBe('data.load: give the file as "text" or "bytes", not both')
    const csv = await rejection(client.requestUnchecked('predict.csv', { name: 'a.csv' }))
    expect(csv.code).toBe('bad-payload')
    expect(csv.message).toBe('predict.csv: give the file as "text" or "bytes" (one of them)')
  })

  it('loads iris.csv from bytes with the right shape, header and preview', async () => {
    const client = connect()
    const summary = await client.request('data.load', {
      loadId: 1,
      name: 'iris.csv',
      bytes: readDataset('iris.csv')
    })
    expect(summary.name).toBe('iris.csv')
    expect(summary.rows).toBe(150)
    expect(summary.columns).toEqual([
      'sepal_length_cm',
      'sepal_width_cm',
      'petal_length_cm',
      'petal_width_cm',
      'species'
    ])
    expect(summary.hasHeader).toBe(true)
    expect(summary.delimiter).toBe(',')
    expect(summary.preview[0]).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa'])
    const more = await client.request('data.preview', { start: 148, count: 10 })
    expect(more.rows).toEqual([
      ['6.2', '3.4', '5.4', '2.3', 'virginica'],
      ['5.9', '3', '5.1', '1.8', 'virginica']
    ])
  })

  it('loads titanic_full.csv as text, quoted names with commas intact', async () => {
    const client = connect()
    const text = readFileSync(path.join(datasets, 'titanic_full.csv'), 'utf8')
    const summary = await client.request('data.load', { loadId: 1, name: 'titanic_full.csv', text })
    expect(summary.rows).toBe(1309)
    expect(summary.columns).toEqual(['name', 'survived', 'sex', 'age', 'passengerClass'])
    expect(summary.preview[0][0]).toBe('Allen, Miss. Elisabeth Walton')
  })

  it('streams a large file with data.progress events that grow to the whole file', async () => {
    const client = connect()
    const text = makeSyntheticCsv(6 * 1024 * 1024)
    const events: { bytes: number; totalBytes: number; rows: number }[] = []
    client.on('data.progress', (e) => {
      if (e.loadId === 7) events.push(e)
    })
    const summary = await client.request('data.load', { loadId: 7, name: 'big.csv', text })
    expect(events.length).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < events.length; i++)
      expect(events[i].bytes).toBeGreaterThanOrEqual(events[i - 1].bytes)
    const last = events[events.length - 1]
    expect(last.totalBytes).toBe(text.length)
    expect(last.bytes).toBe(text.length)
    expect(last.rows).toBe(summary.rows)
    expect(summary.rows).toBe(text.split('\n').length - 2)
  })

  it('cancels a running load on data.cancel and keeps the dataset loaded before', async () => {
    const client = connect()
    await client.request('data.load', { loadId: 1, name: 'iris.csv', bytes: readDataset('iris.csv') })
    const big = new TextEncoder().encode(makeSyntheticCsv(20 * 1024 * 1024))
    let cancelReply: Promise<{ cancelled: boolean }> | null = null
    client.on('data.progress', (e) => {
      if (e.loadId === 2 && !cancelReply) cancelReply = client.request('data.cancel', { loadId: 2 })
    })
    const err = await rejection(client.request('data.load', { loadId: 2, name: 'big.csv', bytes: big }))
    expect(err.code).toBe('cancelled')
    expect(cancelReply).not.toBeNull()
    expect(await cancelReply!).toEqual({ cancelled: true })
    const kept = await client.request('data.preview', { count: 1 })
    expect(kept.rows).toEqual([['5.1', '3.5', '1.4', '0.2', 'setosa']])
  })

  it('refuses a ragged file naming the line and column, keeping the dataset loaded before', async () => {
    const client = connect()
    await client.request('data.load', { loadId: 1, name: 'iris.csv', bytes: readDataset('iris.csv') })
    const err = await rejection(
      client.request('data.load', { loadId: 2, name: 'ragged.csv', text: readFixture('ragged.csv') })
    )
    expect(err.code).toBe('ragged-row')
    expect(err.message).toMatch(/line 4, column 3/)
    const kept = await client.request('data.preview', { start: 0, count: 1 })
    expect(kept.rows[0][4]).toBe('setosa')
  })

  it('refuses an unclosed quote naming the line where the quote opened', async () => {
    const client = connect()
    const err = await rejection(
      client.request('data.load', { loadId: 1, name: 'bad.csv', text: readFixture('unclosed-quote.csv') })
    )
    expect(err.code).toBe('unclosed-quote')
    expect(err.message).toMatch(/line 3/)
  })

  it('refuses non-UTF-8 bytes and a request with neither text nor bytes', async () => {
    const client = connect()
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('name,city\nA,'),
      0x4d,
      0xfc,
      0x6e,
      0x63,
      0x68,
      0x65,
      0x6e,
      10
    ])
    const err = await rejection(client.request('data.load', { loadId: 1, name: 'latin1.csv', bytes: latin1 }))
    expect(err.code).toBe('not-utf8')
    expect(err.message).toMatch(/line 2/)
    const none = await rejection(client.request('data.load', { loadId: 2, name: 'x.csv' }))
    expect(none.code).toBe('bad-payload')
  })

  it('answers data.preview with not-found before any data is loaded', async () => {
    const client = connect()
    const err = await rejection(client.request('data.preview', {}))
    expect(err.code).toBe('not-found')
  })
})
