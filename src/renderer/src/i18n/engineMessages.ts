/**
 * Words the engine's errors and notices, and the stores' own notices, in the user's language
 * (issue 13). The engine sends a code, its English `message` (what the CLI and the logs print) and the
 * `params` the message is built from; the catalogue has `engine.<family>.<code>` — a sentence, or an
 * object of sentences keyed by `params.variant` — filled in with those params, numbers formatted for
 * the locale. A code the catalogue does not know falls back to the English message.
 *
 * A store keeps a `Notice` (a catalogue key and params, a param possibly an engine error) and an
 * English rendering of it for logs and tests; components show `noticeText(notice)` in the locale.
 */
import {
  CONNECT_REFUSAL_CODES,
  DATA_ERROR_CODES,
  DATA_NOTICE_CODES,
  DONE_REASONS,
  ERROR_FAMILIES,
  GRAPH_ISSUE_CODES,
  MODEL_ERROR_CODES,
  PROTOCOL_ERROR_CODES,
  WEIGHTS_ERROR_CODES,
  isMessageParams,
  type DoneEvent,
  type MessageParams
} from '@engine/index'
import type { DesktopErrorCode } from '../../../preload/desktop-api'
import { formatNumber, messages } from './index'

/** Main's refusals (a DesktopFailure's code); the Record makes the compiler keep this list complete. */
const DESKTOP_CODES = Object.keys({
  'file-too-large': true,
  'read-failed': true,
  'write-failed': true,
  'name-empty': true,
  'name-too-long': true,
  'name-has-folders': true,
  'text-not-string': true,
  'text-too-large': true,
  'window-gone': true,
  'recent-unavailable': true,
  'not-recorded': true,
  unexpected: true
} satisfies Record<DesktopErrorCode, true>) as DesktopErrorCode[]

/** An engine error or notice as it arrives: a code, the English sentence and its parameters. */
export interface EngineMessage {
  code?: string
  message: string
  params?: MessageParams
  /** Which code list `code` is from ('data', 'graph', …); looked up from the code when absent. */
  family?: string
}

/** The code families and their codes, in the order an unlabelled code is looked up. */
export const ENGINE_CODES = {
  data: DATA_ERROR_CODES,
  notice: DATA_NOTICE_CODES,
  graph: GRAPH_ISSUE_CODES,
  connect: CONNECT_REFUSAL_CODES,
  model: MODEL_ERROR_CODES,
  protocol: PROTOCOL_ERROR_CODES,
  weights: WEIGHTS_ERROR_CODES,
  settings: ['bad-settings'],
  desktop: DESKTOP_CODES,
  /** A project file the renderer could not read (project/file.ts ProjectFileError). */
  project: ['not-json', 'bad-field'],
  train: DONE_REASONS
} as const satisfies Record<string, readonly string[]>

export type EngineFamily = keyof typeof ENGINE_CODES

/**
 * Params a sentence may use that the wording derives from the engine's (see en/engine.ts): tests
 * check a sentence uses only these and the ones the engine sends.
 */
export const DERIVED_PARAMS = [
  'place',
  'nodeDesc',
  'fromDesc',
  'outputDesc',
  'widthSource',
  'delimiterText',
  'delimiterName',
  'reasonText',
  'message'
] as const

/** What we need of vue-i18n's composer: `t`, `te` and the locale. */
export interface Translator {
  t: (key: string, params?: Record<string, unknown>) => string
  te: (key: string) => boolean
  locale: { value: string }
}

const isFamily = (f: unknown): f is EngineFamily => typeof f === 'string' && Object.hasOwn(ENGINE_CODES, f)

/** The family of a code: the one the engine named, else the first list that has the code. */
export function familyOf(msg: Pick<EngineMessage, 'code' | 'family'>): EngineFamily | null {
  if (isFamily(msg.family) && (ENGINE_CODES[msg.family] as readonly string[]).includes(msg.code ?? ''))
    return msg.family
  for (const f of Object.keys(ENGINE_CODES) as EngineFamily[])
    if ((ENGINE_CODES[f] as readonly string[]).includes(msg.code ?? '')) return f
  return null
}

/** A number as the locale writes it: whole numbers in full (line 12345 stays exact), others to 4 digits. */
function num(v: number, locale: string): string {
  if (Number.isInteger(v)) return Math.abs(v) < 10_000 ? String(v) : new Intl.NumberFormat(locale).format(v)
  return formatNumber(v, locale)
}

/** The catalogue key for a code and variant, or null when the catalogue has no sentence for it. */
export function engineKey(
  i18n: Translator,
  family: EngineFamily,
  code: string,
  variant?: unknown
): string | null {
  const base = `engine.${family}.${code}`
  if (i18n.te(base)) return base
  if (typeof variant === 'string' && i18n.te(`${base}.${variant}`)) return `${base}.${variant}`
  return i18n.te(`${base}.default`) ? `${base}.default` : null
}

/** The engine's params for the catalogue: numbers formatted, plus the derived ones. */
function wordingParams(i18n: Translator, msg: EngineMessage): Record<string, string> {
  const locale = i18n.locale.value
  const p = msg.params ?? {}
  const out: Record<string, string> = { message: msg.message }
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'number' ? num(v, locale) : String(v)
  // "line 12, column 3 ("age")", as the engine's placeText.
  const parts: string[] = []
  if (typeof p.line === 'number') parts.push(i18n.t('engine.place.line', { line: out.line }))
  else if (typeof p.row === 'number') parts.push(i18n.t('engine.place.row', { row: out.row }))
  if (typeof p.column === 'number')
    parts.push(
      i18n.t(p.columnName ? 'engine.place.columnNamed' : 'engine.place.column', {
        column: out.column,
        columnName: out.columnName
      })
    )
  else if (p.columnName) parts.push(i18n.t('engine.place.columnName', { columnName: out.columnName }))
  out.place = parts.join(i18n.t('engine.place.separator'))
  // Layer "h1": a node's label with its kind word.
  for (const key of ['node', 'from', 'output']) {
    const kind = p[`${key}Kind`]
    if (typeof kind !== 'string' || typeof p[key] !== 'string') continue
    const k = ['input', 'bias', 'dense', 'loss'].includes(kind) ? kind : 'other'
    out[`${key}Desc`] = i18n.t(`engine.nodeKind.${k}`, { name: p[key] })
  }
  out.reasonText = reasonText(i18n, p, out)
  // Enum ids the engine sends as params, worded (its English sentence prints the id itself).
  if (typeof p.activation === 'string' && i18n.te(`canvas.activationKind.${p.activation}`))
    out.activation = i18n.t(`canvas.activationKind.${p.activation}`)
  if (typeof p.edgeKind === 'string' && i18n.te(`engine.edgeKind.${p.edgeKind}`))
    out.edgeKind = i18n.t(`engine.edgeKind.${p.edgeKind}`)
  if (p.widthFrom === 'header' || p.widthFrom === 'first-row')
    out.widthSource = i18n.t(`engine.data.widthFrom.${p.widthFrom}`, { line: out.widthLine })
  if (typeof p.delimiter === 'string') {
    const which = p.delimiter === '\t' ? 'tab' : 'other'
    out.delimiterText = i18n.t(`engine.data.delimiter.${which}`, { delimiter: p.delimiter })
    out.delimiterName = i18n.t(`engine.data.delimiterName.${which}`, { delimiter: p.delimiter })
  }
  return out
}

/**
 * Why a field was refused, from zod's issue as the engine sends it (`rule` and its values): "must be
 * at least 0.0001", "expected a number", "must be one of …"; the engine's English `detail` for a rule
 * the catalogue does not word (a schema's own refinement).
 */
function reasonText(i18n: Translator, p: MessageParams, out: Record<string, string>): string {
  const rule = typeof p.rule === 'string' ? p.rule : undefined
  const variant =
    rule === 'unknown-setting' && typeof p.suggestion === 'string'
      ? 'unknown-setting-suggestion'
      : (rule === 'too-small' || rule === 'too-big') && p.exclusive === true
        ? `${rule}-exclusive`
        : rule
  const key = variant && `engine.reason.${variant}`
  if (key && i18n.te(key)) {
    const type = typeof p.expectedType === 'string' ? p.expectedType : ''
    const expectedType = i18n.te(`engine.reason.type.${type}`) ? i18n.t(`engine.reason.type.${type}`) : type
    return i18n.t(key, { ...out, expectedType })
  }
  return typeof p.detail === 'string' ? p.detail : i18n.t('engine.reason.none')
}

/** An engine error or notice in the user's language; the English message for a code we do not know. */
export function engineText(i18n: Translator, msg: EngineMessage): string {
  const family = familyOf(msg)
  const key = family && msg.code ? engineKey(i18n, family, msg.code, msg.params?.variant) : null
  if (!key) return msg.message
  const text = i18n.t(key, wordingParams(i18n, msg))
  const more = msg.params?.more
  return family === 'graph' && typeof more === 'number' && more > 0
    ? i18n.t('engine.moreProblems', { message: text, count: num(more, i18n.locale.value) })
    : text
}

/** Code, message, params and family of anything thrown (an engine error, a GraphError, a plain Error). */
export function engineMessageOf(err: unknown): EngineMessage {
  if (!(err instanceof Error)) return { message: String(err) }
  const { code, params, family } = err as { code?: unknown; params?: unknown; family?: unknown }
  return {
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(isMessageParams(params) ? { params } : {}),
    ...(typeof family === 'string'
      ? { family }
      : Object.hasOwn(ERROR_FAMILIES, err.name)
        ? { family: ERROR_FAMILIES[err.name] }
        : {})
  }
}

/** The engine's done event as a code and params of the 'train' family (why training ended). */
export function doneMessage(done: DoneEvent, layerName: (id: string) => string = (id) => id): EngineMessage {
  const loss = done.final ? (done.final.validation?.loss ?? done.final.train.loss) : undefined
  const params: MessageParams = { epochs: done.epoch, step: done.step }
  if (loss !== undefined) params.loss = loss
  if (done.epoch === 1) params.variant = 'one'
  if (done.reason === 'early-stop' && done.bestEpoch !== undefined) {
    params.variant = 'best'
    params.bestEpoch = done.bestEpoch
  }
  if (done.reason === 'non-finite' && done.nonFinite) {
    Object.assign(params, {
      variant: 'at',
      quantity: done.nonFinite.quantity,
      layer: layerName(done.nonFinite.layer),
      step: done.nonFinite.step
    })
  }
  if (done.reason === 'diverged' && done.diverged) {
    Object.assign(params, { variant: 'at', ...done.diverged })
  }
  return { code: done.reason, message: done.error ?? done.message, params, family: 'train' }
}

/** Why training ended, in the user's language, with the final loss when there is one. */
export function doneText(i18n: Translator, done: DoneEvent, layerName?: (id: string) => string): string {
  return trainText(i18n, doneMessage(done, layerName))
}

/** A 'train' family message (doneMessage's): the quantity worded, the final loss added. */
function trainText(i18n: Translator, msg: EngineMessage): string {
  const p = { ...msg.params }
  if (typeof p.quantity === 'string' && i18n.te(`engine.train.quantity.${p.quantity}`))
    p.quantity = i18n.t(`engine.train.quantity.${p.quantity}`)
  const text = engineText(i18n, { ...msg, params: p })
  const withLoss = ['epochs', 'target', 'converged', 'early-stop', 'stopped'].includes(msg.code ?? '')
  return withLoss && typeof p.loss === 'number'
    ? i18n.t('engine.train.finalLoss', { text, loss: formatNumber(p.loss, i18n.locale.value) })
    : text
}

/** An engine message: the 'train' family (why training ended) with its extras, others as engineText. */
const messageText = (i18n: Translator, msg: EngineMessage): string =>
  msg.family === 'train' ? trainText(i18n, msg) : engineText(i18n, msg)

// ————— the stores' own notices —————

/** A value in a notice: text, a number (formatted for the locale) or an engine error to word. */
export type NoticeParam = string | number | { engine: EngineMessage } | { notice: Notice }

/**
 * Something a store tells the user: a catalogue key with params, an engine error on its own, or (from
 * older callers and the desktop host's messages) plain text.
 */
export type Notice =
  { key: string; params?: Record<string, NoticeParam> } | { engine: EngineMessage } | { text: string }

/** A notice for a catalogue key. */
export const notice = (key: string, params?: Record<string, NoticeParam>): Notice => ({ key, params })

/** A notice wording an engine error (or any error) on its own. */
export const errorNotice = (err: unknown): Notice =>
  notice('notices.error', { error: { engine: engineMessageOf(err) } })

/** A notice in the user's language. */
export function noticeText(i18n: Translator, n: Notice): string {
  if ('text' in n) return n.text
  if ('engine' in n) return messageText(i18n, n.engine)
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries(n.params ?? {})) {
    if (typeof v === 'number') params[k] = num(v, i18n.locale.value)
    else if (typeof v === 'string') params[k] = v
    else if ('engine' in v) params[k] = messageText(i18n, v.engine)
    else params[k] = noticeText(i18n, v.notice)
  }
  return i18n.t(n.key, params)
}

/**
 * The English wording, for what stores keep as text (logs, tests, the CLI's language): the English
 * catalogue read directly, its {named} params filled in (the catalogues use no other vue-i18n syntax:
 * test/renderer/i18n.test.ts). No second vue-i18n instance: the stores run before the app's exists.
 */
export function englishTranslator(): Translator {
  const lookup = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        messages.en
      )
  return {
    t: (key, params = {}) => {
      const m = lookup(key)
      return typeof m === 'string'
        ? m.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''))
        : key
    },
    te: (key) => typeof lookup(key) === 'string',
    locale: { value: 'en' }
  }
}

/** A notice in English. */
export const englishText = (n: Notice): string => noticeText(englishTranslator(), n)

/** The app's composer as a Translator (`useI18n()` in a component, `i18n.global` elsewhere). */
export function translator(composer: {
  t: (...args: never[]) => string
  te: (...args: never[]) => boolean
  locale: { value: string }
}): Translator {
  return composer as unknown as Translator
}
