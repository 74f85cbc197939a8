// Reading the body of a request the handlers did not choose to receive: bounded, typed by its Content-Type, and
// refused with a 4xx that says what was wrong (never a 500, never a stack trace). Web `Request`/`Response` only.

/** A request body read into fields, or the HTTP answer that refuses it. */
export type ReadResult = { ok: true; fields: Record<string, unknown> } | { ok: false; status: number; message: string }

export type BodyKind = 'json' | 'form'

/** Keys that would reach `Object.prototype` in careless code further on: refused outright, not dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export interface ReadTexts {
  method: (allowed: string) => string
  contentType: (got: string, expected: string) => string
  tooLarge: (limit: number) => string
  notUtf8: string
  notJson: (detail: string) => string
  notObject: string
  forbiddenKey: (key: string) => string
}

/** Reads a POST body of one of `kinds`, at most `maxBytes`, into an object of own fields. */
export async function readFields(request: Request, kinds: readonly BodyKind[], maxBytes: number, t: ReadTexts): Promise<ReadResult> {
  if (request.method !== 'POST') return { ok: false, status: 405, message: t.method('POST') }
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  const kind: BodyKind | undefined =
    type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' ? 'form' : undefined
  if (kind === undefined || !kinds.includes(kind)) {
    const expected = kinds.map((k) => (k === 'json' ? 'application/json' : 'application/x-www-form-urlencoded')).join(' or ')
    return { ok: false, status: 415, message: t.contentType(type || 'none', expected) }
  }
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, status: 413, message: t.tooLarge(maxBytes) }
  const bytes = await readLimited(request, maxBytes)
  if (bytes === null) return { ok: false, status: 413, message: t.tooLarge(maxBytes) }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, status: 400, message: t.notUtf8 }
  }
  return kind === 'json' ? parseJson(text, t) : parseForm(text, t)
}

/** The body's bytes, or `null` as soon as it passes `maxBytes` (the rest is never buffered). */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

function parseJson(text: string, t: ReadTexts): ReadResult {
  let forbidden: string | undefined
  let value: unknown
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key
      return v
    })
  } catch (error) {
    return { ok: false, status: 400, message: t.notJson(error instanceof Error ? error.message : String(error)) }
  }
  if (forbidden !== undefined) return { ok: false, status: 400, message: t.forbiddenKey(forbidden) }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, status: 400, message: t.notObject }
  return { ok: true, fields: value as Record<string, unknown> }
}

function parseForm(text: string, t: ReadTexts): ReadResult {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    if (FORBIDDEN_KEYS.has(key)) return { ok: false, status: 400, message: t.forbiddenKey(key) }
    // The first value of a repeated field counts; PortOne sends each once.
    if (!Object.prototype.hasOwnProperty.call(fields, key)) fields[key] = value
  }
  return { ok: true, fields }
}

/** A JSON answer nobody caches. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}
