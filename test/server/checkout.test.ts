// @vitest-environment node
// createCheckoutServer's handlers against the PortOne double over real HTTP (test/portone/double.ts): orders priced by
// the shop and pre-registered at PortOne, paid exactly once however verify and webhooks race, tampered amounts
// refunded, PortOne outages answered 5xx with the order kept, and every kind of bad input answered 4xx.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  createCheckoutServer, createPortOneClient, memoryOrderStore, type BillingKey, type CheckoutServerOptions, type Order, type OrderStore, type Payment,
} from '../../src/server'
import { sqliteOrderStore } from '../../demo/sqlite-store'
import { TEST_IMP_KEY, TEST_IMP_SECRET, type PortOneDouble } from '../portone/double'
import type { PayInput } from '../portone/state'
import { paid, withDouble } from './setup'

// The shop's catalogue: the only prices that count.
const CATALOGUE: Record<string, { name: string; price: number }> = {
  'book-1': { name: '한국사', price: 1500 },
  'pen-1': { name: '만년필', price: 32000 },
}
const item = (uid: string, count: number, price = CATALOGUE[uid]?.price ?? 1) => ({
  uid, name: CATALOGUE[uid]?.name ?? uid, price, count, categoryType: 'BOOK', categoryId: 'GENERAL',
})
const CART = { items: [item('book-1', 2)] } // 3,000 won

function priceCart(cart: { items: { uid: string; count: number }[] }) {
  let amount = 0
  for (const line of cart.items) {
    const product = CATALOGUE[line.uid]
    if (!product) return { refused: `판매하지 않는 상품입니다: ${line.uid}` }
    amount += product.price * line.count
  }
  return { amount, name: CATALOGUE[cart.items[0].uid].name, items: cart.items.map((l) => ({ uid: l.uid, name: CATALOGUE[l.uid].name, count: l.count, price: CATALOGUE[l.uid].price })) }
}

interface Shop {
  portone: PortOneDouble
  orders: OrderStore
  checkout: ReturnType<typeof createCheckoutServer>
  fulfilled: { order: Order; payment: Payment }[]
  registered: { order: Order; billingKey: BillingKey }[]
  errors: unknown[]
}

async function shop(options: Partial<CheckoutServerOptions> = {}, clientOptions: { timeout?: number } = {}): Promise<Shop> {
  const { portone, client } = await withDouble({}, clientOptions)
  const orders = options.orders ?? memoryOrderStore()
  const fulfilled: Shop['fulfilled'] = []
  const registered: Shop['registered'] = []
  const errors: unknown[] = []
  const checkout = createCheckoutServer({
    portone: client,
    orders,
    priceCart,
    onPaid: async (order, payment) => {
      await new Promise((r) => setTimeout(r, 5)) // a little real work, so that racing requests overlap it
      fulfilled.push({ order, payment })
    },
    onRegistered: (order, billingKey) => void registered.push({ order, billingKey }),
    onError: (error) => void errors.push(error),
    ...options,
  })
  return { portone, orders, checkout, fulfilled, registered, errors }
}

/**
 * A store that takes a database's round trip (0–3 ms) on every call, so that racing requests interleave between
 * reading an order and writing it, as they do against a real database. Only a real compare-and-set survives this.
 */
function slowStore(inner: OrderStore): OrderStore {
  const trip = () => new Promise((r) => setTimeout(r, Math.random() * 3))
  return {
    create: async (order) => (await trip(), inner.create(order)),
    get: async (uid) => (await trip(), inner.get(uid)),
    update: async (uid, expected, changes) => (await trip(), inner.update(uid, expected, changes)),
    list: async (options) => inner.list!(options),
  }
}

const URL_BASE = 'http://shop.test'
function post(handler: (r: Request) => Promise<Response>, body: unknown, contentType = 'application/json'): Promise<Response> {
  const text = typeof body === 'string' ? body : contentType.includes('form') ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body)
  return handler(new Request(`${URL_BASE}/x`, { method: 'POST', headers: { 'content-type': contentType }, body: text }))
}

async function read(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function createOrder(s: Shop, cart: unknown = CART, customerUid?: string) {
  const { status, body } = await read(await post(s.checkout.createOrder, customerUid ? { cart, customer_uid: customerUid } : { cart }))
  expect(status).toBe(201)
  return body as { merchant_uid: string; amount: number; name: string }
}

/** A payment at the double as the window would leave it (failed, or past the pre-registration when asked). */
function payAtDouble(s: Shop, input: PayInput): Payment {
  const result = s.portone.state.pay(input)
  if (!result.ok) throw new Error(result.message)
  return result.payment
}

const verify = (s: Shop, impUid: string, merchantUid: string) => post(s.checkout.verify, { imp_uid: impUid, merchant_uid: merchantUid }).then(read)

describe('createOrder: the shop prices the cart, PortOne holds the amount', () => {
  test('201 { merchant_uid, amount, name } at the shop\'s price (the browser\'s price is ignored), stored pending and pre-registered', async () => {
    const s = await shop()
    const cheap = { items: [item('book-1', 2, 1), item('pen-1', 1, 1)] } // the page says 1 won each
    const order = await createOrder(s, cheap)
    expect(order).toEqual({ merchant_uid: expect.stringMatching(/^ord_[0-9a-z]{8}_[0-9a-f]{24}$/), amount: 35000, name: '한국사' })
    expect(order.merchant_uid.length).toBeLessThanOrEqual(40)
    const prepare = s.portone.apiRequests().filter((r) => r.path === '/payments/prepare')
    expect(prepare.map((r) => r.body)).toEqual([{ merchant_uid: order.merchant_uid, amount: 35000 }])
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({
      status: 'pending', amount: 35000, name: '한국사', customerUid: null, impUid: null, paidAt: null,
      items: [{ uid: 'book-1', name: '한국사', count: 2, price: 1500 }, { uid: 'pen-1', name: '만년필', count: 1, price: 32000 }],
    })
    // PortOne now refuses to open the window for this order at any other amount.
    expect(s.portone.state.pay({ merchantUid: order.merchant_uid, amount: 2 })).toMatchObject({ ok: false })
  })

  test('order numbers are unique and unguessable: 200 orders, 200 numbers, random part never repeated', async () => {
    const s = await shop()
    const made = await Promise.all(Array.from({ length: 200 }, () => createOrder(s)))
    const uids = made.map((o) => o.merchant_uid)
    expect(new Set(uids).size).toBe(200)
    expect(new Set(uids.map((u) => u.slice(-24))).size).toBe(200)
  })

  test('a registration order keeps its customer_uid, and priceCart is told of it', async () => {
    const seen: (string | null)[] = []
    const s = await shop({ priceCart: (cart, { customerUid }) => (seen.push(customerUid), priceCart(cart)) })
    const order = await createOrder(s, CART, 'cu_gildong')
    expect(seen).toEqual(['cu_gildong'])
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({ customerUid: 'cu_gildong', status: 'pending' })
  })

  test.each([
    ['a refusal', () => ({ refused: '품절된 상품입니다.' }), '품절된 상품입니다.'],
    ['a throw', () => { throw new Error('재고가 부족합니다.') }, '재고가 부족합니다.'],
    ['a rejected promise', () => Promise.reject(new Error('가격을 확인할 수 없습니다.')), '가격을 확인할 수 없습니다.'],
  ])('priceCart %s is a 400 { message } and nothing is stored or prepared', async (_, pricing, message) => {
    const s = await shop({ priceCart: pricing as CheckoutServerOptions['priceCart'] })
    const { status, body } = await read(await post(s.checkout.createOrder, { cart: CART }))
    expect(status).toBe(400)
    expect(body.message).toBe(message)
    expect(await s.orders.list!()).toEqual([])
    expect(s.portone.apiRequests()).toEqual([])
  })

  test('an amount under the minimum is a 400 naming both amounts', async () => {
    const s = await shop({ priceCart: () => ({ amount: 5, name: '스티커' }) })
    const { status, body } = await read(await post(s.checkout.createOrder, { cart: CART }))
    expect(status).toBe(400)
    expect(body.message).toBe('최소 결제 금액은 10원입니다. (현재 5원)')
    expect(await s.orders.list!()).toEqual([])
  })

  test('a priceCart that breaks its contract is a 500 saying what is wrong, reported to onError, nothing stored', async () => {
    const s = await shop({ priceCart: () => ({ amount: 1500.5, name: '한국사' }) })
    const { status, body } = await read(await post(s.checkout.createOrder, { cart: CART }))
    expect(status).toBe(500)
    expect(body.message).toMatch(/^priceCart: amount must be a whole number of won, got 1500.5$/)
    expect(s.errors).toHaveLength(1)
    expect(await s.orders.list!()).toEqual([])
  })

  test.each([
    ['answers 500', { status: 500 }, 502],
    ['is unreachable', { drop: true }, 503],
  ])('PortOne %s at prepare: %i { message }, the order marked failed, never handed out', async (_, fault, expected) => {
    const s = await shop()
    s.portone.failNext({ ...fault, path: '/payments/prepare' })
    const { status, body } = await read(await post(s.checkout.createOrder, { cart: CART }))
    expect(status).toBe(expected)
    expect(body).toEqual({ message: '결제를 준비하지 못했습니다. 잠시 후 다시 시도해 주세요.' })
    const [order] = await s.orders.list!()
    expect(order).toMatchObject({ status: 'failed', failure: '결제를 준비하지 못했습니다. 잠시 후 다시 시도해 주세요.' })
    expect(s.errors).toHaveLength(1)
    // Even if a payment turned up for it, it could not pay a failed order: it is refunded.
    paid(s.portone, order.merchantUid, order.amount)
    const impUid = [...s.portone.state.payments.keys()][0]
    expect((await verify(s, impUid, order.merchantUid)).body.status).toBe('failed')
    expect(s.portone.state.payments.get(impUid)!.status).toBe('cancelled')
    expect(s.fulfilled).toEqual([])
  })
})

describe('verify: paid once, only for exactly the order\'s amount', () => {
  test('happy path: paid at PortOne → { status: "paid" }, the order paid with PortOne\'s facts, onPaid once', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    expect(await verify(s, payment.imp_uid, order.merchant_uid)).toEqual({ status: 200, body: { status: 'paid' } })
    expect(s.fulfilled).toHaveLength(1)
    expect(s.fulfilled[0].payment).toMatchObject({ imp_uid: payment.imp_uid, amount: 3000, status: 'paid' })
    const stored = await s.orders.get(order.merchant_uid)
    expect(stored).toMatchObject({ status: 'paid', impUid: payment.imp_uid, portoneStatus: 'paid', paidAt: payment.paid_at * 1000, failure: null })
    expect(s.fulfilled[0].order).toEqual(stored)

    // Asked again (a reload, "check again"): the same answer, no second onPaid, not even a PortOne call.
    const calls = s.portone.apiRequests().length
    expect(await verify(s, payment.imp_uid, order.merchant_uid)).toEqual({ status: 200, body: { status: 'paid' } })
    expect(s.fulfilled).toHaveLength(1)
    expect(s.portone.apiRequests()).toHaveLength(calls)
  })

  test('verify ×10, JSON webhook ×10 and form webhook ×10 at once: onPaid exactly once, every answer paid', async () => {
    const s = await shop({ orders: slowStore(memoryOrderStore()) })
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    const notice = { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => verify(s, payment.imp_uid, order.merchant_uid)),
      ...Array.from({ length: 10 }, () => post(s.checkout.webhook, notice).then(read)),
      ...Array.from({ length: 10 }, () => post(s.checkout.webhook, notice, 'application/x-www-form-urlencoded').then(read)),
    ])
    expect(s.fulfilled).toHaveLength(1)
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200))
    expect(answers.map((a) => a.body.status)).toEqual(Array(30).fill('paid'))
  })

  test('two server processes sharing one SQLite file through two connections race: onPaid exactly once across both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npay-checkout-'))
    try {
      const file = join(dir, 'orders.db')
      const storeA = sqliteOrderStore(file)
      const storeB = sqliteOrderStore(file)
      const a = await shop({ orders: storeA })
      // Process B: its own store connection and its own PortOne client, against the same PortOne.
      const fulfilledB: Order[] = []
      const b = createCheckoutServer({
        portone: createPortOneClient({ impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, baseUrl: a.portone.url }),
        orders: storeB, priceCart,
        onPaid: async (o) => { await new Promise((r) => setTimeout(r, 5)); fulfilledB.push(o) },
      })
      const orders = await Promise.all(Array.from({ length: 5 }, () => createOrder(a)))
      const payments = orders.map((o) => paid(a.portone, o.merchant_uid, o.amount))
      await Promise.all(orders.flatMap((o, i) => {
        const notice = { imp_uid: payments[i].imp_uid, merchant_uid: o.merchant_uid, status: 'paid' }
        return [a.checkout.verify, b.verify, a.checkout.webhook, b.webhook, a.checkout.verify, b.webhook].map((h) => post(h, notice))
      }))
      const all = [...a.fulfilled.map((f) => f.order.merchantUid), ...fulfilledB.map((o) => o.merchantUid)]
      expect(all.sort()).toEqual(orders.map((o) => o.merchant_uid).sort())
      for (const o of orders) expect((await storeB.get(o.merchant_uid))!.status).toBe('paid')
      storeA.close()
      storeB.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('tampered amount: the payment is cancelled at PortOne (admin, with the reason), the order fails, the shopper is told', async () => {
    const s = await shop()
    const order = await createOrder(s)
    // A payment for this order at 10 won, made past the pre-registration (a forged or mis-set-up window).
    const forged = payAtDouble(s, { merchantUid: order.merchant_uid, amount: 10, ignorePrepared: true })
    const { status, body } = await verify(s, forged.imp_uid, order.merchant_uid)
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'failed', message: '결제 금액이 주문 금액과 다릅니다. 결제를 취소했습니다. (주문 3,000원, 결제 10원)' })
    const cancels = s.portone.apiRequests().filter((r) => r.path === '/payments/cancel')
    expect(cancels.map((r) => r.body)).toEqual([{
      imp_uid: forged.imp_uid, checksum: 10, reason: '결제 금액이 주문 금액과 다릅니다 (주문 3000원, 결제 10원)', extra: { requester: 'admin' },
    }])
    expect(s.portone.state.payments.get(forged.imp_uid)).toMatchObject({ status: 'cancelled', cancel_amount: 10 })
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({
      status: 'failed', impUid: forged.imp_uid, portoneStatus: 'cancelled', failure: body.message,
      cancellations: [expect.objectContaining({ amount: 10, reason: '결제 금액이 주문 금액과 다릅니다 (주문 3000원, 결제 10원)' })],
    })
    expect(s.fulfilled).toEqual([])
    // Asked again: still failed, same words, nothing cancelled twice.
    expect((await verify(s, forged.imp_uid, order.merchant_uid)).body).toEqual(body)
    expect(s.portone.state.payments.get(forged.imp_uid)!.cancel_history).toHaveLength(1)
  })

  test('tampered amount, verify and webhooks racing: cancelled once, never fulfilled, every answer failed', async () => {
    const s = await shop({ orders: slowStore(memoryOrderStore()) })
    const order = await createOrder(s)
    const forged = payAtDouble(s, { merchantUid: order.merchant_uid, amount: 2999, ignorePrepared: true })
    const notice = { imp_uid: forged.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }
    const answers = await Promise.all([...Array(4)].flatMap(() => [post(s.checkout.verify, notice), post(s.checkout.webhook, notice)]).map((p) => p.then(read)))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200))
    expect(answers.map((a) => a.body.status)).toEqual(Array(8).fill('failed'))
    expect(s.portone.state.payments.get(forged.imp_uid)).toMatchObject({ status: 'cancelled', cancel_amount: 2999 })
    expect(s.portone.state.payments.get(forged.imp_uid)!.cancel_history).toHaveLength(1)
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('failed')
    expect(s.fulfilled).toEqual([])
  })

  test('a refund PortOne refuses is a 503 (check again), and the next try refunds it', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const forged = payAtDouble(s, { merchantUid: order.merchant_uid, amount: 10, ignorePrepared: true })
    s.portone.failNext({ path: '/payments/cancel', status: 500 })
    const first = await verify(s, forged.imp_uid, order.merchant_uid)
    expect(first.status).toBe(503)
    expect(s.portone.state.payments.get(forged.imp_uid)!.status).toBe('paid')
    const webhook = await read(await post(s.checkout.webhook, { imp_uid: forged.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }))
    expect(webhook).toMatchObject({ status: 200, body: { status: 'failed' } })
    expect(s.portone.state.payments.get(forged.imp_uid)!.status).toBe('cancelled')
  })

  test('an unknown order: failed, nothing asked of PortOne, nothing fulfilled', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    expect(await verify(s, payment.imp_uid, 'ord_nobody_made_this')).toEqual({ status: 200, body: { status: 'failed', message: '주문을 찾을 수 없습니다.' } })
    expect(s.fulfilled).toEqual([])
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
  })

  test('another order\'s payment cannot pay this order, and leaves both orders as they were', async () => {
    const s = await shop()
    const mine = await createOrder(s)
    const theirs = await createOrder(s)
    const theirPayment = paid(s.portone, theirs.merchant_uid, theirs.amount) // same amount, other order
    expect(await verify(s, theirPayment.imp_uid, mine.merchant_uid)).toEqual({ status: 200, body: { status: 'failed', message: '이 주문의 결제 내역이 아닙니다.' } })
    expect((await s.orders.get(mine.merchant_uid))!.status).toBe('pending')
    expect((await s.orders.get(theirs.merchant_uid))!.status).toBe('pending')
    expect(s.fulfilled).toEqual([])
    expect(s.portone.state.payments.get(theirPayment.imp_uid)!.status).toBe('paid') // not ours to cancel
  })

  test('a test-channel (sandbox) payment never pays a real order, even with includeSandbox; acceptSandbox lets a staging shop take it', async () => {
    const { portone, client } = await withDouble({}, { includeSandbox: true })
    const fulfilled: Order[] = []
    const make = (acceptSandbox?: boolean) =>
      createCheckoutServer({ portone: client, orders: memoryOrderStore(), priceCart, onPaid: (order) => void fulfilled.push(order), acceptSandbox })
    for (const [acceptSandbox, expected] of [[undefined, 'failed'], [true, 'paid']] as const) {
      const checkout = make(acceptSandbox)
      const created = await checkout.createOrder(new Request('http://shop.test/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cart: CART }) }))
      const order = (await created.json()) as { merchant_uid: string; amount: number }
      const payment = paid(portone, order.merchant_uid, order.amount, { sandbox: true })
      const answer = await checkout.verify(new Request('http://shop.test/api/payments/complete', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid }) }))
      expect(await answer.json()).toMatchObject({ status: expected })
    }
    expect(fulfilled).toHaveLength(1)
    expect(() => createCheckoutServer({ portone: client, orders: memoryOrderStore(), priceCart, onPaid: () => {}, acceptSandbox: 'yes' as unknown as boolean })).toThrow(/acceptSandbox must be a boolean/)
  })

  test('a payment PortOne knows nothing of: failed, the order stays pending', async () => {
    const s = await shop()
    const order = await createOrder(s)
    expect(await verify(s, 'imp_000000000000', order.merchant_uid)).toEqual({ status: 200, body: { status: 'failed', message: '결제 내역을 찾을 수 없습니다.' } })
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
  })

  test('a payment that is not paid (failed at the PG): failed, the order failed, nothing fulfilled', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const failed = payAtDouble(s, { merchantUid: order.merchant_uid, amount: order.amount, failReason: '잔액 부족' })
    expect(await verify(s, failed.imp_uid, order.merchant_uid)).toEqual({ status: 200, body: { status: 'failed', message: '결제가 완료되지 않았습니다.' } })
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({ status: 'failed', portoneStatus: 'failed', impUid: failed.imp_uid })
    expect(s.fulfilled).toEqual([])
  })

  test('a payment not yet paid (ready): failed for now, the order stays pending, and pays once PortOne says paid', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    s.portone.state.payments.get(payment.imp_uid)!.status = 'ready'
    expect((await verify(s, payment.imp_uid, order.merchant_uid)).body).toEqual({ status: 'failed', message: '결제가 완료되지 않았습니다.' })
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
    s.portone.state.payments.get(payment.imp_uid)!.status = 'paid'
    expect((await verify(s, payment.imp_uid, order.merchant_uid)).body).toEqual({ status: 'paid' })
    expect(s.fulfilled).toHaveLength(1)
  })

  test('fields planted on Object.prototype are not read as the request\'s', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    const proto = Object.prototype as Record<string, unknown>
    proto.imp_uid = payment.imp_uid
    try {
      const answer = await post(s.checkout.verify, { merchant_uid: order.merchant_uid }).then(read)
      expect(answer).toEqual({ status: 400, body: { message: 'imp_uid is required', field: 'imp_uid' } })
    } finally {
      delete proto.imp_uid
    }
    expect(s.fulfilled).toEqual([])
  })

  test.each([
    ['answers 503 (twice: a GET is retried once)', [{ status: 503 }, { status: 503 }], 502],
    ['drops the connection (twice)', [{ drop: true }, { drop: true }], 503],
  ])('PortOne %s: a 5xx { message }, the order stays pending, and checking again pays it', async (_, faults, expected) => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    for (const fault of faults) s.portone.failNext({ ...fault, path: '/payments/imp' })
    const down = await verify(s, payment.imp_uid, order.merchant_uid)
    expect(down).toEqual({ status: expected, body: { message: '결제 확인 서버(PortOne)에 연결할 수 없습니다. 잠시 후 다시 확인해 주세요.' } })
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
    expect(s.fulfilled).toEqual([])
    expect(await verify(s, payment.imp_uid, order.merchant_uid)).toEqual({ status: 200, body: { status: 'paid' } })
    expect(s.fulfilled).toHaveLength(1)
  })

  test('PortOne too slow (the client\'s timeout): 503, pending, then paid on the next try', async () => {
    const s = await shop({}, { timeout: 150 })
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    s.portone.failNext({ delayMs: 400, path: '/payments/imp' })
    expect((await verify(s, payment.imp_uid, order.merchant_uid)).status).toBe(503)
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
    expect((await verify(s, payment.imp_uid, order.merchant_uid)).body).toEqual({ status: 'paid' })
  })

  test('onPaid throwing: still paid (the money is in), reported to onError, never run again', async () => {
    let runs = 0
    const s = await shop({ onPaid: () => { runs += 1; throw new Error('mail server down') } })
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    expect((await verify(s, payment.imp_uid, order.merchant_uid)).body).toEqual({ status: 'paid' })
    expect((await post(s.checkout.webhook, { imp_uid: payment.imp_uid, status: 'paid' }).then(read)).body.status).toBe('paid')
    expect(runs).toBe(1)
    expect(s.errors).toEqual([new Error('mail server down')])
  })

  test('a second payment for an order already paid is refunded as a duplicate, the first stands', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const first = paid(s.portone, order.merchant_uid, order.amount)
    await verify(s, first.imp_uid, order.merchant_uid)
    // PortOne refuses a second payment for a paid order; one slipping through anyway (another channel) is refunded.
    s.portone.state.payments.get(first.imp_uid)!.status = 'ready'
    const second = paid(s.portone, order.merchant_uid, order.amount)
    s.portone.state.payments.get(first.imp_uid)!.status = 'paid'
    expect((await verify(s, second.imp_uid, order.merchant_uid)).body).toEqual({ status: 'failed', message: '이미 결제되었거나 종료된 주문입니다. 결제를 취소했습니다.' })
    expect(s.portone.state.payments.get(second.imp_uid)!.status).toBe('cancelled')
    expect(s.portone.state.payments.get(first.imp_uid)!.status).toBe('paid')
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({ status: 'paid', impUid: first.imp_uid })
    expect(s.fulfilled).toHaveLength(1)
  })
})

describe('webhook: PortOne\'s notice, never believed, always looked up', () => {
  test('a JSON notice pays the order; a form notice for it changes nothing more; both 200', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    const json = await read(await post(s.checkout.webhook, { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }))
    expect(json).toEqual({ status: 200, body: { status: 'paid' } })
    const form = await read(await post(s.checkout.webhook, { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }, 'application/x-www-form-urlencoded'))
    expect(form).toEqual({ status: 200, body: { status: 'paid' } })
    expect(s.fulfilled).toHaveLength(1)
    expect(await verify(s, payment.imp_uid, order.merchant_uid)).toEqual({ status: 200, body: { status: 'paid' } })
    expect(s.fulfilled).toHaveLength(1)
  })

  test('the body\'s merchant_uid and status are not believed: the payment\'s own order is the one settled', async () => {
    const s = await shop()
    const real = await createOrder(s)
    const decoy = await createOrder(s)
    const payment = paid(s.portone, real.merchant_uid, real.amount)
    const answer = await read(await post(s.checkout.webhook, { imp_uid: payment.imp_uid, merchant_uid: decoy.merchant_uid, status: 'cancelled' }))
    expect(answer).toEqual({ status: 200, body: { status: 'paid' } })
    expect((await s.orders.get(real.merchant_uid))!.status).toBe('paid')
    expect((await s.orders.get(decoy.merchant_uid))!.status).toBe('pending')
  })

  test('a notice claiming "paid" for a payment that is not: nothing fulfilled', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const failed = payAtDouble(s, { merchantUid: order.merchant_uid, amount: order.amount, failReason: '사용자 취소' })
    const answer = await read(await post(s.checkout.webhook, { imp_uid: failed.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }))
    expect(answer.status).toBe(200)
    expect(s.fulfilled).toEqual([])
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('failed')
  })

  test('not ours (no such payment, or a payment for an order this server never made): 200, so PortOne stops', async () => {
    const s = await shop()
    expect(await read(await post(s.checkout.webhook, { imp_uid: 'imp_unknown', merchant_uid: 'x', status: 'paid' }))).toEqual({
      status: 200, body: { status: 'ignored', message: '결제 내역을 찾을 수 없습니다.' },
    })
    const foreign = paid(s.portone, 'order_from_another_system', 5000)
    expect(await read(await post(s.checkout.webhook, { imp_uid: foreign.imp_uid, merchant_uid: 'order_from_another_system', status: 'paid' }))).toEqual({
      status: 200, body: { status: 'ignored', message: '주문을 찾을 수 없습니다.' },
    })
  })

  test('PortOne unreachable while handling a notice: 503 so that PortOne sends it again; the retry pays', async () => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    s.portone.failNext({ drop: true, path: '/payments/imp' })
    s.portone.failNext({ drop: true, path: '/payments/imp' })
    const notice = { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }
    expect((await post(s.checkout.webhook, notice)).status).toBe(503)
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
    expect(await read(await post(s.checkout.webhook, notice))).toEqual({ status: 200, body: { status: 'paid' } })
    expect(s.fulfilled).toHaveLength(1)
  })

  test.each([
    ['a full refund (in PortOne\'s console): the order becomes cancelled', undefined, '고객 변심', 'cancelled', 3000],
    ['a partial refund: the order stays paid', 1500, '한 권 반품', 'paid', 1500],
  ] as const)('a cancel notice for a paid order, %s, its refund kept, onPaid not run again', async (_, amount, reason, status, refunded) => {
    const s = await shop()
    const order = await createOrder(s)
    const payment = paid(s.portone, order.merchant_uid, order.amount)
    await verify(s, payment.imp_uid, order.merchant_uid)
    s.portone.state.cancel({ imp_uid: payment.imp_uid, amount, reason, extra: { requester: 'customer' } })
    const answer = await read(await post(s.checkout.webhook, { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid, status: 'cancelled' }))
    expect(answer.status).toBe(200)
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({
      status, portoneStatus: status, cancellations: [expect.objectContaining({ amount: refunded, reason })],
    })
    expect(s.fulfilled).toHaveLength(1)
  })
})

describe('registrations (customer_uid): confirmed by the billing key', () => {
  test('before PortOne holds the key: failed and pending; after: paid answer, order registered, onRegistered once', async () => {
    const s = await shop()
    const order = await createOrder(s, CART, 'cu_gildong')
    const ask = () => post(s.checkout.verify, { imp_uid: '', merchant_uid: order.merchant_uid, customer_uid: 'cu_gildong' }).then(read)
    expect(await ask()).toEqual({ status: 200, body: { status: 'failed', message: '정기결제 등록 내역을 찾을 수 없습니다.' } })
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')

    s.portone.state.registerBillingKey({ customerUid: 'cu_gildong', merchantUid: order.merchant_uid })
    const answers = await Promise.all([ask(), ask(), ask()])
    expect(answers.map((a) => a.body)).toEqual([{ status: 'paid' }, { status: 'paid' }, { status: 'paid' }])
    expect(s.registered).toHaveLength(1)
    expect(s.registered[0].billingKey.customer_uid).toBe('cu_gildong')
    expect(await s.orders.get(order.merchant_uid)).toMatchObject({ status: 'registered', customerUid: 'cu_gildong' })
    expect(s.fulfilled).toEqual([]) // no money moved: not a paid order
  })

  test('PortOne\'s notice for the registration\'s issue record confirms it too, once', async () => {
    const s = await shop()
    const order = await createOrder(s, CART, 'cu_gildong')
    const { payment } = s.portone.state.registerBillingKey({ customerUid: 'cu_gildong', merchantUid: order.merchant_uid })
    const notice = { imp_uid: payment!.imp_uid, merchant_uid: order.merchant_uid, status: 'paid' }
    const answers = await Promise.all([post(s.checkout.webhook, notice), post(s.checkout.webhook, notice, 'application/x-www-form-urlencoded')].map((p) => p.then(read)))
    expect(answers).toEqual([{ status: 200, body: { status: 'paid' } }, { status: 200, body: { status: 'paid' } }])
    expect(s.registered).toHaveLength(1)
    // The issue record's amount (0) is not a payment of the order: nothing is cancelled, nothing fulfilled.
    expect(s.portone.apiRequests().filter((r) => r.path === '/payments/cancel')).toEqual([])
    expect(s.fulfilled).toEqual([])
  })

  test('a test-channel (sandbox) billing key never confirms a real registration; acceptSandbox lets a staging shop take it', async () => {
    for (const [acceptSandbox, expected] of [[undefined, 'failed'], [true, 'paid']] as const) {
      const s = await shop({ acceptSandbox })
      const order = await createOrder(s, CART, 'cu_gildong')
      s.portone.state.registerBillingKey({ customerUid: 'cu_gildong', merchantUid: order.merchant_uid, sandbox: true })
      const answer = await read(await post(s.checkout.verify, { merchant_uid: order.merchant_uid, customer_uid: 'cu_gildong' }))
      expect(answer.body).toMatchObject({ status: expected })
      expect((await s.orders.get(order.merchant_uid))!.status).toBe(expected === 'paid' ? 'registered' : 'pending')
      expect(s.registered).toHaveLength(expected === 'paid' ? 1 : 0)
    }
  })

  test('another customer\'s key cannot confirm this order', async () => {
    const s = await shop()
    const order = await createOrder(s, CART, 'cu_gildong')
    s.portone.state.registerBillingKey({ customerUid: 'cu_mallory' })
    const answer = await read(await post(s.checkout.verify, { merchant_uid: order.merchant_uid, customer_uid: 'cu_mallory' }))
    expect(answer).toEqual({ status: 200, body: { status: 'failed', message: '이 주문의 정기결제 등록이 아닙니다.' } })
    expect((await s.orders.get(order.merchant_uid))!.status).toBe('pending')
    expect(s.registered).toEqual([])
  })
})

describe('bad input: a 4xx naming what is wrong, never a 500 or a stack trace', () => {
  const big = JSON.stringify({ cart: CART, padding: 'x'.repeat(1024 * 1024) })
  const handlers = ['createOrder', 'verify', 'webhook'] as const
  type Case = [string, (typeof handlers)[number][], () => Request, number, RegExp]
  const req = (init: RequestInit & { headers?: Record<string, string> }) => () => new Request(`${URL_BASE}/x`, { method: 'POST', ...init })
  const jsonReq = (body: string) => req({ headers: { 'content-type': 'application/json' }, body })
  const cases: Case[] = [
    ['GET', [...handlers], () => new Request(`${URL_BASE}/x`), 405, /POST 요청만/],
    ['PUT', [...handlers], req({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }), 405, /POST 요청만/],
    ['no Content-Type', [...handlers], req({ body: new Uint8Array([123, 125]) }), 415, /Content-Type.*none/],
    ['text/plain', [...handlers], req({ headers: { 'content-type': 'text/plain' }, body: '{}' }), 415, /application\/json.*text\/plain/],
    ['a form to a JSON-only handler', ['createOrder', 'verify'], req({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }), 415, /application\/json/],
    ['a 1 MB body', [...handlers], jsonReq(big), 413, /너무 큽니다/],
    ['a 1 MB body without Content-Length (streamed)', [...handlers], () => new Request(`${URL_BASE}/x`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, duplex: 'half',
      body: new ReadableStream({ start(c) { for (let i = 0; i < 64; i++) c.enqueue(new Uint8Array(16 * 1024).fill(32)); c.close() } }),
    } as RequestInit), 413, /너무 큽니다/],
    ['not JSON', [...handlers], jsonReq('{"cart":'), 400, /올바른 JSON이 아닙니다/],
    ['JSON that is not an object', [...handlers], jsonReq('[1,2]'), 400, /JSON 객체여야/],
    ['invalid UTF-8', [...handlers], req({ headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0x7d]) }), 400, /UTF-8/],
    ['a __proto__ key', [...handlers], jsonReq('{"__proto__":{"status":"paid"},"imp_uid":"i","merchant_uid":"m","cart":{}}'), 400, /"__proto__"/],
    ['a nested constructor key', [...handlers], jsonReq('{"cart":{"items":[{"constructor":{"prototype":{}}}]},"imp_uid":"i","merchant_uid":"m"}'), 400, /"(constructor|prototype)"/],
    ['a form __proto__ key', ['webhook'], req({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '__proto__=1&imp_uid=i' }), 400, /"__proto__"/],
    ['no cart', ['createOrder'], jsonReq('{}'), 400, /^cart is required/],
    ['cart as an array', ['createOrder'], jsonReq('{"cart":[]}'), 400, /^cart has the wrong type/],
    ['an empty cart', ['createOrder'], jsonReq('{"cart":{"items":[]}}'), 400, /cart\.items must hold at least one item/],
    ['count 0', ['createOrder'], jsonReq(JSON.stringify({ cart: { items: [{ ...item('book-1', 0) }] } })), 400, /cart\.items\[0\]\.count must be a positive whole number/],
    ['count "2" (a string)', ['createOrder'], jsonReq(JSON.stringify({ cart: { items: [{ ...item('book-1', 1), count: '2' }] } })), 400, /cart\.items\[0\]\.count/],
    ['an item without uid', ['createOrder'], jsonReq(JSON.stringify({ cart: { items: [{ ...item('book-1', 1), uid: undefined }] } })), 400, /cart\.items\[0\]\.uid is required/],
    ['customer_uid as a number', ['createOrder'], jsonReq(JSON.stringify({ cart: CART, customer_uid: 7 })), 400, /customer_uid has the wrong type/],
    ['no merchant_uid', ['verify'], jsonReq('{"imp_uid":"imp_1"}'), 400, /merchant_uid is required/],
    ['no imp_uid', ['verify', 'webhook'], jsonReq('{"merchant_uid":"ord_1"}'), 400, /imp_uid is required/],
    ['imp_uid as a number', ['verify', 'webhook'], jsonReq('{"imp_uid":12,"merchant_uid":"ord_1"}'), 400, /imp_uid has the wrong type/],
    ['merchant_uid as an object', ['verify'], jsonReq('{"imp_uid":"imp_1","merchant_uid":{"$ne":null}}'), 400, /merchant_uid has the wrong type/],
    ['imp_uid with a control character', ['verify', 'webhook'], jsonReq('{"imp_uid":"imp\\u0000","merchant_uid":"ord_1"}'), 400, /imp_uid must not contain control characters/],
  ]
  const rows = cases.flatMap(([name, on, make, status, message]) => on.map((h) => [h, name, make, status, message] as const))

  test.each(rows)('%s: %s', async (handler, _, make, status, message) => {
    const s = await shop()
    const response = await s.checkout[handler](make())
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await response.json()) as Record<string, unknown>
    expect(body.message).toMatch(message)
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at |Error:/)
    if (status === 405) expect(response.headers.get('allow')).toBe('POST')
    expect(await s.orders.list!()).toEqual([])
    expect(s.portone.apiRequests()).toEqual([])
  })

  test('English messages when locale is "en"', async () => {
    const s = await shop({ locale: 'en' })
    const { status, body } = await read(await post(s.checkout.verify, { imp_uid: 'imp_1' }))
    expect(status).toBe(400)
    expect(body.message).toBe('merchant_uid is required')
  })

  test('createCheckoutServer without what it needs throws a TypeError naming each missing option', () => {
    expect(() => createCheckoutServer({} as never)).toThrow(/portone\.getPayment must be a function.*orders\.create must be a function.*priceCart must be a function.*onPaid must be a function/)
    const base = { portone: createPortOneClient({ impKey: 'k', impSecret: 's' }), orders: memoryOrderStore(), priceCart, onPaid: () => undefined }
    expect(() => createCheckoutServer({ ...base, minAmount: 0 })).toThrow(/minAmount must be a positive whole number, got 0/)
    expect(() => createCheckoutServer({ ...base, maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes must be a positive whole number, got 1.5/)
  })
})

