// @vitest-environment node
// The double's own PortOne behaviours, which the order handlers' tests and the demo rely on.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, test } from 'vitest'
import { parseBrackets } from '../portone/body'
import { TEST_IMP_KEY, TEST_IMP_SECRET, type PortOneDouble } from '../portone/double'
import { createPortOneClient } from '../../src/server'
import { paid, withDouble } from './setup'

/** A raw call, as another PortOne client (or a form post) would make it. */
async function call(portone: PortOneDouble, method: string, path: string, body?: string, contentType = 'application/json') {
  const token = portone.state.issueToken().access_token
  const res = await fetch(portone.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': contentType } : {}) },
    body,
  })
  return { status: res.status, ...((await res.json()) as { code: number; message: string | null; response: any }) }
}

describe('payments and prepared amounts', () => {
  test('a prepared order cannot be paid with another amount; with its own amount it can, once', async () => {
    const { portone, client } = await withDouble()
    await client.preparePayment({ merchantUid: 'order_1', amount: 12000 })
    const tampered = portone.state.pay({ merchantUid: 'order_1', amount: 100 })
    expect(tampered).toEqual({ ok: false, message: expect.stringContaining('일치하지 않습니다') })
    expect(portone.state.payments.size).toBe(0)
    expect(portone.state.pay({ merchantUid: 'order_1', amount: 12000 })).toMatchObject({ ok: true, payment: { status: 'paid', amount: 12000 } })
    expect(portone.state.pay({ merchantUid: 'order_1', amount: 12000 })).toMatchObject({ ok: false })
  })

  test('preparing the same order twice is refused with code ≠ 0', async () => {
    const { client } = await withDouble()
    await client.preparePayment({ merchantUid: 'order_1', amount: 12000 })
    await expect(client.preparePayment({ merchantUid: 'order_1', amount: 12000 })).rejects.toMatchObject({ status: 200, code: 1 })
  })

  test('ignorePrepared plays a payment that does not match its order (a forged amount)', async () => {
    const { portone, client } = await withDouble()
    await client.preparePayment({ merchantUid: 'order_1', amount: 12000 })
    const forged = portone.state.pay({ merchantUid: 'order_1', amount: 100, ignorePrepared: true })
    expect(forged).toMatchObject({ ok: true, payment: { amount: 100 } })
  })

  test('a failed payment keeps its fail_reason; find by merchant_uid answers the newest, or the newest in a status', async () => {
    const { portone, client } = await withDouble()
    const failed = portone.state.pay({ merchantUid: 'order_1', amount: 1000, failReason: '잔액 부족' })
    expect(failed).toMatchObject({ ok: true, payment: { status: 'failed', fail_reason: '잔액 부족', paid_at: 0 } })
    const ok = paid(portone, 'order_1', 1000)
    expect(await client.findPayment('order_1')).toMatchObject({ imp_uid: ok.imp_uid })
    expect(await client.findPayment('order_1', { status: 'failed' })).toMatchObject({ fail_reason: '잔액 부족' })
  })
})

describe('cancel', () => {
  test('partial then full: cancel_history entries with cancellation_id, status cancelled only when all is cancelled', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 10000)
    const first = await client.cancelPayment({ impUid: payment.imp_uid, reason: '부분 환불', requester: 'customer', amount: 3000 })
    expect(first).toMatchObject({ status: 'paid', cancel_amount: 3000, cancelled_at: 0 })
    const second = await client.cancelPayment({ impUid: payment.imp_uid, reason: '나머지 환불', requester: 'admin', checksum: 7000 })
    expect(second).toMatchObject({ status: 'cancelled', cancel_amount: 10000, cancel_reason: '나머지 환불' })
    expect(second.cancelled_at).toBeGreaterThan(0)
    expect(second.cancel_history).toEqual([
      expect.objectContaining({ amount: 3000, reason: '부분 환불', cancellation_id: expect.any(String) }),
      expect.objectContaining({ amount: 7000, reason: '나머지 환불', cancellation_id: expect.any(String) }),
    ])
    expect(second.cancel_history[0].cancellation_id).not.toBe(second.cancel_history[1].cancellation_id)
    await expect(client.cancelPayment({ impUid: payment.imp_uid, reason: '또', requester: 'admin' })).rejects.toMatchObject({ code: 1 })
  })

  test('each cancel is kept with who asked for it', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 10000)
    const cancelled = await client.cancelPayment({ impUid: payment.imp_uid, reason: '금액 불일치', requester: 'admin' })
    expect(portone.state.cancellations).toEqual([
      { impUid: payment.imp_uid, cancellationId: cancelled.cancel_history[0].cancellation_id, amount: 10000, reason: '금액 불일치', requester: 'admin' },
    ])
  })

  test('a checksum that is not the cancellable balance is refused and nothing is cancelled', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 10000)
    await client.cancelPayment({ impUid: payment.imp_uid, reason: '부분 환불', requester: 'customer', amount: 1000 })
    // A retry of that same refund, computed from the old balance: the checksum catches the double refund.
    const error = await client.cancelPayment({ impUid: payment.imp_uid, reason: '부분 환불', requester: 'customer', amount: 1000, checksum: 10000 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'PortOneError', status: 200, code: 1, message: expect.stringContaining('checksum') })
    expect(portone.state.payments.get(payment.imp_uid)).toMatchObject({ cancel_amount: 1000 })
  })

  test('more than the balance is refused', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 1000)
    await expect(client.cancelPayment({ impUid: payment.imp_uid, reason: '환불', requester: 'admin', amount: 1001 })).rejects.toMatchObject({ code: 1 })
  })

  test('a form-urlencoded cancel with bracket notation is read as PortOne reads it', async () => {
    const { portone } = await withDouble()
    const payment = paid(portone, 'order_1', 5000)
    const answer = await call(portone, 'POST', '/payments/cancel', `imp_uid=${payment.imp_uid}&amount=3000&reason=%EA%B3%A0%EA%B0%9D&extra[requester]=customer`, 'application/x-www-form-urlencoded')
    expect(answer).toMatchObject({ status: 200, code: 0, response: { cancel_amount: 3000 } })
    expect(portone.requests.at(-1)?.body).toEqual({ imp_uid: payment.imp_uid, amount: '3000', reason: '고객', extra: { requester: 'customer' } })
  })
})

test('a JSON body without a JSON content-type is not read, as PortOne reads only JSON and form bodies', async () => {
  const { portone } = await withDouble()
  // What a client that forgot its content-type sends: fetch labels a string body text/plain.
  const answer = await call(portone, 'POST', '/payments/prepare', JSON.stringify({ merchant_uid: 'order_1', amount: 1000 }), 'text/plain;charset=UTF-8')
  expect(answer).toMatchObject({ status: 200, code: 1, response: null })
  expect(portone.state.prepared.has('order_1')).toBe(false)
})

test("a path PortOne does not serve is a 404 without PortOne's envelope, so a client's wrong path never reads as 'not found'", async () => {
  const { portone } = await withDouble()
  const token = portone.state.issueToken().access_token
  const res = await fetch(`${portone.url}/payment/imp_1`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(404)
  expect(await res.text()).not.toMatch(/"code"/)
  // Through the client (its token fetched right, its calls sent under a wrong prefix): an error, not "nothing".
  const wrong = createPortOneClient({ impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, baseUrl: `${portone.url}/v2`, fetch: (input, init) => fetch(String(input).replace('/v2/users/', '/users/'), init) })
  await expect(wrong.getPayment('imp_1')).rejects.toMatchObject({ name: 'PortOneError', status: 404, code: null })
})

describe('tokens', () => {
  test('the same token until expiry, extended by 5 minutes in its last minute, a new one after; a stale one gets 401', async () => {
    let time = Date.UTC(2026, 0, 1)
    const { portone } = await withDouble({ now: () => time })
    const first = portone.state.issueToken()
    expect(first.expired_at - first.now).toBe(1800)
    time += 29.5 * 60_000
    expect(portone.state.issueToken()).toMatchObject({ access_token: first.access_token, expired_at: first.expired_at + 300 })
    time += 6 * 60_000
    expect(portone.state.acceptsToken(first.access_token)).toBe(false)
    expect(portone.state.issueToken().access_token).not.toBe(first.access_token)
  })

  test('getToken with wrong keys and a call without a token are 401', async () => {
    const { portone } = await withDouble()
    const bad = await fetch(`${portone.url}/users/getToken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ imp_key: TEST_IMP_KEY, imp_secret: 'x' }) })
    expect(bad.status).toBe(401)
    const form = await fetch(`${portone.url}/users/getToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `imp_key=${TEST_IMP_KEY}&imp_secret=${TEST_IMP_SECRET}` })
    expect(((await form.json()) as { response: { access_token: string } }).response.access_token).toMatch(/^token_/)
    expect((await fetch(`${portone.url}/payments/imp_1`)).status).toBe(401)
  })

  test("PortOne's clock can be set apart from the real one", async () => {
    const { portone } = await withDouble({ clockOffsetMs: 2 * 3600_000 })
    expect(portone.state.issueToken().now - Date.now() / 1000).toBeGreaterThan(7100)
  })
})

describe('billing keys and schedules', () => {
  test('a registration keeps a billing key and, for its order, a payment with customer_uid_usage issue', async () => {
    const { portone, client } = await withDouble()
    const { payment } = portone.state.registerBillingKey({ customerUid: 'cu_1', merchantUid: 'reg_1' })
    expect(payment).toMatchObject({ customer_uid: 'cu_1', customer_uid_usage: 'issue', amount: 0 })
    expect(await client.findPayment('reg_1')).toMatchObject({ customer_uid_usage: 'issue' })
  })

  test('a merchant_uid charged once cannot be charged again', async () => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    await client.chargeBillingKey({ customerUid: 'cu_1', merchantUid: 'sub_1', amount: 9900, name: '구독' })
    await expect(client.chargeBillingKey({ customerUid: 'cu_1', merchantUid: 'sub_1', amount: 9900, name: '구독' })).rejects.toMatchObject({ code: 1 })
    expect([...portone.state.payments.values()].filter((p) => p.merchant_uid === 'sub_1')).toHaveLength(1)
  })

  test('due schedules run into payments and a webhook; revoked and future ones do not', async () => {
    const received: unknown[] = []
    const hook = createServer((req, res) => {
      let text = ''
      req.on('data', (c: Buffer) => (text += c))
      req.on('end', () => {
        received.push(JSON.parse(text))
        res.end('ok')
      })
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    const webhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhook`
    try {
      let time = Date.UTC(2026, 10, 28, 0, 0)
      const { portone, client } = await withDouble({ now: () => time, webhookUrl }, { now: () => time })
      portone.state.registerBillingKey({ customerUid: 'cu_1' })
      const at = (minutes: number) => new Date(time + minutes * 60_000)
      await client.schedulePayments({
        customerUid: 'cu_1',
        schedules: [
          { merchantUid: 'sch_1', scheduleAt: at(10), amount: 9900, name: '1월' },
          { merchantUid: 'sch_2', scheduleAt: at(20), amount: 9900, name: '2월' },
          { merchantUid: 'sch_3', scheduleAt: at(60), amount: 9900, name: '3월' },
        ],
      })
      await client.unschedulePayments({ customerUid: 'cu_1', merchantUids: ['sch_2'] })
      time += 30 * 60_000
      const ran = await portone.state.runDueSchedules()
      expect(ran).toMatchObject([{ merchant_uid: 'sch_1', schedule_status: 'executed', payment_status: 'paid', imp_uid: expect.stringMatching(/^imp_/) }])
      expect(await client.findPayment('sch_1')).toMatchObject({ status: 'paid', customer_uid_usage: 'payment.scheduled', amount: 9900 })
      expect(received).toEqual([{ imp_uid: ran[0].imp_uid, merchant_uid: 'sch_1', status: 'paid' }])
      expect(portone.state.webhooks).toMatchObject([{ url: webhookUrl, result: 200 }])
      expect(await portone.state.runDueSchedules()).toEqual([])
    } finally {
      hook.closeAllConnections()
      await new Promise((resolve) => hook.close(resolve))
    }
  })

  test('a declined charge is a failed payment with its reason, answered with code 0', async () => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    portone.state.declineNextCharge('잔액 부족')
    expect(await client.chargeBillingKey({ customerUid: 'cu_1', merchantUid: 'sub_1', amount: 9900, name: '구독' })).toMatchObject({ status: 'failed', fail_reason: '잔액 부족', paid_at: 0 })
    expect(await client.chargeBillingKey({ customerUid: 'cu_1', merchantUid: 'sub_2', amount: 9900, name: '구독' })).toMatchObject({ status: 'paid' })
  })

  test('two schedules under one merchant_uid in one request are refused, and neither is kept', async () => {
    const { portone } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    const at = Math.floor(Date.now() / 1000) + 3600
    const schedule = { merchant_uid: 's1', schedule_at: at, amount: 1000, currency: 'KRW', name: '구독' }
    const answer = await call(portone, 'POST', '/subscribe/payments/schedule', JSON.stringify({ customer_uid: 'cu_1', schedules: [schedule, { ...schedule, amount: 2000 }] }))
    expect(answer).toMatchObject({ status: 200, code: 1, response: null })
    expect(portone.state.schedules.size).toBe(0)
  })

  test('unscheduling what is not scheduled is refused with code ≠ 0', async () => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    await expect(client.unschedulePayments({ customerUid: 'cu_1' })).rejects.toMatchObject({ code: 1, message: '취소할 예약결제 기록이 존재하지 않습니다.' })
  })
})

describe('the side door for the simulated SDK (not PortOne)', () => {
  test('POST /__double/pay and /__double/billing-keys record what the window did', async () => {
    const { portone, client } = await withDouble()
    await client.preparePayment({ merchantUid: 'order_1', amount: 500 })
    const post = (path: string, body: unknown) =>
      fetch(portone.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json())
    expect(await post('/__double/pay', { merchantUid: 'order_1', amount: 400 })).toMatchObject({ code: 1 })
    const payment = (await post('/__double/pay', { merchantUid: 'order_1', amount: 500 })) as { response: { imp_uid: string } }
    expect(await client.getPayment(payment.response.imp_uid)).toMatchObject({ amount: 500 })
    await post('/__double/billing-keys', { customerUid: 'cu_9' })
    expect(await client.getBillingKey('cu_9')).toMatchObject({ customer_uid: 'cu_9' })
  })
})

test.each([
  ['extra[requester]=customer', { extra: { requester: 'customer' } }],
  ['schedules[0][merchant_uid]=a&schedules[0][extra][naverUseCfm]=20201001&schedules[1][merchant_uid]=b', { schedules: [{ merchant_uid: 'a', extra: { naverUseCfm: '20201001' } }, { merchant_uid: 'b' }] }],
  ['merchant_uid[]=a&merchant_uid[]=b&customer_uid=c', { merchant_uid: ['a', 'b'], customer_uid: 'c' }],
])('bracket form %s', (form, expected) => {
  expect(parseBrackets(new URLSearchParams(form))).toEqual(expected)
})
