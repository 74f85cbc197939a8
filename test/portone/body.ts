// How PortOne reads a request body: JSON (application/json), or application/x-www-form-urlencoded with bracket notation
// (`extra[requester]=customer`, `schedules[0][extra][naverUseCfm]=20201001`, `merchant_uid[]=a`).

export type Fields = Record<string, unknown>

export function parseBody(contentType: string | undefined, raw: string): Fields {
  if (raw.trim() === '') return {}
  if (contentType?.includes('application/x-www-form-urlencoded')) return parseBrackets(new URLSearchParams(raw))
  // PortOne consumes JSON and form bodies only: JSON sent as text/plain (a fetch without a content-type) is not read,
  // so a client that forgets its content-type fails here as it would at PortOne.
  if (!contentType?.includes('application/json')) return {}
  const parsed: unknown = JSON.parse(raw)
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Fields) : {}
}

/** `a[b][0][c]=1` → `{ a: { b: [{ c: '1' }] } }`; `a[]=1&a[]=2` → `{ a: ['1', '2'] }`. Values stay strings. */
export function parseBrackets(params: URLSearchParams): Fields {
  const out: Fields = {}
  for (const [key, value] of params) {
    const [head, ...rest] = key.split('[')
    const path = [head, ...rest.map((part) => part.replace(/\]$/, ''))]
    let at: Record<string, unknown> | unknown[] = out
    path.forEach((name, i) => {
      const last = i === path.length - 1
      const nextIsList = !last && (path[i + 1] === '' || /^\d+$/.test(path[i + 1]))
      if (Array.isArray(at) && name === '') {
        if (last) at.push(value)
        else at = (at[at.length] = nextIsList ? [] : {}) as typeof at
        return
      }
      const container = at as Record<string, unknown>
      if (last) container[name] = value
      else at = (container[name] ??= nextIsList ? [] : {}) as typeof at
    })
  }
  return out
}

/** A number from JSON or from a form field ('3000'); `undefined` when absent or not a number. */
export function num(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : undefined
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function obj(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {}
}
