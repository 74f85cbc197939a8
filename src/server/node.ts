// The Fetch-API handlers mounted on Node's http, Express or Connect: `(req, res)`. No node: imports — only the
// methods of the req/res objects it is given — so this file too runs wherever the rest of the entry runs.

/** What `toNodeHandler` reads of Node's `IncomingMessage` (an Express or Connect request is one). */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string
  url?: string
  /** Express: the URL before the router cut its mount path. */
  originalUrl?: string
  headers: Record<string, string | string[] | undefined>
  /** Set by a body parser (Express's `express.json()`, `express.urlencoded()`…) that already read the stream. */
  body?: unknown
  /** True once the request's stream has been read to its end (by a body parser, for instance). */
  readableEnded?: boolean
}

/** What `toNodeHandler` uses of Node's `ServerResponse`. */
export interface NodeResponseLike {
  statusCode: number
  setHeader(name: string, value: string): unknown
  end(body?: string): unknown
  headersSent?: boolean
}

/** A `(req, res)` handler for Node's http, Express and Connect. */
export type NodeHandler = (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>

/**
 * Mounts a Fetch-API handler (`checkout.createOrder`, `.verify`, `.webhook`) on Node's `http`, Express or Connect.
 * Works with or without a body parser in front: when one already read the body (`req.body`), the handler gets that
 * body back as JSON (or as a form, when it came as one).
 *
 * ```ts
 * app.post('/api/orders', toNodeHandler(checkout.createOrder))          // Express
 * http.createServer(toNodeHandler(checkout.verify))                      // node:http
 * ```
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): NodeHandler {
  return async (req, res) => {
    let response: Response
    try {
      response = await handler(toRequest(req))
    } catch {
      // The handlers never throw; only a request object too broken to read gets here.
      response = new Response(JSON.stringify({ message: 'Bad request' }), { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' } })
    }
    if (res.headersSent) return
    await writeResponse(res, response)
  }
}

/** Writes a Fetch-API `Response` to Node's response: status, headers, body. */
export async function writeResponse(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, key) => void res.setHeader(key, value))
  res.end(await response.text())
}

/** A Web `Request` for a Node request, its body streamed (with a limit, by the handler) or taken from `req.body`. */
export function toRequest(req: NodeRequestLike): Request {
  const method = (req.method ?? 'GET').toUpperCase()
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, one)
      } catch {
        // A header the Fetch API cannot hold is not one the handlers read.
      }
    }
  }
  const host = headers.get('host') ?? 'localhost'
  let url: URL
  try {
    url = new URL(req.originalUrl ?? req.url ?? '/', `http://${host}`)
  } catch {
    url = new URL(req.originalUrl ?? req.url ?? '/', 'http://localhost')
  }
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })

  if (req.body !== undefined && req.readableEnded === true) {
    // A body parser read it already: hand its result over in a form the handlers read.
    headers.delete('content-length')
    headers.delete('transfer-encoding')
    return new Request(url, { method, headers, body: reencode(req.body, headers) })
  }
  return new Request(url, { method, headers, body: streamOf(req), duplex: 'half' } as RequestInit)
}

function reencode(body: unknown, headers: Headers): string | Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new Uint8Array(body)
  const type = headers.get('content-type') ?? ''
  if (type.includes('application/x-www-form-urlencoded') && typeof body === 'object' && body !== null) {
    const form = new URLSearchParams()
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form.append(key, value)
    return form.toString()
  }
  headers.set('content-type', 'application/json')
  return JSON.stringify(body) ?? ''
}

// After a refused (too large) body, this much more is read and thrown away so that the answer still reaches the
// client on a healthy connection; past it the request is abandoned.
const DRAIN_LIMIT = 4 * 1024 * 1024

/** The request's stream as a Web stream. Nothing is read until the handler asks, and it asks with a limit. */
function streamOf(req: NodeRequestLike): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<unknown> | undefined
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= req[Symbol.asyncIterator]()
      const { done, value } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array))
    },
    cancel() {
      const it = iterator
      if (!it) return
      void (async () => {
        let drained = 0
        try {
          for (;;) {
            const { done, value } = await it.next()
            if (done) return
            drained += (value as { length?: number })?.length ?? 0
            if (drained > DRAIN_LIMIT) return void (await it.return?.())
          }
        } catch {
          // The client went away: nothing left to drain.
        }
      })()
    },
  })
}
