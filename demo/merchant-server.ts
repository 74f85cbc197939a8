// Development only: the demo shop's server, as a Vite plugin (`npm run dev`; `apply: 'serve'`, so no build holds
// any of it). It is a merchant server built on naverpay-checkout/server, one code path in both modes:
// - real sandbox: PORTONE_IMP_KEY / PORTONE_IMP_SECRET (server side only) → PortOne's API (PORTONE_API_URL);
// - simulated (no keys): a double of PortOne's API runs in this process, the simulated SDK's payments are recorded
//   in it (POST /api/sim/payments), and the same handlers verify against its URL.
//   POST /api/orders               createCheckoutServer().createOrder (the server prices the cart: demo/catalogue.ts)
//   POST /api/payments/complete    .verify
//   POST /api/portone/webhook      .webhook
//   /api/admin/*                   the orders page (demo/admin-api.ts)
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import type { ViteDevServer } from 'vite'
import type { Cart } from '../src/core/types'
import { createCheckoutServer, createPortOneClient, toRequest, type OrderStore, type PortOneClient } from '../src/server'
import { json } from '../src/server/http'
import { writeResponse } from '../src/server/node'
import { startPortOneDouble, TEST_IMP_KEY, TEST_IMP_SECRET, type PortOneDouble } from '../test/portone/double'
import { createAdminApi } from './admin-api'
import { sqliteAdminLedger, type AdminLedger } from './admin-store'
import { PLAN, PRODUCTS } from './catalogue'
import { sqliteOrderStore } from './sqlite-store'

/** Which PortOne the demo's server talks to, from the environment (or `.env.local`). */
export type DemoConnection =
  | { mode: 'sandbox'; impKey: string; impSecret: string; apiUrl: string }
  | { mode: 'simulated' }

/**
 * The mode from `env` (Vite's `loadEnv(mode, cwd, '')`: the environment wins over `.env.local`). A PortOne code
 * without the API keys is a mistake said at start, not a demo that fails every verification.
 */
export function demoConnection(env: Record<string, string | undefined>): DemoConnection {
  const impKey = env.PORTONE_IMP_KEY?.trim()
  const impSecret = env.PORTONE_IMP_SECRET?.trim()
  const impCode = env.VITE_IMP_CODE?.trim()
  if (!impCode && !impKey && !impSecret) return { mode: 'simulated' }
  const missing = [!impCode && 'VITE_IMP_CODE', !impKey && 'PORTONE_IMP_KEY', !impSecret && 'PORTONE_IMP_SECRET'].filter(Boolean)
  if (missing.length > 0) {
    throw new Error(
      `demo: ${missing.join(', ')} missing. The real sandbox needs VITE_IMP_CODE (the page) and PORTONE_IMP_KEY + PORTONE_IMP_SECRET ` +
        '(the server: never a VITE_ variable) in .env.local or the environment; remove all three to run on the simulator. See docs/demo.md.',
    )
  }
  for (const name of Object.keys(env)) {
    if (name.startsWith('VITE_') && /KEY|SECRET/.test(name) && name !== 'VITE_CHANNEL_KEY') {
      throw new Error(`demo: ${name} would be built into the page. PortOne's API key and secret are PORTONE_IMP_KEY / PORTONE_IMP_SECRET, without VITE_.`)
    }
  }
  return { mode: 'sandbox', impKey: impKey!, impSecret: impSecret!, apiUrl: env.PORTONE_API_URL?.trim() || 'https://api.iamport.kr' }
}

/** The demo's prices: the page's cart says what and how many; what it costs is decided here. */
export function priceCart(cart: Cart, { customerUid }: { customerUid: string | null }) {
  if (customerUid !== null) {
    // A registration: the plan, whatever the page sent (registering charges nothing; later charges are the plan's price).
    return { amount: PLAN.price, name: PLAN.name, items: [{ uid: PLAN.uid, name: PLAN.name, count: 1, price: PLAN.price }] }
  }
  const items = []
  let amount = 0
  for (const line of cart.items) {
    const product = Object.prototype.hasOwnProperty.call(PRODUCTS, line.uid) ? PRODUCTS[line.uid] : undefined
    if (!product) return { refused: `판매하지 않는 상품입니다: ${line.uid}` }
    amount += product.price * line.count
    items.push({ uid: product.uid, name: product.name, count: line.count, price: product.price })
  }
  const name = items.length > 1 ? `${items[0].name} 외 ${items.length - 1}건` : items[0].name
  return { amount, name, items }
}

export interface DemoServerOptions {
  connection: DemoConnection
  orders: OrderStore
  ledger: AdminLedger
  /** This server's own origin once it listens: where the double sends scheduled-payment webhooks. */
  origin?: () => string | undefined
  log?: (line: string) => void
}

export interface DemoServer {
  handle(request: Request): Promise<Response | null>
  portone: PortOneClient
  double: PortOneDouble | null
  close(): Promise<void>
}

/** Every /api route of the demo, as one Fetch handler (`null`: not ours). */
export async function createDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const { connection, orders, ledger } = options
  const log = options.log ?? (() => {})
  const double = connection.mode === 'simulated' ? await startPortOneDouble() : null
  const portone = createPortOneClient(
    double
      ? { impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, baseUrl: double.url }
      : { impKey: connection.mode === 'sandbox' ? connection.impKey : '', impSecret: connection.mode === 'sandbox' ? connection.impSecret : '', baseUrl: connection.mode === 'sandbox' ? connection.apiUrl : undefined, includeSandbox: true },
  )
  const checkout = createCheckoutServer({
    portone,
    orders,
    priceCart,
    // The real-sandbox mode pays on a PortOne test channel: its payments (sandbox: true) are the demo's real ones.
    acceptSandbox: connection.mode === 'sandbox',
    onPaid: (order, payment) => log(`paid ${order.merchantUid} ${order.amount}원 (${payment.imp_uid}) → fulfil once`),
    onRegistered: (order, key) => {
      ledger.addRegistration({ customerUid: key.customer_uid, merchantUid: order.merchantUid, registeredAt: Date.now(), customerTel: key.customer_tel ?? null })
      log(`registered ${key.customer_uid} (${order.merchantUid})`)
    },
    onError: (error, where) => log(`${where.handler}${where.merchantUid ? ` ${where.merchantUid}` : ''}: ${error instanceof Error ? error.message : String(error)}`),
  })
  const admin = createAdminApi({
    portone,
    orders,
    ledger,
    verify: checkout.verify,
    mode: connection.mode,
    runSchedulesNow: double ? (merchantUids) => runNow(double, merchantUids, options.origin?.()) : undefined,
  })
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    '/api/orders': checkout.createOrder,
    '/api/payments/complete': checkout.verify,
    '/api/portone/webhook': checkout.webhook,
  }
  // The simulated SDK records each payment here before it answers the page (e2e/sim/iamport-sim.js, reportUrl).
  if (double) routes['/api/sim/payments'] = (request) => simulatedPayment(double, request)

  return {
    portone,
    double,
    async handle(request) {
      const path = new URL(request.url).pathname
      const route = routes[path]
      if (route) {
        const response = await route(request)
        log(`${request.method} ${path} → ${response.status}`)
        return response
      }
      return admin(request)
    },
    close: async () => {
      await double?.close()
    },
  }
}

/**
 * The simulated SDK's report of a payment window's outcome (window.__impSim.reportUrl), recorded in PortOne's
 * double the way PortOne records a real one: an amount other than the pre-registered one is refused, as PortOne
 * stops such a payment before the PG window. Answers the payment (its imp_uid) or 409 `{ message }`.
 */
async function simulatedPayment(double: PortOneDouble, request: Request): Promise<Response> {
  let body: Record<string, unknown>
  try {
    const parsed: unknown = await request.json()
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('not an object')
    body = parsed as Record<string, unknown>
  } catch {
    return json(400, { message: 'JSON object { imp_uid, merchant_uid, amount, customer_uid? } expected' })
  }
  const field = (key: string) => (Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined)
  const impUid = field('imp_uid')
  const merchantUid = field('merchant_uid')
  const amount = field('amount')
  const customerUid = field('customer_uid')
  if (typeof impUid !== 'string' || !impUid) return json(400, { message: 'imp_uid: a string is required', field: 'imp_uid' })
  if (typeof merchantUid !== 'string' || !merchantUid) return json(400, { message: 'merchant_uid: a string is required', field: 'merchant_uid' })
  if (typeof customerUid === 'string' && customerUid) {
    // A registration approves no payment: PortOne keeps the billing key (and the attempt under the order).
    double.state.registerBillingKey({ customerUid, merchantUid })
    return json(201, { customer_uid: customerUid })
  }
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) return json(400, { message: 'amount: a whole number is required', field: 'amount' })
  const result = double.state.pay({ impUid, merchantUid, amount })
  return result.ok ? json(201, { imp_uid: result.payment.imp_uid }) : json(409, { message: result.message })
}

/** "Run the schedules now": as if their time had come, PortOne's double charges them and posts the webhooks here. */
async function runNow(double: PortOneDouble, merchantUids: string[], origin: string | undefined): Promise<string[]> {
  if (origin) double.state.webhookUrl = `${origin}/api/portone/webhook`
  const nowSeconds = double.state.nowSeconds()
  for (const merchantUid of merchantUids) {
    const schedule = double.state.schedules.get(merchantUid)
    if (schedule && schedule.schedule_status === 'scheduled') schedule.schedule_at = nowSeconds
  }
  const ran = await double.state.runDueSchedules()
  return ran.map((s) => s.merchant_uid)
}

/** `.data/` under the project: the demo's SQLite files (git-ignored). */
export function dataFile(root: string, name: string): string {
  const file = resolve(root, '.data', name)
  mkdirSync(dirname(file), { recursive: true })
  return file
}

/** Mounts {@link createDemoServer} on Vite's dev server (called by vite.config.ts when `npm run dev` starts). */
export async function mountMerchantServer(server: ViteDevServer, env: Record<string, string | undefined>): Promise<void> {
  const connection = demoConnection(env)
  const root = server.config.root
  let origin: string | undefined
  server.httpServer?.once('listening', () => {
    const address = server.httpServer?.address() as AddressInfo | null
    if (!address) return
    // Listening on every interface ('::', '0.0.0.0'): the double posts to loopback.
    const host = ['::', '0.0.0.0'].includes(address.address) ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address
    origin = `http://${host}:${address.port}`
  })
  const orders = sqliteOrderStore(dataFile(root, 'orders.sqlite'))
  const ledger = sqliteAdminLedger(dataFile(root, 'admin.sqlite'))
  const demo = await createDemoServer({
    connection,
    orders,
    ledger,
    origin: () => origin,
    log: (line) => server.config.logger.info(`[merchant-server] ${line}`, { timestamp: true }),
  })
  server.config.logger.info(
    connection.mode === 'sandbox'
      ? `[merchant-server] real sandbox: PortOne API ${connection.apiUrl} (includeSandbox)`
      : `[merchant-server] simulated: PortOne's double at ${demo.double?.url}`,
  )
  server.httpServer?.once('close', () => {
    void demo.close()
    orders.close()
    ledger.close()
  })
  server.middlewares.use((req, res, next) => {
    if (!req.url?.startsWith('/api/')) return next()
    demo
      .handle(toRequest(req))
      .then((response) => (response ? writeResponse(res, response) : next()))
      .catch(next)
  })
}
