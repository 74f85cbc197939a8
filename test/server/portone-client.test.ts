// @vitest-environment node
// createPortOneClient against a double of PortOne's V1 REST API over real HTTP (test/portone/double.ts).
import { describe, expect, test } from 'vitest'
import { createPortOneClient, PortOneError, type PortOneClient } from '../../src/server'
import { TEST_IMP_KEY, TEST_IMP_SECRET } from '../portone/double'
import { paid, withDouble } from './setup'

// 2026-11-28 16:00 UTC is already 2026-11-29 01:00 in Korea: a UTC "today" would be a day behind.
const NOW = Date.UTC(2026, 10, 28, 16, 0)
const KOREAN_TODAY = '20261129'
const UTC_TODAY = '20261128'
const seconds = (ms: number) => Math.floor(ms / 1000)
// 2026-12-01 15:30 UTC runs on 2026-12-02 in Korea.
const SCHEDULE_AT = new Date(Date.UTC(2026, 11, 1, 15, 30))

const cancel = { impUid: 'imp_1', reason: '고객 요청', requester: 'customer' } as const
const charge = { customerUid: 'cu_1', merchantUid: 'sub_1', amount: 9900, name: '월 구독' }
const schedule = { merchantUid: 'sch_1', scheduleAt: SCHEDULE_AT, amount: 9900, name: '월 구독' }

describe('refused before any request, with a TypeError naming the field', () => {
  const refusals: [string, (c: PortOneClient) => Promise<unknown>, RegExp][] = [
    ['cancel without reason', (c) => c.cancelPayment({ ...cancel, reason: undefined as never }), /reason is required/],
    ['cancel with an empty reason', (c) => c.cancelPayment({ ...cancel, reason: '' }), /reason is required/],
    ['cancel with a blank reason', (c) => c.cancelPayment({ ...cancel, reason: '   ' }), /reason is required/],
    ['cancel without requester', (c) => c.cancelPayment({ ...cancel, requester: undefined as never }), /requester is required/],
    ['cancel with requester "user"', (c) => c.cancelPayment({ ...cancel, requester: 'user' as never }), /requester is not one of the allowed values.*customer, admin/],
    ['cancel of 0 won (PortOne: everything)', (c) => c.cancelPayment({ ...cancel, amount: 0 }), /amount must be a positive whole number/],
    ['cancel of -100 won', (c) => c.cancelPayment({ ...cancel, amount: -100 }), /amount must be a positive whole number/],
    ['cancel of 10.5 won', (c) => c.cancelPayment({ ...cancel, amount: 10.5 }), /amount must be a positive whole number/],
    ['cancel of "1000" (a string)', (c) => c.cancelPayment({ ...cancel, amount: '1000' as never }), /amount must be a positive whole number/],
    ['cancel of NaN', (c) => c.cancelPayment({ ...cancel, amount: Number.NaN }), /amount must be a positive whole number/],
    ['cancel with checksum -1', (c) => c.cancelPayment({ ...cancel, checksum: -1 }), /checksum must be a whole number of won/],
    ['cancel with checksum 1.5', (c) => c.cancelPayment({ ...cancel, checksum: 1.5 }), /checksum must be a whole number of won/],
    ['cancel with an empty impUid', (c) => c.cancelPayment({ ...cancel, impUid: '' }), /impUid is required/],
    ['cancel without parameters', (c) => c.cancelPayment(undefined as never), /params is required/],
    ['billing-key delete without reason', (c) => c.deleteBillingKey('cu_1', { reason: '', requester: 'admin' }), /deleteBillingKey: reason is required/],
    ['billing-key delete with requester "system"', (c) => c.deleteBillingKey('cu_1', { reason: '해지', requester: 'system' as never }), /requester is not one of/],
    ['billing-key delete without parameters', (c) => c.deleteBillingKey('cu_1', undefined as never), /params is required/],
    ['billing-key delete of an empty customerUid', (c) => c.deleteBillingKey('', { reason: '해지', requester: 'admin' }), /customerUid is required/],
    ['charge of 0 won', (c) => c.chargeBillingKey({ ...charge, amount: 0 }), /chargeBillingKey: amount must be a positive/],
    ['charge without name', (c) => c.chargeBillingKey({ ...charge, name: '' }), /name is required/],
    ['charge with an empty merchantUid', (c) => c.chargeBillingKey({ ...charge, merchantUid: '' }), /merchantUid is required/],
    ['charge with naverUseCfm 2026-11-29', (c) => c.chargeBillingKey({ ...charge, naverUseCfm: '2026-11-29' }), /naverUseCfm must be a real date in yyyyMMdd/],
    ['charge with naverUseCfm 20261331', (c) => c.chargeBillingKey({ ...charge, naverUseCfm: '20261331' }), /naverUseCfm must be a real date/],
    ['charge with naverUseCfm as a number', (c) => c.chargeBillingKey({ ...charge, naverUseCfm: 20261129 as never }), /naverUseCfm has the wrong type/],
    // The UTC date is still 28 November: only a Korean calendar refuses it.
    ['charge with naverUseCfm yesterday in Korea', (c) => c.chargeBillingKey({ ...charge, naverUseCfm: UTC_TODAY }), /naverUseCfm must be today \(Korea time\).*20261129/],
    ['schedule in the past', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, scheduleAt: new Date(NOW - 1000) }] }), /schedules\[0\]\.scheduleAt .*in the future/],
    ['schedule at now, in UNIX seconds', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, scheduleAt: seconds(NOW) }] }), /scheduleAt .*in the future/],
    ['schedule in milliseconds', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, scheduleAt: SCHEDULE_AT.getTime() }] }), /scheduleAt .*not milliseconds/],
    ['schedule at a string', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, scheduleAt: '2026-12-01' as never }] }), /scheduleAt .*a Date or whole UNIX seconds/],
    ['schedule at fractional seconds', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, scheduleAt: seconds(SCHEDULE_AT.getTime()) + 0.5 }] }), /scheduleAt .*whole UNIX seconds/],
    ['schedule at an invalid Date', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, scheduleAt: new Date('nope') }] }), /scheduleAt/],
    ['schedule whose naverUseCfm is before its Korean day', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, naverUseCfm: '20261201' }] }), /schedules\[0\]\.naverUseCfm .*not be before 20261202/],
    ['schedule of 0 won', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [schedule, { ...schedule, merchantUid: 'sch_2', amount: 0 }] }), /schedules\[1\]\.amount must be a positive/],
    ['schedule without name', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, name: undefined as never }] }), /schedules\[0\]\.name is required/],
    ['no schedules', (c) => c.schedulePayments({ customerUid: 'cu_1', schedules: [] }), /schedules is required/],
    ['unschedule of an empty list', (c) => c.unschedulePayments({ customerUid: 'cu_1', merchantUids: [] }), /merchantUids is required/],
    ['unschedule of an empty merchantUid', (c) => c.unschedulePayments({ customerUid: 'cu_1', merchantUids: ['ok', ''] }), /merchantUids\[1\] is required/],
    ['prepare of 0 won', (c) => c.preparePayment({ merchantUid: 'o1', amount: 0 }), /preparePayment: amount must be a positive/],
    ['prepare of an empty merchantUid', (c) => c.preparePayment({ merchantUid: '', amount: 1000 }), /merchantUid is required/],
    ['getPayment of an empty impUid', (c) => c.getPayment(''), /getPayment: impUid is required/],
    ['findPayment of an empty merchantUid', (c) => c.findPayment(''), /findPayment: merchantUid is required/],
    ['findPayment in an unknown status', (c) => c.findPayment('o1', { status: 'done' as never }), /status is not one of/],
    ['getBillingKey of an empty customerUid', (c) => c.getBillingKey(''), /customerUid is required/],
    ['confirmNaverPayment with requester "buyer"', (c) => c.confirmNaverPayment('imp_1', { requester: 'buyer' as never }), /confirmNaverPayment: requester is not one of/],
    ['depositNaverPoint of an empty impUid', (c) => c.depositNaverPoint(''), /impUid is required/],
    ['getNaverCashAmount of an empty impUid', (c) => c.getNaverCashAmount(''), /impUid is required/],
  ]

  test.each(refusals)('%s', async (_, call, message) => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    const error = await call(client).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toMatch(message)
    expect(portone.requests).toEqual([]) // not even a token was asked for
  })

  test('every problem is named at once', async () => {
    const { client } = await withDouble({}, { now: () => NOW })
    await expect(client.cancelPayment({ impUid: '', reason: '', requester: 'x' as never, amount: 0 })).rejects.toThrow(
      /impUid is required; reason is required; requester is not one of .*; amount must be a positive/,
    )
  })

  test('keys are required to create a client', () => {
    expect(() => createPortOneClient({ impKey: '', impSecret: 'secret' })).toThrow(/impKey is required/)
    expect(() => createPortOneClient({ impKey: 'key' } as never)).toThrow(/impSecret is required/)
    expect(() => createPortOneClient({ impKey: 'key', impSecret: 'secret', timeout: 0 })).toThrow(/timeout must be a positive whole number/)
  })

  test('naverUseCfm of today in Korea, and of the Korean day a schedule runs, are sent', async () => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    await client.chargeBillingKey({ ...charge, naverUseCfm: KOREAN_TODAY })
    await client.schedulePayments({ customerUid: 'cu_1', schedules: [{ ...schedule, naverUseCfm: '20261202' }] })
    const [again, scheduled] = portone.apiRequests()
    expect(again.body.extra).toEqual({ naverUseCfm: KOREAN_TODAY })
    expect(scheduled.body.schedules).toMatchObject([{ extra: { naverUseCfm: '20261202' } }])
  })
})

describe('the wire format of each call', () => {
  test('getPayment: GET /payments/{imp_uid} with a Bearer token; include_sandbox=true when set', async () => {
    const { portone, client } = await withDouble({}, { includeSandbox: true })
    const payment = paid(portone, 'order_1', 12000, { sandbox: true })
    expect(await client.getPayment(payment.imp_uid)).toMatchObject({ imp_uid: payment.imp_uid, amount: 12000, status: 'paid', sandbox: true })
    const [token, get] = portone.requests
    expect(token).toMatchObject({ method: 'POST', path: '/users/getToken', body: { imp_key: TEST_IMP_KEY, imp_secret: TEST_IMP_SECRET } })
    expect(get).toMatchObject({ method: 'GET', path: `/payments/${payment.imp_uid}`, query: { include_sandbox: 'true' }, body: {} })
    expect(get.headers.authorization).toMatch(/^Bearer token_/)
  })

  test('without includeSandbox a test-channel payment is not found (PortOne hides it): null', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 12000, { sandbox: true })
    expect(await client.getPayment(payment.imp_uid)).toBeNull()
    expect(portone.apiRequests()[0].query).toEqual({})
  })

  test('findPayment: GET /payments/find/{merchant_uid}[/{status}]', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order/1 한글', 5000)
    expect(await client.findPayment('order/1 한글')).toMatchObject({ imp_uid: payment.imp_uid })
    expect(await client.findPayment('order/1 한글', { status: 'paid' })).toMatchObject({ imp_uid: payment.imp_uid })
    expect(await client.findPayment('order/1 한글', { status: 'cancelled' })).toBeNull()
    // The order number travels as one path segment, even with a slash in it.
    expect(portone.apiRequests().map((r) => r.path)).toEqual([
      '/payments/find/order/1 한글',
      '/payments/find/order/1 한글/paid',
      '/payments/find/order/1 한글/cancelled',
    ])
  })

  test('preparePayment: POST /payments/prepare { merchant_uid, amount } as JSON', async () => {
    const { portone, client } = await withDouble()
    expect(await client.preparePayment({ merchantUid: 'order_1', amount: 12000 })).toEqual({ merchant_uid: 'order_1', amount: 12000 })
    const [prepare] = portone.apiRequests()
    expect(prepare).toMatchObject({ method: 'POST', path: '/payments/prepare', body: { merchant_uid: 'order_1', amount: 12000 } })
    expect(prepare.headers['content-type']).toBe('application/json')
  })

  test('cancelPayment: reason and extra.requester always; no amount for a full cancel', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 10000)
    const partial = await client.cancelPayment({ impUid: payment.imp_uid, reason: '부분 환불', requester: 'customer', amount: 1000, checksum: 10000 })
    expect(partial).toMatchObject({ status: 'paid', cancel_amount: 1000 })
    const full = await client.cancelPayment({ impUid: payment.imp_uid, reason: '주문 취소', requester: 'admin' })
    expect(full).toMatchObject({ status: 'cancelled', cancel_amount: 10000 })
    expect(portone.apiRequests().map((r) => r.body)).toEqual([
      { imp_uid: payment.imp_uid, amount: 1000, checksum: 10000, reason: '부분 환불', extra: { requester: 'customer' } },
      { imp_uid: payment.imp_uid, reason: '주문 취소', extra: { requester: 'admin' } },
    ])
  })

  test('getBillingKey: GET /subscribe/customers/{customer_uid}; null when there is none', async () => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    expect(await client.getBillingKey('cu_1')).toMatchObject({ customer_uid: 'cu_1', pg_provider: 'naverpay', sandbox: false })
    expect(await client.getBillingKey('cu_unknown')).toBeNull()
    expect(portone.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /subscribe/customers/cu_1', 'GET /subscribe/customers/cu_unknown'])
  })

  test('deleteBillingKey: DELETE with reason and extra[requester] in the query string, no body', async () => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    expect(await client.deleteBillingKey('cu_1', { reason: '사용자 요청에 의한 해지 & 환불', requester: 'customer' })).toMatchObject({ customer_uid: 'cu_1' })
    const [del] = portone.apiRequests()
    expect(del).toMatchObject({ method: 'DELETE', path: '/subscribe/customers/cu_1', body: {} })
    expect(del.query).toEqual({ reason: '사용자 요청에 의한 해지 & 환불', 'extra[requester]': 'customer' })
    expect(del.rawQuery).toMatch(/&extra\[requester\]=customer$/)
    expect(portone.state.billingKeys.has('cu_1')).toBe(false)
  })

  test('chargeBillingKey: POST /subscribe/payments/again; extra only when naverUseCfm is set', async () => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    const payment = await client.chargeBillingKey(charge)
    expect(payment).toMatchObject({ merchant_uid: 'sub_1', amount: 9900, status: 'paid', customer_uid: 'cu_1', customer_uid_usage: 'payment' })
    expect(portone.apiRequests()[0]).toMatchObject({ method: 'POST', path: '/subscribe/payments/again' })
    expect(portone.apiRequests()[0].body).toEqual({ customer_uid: 'cu_1', merchant_uid: 'sub_1', amount: 9900, name: '월 구독' })
  })

  test('schedulePayments: schedule_at in UNIX seconds, currency KRW and name on every schedule', async () => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    const results = await client.schedulePayments({
      customerUid: 'cu_1',
      schedules: [schedule, { merchantUid: 'sch_2', scheduleAt: seconds(SCHEDULE_AT.getTime()) + 86400, amount: 9900, name: '월 구독', naverUseCfm: '20261203' }],
    })
    expect(results).toMatchObject([
      { merchant_uid: 'sch_1', schedule_status: 'scheduled', payment_status: null, imp_uid: null },
      { merchant_uid: 'sch_2', schedule_status: 'scheduled' },
    ])
    expect(portone.apiRequests()[0]).toMatchObject({ method: 'POST', path: '/subscribe/payments/schedule' })
    expect(portone.apiRequests()[0].body).toEqual({
      customer_uid: 'cu_1',
      schedules: [
        { merchant_uid: 'sch_1', schedule_at: seconds(SCHEDULE_AT.getTime()), amount: 9900, currency: 'KRW', name: '월 구독' },
        { merchant_uid: 'sch_2', schedule_at: seconds(SCHEDULE_AT.getTime()) + 86400, amount: 9900, currency: 'KRW', name: '월 구독', extra: { naverUseCfm: '20261203' } },
      ],
    })
  })

  test('unschedulePayments: POST /subscribe/payments/unschedule { customer_uid, merchant_uid[] }', async () => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    await client.schedulePayments({ customerUid: 'cu_1', schedules: [schedule, { ...schedule, merchantUid: 'sch_2' }] })
    expect(await client.unschedulePayments({ customerUid: 'cu_1', merchantUids: ['sch_1'] })).toMatchObject([{ merchant_uid: 'sch_1', schedule_status: 'revoked' }])
    expect(await client.unschedulePayments({ customerUid: 'cu_1' })).toMatchObject([{ merchant_uid: 'sch_2', schedule_status: 'revoked' }])
    expect(portone.apiRequests().slice(1).map((r) => [r.path, r.body])).toEqual([
      ['/subscribe/payments/unschedule', { customer_uid: 'cu_1', merchant_uid: ['sch_1'] }],
      ['/subscribe/payments/unschedule', { customer_uid: 'cu_1' }],
    ])
  })

  test("Naver Pay's endpoints: confirm with a plain requester, point, cash-amount", async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 11000)
    await expect(client.confirmNaverPayment(payment.imp_uid, { requester: 'customer' })).resolves.toBeUndefined()
    await expect(client.depositNaverPoint(payment.imp_uid)).resolves.toBeUndefined()
    expect(await client.getNaverCashAmount(payment.imp_uid)).toEqual({ amount_total: 11000, amount_by_npoint: 0, amount_by_primary: 11000, amount_supply: 10000, amount_vat: 1000 })
    expect(portone.apiRequests().map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `/payments/${payment.imp_uid}/naver/confirm`, { requester: 'customer' }],
      ['POST', `/payments/${payment.imp_uid}/naver/point`, {}],
      ['GET', `/payments/${payment.imp_uid}/naver/cash-amount`, {}],
    ])
    expect(portone.state.naverConfirmations).toEqual([{ impUid: payment.imp_uid, requester: 'customer' }])
  })
})

describe("PortOne's failures", () => {
  test('a lookup PortOne answers 404 is null', async () => {
    const { client } = await withDouble()
    expect(await client.getPayment('imp_unknown')).toBeNull()
    expect(await client.findPayment('order_unknown')).toBeNull()
    expect(await client.getBillingKey('cu_unknown')).toBeNull()
  })

  test('HTTP 200 with code ≠ 0 is a PortOneError carrying the message exactly as sent', async () => {
    const { client } = await withDouble()
    const error = await client.cancelPayment({ impUid: 'imp_unknown', reason: '고객 요청', requester: 'customer' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PortOneError)
    expect(error).toMatchObject({ status: 200, code: 1, message: '취소할 결제건이 존재하지 않습니다.', call: 'cancelPayment (POST /payments/cancel)' })
  })

  test('a charge on an unknown billing key: code -1', async () => {
    const { client } = await withDouble()
    await expect(client.chargeBillingKey(charge)).rejects.toMatchObject({ name: 'PortOneError', status: 200, code: -1 })
  })

  test('a 404 on a call that is not a lookup is an error, not null', async () => {
    const { client } = await withDouble()
    await expect(client.deleteBillingKey('cu_unknown', { reason: '해지', requester: 'admin' })).rejects.toMatchObject({ status: 404, message: '유효하지 않은 customer_uid입니다.' })
  })

  test('wrong keys: the token request fails with PortOne\'s message', async () => {
    const { portone, client } = await withDouble({ impSecret: 'another secret' })
    await expect(client.getPayment('imp_1')).rejects.toMatchObject({ status: 401, code: -1, call: 'getToken (POST /users/getToken)', message: expect.stringContaining('imp_key, imp_secret') })
    expect(portone.apiRequests()).toEqual([])
  })

  test('a 404 page that is not PortOne\'s (a wrong baseUrl, a proxy) is an error, not "no such payment"', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 404, raw: '<h1>Not Found</h1>' })
    await expect(client.getPayment('imp_1')).rejects.toMatchObject({ name: 'PortOneError', status: 404, code: null })
  })

  test('an HTTP 200 that is not an envelope is an error', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 200, raw: '<html>ok</html>' })
    await expect(client.preparePayment({ merchantUid: 'o1', amount: 100 })).rejects.toMatchObject({ name: 'PortOneError', status: 200, code: null })
  })

  test('a non-JSON error page still gives the status and the call', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 502, raw: '<html>Bad Gateway</html>' })
    await expect(client.preparePayment({ merchantUid: 'o1', amount: 100 })).rejects.toMatchObject({
      status: 502,
      code: null,
      message: expect.stringMatching(/preparePayment \(POST \/payments\/prepare\) with HTTP 502/),
    })
  })

  test('the fetch option is what makes the requests', async () => {
    const { portone } = await withDouble()
    const seen: string[] = []
    const client = createPortOneClient({
      impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, baseUrl: portone.url,
      fetch: (input, init) => (seen.push(`${init?.method} ${String(input).slice(portone.url.length)}`), fetch(input, init)),
    })
    expect(await client.getPayment('imp_1')).toBeNull()
    expect(seen).toEqual(['POST /users/getToken', 'GET /payments/imp_1'])
  })

  test('a timeout is a PortOneError naming the call, raised within the timeout', async () => {
    const { portone, client } = await withDouble({}, { timeout: 300 })
    const payment = paid(portone, 'order_1', 1000)
    await client.getBillingKey('warm-up') // the token, outside the measured call
    portone.failNext({ delayMs: 2000 })
    const started = performance.now()
    const error = await client.getPayment(payment.imp_uid).catch((e: unknown) => e)
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(PortOneError)
    expect(error).toMatchObject({ status: null, code: null, timedOut: true, message: expect.stringMatching(/^getPayment \(GET \/payments\/imp_\w+\) timed out.*300 ms/) })
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(1500)
    expect(portone.apiRequests()).toHaveLength(2) // warm-up and the one timed-out GET: a timeout is not retried
  })

  test('a dropped connection is a PortOneError that keeps the network error as cause; a POST is not retried', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 1000)
    portone.failNext({ drop: true, path: '/payments/cancel' })
    const error = await client.cancelPayment({ impUid: payment.imp_uid, reason: '고객 요청', requester: 'customer' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'PortOneError', status: null, timedOut: false, message: expect.stringMatching(/^cancelPayment .*could not be reached/) })
    expect((error as PortOneError).cause).toBeInstanceOf(Error)
    expect(portone.apiRequests().filter((r) => r.path === '/payments/cancel')).toHaveLength(1)
    expect(portone.state.payments.get(payment.imp_uid)?.status).toBe('paid')
  })

  test('a charge that timed out is looked up by its merchant_uid, not charged again', async () => {
    const { portone, client } = await withDouble({}, { timeout: 200 })
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    // PortOne charged, but the answer never came back in time.
    portone.failNext({ delayMs: 1000, path: '/subscribe/payments/again' })
    await expect(client.chargeBillingKey(charge)).rejects.toMatchObject({ timedOut: true })
    expect(portone.apiRequests().filter((r) => r.path === '/subscribe/payments/again')).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await client.findPayment('sub_1')).toMatchObject({ status: 'paid', amount: 9900 })
  })

  test.each([
    ['a 5xx', { status: 503, message: '서버 점검 중입니다.' }],
    ['a dropped connection', { drop: true }],
  ])('a GET is retried once after %s', async (_, fault) => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 1000)
    portone.failNext(fault)
    expect(await client.getPayment(payment.imp_uid)).toMatchObject({ imp_uid: payment.imp_uid })
    expect(portone.apiRequests()).toHaveLength(2)
  })

  test('a GET that fails twice is an error after exactly two requests, with the second message', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 500, message: '첫 번째' })
    portone.failNext({ status: 502, message: '두 번째' })
    await expect(client.getBillingKey('cu_1')).rejects.toMatchObject({ status: 502, message: '두 번째' })
    expect(portone.apiRequests()).toHaveLength(2)
  })

  test.each([
    ['preparePayment', (c: PortOneClient) => c.preparePayment({ merchantUid: 'o1', amount: 1000 })],
    ['cancelPayment', (c: PortOneClient) => c.cancelPayment(cancel)],
    ['chargeBillingKey', (c: PortOneClient) => c.chargeBillingKey(charge)],
    ['deleteBillingKey', (c: PortOneClient) => c.deleteBillingKey('cu_1', { reason: '해지', requester: 'admin' })],
  ])('%s is never retried after a 5xx', async (_, call) => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 500, message: '일시적인 오류' })
    await expect(call(client)).rejects.toMatchObject({ status: 500, message: '일시적인 오류' })
    expect(portone.apiRequests()).toHaveLength(1)
  })
})

describe('the access token', () => {
  test('concurrent calls share one token request, and later calls reuse the token', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 1000)
    const results = await Promise.all(Array.from({ length: 12 }, () => client.getPayment(payment.imp_uid)))
    expect(results.every((p) => p?.imp_uid === payment.imp_uid)).toBe(true)
    await client.findPayment('order_1')
    expect(portone.tokenRequests()).toBe(1)
    expect(new Set(portone.apiRequests().map((r) => r.headers.authorization)).size).toBe(1)
  })

  test('a failed token request is not cached: the next call asks again', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 500, path: '/users/getToken' })
    await expect(client.getBillingKey('cu_1')).rejects.toMatchObject({ status: 500 })
    expect(await client.getBillingKey('cu_1')).toBeNull()
    expect(portone.tokenRequests()).toBe(2)
  })

  test('a 401 renews the token once and retries the call once (a POST too: PortOne did nothing)', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 1000)
    await client.getPayment(payment.imp_uid)
    portone.state.revokeToken() // as after a PortOne restart
    expect(await client.cancelPayment({ impUid: payment.imp_uid, reason: '고객 요청', requester: 'customer' })).toMatchObject({ status: 'cancelled' })
    expect(portone.requests.map((r) => r.path)).toEqual(['/users/getToken', `/payments/${payment.imp_uid}`, '/payments/cancel', '/users/getToken', '/payments/cancel'])
    expect(portone.state.payments.get(payment.imp_uid)?.cancel_history).toHaveLength(1)
  })

  test('a second 401 is an error: one renewal, one retry, no loop', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ status: 401, message: 'Unauthorized' })
    portone.failNext({ status: 401, message: 'Unauthorized again' })
    await expect(client.getBillingKey('cu_1')).rejects.toMatchObject({ status: 401, message: 'Unauthorized again' })
    expect(portone.tokenRequests()).toBe(2)
    expect(portone.apiRequests()).toHaveLength(2)
  })

  test.each([
    ['three hours ahead', 3 * 3600_000],
    ['three hours behind', -3 * 3600_000],
    ['ten minutes behind', -10 * 60_000],
  ])("a server clock %s: one token, renewed shortly before PortOne's expiry, never a 401", async (_, skew) => {
    let portoneTime = NOW
    const { portone, client } = await withDouble({ now: () => portoneTime }, { now: () => portoneTime + skew })
    const calls = async (n: number) => {
      for (let i = 0; i < n; i++) await client.getBillingKey('cu_1')
    }
    await calls(3)
    expect(portone.tokenRequests()).toBe(1)
    portoneTime += 20 * 60_000
    await calls(2)
    expect(portone.tokenRequests()).toBe(1)
    // 29.5 minutes after issue: inside the last minute, PortOne extends the same token by 5 minutes.
    portoneTime += 9.5 * 60_000
    await calls(2)
    expect(portone.tokenRequests()).toBe(2)
    portoneTime += 4 * 60_000 // 33.5 minutes: alive only thanks to the extension
    await calls(2)
    expect(portone.tokenRequests()).toBe(2)
    expect(portone.apiRequests()).toHaveLength(9) // every call answered the first time: no 401, no retry
  })
})
