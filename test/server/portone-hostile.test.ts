// @vitest-environment node
// createPortOneClient under odd and hostile input and answers, against the PortOne double over real HTTP.
import { describe, expect, test } from 'vitest'
import { createPortOneClient, PortOneError } from '../../src/server'
import { startPortOneDouble, TEST_IMP_KEY, TEST_IMP_SECRET } from '../portone/double'
import { paid, withDouble } from './setup'

describe('ids in the path', () => {
  // WHATWG URLs (fetch) resolve "." and ".." segments, encoded or not: /payments/.. is sent as GET /, and
  // /subscribe/customers/. as DELETE /subscribe/customers/ — another endpoint, whose 404 would read as "none".
  test.each(['.', '..'])('an id of %j is refused before any request', async (id) => {
    const { portone, client } = await withDouble()
    const calls: [string, () => Promise<unknown>, RegExp][] = [
      ['getPayment', () => client.getPayment(id), /getPayment: impUid/],
      ['findPayment', () => client.findPayment(id, { status: 'paid' }), /findPayment: merchantUid/],
      ['getBillingKey', () => client.getBillingKey(id), /getBillingKey: customerUid/],
      ['deleteBillingKey', () => client.deleteBillingKey(id, { reason: '해지', requester: 'admin' }), /deleteBillingKey: customerUid/],
      ['confirmNaverPayment', () => client.confirmNaverPayment(id, { requester: 'admin' }), /confirmNaverPayment: impUid/],
    ]
    for (const [name, call, message] of calls) {
      const error = await call().then(() => undefined, (e: unknown) => e)
      expect(error, name).toBeInstanceOf(TypeError)
      expect((error as TypeError).message, name).toMatch(message)
    }
    expect(portone.requests).toEqual([])
  })

  test.each(['a/b', 'a?b=1', 'a#b', '...', '%2e%2e', '주문 1', '선물 🎁', '..a', 'a/../b'])('an id %j travels as one path segment', async (id) => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, id, 1000)
    expect(await client.findPayment(id)).toMatchObject({ imp_uid: payment.imp_uid, merchant_uid: id })
    expect(portone.apiRequests().map((r) => [r.path, r.rawQuery])).toEqual([[`/payments/find/${id}`, '']])
  })

  test('a lone surrogate (not valid Unicode, cannot be percent-encoded) is a TypeError naming the field', async () => {
    const { portone, client } = await withDouble()
    await expect(client.getPayment('imp_\uD800')).rejects.toThrow(/getPayment: impUid/)
    await expect(client.deleteBillingKey('cu_1', { reason: '해지\uDC00', requester: 'admin' })).rejects.toThrow(/deleteBillingKey: reason/)
    await expect(client.cancelPayment({ impUid: 'imp_1', reason: '환불\uD83D', requester: 'admin' })).rejects.toThrow(TypeError)
    expect(portone.requests).toEqual([])
  })
})

describe('answers that are not what PortOne documents', () => {
  test.each([
    ['cancelPayment', 'response null', null],
    ['cancelPayment', 'response a string', 'ok'],
    ['chargeBillingKey', 'response null', null],
    ['preparePayment', 'response missing', undefined],
    ['getPayment', 'response null', null],
    ['getBillingKey', 'response an array', []],
    ['schedulePayments', 'response an object, not a list', {}],
  ])('%s answered HTTP 200, code 0, %s: a PortOneError, not a bogus result', async (name, _, response) => {
    const { portone, client } = await withDouble()
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    await client.getBillingKey('cu_1') // the token, first
    portone.failNext({ raw: JSON.stringify({ code: 0, message: null, response }) })
    const calls: Record<string, () => Promise<unknown>> = {
      cancelPayment: () => client.cancelPayment({ impUid: 'imp_1', reason: '고객 요청', requester: 'customer' }),
      chargeBillingKey: () => client.chargeBillingKey({ customerUid: 'cu_1', merchantUid: 'o1', amount: 1000, name: '구독' }),
      preparePayment: () => client.preparePayment({ merchantUid: 'o1', amount: 1000 }),
      getPayment: () => client.getPayment('imp_1'),
      getBillingKey: () => client.getBillingKey('cu_1'),
      schedulePayments: () =>
        client.schedulePayments({ customerUid: 'cu_1', schedules: [{ merchantUid: 's1', scheduleAt: new Date(Date.now() + 86_400_000), amount: 1000, name: '구독' }] }),
    }
    const error = await calls[name]().then((v: unknown) => ({ resolved: v }), (e: unknown) => e)
    expect(error).toBeInstanceOf(PortOneError)
    expect(error).toMatchObject({ status: 200, call: expect.stringMatching(new RegExp(`^${name} `)) })
  })

  test('a token answer without its fields is a PortOneError on getToken, and nothing else is sent', async () => {
    const { portone, client } = await withDouble()
    portone.failNext({ path: '/users/getToken', raw: JSON.stringify({ code: 0, message: null, response: { access_token: 'x', now: 1 } }) })
    await expect(client.getPayment('imp_1')).rejects.toMatchObject({ name: 'PortOneError', call: 'getToken (POST /users/getToken)' })
    expect(portone.apiRequests()).toEqual([])
  })
})

describe('keys planted on Object.prototype (prototype pollution elsewhere in the process)', () => {
  const proto = Object.prototype as Record<string, unknown>

  test('a planted baseUrl does not receive the API secret', async () => {
    const thief = await startPortOneDouble()
    const seen: string[] = []
    proto.baseUrl = thief.url
    try {
      const client = createPortOneClient({
        impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET,
        fetch: (input) => (seen.push(String(input)), Promise.reject(new Error('offline'))),
      })
      await expect(client.getPayment('imp_1')).rejects.toBeInstanceOf(PortOneError)
    } finally {
      delete proto.baseUrl
      await thief.close()
    }
    expect(thief.requests).toEqual([])
    expect(seen).toEqual(['https://api.iamport.kr/users/getToken'])
  })

  test('a planted code does not turn a proxy page into PortOne\'s "not found" or "success"', async () => {
    const { portone, client } = await withDouble()
    await client.getBillingKey('warm-up')
    portone.failNext({ status: 404, raw: '<h1>Not Found</h1>' })
    portone.failNext({ status: 200, raw: '<html>ok</html>' })
    proto.code = 0
    let lookup: unknown
    let prepare: unknown
    try {
      lookup = await client.getPayment('imp_1').catch((e: unknown) => e)
      prepare = await client.preparePayment({ merchantUid: 'o1', amount: 1000 }).catch((e: unknown) => e)
    } finally {
      delete proto.code
    }
    expect(lookup).toMatchObject({ name: 'PortOneError', status: 404, code: null })
    expect(prepare).toMatchObject({ name: 'PortOneError', status: 200, code: null })
  })
})

test('findPayment with options null looks in every status (it threw reading null.status)', async () => {
  const { portone, client } = await withDouble()
  const payment = paid(portone, 'order_1', 1000)
  expect(await client.findPayment('order_1', null as never)).toMatchObject({ imp_uid: payment.imp_uid })
  expect(portone.apiRequests().map((r) => r.path)).toEqual(['/payments/find/order_1'])
})

describe('the token under concurrency, and slow answers', () => {
  test('concurrent calls that all meet a 401 share one renewal', async () => {
    const { portone, client } = await withDouble()
    const payment = paid(portone, 'order_1', 1000)
    await client.getPayment(payment.imp_uid)
    portone.state.revokeToken()
    const results = await Promise.all(Array.from({ length: 8 }, () => client.getPayment(payment.imp_uid)))
    expect(results.every((p) => p?.imp_uid === payment.imp_uid)).toBe(true)
    expect(portone.tokenRequests()).toBe(2)
    expect(portone.apiRequests()).toHaveLength(1 + 8 + 8) // each call: one 401, one retry
  })

  test('the timeout also covers a body that trickles in too slowly', async () => {
    const { portone, client } = await withDouble({}, { timeout: 300 })
    await client.getBillingKey('warm-up')
    portone.failNext({ slowBodyMs: 2000 })
    const started = performance.now()
    const error = await client.getBillingKey('cu_1').catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'PortOneError', timedOut: true, status: null })
    expect(performance.now() - started).toBeLessThan(1500)
  })

  test('the timeout holds even when a fetch option drops the abort signal (a logging wrapper, an old polyfill)', async () => {
    const { portone } = await withDouble()
    const client = createPortOneClient({
      impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, baseUrl: portone.url, timeout: 300,
      fetch: (input, init) => fetch(input, { method: init?.method, headers: init?.headers, body: init?.body }),
    })
    await client.getBillingKey('warm-up')
    portone.failNext({ delayMs: 2000 })
    const started = performance.now()
    const error = await client.getBillingKey('cu_1').catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'PortOneError', timedOut: true, status: null, message: expect.stringMatching(/getBillingKey .*timed out/) })
    expect(performance.now() - started).toBeLessThan(1500)
  })
})

describe('client options', () => {
  const keys = { impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET }
  test.each([
    ['includeSandbox from an environment variable ("false" is truthy)', { includeSandbox: 'false' }, /includeSandbox .*true or false/],
    ['a baseUrl without its scheme', { baseUrl: 'api.iamport.kr' }, /baseUrl .*https:\/\//],
    ['a plain-HTTP baseUrl that is not this machine (the secret would travel in clear)', { baseUrl: 'http://api.iamport.kr' }, /baseUrl .*https:\/\//],
    ['a fetch that is not a function', { fetch: 'fetch' }, /fetch .*a function/],
  ])('%s is refused when the client is made', (_, extra, message) => {
    expect(() => createPortOneClient({ ...keys, ...(extra as object) })).toThrow(TypeError)
    expect(() => createPortOneClient({ ...keys, ...(extra as object) })).toThrow(message)
  })

  test.each(['https://api.iamport.kr', 'https://proxy.example.com/portone/', 'http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])(
    'baseUrl %s is accepted',
    (baseUrl) => {
      expect(() => createPortOneClient({ ...keys, baseUrl })).not.toThrow()
    },
  )
})

describe('numbers and dates at their edges', () => {
  // 2028-02-28 20:00 UTC is 2028-02-29 05:00 in Korea: a leap day, and UTC is still the day before.
  const NOW = Date.UTC(2028, 1, 28, 20, 0)
  const charge = { customerUid: 'cu_1', merchantUid: 'o1', amount: 1000, name: '구독' }
  const at = new Date(Date.UTC(2028, 1, 29, 14, 59)) // 23:59 on 29 February in Korea
  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ['amount 1e21', { amount: 1e21 }, /amount/],
    ['amount Infinity', { amount: Infinity }, /amount must be a positive/],
    ['amount -0', { amount: -0 }, /amount must be a positive/],
    ['amount MAX_SAFE_INTEGER + 2', { amount: Number.MAX_SAFE_INTEGER + 2 }, /amount/],
    ['naverUseCfm 20260231', { naverUseCfm: '20260231' }, /naverUseCfm must be a real date/],
    ['naverUseCfm 20270229 (not a leap year)', { naverUseCfm: '20270229' }, /naverUseCfm must be a real date/],
    ['naverUseCfm 20280228, yesterday in Korea though today in UTC', { naverUseCfm: '20280228' }, /naverUseCfm .*20280229/],
  ]
  test.each(refusals)('a charge with %s is refused', async (_, extra, message) => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    await expect(client.chargeBillingKey({ ...charge, ...extra } as never)).rejects.toThrow(message)
    expect(portone.requests).toEqual([])
  })

  test('a leap day in Korea is today: naverUseCfm 20280229 goes, for a charge and a schedule on that day', async () => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    portone.state.registerBillingKey({ customerUid: 'cu_1' })
    await client.chargeBillingKey({ ...charge, naverUseCfm: '20280229' })
    await client.schedulePayments({ customerUid: 'cu_1', schedules: [{ merchantUid: 's1', scheduleAt: at, amount: 1000, name: '구독', naverUseCfm: '20280229' }] })
    expect(portone.apiRequests().map((r) => r.body.extra ?? (r.body.schedules as { extra: unknown }[])[0].extra)).toEqual([{ naverUseCfm: '20280229' }, { naverUseCfm: '20280229' }])
  })

  test('two schedules under one merchantUid are refused, naming the second (PortOne keeps one schedule per order number)', async () => {
    const { portone, client } = await withDouble({}, { now: () => NOW })
    const schedule = { merchantUid: 's1', scheduleAt: at, amount: 1000, name: '구독' }
    await expect(client.schedulePayments({ customerUid: 'cu_1', schedules: [schedule, { ...schedule }] })).rejects.toThrow(/schedules\[1\]\.merchantUid .*s1/)
    expect(portone.requests).toEqual([])
  })
})

test('a "__proto__" key in an answer is data, not a prototype: it neither fakes code 0 nor pollutes Object.prototype', async () => {
  const { portone, client } = await withDouble()
  await client.getBillingKey('warm-up')
  portone.failNext({ raw: '{"__proto__":{"code":0,"response":{"merchant_uid":"o1","amount":1000}}}' })
  await expect(client.preparePayment({ merchantUid: 'o1', amount: 1000 })).rejects.toMatchObject({ name: 'PortOneError', status: 200, code: null })
  portone.failNext({ raw: '{"code":0,"message":null,"response":{"customer_uid":"cu_1","__proto__":{"polluted":true}}}' })
  const key = await client.getBillingKey('cu_1')
  expect(key).toMatchObject({ customer_uid: 'cu_1' })
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})
