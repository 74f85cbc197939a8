// A page where another script planted values on Object.prototype (the common deep-merge bug), by assignment or
// hidden by defineProperty: nothing the widget reads from an object it did not build may come from there.
import { afterEach, describe, expect, test } from 'vitest'
import { buildRequestPayParams, interpretVerification } from '../../src/core'
import { readFinalOutcome, readPendingOrder } from '../../src/core/landing'
import { item, NOW } from '../corpus/bad-input'

const planted: string[] = []
/** Plants `key` on Object.prototype, as an enumerable assignment or a hidden (non-enumerable) property. */
function plant(key: string, value: unknown, hidden = false): void {
  if (hidden) Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: false })
  else (Object.prototype as Record<string, unknown>)[key] = value
  planted.push(key)
}
afterEach(() => {
  for (const key of planted.splice(0)) delete (Object.prototype as Record<string, unknown>)[key]
})

const CART = { items: [item()] }
const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'

describe.each([false, true])('planted on Object.prototype (hidden: %s)', (hidden) => {
  test("the merchant server's answer: a planted status 'paid' never makes 'order not found' a payment", () => {
    plant('status', 'paid', hidden)
    expect(interpretVerification(JSON.parse('{"code":-1,"message":"order not found"}'), 200)).toMatchObject({ kind: 'error' })
    expect(interpretVerification({}, 200)).toMatchObject({ kind: 'error' })
    // The server's own words still count.
    expect(interpretVerification(JSON.parse('{"status":"paid"}'), 200)).toEqual({ kind: 'paid' })
  })

  test('a planted failure message is not the server\'s message', () => {
    plant('message', '가짜 메시지', hidden)
    expect(interpretVerification({ status: 'failed' }, 200)).toEqual({ kind: 'rejected', message: '' })
  })

  test('the pending order from sessionStorage: a planted customerUid does not turn a payment into a registration', () => {
    plant('customerUid', 'attacker', hidden)
    const order = readPendingOrder(JSON.stringify({ merchantUid: 'm_1', name: '한국사', amount: 15000, items: [], time: NOW }), 'm_1')
    expect(order).toBeDefined()
    expect(order?.customerUid).toBeUndefined()
  })

  test('a stored outcome: planted fields do not complete a partial record', () => {
    plant('verification', 'paid', hidden)
    plant('status', 'success', hidden)
    expect(readFinalOutcome(JSON.stringify({ impUid: 'imp_1', merchantUid: 'm_1', customerUid: null, errorCode: null, errorMsg: null }), { merchantUid: 'm_1' })).toBeUndefined()
  })

  test('env: a planted pageUrl does not resolve a relative redirectUrl against another origin', () => {
    plant('pageUrl', 'https://evil.example/', hidden)
    const env = { now: NOW, device: { userAgent: DESKTOP_UA, maxTouchPoints: 0 } }
    const built = buildRequestPayParams(CART, { redirectUrl: '/pay/landing' }, env)
    // Without a page URL a relative address cannot be resolved: an input error, never evil.example.
    expect(built.ok).toBe(false)
    expect(JSON.stringify(built)).not.toContain('evil.example')
    const own = buildRequestPayParams(CART, { redirectUrl: '/pay/landing' }, { ...env, pageUrl: 'https://shop.example.com/cart' })
    expect(own.ok && own.params.m_redirect_url).toBe('https://shop.example.com/pay/landing')
  })

  test('env: a planted device (or mobile flag) does not flip the payment path', () => {
    plant('device', { userAgent: 'iPhone', mobile: true }, hidden)
    plant('mobile', true, hidden)
    const fromEnv = buildRequestPayParams(CART, {}, { now: NOW })
    expect(fromEnv.ok && fromEnv.params.naverPopupMode).toBe(true)
    const fromDevice = buildRequestPayParams(CART, {}, { now: NOW, device: { userAgent: DESKTOP_UA } })
    expect(fromDevice.ok && fromDevice.params.naverPopupMode).toBe(true)
  })

  test('options: a planted redirectUrl, channelKey or timeout is not the merchant\'s', () => {
    plant('redirectUrl', 'https://evil.example/landing', hidden)
    plant('channelKey', 'evil', hidden)
    plant('verifyTimeout', 0, hidden)
    const built = buildRequestPayParams(JSON.parse(JSON.stringify(CART)), {}, { now: NOW, device: { userAgent: DESKTOP_UA } })
    expect(built.ok).toBe(true)
    if (built.ok) {
      expect(Object.hasOwn(built.params, 'm_redirect_url')).toBe(false)
      expect(Object.hasOwn(built.params, 'channelKey')).toBe(false)
      expect(built.params.pg).toBe('naverpay')
    }
  })
})

describe('buildRequestPayParams never throws, and describes what it was given safely', () => {
  const nullProto = Object.create(null) as object
  const badString = { toString: () => { throw new Error('no toString') } }
  test.each([
    ['a getter throwing a null-prototype object', { get items() { throw nullProto } }],
    ['a getter throwing an object whose toString throws', { get items() { throw badString } }],
    ['a getter throwing a Symbol', { get items() { throw Symbol('x') } }],
  ])('%s', (_label, cart) => {
    const built = buildRequestPayParams(cart, {}, { now: NOW })
    expect(built.ok).toBe(false)
    if (!built.ok) {
      expect(built.errors[0]).toMatchObject({ field: 'input', code: 'type' })
      expect(typeof built.errors[0].message).toBe('string')
    }
  })

  test('a merchantUid() throwing a null-prototype object is an error naming merchantUid', () => {
    const built = buildRequestPayParams(CART, { merchantUid: () => { throw nullProto } }, { now: NOW })
    expect(!built.ok && built.errors[0].field).toBe('merchantUid')
  })

  test('a null-prototype cart and options are read like plain ones', () => {
    const cart = Object.assign(Object.create(null), { items: [Object.assign(Object.create(null), item())] })
    const options = Object.assign(Object.create(null), { locale: 'en' })
    expect(buildRequestPayParams(cart, options, { now: NOW }).ok).toBe(true)
  })
})

describe('input errors carry two sentences: the developer\'s (field, detail) and the shopper\'s', () => {
  test.each([
    ['ko', { items: [] }, {}, 'cart.items', '장바구니에 담긴 상품이 없습니다.'],
    ['en', { items: [] }, { locale: 'en' }, 'cart.items', 'Your cart is empty.'],
    ['ko', CART, { recurring: { customerUid: 'c', productCode: 'P' } }, 'buyer.tel', '주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.'],
    ['en', CART, { verifyTimeout: '15s', locale: 'en' }, 'verifyTimeout', 'This order has a problem and cannot be paid. Please contact the shop.'],
  ])('%s: %j %j', (_locale, cart, options, field, shopper) => {
    const built = buildRequestPayParams(cart, options, { now: NOW })
    expect(built.ok).toBe(false)
    if (built.ok) return
    const error = built.errors.find((e) => e.field === field)
    expect(error?.message.startsWith(field)).toBe(true)
    expect(error?.shopperMessage).toBe(shopper)
    expect(error?.shopperMessage).not.toContain(field)
  })
})
