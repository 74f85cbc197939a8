// @vitest-environment node
// toNodeHandler: the Fetch-API handlers behind a real node:http server, reached by real HTTP — with the body left
// in the stream, and with a body parser (as Express's express.json() / express.urlencoded() do) that read it first.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { createCheckoutServer, memoryOrderStore, toNodeHandler, type Order } from '../../src/server'
import { paid, withDouble } from './setup'

const CART = { items: [{ uid: 'book-1', name: '한국사', price: 1500, count: 2, categoryType: 'BOOK', categoryId: 'GENERAL' }] }

type Middleware = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void) => void

/** What express.json() and express.urlencoded() do: read the stream, leave the result in req.body. */
const bodyParser: Middleware = (req, _res, next) => {
  const type = req.headers['content-type'] ?? ''
  const isJson = type.startsWith('application/json')
  const isForm = type.startsWith('application/x-www-form-urlencoded')
  // Express 4 sets an empty req.body even when the type does not match, leaving the stream unread.
  req.body = {}
  if (!isJson && !isForm) return next()
  let text = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (text += chunk))
  req.on('end', () => {
    req.body = isJson ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text))
    next()
  })
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))))
})

async function app(middleware?: Middleware) {
  const { portone, client } = await withDouble()
  const fulfilled: Order[] = []
  const checkout = createCheckoutServer({
    portone: client, orders: memoryOrderStore(),
    priceCart: () => ({ amount: 3000, name: '한국사' }),
    onPaid: (order) => void fulfilled.push(order),
  })
  const routes: Record<string, ReturnType<typeof toNodeHandler>> = {
    '/api/orders': toNodeHandler(checkout.createOrder),
    '/api/payments/complete': toNodeHandler(checkout.verify),
    '/api/portone/webhook': toNodeHandler(checkout.webhook),
  }
  const server = createServer((req, res) => {
    const route = routes[(req.url ?? '').split('?')[0]]
    if (!route) return void res.writeHead(404).end()
    const run = () => void route(req, res)
    if (middleware) middleware(req, res, run)
    else run()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { portone, fulfilled, base }
}

const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe.each([
  ['the body in the stream (node:http)', undefined],
  ['a body parser in front (Express)', bodyParser],
])('toNodeHandler with %s', (_, middleware) => {
  test('createOrder → pay → verify, then a form webhook: 201, paid, paid, onPaid once', async () => {
    const { portone, fulfilled, base } = await app(middleware)
    const created = await postJson(`${base}/api/orders`, { cart: CART })
    expect(created.status).toBe(201)
    expect(created.headers.get('content-type')).toMatch(/^application\/json/)
    const order = (await created.json()) as { merchant_uid: string; amount: number }
    expect(order.amount).toBe(3000)
    const payment = paid(portone, order.merchant_uid, order.amount)

    const verified = await postJson(`${base}/api/payments/complete`, { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid })
    expect([verified.status, await verified.json()]).toEqual([200, { status: 'paid' }])
    const webhook = await fetch(`${base}/api/portone/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }),
    })
    expect([webhook.status, await webhook.json()]).toEqual([200, { status: 'paid' }])
    expect(fulfilled).toHaveLength(1)
  })

  test('bad input still gets its 4xx: wrong method (with Allow), wrong type, missing field', async () => {
    const { base } = await app(middleware)
    const get = await fetch(`${base}/api/orders`)
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
    const text = await fetch(`${base}/api/orders`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"cart":{}}' })
    expect(text.status).toBe(415)
    const missing = await postJson(`${base}/api/payments/complete`, { imp_uid: 'imp_1' })
    expect([missing.status, ((await missing.json()) as { message: string }).message]).toEqual([400, 'merchant_uid is required'])
  })
})

describe('toNodeHandler and large bodies', () => {
  test.each([
    ['with Content-Length', () => 'x'.repeat(1024 * 1024)],
    [
      'streamed, without Content-Length',
      () => new ReadableStream({ start(c) { for (let i = 0; i < 64; i++) c.enqueue(new TextEncoder().encode(' '.repeat(16 * 1024))); c.close() } }),
    ],
  ])('a 1 MB body %s is a 413 that reaches the client', async (_, body) => {
    const { base } = await app()
    const response = await fetch(`${base}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(), duplex: 'half' } as RequestInit)
    expect(response.status).toBe(413)
    expect(((await response.json()) as { message: string }).message).toMatch(/너무 큽니다/)
  })
})
