// @vitest-environment node
// The demo's server (demo/merchant-server.ts) over HTTP, in simulated mode: the routes `npm run dev` serves, built
// from createCheckoutServer, verifying against PortOne's double exactly as the real sandbox is verified.
import { describe, expect, test } from 'vitest'
import { demoConnection } from '../../demo/merchant-server'
import { startPortOneDouble, TEST_IMP_KEY, TEST_IMP_SECRET } from '../portone/double'
import { BOOK, CD, pay, register, startDemo } from './harness'

describe('the demo prices every order on the server', () => {
  test('the page sends the cart; the amount is the catalogue\'s, whatever price the page claims', async () => {
    const demo = await startDemo()
    const answer = await demo.call('/api/orders', { cart: { items: [{ ...BOOK, price: 1, count: 2 }, { ...CD, price: 1 }] } })
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ amount: 15000, name: '한국사 외 1건' })
    // PortOne holds that amount for the order: the window refuses any other.
    expect(demo.server.double?.state.prepared.get(answer.body.merchant_uid as string)).toBe(15000)
  })

  test('an item the shop does not sell is refused with its uid, and no order is prepared', async () => {
    const demo = await startDemo()
    const answer = await demo.call('/api/orders', { cart: { items: [{ ...BOOK, uid: 'FREE_TV' }] } })
    expect(answer).toEqual({ status: 400, body: { message: '판매하지 않는 상품입니다: FREE_TV' } })
    expect(demo.server.double?.state.prepared.size).toBe(0)
  })

  test('the 5원 sample is priced at 5원: the widget, not the server, refuses it under Naver Pay\'s minimum', async () => {
    const demo = await startDemo()
    const answer = await demo.call('/api/orders', { cart: { items: [{ uid: 'SAMPLE_5WON', name: '샘플', price: 5, count: 1, categoryType: 'ETC', categoryId: 'ETC' }] } })
    // The checkout server keeps Naver Pay's minimum too: a 5원 order is never prepared.
    expect(answer.status).toBe(400)
    expect(answer.body.message).toContain('최소 결제 금액은 10원')
  })
})

describe('simulated payments are recorded at PortOne\'s double and verified against it', () => {
  test('pay → verify: paid, once; asking again answers paid without a second fulfilment', async () => {
    const demo = await startDemo()
    const { merchantUid, impUid } = await pay(demo)
    const again = await demo.call('/api/payments/complete', { imp_uid: impUid, merchant_uid: merchantUid })
    expect(again.body).toEqual({ status: 'paid' })
    expect(demo.log.filter((l) => l.startsWith(`paid ${merchantUid}`))).toHaveLength(1)
  })

  test('a report of another amount than the order\'s is refused as PortOne refuses it, and nothing verifies', async () => {
    const demo = await startDemo()
    const order = await demo.call('/api/orders', { cart: { items: [BOOK] } })
    const merchantUid = order.body.merchant_uid as string
    const report = await demo.call('/api/sim/payments', { imp_uid: 'imp_x', merchant_uid: merchantUid, amount: 100 })
    expect(report).toEqual({ status: 409, body: { message: '사전 등록된 결제 금액(1500원)과 요청 금액(100원)이 일치하지 않습니다.' } })
    const verified = await demo.call('/api/payments/complete', { imp_uid: 'imp_x', merchant_uid: merchantUid })
    expect(verified.body).toEqual({ status: 'failed', message: '결제 내역을 찾을 수 없습니다.' })
  })

  test('PortOne\'s webhook (form body) pays the order when the page never came back', async () => {
    const demo = await startDemo()
    const order = await demo.call('/api/orders', { cart: { items: [CD] } })
    const merchantUid = order.body.merchant_uid as string
    await demo.call('/api/sim/payments', { imp_uid: 'imp_w', merchant_uid: merchantUid, amount: 12000 })
    const res = await fetch(`${demo.origin}/api/portone/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `imp_uid=imp_w&merchant_uid=${merchantUid}&status=paid`,
    })
    expect(res.status).toBe(200)
    const state = await demo.call('/api/admin/state')
    expect((state.body.orders as { merchant_uid: string; status: string }[]).find((o) => o.merchant_uid === merchantUid)?.status).toBe('paid')
  })

  test('a registration is confirmed by its billing key and listed for the orders page', async () => {
    const demo = await startDemo()
    const merchantUid = await register(demo, 'cust_1')
    const state = await demo.call('/api/admin/state')
    expect(state.body.registrations).toEqual([expect.objectContaining({ customer_uid: 'cust_1', merchant_uid: merchantUid, deleted_at: null })])
    expect((state.body.orders as { status: string }[])[0].status).toBe('registered')
  })

  test.each([
    ['not JSON', 'imp_uid=1', 400],
    ['no imp_uid', { merchant_uid: 'm', amount: 1 }, 400],
    ['a string amount', { imp_uid: 'i', merchant_uid: 'm', amount: '1500' }, 400],
  ])('the simulator report refuses %s', async (_name, body, status) => {
    const demo = await startDemo()
    expect((await demo.call('/api/sim/payments', body)).status).toBe(status)
  })

  test('the order endpoints keep createCheckoutServer\'s bad-input rules (wrong method, __proto__)', async () => {
    const demo = await startDemo()
    expect((await demo.call('/api/orders')).status).toBe(405)
    const polluted = await demo.call('/api/orders', '{"cart":{"items":[]},"__proto__":{"x":1}}')
    expect(polluted.status).toBe(400)
    expect(polluted.body.message).toContain('__proto__')
  })
})

describe('real-sandbox mode: the same handlers against PortOne\'s API (here its double at PORTONE_API_URL)', () => {
  test('a test-channel payment (sandbox: true) verifies as paid — found with include_sandbox, accepted as the demo\'s own', async () => {
    const portone = await startPortOneDouble()
    try {
      const demo = await startDemo({ mode: 'sandbox', impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, apiUrl: portone.url })
      expect(demo.server.double).toBeNull()
      const order = await demo.call('/api/orders', { cart: { items: [BOOK] } })
      const merchantUid = order.body.merchant_uid as string
      const payment = portone.state.pay({ merchantUid, amount: 1500, sandbox: true })
      if (!payment.ok) throw new Error(payment.message)
      const verified = await demo.call('/api/payments/complete', { imp_uid: payment.payment.imp_uid, merchant_uid: merchantUid })
      expect(verified.body).toEqual({ status: 'paid' })
      expect(portone.apiRequests().find((r) => r.path.startsWith('/payments/imp_'))?.query).toEqual({ include_sandbox: 'true' })
      // There is no simulator side door in this mode.
      expect((await demo.call('/api/sim/payments', { imp_uid: 'x', merchant_uid: merchantUid, amount: 1500 })).status).toBe(404)
    } finally {
      await portone.close()
    }
  })
})

describe('the mode comes from the environment (or .env.local): keys mean the real sandbox', () => {
  test.each([
    ['nothing set', {}, { mode: 'simulated' }],
    ['all three', { VITE_IMP_CODE: 'imp123', PORTONE_IMP_KEY: 'k', PORTONE_IMP_SECRET: 's' }, { mode: 'sandbox', impKey: 'k', impSecret: 's', apiUrl: 'https://api.iamport.kr' }],
    ['another API URL', { VITE_IMP_CODE: 'imp123', PORTONE_IMP_KEY: 'k', PORTONE_IMP_SECRET: 's', PORTONE_API_URL: 'http://127.0.0.1:9' }, { mode: 'sandbox', impKey: 'k', impSecret: 's', apiUrl: 'http://127.0.0.1:9' }],
  ])('%s', (_name, env, expected) => {
    expect(demoConnection(env)).toEqual(expected)
  })

  test.each([
    ['a code without keys', { VITE_IMP_CODE: 'imp123' }, 'PORTONE_IMP_KEY, PORTONE_IMP_SECRET missing'],
    ['keys without a code', { PORTONE_IMP_KEY: 'k', PORTONE_IMP_SECRET: 's' }, 'VITE_IMP_CODE missing'],
    ['the secret in a VITE_ variable', { VITE_IMP_CODE: 'imp123', PORTONE_IMP_KEY: 'k', PORTONE_IMP_SECRET: 's', VITE_PORTONE_IMP_SECRET: 's' }, 'VITE_PORTONE_IMP_SECRET would be built into the page'],
  ])('%s is refused at start, saying what to fix', (_name, env, message) => {
    expect(() => demoConnection(env)).toThrow(message)
  })
})
