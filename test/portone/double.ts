// A double of PortOne's V1 REST API (https://api.iamport.kr), on a real HTTP server at 127.0.0.1 on a free port.
// Tests start it, point `createPortOneClient({ baseUrl: double.url })` at it, and read back what arrived; the demo
// runs it inside `npm run dev` when no PortOne keys are set. The bookkeeping is in state.ts, the body rules in
// body.ts; this file is HTTP: routing, the token check, the request log and faults on demand.
//
//   const portone = await startPortOneDouble()
//   portone.state.pay({ merchantUid: 'order_1', amount: 1000 })   // what the simulated SDK reports
//   portone.failNext({ status: 500 })                               // the next API call fails
//   portone.requests                                                // every request, as PortOne saw it
//   await portone.close()
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseBody, str, type Fields } from './body'
import { PortOneState, type Answer, type PayInput, type PortOneStateOptions, type RegisterBillingKeyInput } from './state'

export const TEST_IMP_KEY = 'imp_key_test'
export const TEST_IMP_SECRET = 'imp_secret_test'

export interface PortOneDoubleOptions extends PortOneStateOptions {
  impKey?: string
  impSecret?: string
  /** Port to listen on; default 0 (a free one). */
  port?: number
}

/** One request as it arrived. */
export interface RecordedRequest {
  method: string
  /** Decoded path, without the query. */
  path: string
  /** Query parameters by their raw names (`extra[requester]`), decoded. */
  query: Record<string, string>
  /** The raw query string as sent. */
  rawQuery: string
  /** Parsed JSON or form body (bracket notation made nested). */
  body: Fields
  headers: IncomingMessage['headers']
}

/** A failure to serve instead of the real answer. */
export interface Fault {
  /** Answer with this HTTP status (e.g. 500, 503, 401). */
  status?: number
  /** Answer HTTP 200 (or `status`) with this PortOne code. */
  code?: number
  message?: string
  /** Wait this long before answering (or before failing). */
  delayMs?: number
  /** Answer this text as the body instead of PortOne's JSON envelope (a proxy's error page). */
  raw?: string
  /** Close the connection without an answer: the client sees a network error. */
  drop?: boolean
  /** Answer at once with the status and the start of the body, and the rest of the body only after this long. */
  slowBodyMs?: number
  /** Do the work first, then answer the fault: a gateway that lost PortOne's answer (the charge went through). */
  afterProcessing?: boolean
  /** Which requests it applies to; by default any except `/users/getToken`. */
  method?: string
  path?: string | RegExp
}

export interface PortOneDouble {
  /** Base URL for `createPortOneClient({ baseUrl })`. */
  url: string
  state: PortOneState
  requests: RecordedRequest[]
  /** Requests other than getToken (the calls a test usually asserts on). */
  apiRequests(): RecordedRequest[]
  /** How many access tokens were asked for. */
  tokenRequests(): number
  /** Serve `fault` to the next matching request (queued: call it twice for two faults). */
  failNext(fault: Fault): void
  close(): Promise<void>
}

export async function startPortOneDouble(options: PortOneDoubleOptions = {}): Promise<PortOneDouble> {
  const impKey = options.impKey ?? TEST_IMP_KEY
  const impSecret = options.impSecret ?? TEST_IMP_SECRET
  const state = new PortOneState(options)
  const requests: RecordedRequest[] = []
  const faults: Fault[] = []

  function takeFault(req: RecordedRequest): Fault | undefined {
    const i = faults.findIndex((f) => {
      if (f.method && f.method !== req.method) return false
      if (f.path === undefined) return req.path !== '/users/getToken'
      return typeof f.path === 'string' ? req.path.startsWith(f.path) : f.path.test(req.path)
    })
    return i < 0 ? undefined : faults.splice(i, 1)[0]
  }

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, code: -1, message: `double: ${String(error)}`, response: null })
    })
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double')
    const raw = await readText(req)
    let body: Fields
    try {
      body = parseBody(req.headers['content-type'], raw)
    } catch {
      return send(res, { status: 400, code: -1, message: '요청 본문을 해석할 수 없습니다.', response: null })
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      rawQuery: url.search.slice(1),
      body,
      headers: req.headers,
    }
    requests.push(recorded)

    const fault = takeFault(recorded)
    if (fault?.afterProcessing) route(recorded, url.pathname)
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault?.drop) return void req.socket.destroy()
    if (fault?.raw !== undefined) {
      res.writeHead(fault.status ?? 200, { 'content-type': 'text/html' })
      return void res.end(fault.raw)
    }
    if (fault && (fault.status !== undefined || fault.code !== undefined)) {
      return send(res, { status: fault.status ?? 200, code: fault.code ?? -1, message: fault.message ?? 'double: injected failure', response: null })
    }
    send(res, route(recorded, url.pathname), fault?.slowBodyMs)
  }

  function route(r: RecordedRequest, rawPath: string): Answer {
    // Segments decoded one by one, so an id with an encoded '/' stays one id.
    const seg = rawPath.split('/').slice(1).map(decodeURIComponent)
    const is = (method: string, ...pattern: string[]) =>
      r.method === method && seg.length === pattern.length && pattern.every((p, i) => p === '*' || p === seg[i])

    // Not PortOne: the simulated SDK's side door (the demo proxies its reports here).
    if (seg[0] === '__double') return control(r, seg)

    if (is('POST', 'users', 'getToken')) {
      if (str(r.body.imp_key) !== impKey || str(r.body.imp_secret) !== impSecret) {
        return { status: 401, code: -1, message: '입력된 imp_key, imp_secret에 해당하는 가맹점 정보가 존재하지 않습니다.', response: null }
      }
      return { code: 0, message: null, response: state.issueToken() }
    }
    const auth = r.headers.authorization
    if (!state.acceptsToken(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined)) {
      return { status: 401, code: -1, message: 'Unauthorized', response: null }
    }

    if (is('GET', 'payments', 'find', '*')) return state.findPayment(seg[2], undefined)
    if (is('GET', 'payments', 'find', '*', '*')) return state.findPayment(seg[2], seg[3])
    if (is('POST', 'payments', 'prepare')) return state.prepare(r.body)
    if (is('GET', 'payments', 'prepare', '*')) return state.getPrepared(seg[2])
    if (is('POST', 'payments', 'cancel')) return state.cancel(r.body)
    if (is('POST', 'payments', '*', 'naver', 'confirm')) return state.naverConfirm(seg[1], r.body)
    if (is('POST', 'payments', '*', 'naver', 'point')) return state.naverPoint(seg[1])
    if (is('GET', 'payments', '*', 'naver', 'cash-amount')) return state.naverCashAmount(seg[1])
    if (is('GET', 'payments', '*')) return state.getPayment(seg[1], r.query.include_sandbox === 'true')
    if (is('GET', 'subscribe', 'customers', '*')) return state.getBillingKey(seg[2])
    if (is('DELETE', 'subscribe', 'customers', '*')) return state.deleteBillingKey(seg[2])
    if (is('POST', 'subscribe', 'payments', 'again')) return state.again(r.body)
    if (is('POST', 'subscribe', 'payments', 'schedule')) return state.schedule(r.body)
    if (is('POST', 'subscribe', 'payments', 'unschedule')) return state.unschedule(r.body)
    if (is('GET', 'subscribe', 'payments', 'schedule', '*')) return state.getSchedule(seg[3])
    // Not PortOne's envelope: a client calling a wrong path must see an error, never read it as "not found".
    return { status: 404, raw: `double: no such endpoint ${r.method} ${r.path}` }
  }

  function control(r: RecordedRequest, seg: string[]): Answer {
    const done = (response: unknown): Answer => ({ code: 0, message: null, response })
    if (r.method === 'POST' && seg[1] === 'pay') {
      const result = state.pay(r.body as unknown as PayInput)
      return result.ok ? done(result.payment) : { code: 1, message: result.message, response: null }
    }
    if (r.method === 'POST' && seg[1] === 'billing-keys') return done(state.registerBillingKey(r.body as unknown as RegisterBillingKeyInput))
    return { status: 404, code: -1, message: `double: no such control ${r.path}`, response: null }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    apiRequests: () => requests.filter((r) => r.path !== '/users/getToken'),
    tokenRequests: () => requests.filter((r) => r.path === '/users/getToken').length,
    failNext: (fault) => void faults.push(fault),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function send(res: ServerResponse, answer: Answer, slowBodyMs?: number): void {
  if (answer.raw !== undefined) {
    res.writeHead(answer.status ?? 200, { 'content-type': 'text/plain; charset=utf-8' })
    return void res.end(answer.raw)
  }
  const body = JSON.stringify({ code: answer.code ?? 0, message: answer.message ?? null, response: answer.response ?? null })
  res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8' })
  if (!slowBodyMs) return void res.end(body)
  res.write(body.slice(0, 8))
  setTimeout(() => res.end(body.slice(8)), slowBodyMs).unref()
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })
}
