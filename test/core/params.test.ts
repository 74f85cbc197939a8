import { describe, expect, test } from 'vitest'
import { buildRequestPayParams } from '../../src/core'
import type { BuildEnv, BuildResult, DeviceFacts, ErrorCode, RequestPayParams, ValidationError } from '../../src/core'
import { item } from '../corpus/bad-input'

// 2026-03-01 12:00 in Seoul: far from any day boundary unless a test says otherwise.
const NOW = Date.UTC(2026, 2, 1, 3, 0, 0)
const UA = {
  desktopChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  linuxChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  kakaoTalk:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.6.5',
  // An in-app browser whose user agent otherwise looks like a desktop (no Mobile/Android/iPhone token).
  kakaoTalkDesktopish: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) KAKAOTALK 10.6.5',
  naverApp: 'Mozilla/5.0 (Linux; Android 14; SM-S921N; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.0.0 Mobile Safari/537.36 NAVER(inapp; search; 2000; 12.5.2)',
}
const DESKTOP: DeviceFacts = { userAgent: UA.desktopChrome, maxTouchPoints: 0 }
const PAGE = 'https://shop.example.com/cart/view?step=2'
const ENV: BuildEnv = { now: NOW, device: DESKTOP, pageUrl: PAGE }

type Item = Record<string, unknown>
const cartOf = (...items: Item[]) => ({ items })

function build(cart: unknown, options: unknown = {}, env: BuildEnv = ENV): BuildResult {
  return buildRequestPayParams(cart, options, env)
}

function ok(cart: unknown, options: unknown = {}, env: BuildEnv = ENV): { params: RequestPayParams; warnings: string[] } {
  const built = build(cart, options, env)
  if (!built.ok) throw new Error(`expected ok, got ${JSON.stringify(built.errors)}`)
  return built
}

function fail(cart: unknown, options: unknown = {}, env: BuildEnv = ENV): ValidationError[] {
  const built = build(cart, options, env)
  if (built.ok) throw new Error(`expected errors, got ${JSON.stringify(built.params)}`)
  expect(built.errors.length).toBeGreaterThan(0)
  return built.errors
}

function errorOn(errors: ValidationError[], field: string): ValidationError {
  const found = errors.find((e) => e.field === field)
  if (!found) throw new Error(`no error on ${field}; got ${JSON.stringify(errors)}`)
  return found
}

describe('order name and amount', () => {
  test.each([
    ['one item', cartOf(item()), '한국사', 15000],
    ['two items: name is the first one', cartOf(item({ name: '첫 상품', price: 1000, count: 2 }), item({ uid: '2', name: '둘째 상품', price: 500, count: 3 })), '첫 상품', 3500],
    ['shipping fee is added', { items: [item({ price: 1000, count: 3 })], shippingFee: 3000 }, '한국사', 6000],
    ['a free item next to a paid one', cartOf(item({ price: 0, count: 5 }), item({ uid: '2', price: 10, count: 1 })), '한국사', 10],
    ['shipping fee 0', { items: [item({ price: 990, count: 1 })], shippingFee: 0 }, '한국사', 990],
    ['large but safe total', cartOf(item({ price: 1_000_000_000, count: 1_000 })), '한국사', 1_000_000_000_000],
  ])('%s', (_label, cart, name, amount) => {
    const { params } = ok(cart)
    expect(params.name).toBe(name)
    expect(params.amount).toBe(amount)
    expect(typeof params.amount).toBe('number')
    expect(Number.isInteger(params.amount)).toBe(true)
  })
})

describe('naverProducts', () => {
  test('exactly the Naver fields, in order, without price', () => {
    const { params } = ok(cartOf(item(), item({ uid: 'B-2', name: '세계사', price: 2000, count: 1, categoryType: 'BOOK', categoryId: 'USED' })))
    expect(params.naverProducts).toStrictEqual([
      { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: '한국사', count: 10 },
      { categoryType: 'BOOK', categoryId: 'USED', uid: 'B-2', name: '세계사', count: 1 },
    ])
    for (const product of params.naverProducts) {
      expect(Object.keys(product)).toEqual(['categoryType', 'categoryId', 'uid', 'name', 'count'])
      expect(product).not.toHaveProperty('price')
    }
  })

  test.each([
    ['sellerId', { sellerId: 'seller01' }, { sellerId: 'seller01' }],
    ['payReferrer', { payReferrer: 'NAVER_BOOK' }, { payReferrer: 'NAVER_BOOK' }],
    ['startDate and endDate', { startDate: '20260310', endDate: '20260312' }, { startDate: '20260310', endDate: '20260312' }],
    ['all optional fields', { sellerId: 'S1', payReferrer: 'ETC', startDate: '20260310', endDate: '20260310' }, { sellerId: 'S1', payReferrer: 'ETC', startDate: '20260310', endDate: '20260310' }],
    ['undefined optional fields are left out', { sellerId: undefined, payReferrer: undefined, startDate: undefined, endDate: undefined }, {}],
    ['null optional fields are left out', { sellerId: null, payReferrer: null, startDate: null, endDate: null }, {}],
    ['empty optional fields are left out', { sellerId: '', payReferrer: '', startDate: '', endDate: '' }, {}],
    ['unknown cart fields are not forwarded', { price: 1500, description: '책', imageUrl: 'https://x/y.png' }, {}],
  ])('%s', (_label, extra, expectedExtra) => {
    const { params } = ok(cartOf(item(extra)))
    expect(params.naverProducts).toStrictEqual([{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: '한국사', count: 10, ...expectedExtra }])
    expect(Object.values(params.naverProducts[0]).every((v) => v !== undefined && v !== null)).toBe(true)
  })

  test('the parameters never hold undefined or null values', () => {
    const { params } = ok(cartOf(item()), { buyer: { name: undefined, email: null, tel: '' }, naver: {}, redirectUrl: undefined })
    expect(Object.keys(params).sort()).toEqual(['amount', 'merchant_uid', 'name', 'naverPopupMode', 'naverProducts', 'pg'])
    expect(Object.values(params).every((v) => v !== undefined && v !== null)).toBe(true)
  })
})

describe('merchant_uid', () => {
  test('a new one on every call, even at the same instant', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) seen.add(ok(cartOf(item())).params.merchant_uid)
    expect(seen.size).toBe(200)
  })

  test('a custom generator is used on every call', () => {
    let n = 0
    const options = { merchantUid: () => `order-${++n}` }
    expect(ok(cartOf(item()), options).params.merchant_uid).toBe('order-1')
    expect(ok(cartOf(item()), options).params.merchant_uid).toBe('order-2')
  })

  test('a generator that repeats an order number this page already sent is an error, naming the number', () => {
    const used = new Set(['order-1'])
    const error = errorOn(fail(cartOf(item()), { merchantUid: () => 'order-1', locale: 'en' }, { ...ENV, usedMerchantUids: used }), 'merchantUid()')
    expect(error).toMatchObject({ code: 'merchant_uid', message: 'merchantUid() must return a new order number (a string) each call (got "order-1" again)' })
    expect(ok(cartOf(item()), { merchantUid: () => 'order-2' }, { ...ENV, usedMerchantUids: used }).params.merchant_uid).toBe('order-2')
  })

  test.each([
    ['throws', () => { throw new Error('db down') }, 'merchantUid', 'merchant_uid' as ErrorCode],
    ['returns a number', () => 42, 'merchantUid()', 'type' as ErrorCode],
    ['returns an empty string', () => '', 'merchantUid()', 'required' as ErrorCode],
    ['returns undefined', () => undefined, 'merchantUid()', 'required' as ErrorCode],
    ['returns null', () => null, 'merchantUid()', 'required' as ErrorCode],
    ['is not a function', 'order-1', 'merchantUid', 'type' as ErrorCode],
  ])('a generator that %s is an error', (_label, merchantUid, field, code) => {
    const error = errorOn(fail(cartOf(item()), { merchantUid, locale: 'en' }), field)
    expect(error.code).toBe(code)
    expect(error.message).toContain(field)
  })
})

describe('pg and channelKey', () => {
  test.each([
    ['default pg', {}, { pg: 'naverpay' }],
    ['plain naverpay', { pg: 'naverpay' }, { pg: 'naverpay' }],
    ['naverpay.{partnerId}', { pg: 'naverpay.np_12345' }, { pg: 'naverpay.np_12345' }],
    ['channelKey instead of pg', { channelKey: 'channel-key-9f1e2d' }, { channelKey: 'channel-key-9f1e2d' }],
  ])('%s', (_label, options, expected) => {
    const { params } = ok(cartOf(item()), options)
    expect('pg' in expected ? params.pg : params.channelKey).toBe('pg' in expected ? expected.pg : expected.channelKey)
    // Never both.
    expect('pg' in params && 'channelKey' in params).toBe(false)
  })

  test('both pg and channelKey is an error', () => {
    const error = errorOn(fail(cartOf(item()), { pg: 'naverpay', channelKey: 'channel-key-1', locale: 'en' }), 'channelKey')
    expect(error.code).toBe('both_pg_and_channel')
    expect(error.message).toContain('channelKey')
  })

  test.each(['kcp', 'html5_inicis', 'naverpay.', 'naverpay.a b'])('pg %j is refused', (pg) => {
    const error = errorOn(fail(cartOf(item()), { pg, locale: 'en' }), 'pg')
    expect(error.code).toBe('format')
    expect(error.message).toContain('naverpay')
  })
})

describe('buyer and naver options', () => {
  test('buyer fields map to buyer_*', () => {
    const { params } = ok(cartOf(item()), {
      buyer: { name: '홍길동', email: 'hong@example.com', tel: '010-1234-5678', addr: '서울특별시 강남구 테헤란로 1', postcode: '06236' },
    })
    expect(params).toMatchObject({
      buyer_name: '홍길동',
      buyer_email: 'hong@example.com',
      buyer_tel: '010-1234-5678',
      buyer_addr: '서울특별시 강남구 테헤란로 1',
      buyer_postcode: '06236',
    })
  })

  test.each([
    ['useCfm', { useCfm: '20260305' }, { naverUseCfm: '20260305' }],
    ['purchaserName', { purchaserName: '홍길동' }, { naverPurchaserName: '홍길동' }],
    ['purchaserBirthday', { purchaserBirthday: '19900101' }, { naverPurchaserBirthday: '19900101' }],
    ['merchantUserKey', { merchantUserKey: 'u_8f3a' }, { naverMerchantUserKey: 'u_8f3a' }],
    ['cultureBenefit true', { cultureBenefit: true }, { naverCultureBenefit: true }],
    ['cultureBenefit false is still sent', { cultureBenefit: false }, { naverCultureBenefit: false }],
    ['chainId', { chainId: 'chain01' }, { naverChainId: 'chain01' }],
  ])('naver.%s', (_label, naver, expected) => {
    const { params, warnings } = ok(cartOf(item()), { naver })
    expect(params).toMatchObject(expected)
    expect(warnings.some((w) => w.includes('chainId'))).toBe('chainId' in naver)
  })

  test('naver.cultureBenefit must be a boolean', () => {
    const error = errorOn(fail(cartOf(item()), { naver: { cultureBenefit: 'yes' }, locale: 'en' }), 'naver.cultureBenefit')
    expect(error.code).toBe('type')
    expect(error.message).toContain('naver.cultureBenefit')
  })
})

describe('a page whose Object.prototype another script has polluted', () => {
  test('values planted there never reach the payment; plain objects are read for their own fields only', () => {
    const planted = { redirectUrl: 'https://evil.example/landing', sellerId: 'attacker01', channelKey: 'evil', shippingFee: 1 }
    Object.assign(Object.prototype, planted)
    try {
      const { params } = ok(JSON.parse(JSON.stringify(cartOf(item()))), JSON.parse('{"locale":"en"}'))
      // (The params object itself still inherits them, as every object on such a page does: own fields are what we set.)
      expect(Object.hasOwn(params, 'm_redirect_url')).toBe(false)
      expect(Object.hasOwn(params, 'channelKey')).toBe(false)
      expect(params.pg).toBe('naverpay')
      expect(params.amount).toBe((item().price as number) * (item().count as number)) // no planted shippingFee
      expect(Object.hasOwn(params.naverProducts[0], 'sellerId')).toBe(false)
      // The merchant's own values for those names still count, whether own or inherited from the merchant's objects.
      const defaults = { redirectUrl: 'https://shop.example.com/landing', channelKey: 'channel-key-1' }
      const mine = ok(cartOf(item({ sellerId: 'seller01' })), Object.create(defaults), { ...ENV, device: { userAgent: UA.iPhone, maxTouchPoints: 5 } }).params
      expect(mine).toMatchObject({ m_redirect_url: 'https://shop.example.com/landing', channelKey: 'channel-key-1', amount: 15000 })
      expect(mine.naverProducts[0].sellerId).toBe('seller01')
    } finally {
      for (const key of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[key]
    }
  })
})

describe('impCode', () => {
  test.each([[42], ['imp\u0000']])('%j is refused, naming impCode', (impCode) => {
    expect(errorOn(fail(cartOf(item()), { impCode, locale: 'en' }), 'impCode').message).toMatch(/^impCode /)
  })

  test.each([[undefined], ['']])('%j is accepted as unset (the page may call IMP.init itself), not an input error', (impCode) => {
    expect(ok(cartOf(item()), { impCode }).params.amount).toBe(15000)
  })
})

describe('recurring (billing-key registration)', () => {
  const tel = { buyer: { tel: '010-1234-5678' } }

  test('maps to customer_uid and the Naver product fields', () => {
    const { params, warnings } = ok(cartOf(item({ price: 9900, count: 1 })), {
      ...tel,
      recurring: { customerUid: 'cust_1', productCode: 'PLAN_A', productCount: 2 },
    })
    expect(params).toMatchObject({ customer_uid: 'cust_1', naverProductCode: 'PLAN_A', naverProductCount: 2, buyer_tel: '010-1234-5678', amount: 9900 })
    expect(params).not.toHaveProperty('naverActionType')
    expect(warnings).toEqual([])
  })

  test.each(['NEW', 'CHANGE'] as const)('actionType %s is sent, with a warning', (actionType) => {
    const { params, warnings } = ok(cartOf(item()), { ...tel, recurring: { customerUid: 'c', productCode: 'P', actionType } })
    expect(params.naverActionType).toBe(actionType)
    expect(warnings.some((w) => w.includes('actionType'))).toBe(true)
  })

  test.each([
    ['missing customerUid', { productCode: 'P' }, tel, 'recurring.customerUid', 'required', 'is required'],
    ['missing productCode', { customerUid: 'c' }, tel, 'recurring.productCode', 'required', 'is required'],
    ['missing buyer.tel', { customerUid: 'c', productCode: 'P' }, {}, 'buyer.tel', 'required', 'is required'],
    ['productCount 0', { customerUid: 'c', productCode: 'P', productCount: 0 }, tel, 'recurring.productCount', 'positive', 'positive whole number'],
    ['productCount 1.5', { customerUid: 'c', productCode: 'P', productCount: 1.5 }, tel, 'recurring.productCount', 'positive', 'positive whole number'],
    ['actionType DELETE', { customerUid: 'c', productCode: 'P', actionType: 'DELETE' }, tel, 'recurring.actionType', 'enum', 'NEW, CHANGE'],
  ])('%s is an error', (_label, recurring, extra, field, code, phrase) => {
    const error = errorOn(fail(cartOf(item()), { ...extra, recurring, locale: 'en' }), field)
    expect(error.code).toBe(code)
    expect(error.message).toContain(field)
    expect(error.message).toContain(phrase)
  })
})

describe('validation errors name the field and what was expected', () => {
  const two = (second: Item) => cartOf(item(), item({ uid: '2', ...second }))
  test.each<[string, unknown, string, ErrorCode, string]>([
    ['numeric string price', two({ price: '1500' }), 'cart.items[1].price', 'whole_number', 'whole number of won'],
    ['numeric string count', two({ count: '2' }), 'cart.items[1].count', 'positive', 'positive whole number'],
    ['a fraction of a won', two({ price: 1500.5 }), 'cart.items[1].price', 'whole_number', 'whole number of won'],
    ['negative price', two({ price: -100 }), 'cart.items[1].price', 'whole_number', 'whole number of won'],
    ['zero count', two({ count: 0 }), 'cart.items[1].count', 'positive', 'positive whole number'],
    ['negative count', two({ count: -1 }), 'cart.items[1].count', 'positive', 'positive whole number'],
    ['fractional count', two({ count: 1.5 }), 'cart.items[1].count', 'positive', 'positive whole number'],
    ['NaN price', two({ price: Number.NaN }), 'cart.items[1].price', 'whole_number', 'whole number of won'],
    ['Infinity price', two({ price: Number.POSITIVE_INFINITY }), 'cart.items[1].price', 'whole_number', 'whole number of won'],
    ['NaN count', two({ count: Number.NaN }), 'cart.items[1].count', 'positive', 'positive whole number'],
    ['unsafe integer price', two({ price: 2 ** 53 }), 'cart.items[1].price', 'unsafe_number', 'too large'],
    ['unsafe integer count', two({ count: 2 ** 53 + 2 }), 'cart.items[1].count', 'unsafe_number', 'too large'],
    ['total beyond MAX_SAFE_INTEGER', cartOf(item({ price: 2 ** 52, count: 3 })), 'amount', 'unsafe_number', 'too large'],
    ['shipping fee pushes the total past MAX_SAFE_INTEGER', { items: [item({ price: Number.MAX_SAFE_INTEGER, count: 1 })], shippingFee: 1 }, 'amount', 'unsafe_number', 'too large'],
    ['fractional shipping fee', { items: [item()], shippingFee: 2500.5 }, 'cart.shippingFee', 'whole_number', 'whole number of won'],
    ['string shipping fee', { items: [item()], shippingFee: '3000' }, 'cart.shippingFee', 'whole_number', 'whole number of won'],
    ['empty cart', cartOf(), 'cart.items', 'empty_cart', 'at least one item'],
    ['items not an array', { items: { 0: item() } }, 'cart.items', 'type', 'array'],
    ['items missing', {}, 'cart.items', 'type', 'array'],
    ['no cart', undefined, 'cart', 'required', 'is required'],
    ['cart is an array', [item()], 'cart', 'type', 'object'],
    ['item is not an object', cartOf(item(), 'book' as unknown as Item), 'cart.items[1]', 'type', 'object'],
    ['missing price', two({ price: undefined }), 'cart.items[1].price', 'required', 'is required'],
    ['missing uid', two({ uid: undefined }), 'cart.items[1].uid', 'required', 'is required'],
    ['missing name', two({ name: '' }), 'cart.items[1].name', 'required', 'is required'],
    ['blank name', two({ name: '   ' }), 'cart.items[1].name', 'required', 'is required'],
    ['missing categoryType', two({ categoryType: undefined }), 'cart.items[1].categoryType', 'required', 'is required'],
    ['missing categoryId', two({ categoryId: undefined }), 'cart.items[1].categoryId', 'required', 'is required'],
    ['lowercase categoryType', two({ categoryType: 'book' }), 'cart.items[1].categoryType', 'format', 'uppercase'],
    ['lowercase categoryId', two({ categoryId: 'general' }), 'cart.items[1].categoryId', 'format', 'uppercase'],
    ['lowercase payReferrer', two({ payReferrer: 'naver_book' }), 'cart.items[1].payReferrer', 'format', 'NAVER_BOOK'],
    ['sellerId with a hyphen', two({ sellerId: 'seller-01' }), 'cart.items[1].sellerId', 'format', 'letters and digits only'],
    ['sellerId with a space', two({ sellerId: 'seller 01' }), 'cart.items[1].sellerId', 'format', 'letters and digits only'],
    ['sellerId in Hangul', two({ sellerId: '판매자' }), 'cart.items[1].sellerId', 'format', 'letters and digits only'],
    ['impossible startDate', two({ startDate: '20230230' }), 'cart.items[1].startDate', 'invalid_date', 'real date in yyyyMMdd'],
    ['dashed startDate', two({ startDate: '2026-03-10' }), 'cart.items[1].startDate', 'invalid_date', 'real date in yyyyMMdd'],
    ['endDate before startDate', two({ startDate: '20260310', endDate: '20260309' }), 'cart.items[1].endDate', 'date_order', '20260310'],
    ['bell character in a name', two({ name: '한국사\u0007' }), 'cart.items[1].name', 'control_chars', 'control characters'],
    ['newline in a name', two({ name: '한국사\n세계사' }), 'cart.items[1].name', 'control_chars', 'control characters'],
    ['DEL in a name', two({ name: 'abc\u007f' }), 'cart.items[1].name', 'control_chars', 'control characters'],
    ['a megabyte of name', two({ name: 'x'.repeat(1_000_000) }), 'cart.items[1].name', 'too_long', 'too long'],
    ['number uid', two({ uid: 2 }), 'cart.items[1].uid', 'type', 'wrong type'],
  ])('%s', (_label, cart, field, code, phrase) => {
    const errors = fail(cart, { locale: 'en' })
    const error = errorOn(errors, field)
    expect(error.code).toBe(code)
    expect(error.message).toContain(field)
    expect(error.message).toContain(phrase)
  })

  test('under the Korean locale the developer reads the same English message naming the field; the shopper reads Korean', () => {
    const error = errorOn(fail(cartOf(item(), item({ count: 0 }))), 'cart.items[1].count')
    expect(error.message).toBe('cart.items[1].count must be a positive whole number (got 0)')
    expect(error.shopperMessage).toBe('주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.')
  })

  test('every bad field is reported, not just the first', () => {
    const errors = fail(cartOf(item({ price: '1', count: 0 }), item({ categoryType: 'book' })), { locale: 'en' })
    expect(errors.map((e) => e.field)).toEqual(['cart.items[0].price', 'cart.items[0].count', 'cart.items[1].categoryType'])
  })

  test.each([
    ['a getter that throws', Object.defineProperty({}, 'items', { get: () => { throw new Error('boom') } })],
    ['a Proxy that throws', new Proxy({}, { get: () => { throw new Error('trap') }, has: () => true })],
  ])('never throws, even for %s', (_label, cart) => {
    expect(() => build(cart)).not.toThrow()
    expect(build(cart).ok).toBe(false)
  })

  test.each([
    ['options is a number', 42, 'options', 'type'],
    ['unknown mode', { mode: 'sideways' }, 'mode', 'enum'],
    ['unknown locale', { locale: 'ja' }, 'locale', 'enum'],
    ['minAmount 0', { minAmount: 0 }, 'minAmount', 'positive'],
    ['minAmount as a string', { minAmount: '100' }, 'minAmount', 'positive'],
    ['bad buyer email', { buyer: { email: 'hong at example' } }, 'buyer.email', 'format'],
    ['bad buyer tel', { buyer: { tel: 'call me' } }, 'buyer.tel', 'format'],
  ])('%s', (_label, options, field, code) => {
    const error = errorOn(fail(cartOf(item()), options), field)
    expect(error.code).toBe(code)
    expect(error.message).toContain(field)
  })
})

describe('dates are judged in Asia/Seoul', () => {
  // 14:59:59Z is 23:59:59 on 03-01 in Seoul; 15:00:00Z is already 00:00:00 on 03-02 there.
  const LAST_SECOND_OF_0301_KST = Date.parse('2026-03-01T14:59:59Z')
  const FIRST_SECOND_OF_0302_KST = Date.parse('2026-03-01T15:00:00Z')

  test.each([
    ['23:59:59 KST, useCfm = KST today', LAST_SECOND_OF_0301_KST, '20260301', null],
    ['23:59:59 KST, useCfm tomorrow', LAST_SECOND_OF_0301_KST, '20260302', null],
    ['23:59:59 KST, useCfm yesterday', LAST_SECOND_OF_0301_KST, '20260228', 'date_past'],
    ['00:00:00 KST next day, useCfm = KST today', FIRST_SECOND_OF_0302_KST, '20260302', null],
    ['00:00:00 KST next day, useCfm = UTC today (already past in Seoul)', FIRST_SECOND_OF_0302_KST, '20260301', 'date_past'],
    ['a Date object for now', new Date(FIRST_SECOND_OF_0302_KST), '20260301', 'date_past'],
    ['impossible date', LAST_SECOND_OF_0301_KST, '20230230', 'invalid_date'],
    ['Feb 29 of a leap year', Date.parse('2028-02-28T00:00:00Z'), '20280229', null],
    ['Feb 29 of a common year', LAST_SECOND_OF_0301_KST, '20270229', 'invalid_date'],
  ])('naver.useCfm: %s', (_label, now, useCfm, code) => {
    const built = build(cartOf(item()), { naver: { useCfm }, locale: 'en' }, { ...ENV, now })
    if (code === null) {
      expect(built.ok && built.params.naverUseCfm).toBe(useCfm)
    } else {
      expect(built.ok).toBe(false)
      const error = errorOn(built.ok ? [] : built.errors, 'naver.useCfm')
      expect(error.code).toBe(code)
      expect(error.message).toContain('naver.useCfm')
      if (code === 'date_past') expect(error.message).toContain('Korea time')
    }
  })

  test.each([
    ['23:59:59 KST, birthday tomorrow in Seoul', LAST_SECOND_OF_0301_KST, '20260302', 'date_future'],
    ['00:00:00 KST, birthday today in Seoul', FIRST_SECOND_OF_0302_KST, '20260302', null],
    ['long ago', LAST_SECOND_OF_0301_KST, '19700101', null],
    ['impossible birthday', LAST_SECOND_OF_0301_KST, '19900231', 'invalid_date'],
  ])('naver.purchaserBirthday: %s', (_label, now, purchaserBirthday, code) => {
    const built = build(cartOf(item()), { naver: { purchaserBirthday }, locale: 'en' }, { ...ENV, now })
    if (code === null) {
      expect(built.ok && built.params.naverPurchaserBirthday).toBe(purchaserBirthday)
    } else {
      const error = errorOn(built.ok ? [] : built.errors, 'naver.purchaserBirthday')
      expect(error.code).toBe(code)
      expect(error.message).toContain('naver.purchaserBirthday')
    }
  })
})

describe('minimum amount pre-flight', () => {
  test.each([
    ['9 won, default minimum', 9, {}, false],
    ['10 won, default minimum', 10, {}, true],
    ['0 won (free order)', 0, {}, false],
    ['99 won, minAmount 100', 99, { minAmount: 100 }, false],
    ['100 won, minAmount 100', 100, { minAmount: 100 }, true],
    ['10 won, minAmount 100', 10, { minAmount: 100 }, false],
  ])('%s', (_label, amount, options, accepted) => {
    const built = build(cartOf(item({ price: amount, count: 1 })), options)
    expect(built.ok).toBe(accepted)
    if (!built.ok) {
      expect(built.errors).toHaveLength(1)
      expect(built.errors[0]).toMatchObject({ field: 'amount', code: 'min_amount' })
    } else {
      expect(built.params.amount).toBe(amount)
    }
  })

  test('the shipping fee counts toward the minimum', () => {
    expect(ok({ items: [item({ price: 5, count: 1 })], shippingFee: 5 }).params.amount).toBe(10)
  })

  test('Korean message states the minimum in won', () => {
    const [error] = fail(cartOf(item({ price: 9, count: 1 })))
    expect(error.code).toBe('min_amount')
    expect(error.message).toContain('최소 결제 금액')
    expect(error.message).toContain('10원')
    expect(error.message).toContain('9원')
  })

  test('English message mentions 10', () => {
    const [error] = fail(cartOf(item({ price: 9, count: 1 })), { locale: 'en' })
    expect(error.code).toBe('min_amount')
    expect(error.message).toMatch(/minimum/i)
    expect(error.message).toMatch(/\b10\b/)
  })

  test('a custom minimum appears in the message, with thousands separators', () => {
    const [error] = fail(cartOf(item({ price: 999, count: 1 })), { minAmount: 1000 })
    expect(error.message).toContain('1,000원')
  })
})

describe('popup or redirect', () => {
  const REDIRECT = 'https://shop.example.com/pay/landing'
  test.each<[string, DeviceFacts | undefined, boolean]>([
    ['desktop Chrome', DESKTOP, true],
    ['desktop Safari on a Mac without touch', { userAgent: UA.macSafari, maxTouchPoints: 0 }, true],
    ['no device facts', undefined, true],
    ['iPhone', { userAgent: UA.iPhone, maxTouchPoints: 5 }, false],
    ['Android phone', { userAgent: UA.android, maxTouchPoints: 5 }, false],
    ['iPad (Macintosh UA with touch points)', { userAgent: UA.macSafari, maxTouchPoints: 5 }, false],
    ['Android tablet in Chrome\'s default desktop mode (X11 Linux UA with touch points)', { userAgent: UA.linuxChrome, maxTouchPoints: 10, mobile: false }, false],
    ['Linux desktop without touch', { userAgent: UA.linuxChrome, maxTouchPoints: 0 }, true],
    ['Linux laptop with a touch screen and a touchpad (a fine pointer)', { userAgent: UA.linuxChrome, maxTouchPoints: 10, finePointer: true }, true],
    ['Chromebook with a touch screen', { userAgent: UA.chromebook, maxTouchPoints: 10 }, true],
    ['KakaoTalk in-app browser', { userAgent: UA.kakaoTalk, maxTouchPoints: 5 }, false],
    ['KakaoTalk in-app with a desktop-looking UA', { userAgent: UA.kakaoTalkDesktopish, maxTouchPoints: 0 }, false],
    ['NAVER app in-app browser', { userAgent: UA.naverApp, maxTouchPoints: 5 }, false],
    ['userAgentData.mobile true with a desktop UA', { userAgent: UA.desktopChrome, maxTouchPoints: 0, mobile: true }, false],
  ])('auto mode, %s', (_label, device, popup) => {
    const env = { ...ENV, device }
    const { params } = ok(cartOf(item()), { redirectUrl: REDIRECT }, env)
    expect(params.naverPopupMode).toBe(popup)
    if (!popup) {
      expect(params.m_redirect_url).toBe(REDIRECT)
      const error = errorOn(fail(cartOf(item()), { locale: 'en' }, env), 'redirectUrl')
      expect(error.code).toBe('required')
      expect(error.message).toContain('redirectUrl')
    } else {
      expect(build(cartOf(item()), {}, env).ok).toBe(true)
    }
  })

  test.each<[string, 'popup' | 'redirect', DeviceFacts, boolean]>([
    ['popup forced on an iPhone', 'popup', { userAgent: UA.iPhone, maxTouchPoints: 5 }, true],
    ['redirect forced on a desktop', 'redirect', DESKTOP, false],
  ])('%s', (_label, mode, device, popup) => {
    const { params } = ok(cartOf(item()), { mode, redirectUrl: REDIRECT }, { ...ENV, device })
    expect(params.naverPopupMode).toBe(popup)
  })

  test('forced popup needs no redirectUrl', () => {
    expect(ok(cartOf(item()), { mode: 'popup' }, { ...ENV, device: { userAgent: UA.iPhone } }).params).not.toHaveProperty('m_redirect_url')
  })

  test('forced redirect without redirectUrl is an error on redirectUrl', () => {
    expect(errorOn(fail(cartOf(item()), { mode: 'redirect' }), 'redirectUrl').code).toBe('required')
  })

  test.each([
    ['relative path', '/pay/landing', 'https://shop.example.com/pay/landing'],
    ['relative to the page directory', 'landing', 'https://shop.example.com/cart/landing'],
    ['one query parameter is fine', '/pay/landing?order=1', 'https://shop.example.com/pay/landing?order=1'],
    ['absolute http', 'http://localhost:8080/landing', 'http://localhost:8080/landing'],
  ])('redirectUrl: %s', (_label, redirectUrl, expected) => {
    expect(ok(cartOf(item()), { mode: 'redirect', redirectUrl }).params.m_redirect_url).toBe(expected)
  })

  test.each<[string, string, ErrorCode]>([
    ['two query parameters', 'https://shop.example.com/landing?a=1&b=2', 'redirect_query'],
    ['two query parameters, relative', '/landing?a=1&b=2', 'redirect_query'],
    ['javascript: URL', 'javascript:alert(1)', 'redirect_url'],
    ['data: URL', 'data:text/html,hi', 'redirect_url'],
    ['ftp URL', 'ftp://shop.example.com/landing', 'redirect_url'],
    ['a #fragment', 'https://shop.example.com/landing#done', 'redirect_url'],
  ])('redirectUrl refused: %s', (_label, redirectUrl, code) => {
    const error = errorOn(fail(cartOf(item()), { mode: 'redirect', redirectUrl, locale: 'en' }), 'redirectUrl')
    expect(error.code).toBe(code)
    expect(error.message).toContain('redirectUrl')
  })

  test('an empty #fragment is refused too: PortOne would append its result after the #', () => {
    expect(errorOn(fail(cartOf(item()), { mode: 'redirect', redirectUrl: 'https://shop.example.com/landing#' }), 'redirectUrl').code).toBe('redirect_url')
  })

  test('a relative redirectUrl without a page URL is refused, not guessed', () => {
    const error = errorOn(fail(cartOf(item()), { mode: 'redirect', redirectUrl: '/landing' }, { now: NOW, device: DESKTOP }), 'redirectUrl')
    expect(error.code).toBe('redirect_url')
  })
})
