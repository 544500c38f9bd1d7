/**
 * The parameters an engine error or notice carries beside its code (issue 13): plain JSON values —
 * names, ids, numbers, field paths — so the renderer can word the message in the user's language
 * while the CLI and the logs keep printing the English `message` built from the same values.
 */
export type MessageParamValue = string | number | boolean | null
export type MessageParams = Record<string, MessageParamValue>

/** The entries of `p` that are set (drops undefined, so a message's params stay plain JSON). */
export function paramsOf(p: Record<string, MessageParamValue | undefined>): MessageParams {
  const out: MessageParams = {}
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v
  return out
}

/** Whether `v` is a params record as it arrives over the protocol (an object of plain values). */
export function isMessageParams(v: unknown): v is MessageParams {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  return Object.values(v).every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))
}
