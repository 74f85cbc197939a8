// The demo's server (demo/merchant-server.ts) as `npm run dev` runs it in simulated mode — PortOne's double in
// the same process, the SQLite stores (in memory here) — on a real HTTP server at 127.0.0.1, for tests to talk to.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import { sqliteAdminLedger } from '../../demo/admin-store'
import { ADMIN_HEADER, ADMIN_HEADER_VALUE } from '../../demo/admin-api'
import { createDemoServer, type DemoConnection, type DemoServer } from '../../demo/merchant-server'
import { sqliteOrderStore } from '../../demo/sqlite-store'
import { toRequest } from '../../src/server'

const open: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()))
})

export interface Demo {
  origin: string
  server: DemoServer
  log: string[]
  /** POST JSON (or GET without a body) to the demo, as its own pages do (admin header included unless `headers` says otherwise). */
  call(path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>
}

export async function startDemo(connection: DemoConnection = { mode: 'simulated' }): Promise<Demo> {
  let origin = ''
  const log: string[] = []
  const orders = sqliteOrderStore(':memory:')
  const ledger = sqliteAdminLedger(':memory:')
  const server = await createDemoServer({ connection, orders, ledger, origin: () => origin, log: (line) => log.push(line) })
  const http: Server = createServer((req, res) => {
    void server.handle(toRequest(req)).catch((error: unknown) => new Response(JSON.stringify({ message: `thrown: ${String(error)}` }), { status: 599 })).then(async (response) => {
      const answer = response ?? new Response('not found', { status: 404 })
      res.statusCode = answer.status
      answer.headers.forEach((value, key) => void res.setHeader(key, value))
      res.end(await answer.text())
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  open.push(async () => {
    http.closeAllConnections()
    await new Promise((resolve) => http.close(resolve))
    await server.close()
    orders.close()
    ledger.close()
  })
  return {
    origin,
    server,
    log,
    async call(path, body, headers) {
      const res = await fetch(origin + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', [ADMIN_HEADER]: ADMIN_HEADER_VALUE, ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await res.text()
      let parsed: Record<string, unknown>
      try {
        parsed = JSON.parse(text) as Record<string, unknown>
      } catch {
        parsed = { text }
      }
      return { status: res.status, body: parsed }
    },
  }
}

export const BOOK = { uid: '107922211', name: '한국사', price: 1500, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }
export const CD = { uid: '299911002', name: '러블리즈', price: 12000, count: 1, categoryType: 'MUSIC', categoryId: 'CD' }
export const PLAN_ITEM = { uid: 'PLAN_MONTHLY', name: '월간 구독 플랜', price: 9900, count: 1, categoryType: 'ETC', categoryId: 'ETC' }

/** A shopper's whole payment, the way the page and the simulated SDK make it: order → window → report → verify. */
export async function pay(demo: Demo, items: unknown[] = [BOOK, CD]): Promise<{ merchantUid: string; impUid: string; amount: number }> {
  const order = await demo.call('/api/orders', { cart: { items } })
  if (order.status !== 201) throw new Error(`order refused: ${JSON.stringify(order.body)}`)
  const merchantUid = order.body.merchant_uid as string
  const amount = order.body.amount as number
  const impUid = `imp_sim_${merchantUid.slice(-8)}`
  const report = await demo.call('/api/sim/payments', { imp_uid: impUid, merchant_uid: merchantUid, amount })
  if (report.status !== 201) throw new Error(`report refused: ${JSON.stringify(report.body)}`)
  const verified = await demo.call('/api/payments/complete', { imp_uid: impUid, merchant_uid: merchantUid })
  if (verified.body.status !== 'paid') throw new Error(`not verified: ${JSON.stringify(verified.body)}`)
  return { merchantUid, impUid, amount }
}

/** A shopper's billing-key registration, the same way. */
export async function register(demo: Demo, customerUid: string): Promise<string> {
  const order = await demo.call('/api/orders', { cart: { items: [PLAN_ITEM] }, customer_uid: customerUid })
  if (order.status !== 201) throw new Error(`order refused: ${JSON.stringify(order.body)}`)
  const merchantUid = order.body.merchant_uid as string
  await demo.call('/api/sim/payments', { imp_uid: 'imp_reg', merchant_uid: merchantUid, amount: 9900, customer_uid: customerUid })
  const verified = await demo.call('/api/payments/complete', { merchant_uid: merchantUid, customer_uid: customerUid })
  if (verified.body.status !== 'paid') throw new Error(`not registered: ${JSON.stringify(verified.body)}`)
  return merchantUid
}
