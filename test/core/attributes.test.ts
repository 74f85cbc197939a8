import { describe, expect, test } from 'vitest'
import { buildRequestPayParams, optionsFromAttributes, parseCartJson } from '../../src/core'

describe('optionsFromAttributes', () => {
  test('text, buyer, naver and recurring attributes', () => {
    const { options, errors } = optionsFromAttributes({
      impCode: 'imp00000000',
      channelKey: 'channel-key-1',
      redirectUrl: 'https://shop.example.com/pay/landing',
      verifyUrl: '/payments/complete',
      sdkUrl: 'https://cdn.example.com/iamport.js',
      mode: 'redirect',
      locale: 'en',
      buyerName: '홍길동',
      buyerTel: '010-1234-5678',
      buyerEmail: 'hong@example.com',
      naverUseCfm: '20260301',
      naverPurchaserBirthday: '19900101',
      naverCultureBenefit: 'true',
      recurringCustomerUid: 'cust_1',
      recurringProductCode: 'PLAN_A',
      recurringProductCount: '2',
      recurringActionType: 'NEW',
      minAmount: '100',
    })
    expect(errors).toEqual([])
    expect(options).toEqual({
      impCode: 'imp00000000',
      channelKey: 'channel-key-1',
      redirectUrl: 'https://shop.example.com/pay/landing',
      verifyUrl: '/payments/complete',
      sdkUrl: 'https://cdn.example.com/iamport.js',
      mode: 'redirect',
      locale: 'en',
      minAmount: 100,
      buyer: { name: '홍길동', tel: '010-1234-5678', email: 'hong@example.com' },
      naver: { useCfm: '20260301', purchaserBirthday: '19900101', cultureBenefit: true },
      recurring: { customerUid: 'cust_1', productCode: 'PLAN_A', productCount: 2, actionType: 'NEW' },
    })
  })

  test.each([
    ['orderUrl (data-order-url) → orderUrl', { orderUrl: '/api/orders' }, { orderUrl: '/api/orders' }],
    ['buyerTel → buyer.tel', { buyerTel: '010-1234-5678' }, { buyer: { tel: '010-1234-5678' } }],
    ['naverUseCfm → naver.useCfm', { naverUseCfm: '20260301' }, { naver: { useCfm: '20260301' } }],
    ['naverCultureBenefit false → false', { naverCultureBenefit: 'false' }, { naver: { cultureBenefit: false } }],
    ['recurringCustomerUid → recurring.customerUid', { recurringCustomerUid: 'cust_1' }, { recurring: { customerUid: 'cust_1' } }],
    ['minAmount "100" → 100', { minAmount: '100' }, { minAmount: 100 }],
    ['minAmount with spaces', { minAmount: ' 100 ' }, { minAmount: 100 }],
    ['sdkTimeout → number', { sdkTimeout: '5000' }, { sdkTimeout: 5000 }],
    ['empty attributes are left out', { impCode: '', buyerTel: '  ', naverUseCfm: '' }, {}],
    ['entry-only attributes (target, cart, page) are not options', { target: '#npay', cart: '#npay-cart', page: 'landing' }, {}],
  ])('%s', (_label, attrs, expected) => {
    const { options, errors } = optionsFromAttributes(attrs)
    expect(errors).toEqual([])
    expect(options).toEqual(expected)
    expect(options).not.toHaveProperty('target')
  })

  test.each([
    ['minAmount', 'abc', 'data-min-amount'],
    ['minAmount', '0', 'data-min-amount'],
    ['minAmount', '-5', 'data-min-amount'],
    ['minAmount', '1.5', 'data-min-amount'],
    ['minAmount', '99999999999999999999', 'data-min-amount'],
    ['recurringProductCount', 'two', 'data-recurring-product-count'],
    ['naverCultureBenefit', 'yes', 'data-naver-culture-benefit'],
  ])('%s=%j is an error naming %s', (key, value, attribute) => {
    const { options, errors } = optionsFromAttributes({ [key]: value })
    expect(errors).toHaveLength(1)
    expect(errors[0].field).toBe(attribute)
    expect(errors[0].message).toContain(attribute)
    expect((options as Record<string, unknown>)[key]).toBeUndefined()
  })

  test("the shopper's sentence follows data-locale; the developer's detail is English in both", () => {
    const en = optionsFromAttributes({ minAmount: 'abc', locale: 'en' }).errors[0]
    const ko = optionsFromAttributes({ minAmount: 'abc' }).errors[0]
    expect([en.message, ko.message]).toEqual([expect.stringContaining('positive whole number'), en.message])
    expect([en.shopperMessage, ko.shopperMessage]).toEqual(['This order has a problem and cannot be paid. Please contact the shop.', '주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.'])
  })

  test('a real element dataset maps kebab-case attributes', () => {
    const script = document.createElement('script')
    script.setAttribute('data-imp-code', 'imp00000000')
    script.setAttribute('data-buyer-tel', '010-1234-5678')
    script.setAttribute('data-naver-use-cfm', '20260301')
    script.setAttribute('data-recurring-customer-uid', 'cust_1')
    script.setAttribute('data-min-amount', '100')
    const { options } = optionsFromAttributes({ ...script.dataset })
    expect(options.impCode).toBe('imp00000000')
    expect(options.buyer?.tel).toBe('010-1234-5678')
    expect(options.naver?.useCfm).toBe('20260301')
    expect(options.recurring?.customerUid).toBe('cust_1')
    expect(options.minAmount).toBe(100)
  })

  test('inherited keys are not read', () => {
    const attrs = Object.create({ impCode: 'imp_from_prototype' }) as Record<string, string>
    expect(optionsFromAttributes(attrs).options).toEqual({})
  })
})

describe('parseCartJson', () => {
  const seed = '{"items":[{"uid":"107922211","name":"한국사","price":1500,"count":10,"categoryType":"BOOK","categoryId":"GENERAL"}]}'

  test('the seed cart parses and builds', () => {
    const parsed = parseCartJson(seed)
    expect(parsed).toEqual({ ok: true, cart: JSON.parse(seed) })
    const built = buildRequestPayParams(parsed.ok ? parsed.cart : null, {}, { now: Date.UTC(2026, 0, 1) })
    expect(built.ok && built.params.amount).toBe(15000)
  })

  test('a "__proto__" key stays data', () => {
    const parsed = parseCartJson('{"items":[],"__proto__":{"polluted":true}}')
    expect(parsed.ok).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test.each([
    ['truncated', '{"items":['],
    ['empty', ''],
    ['single quotes', "{'items':[]}"],
    ['trailing comma', '{"items":[],}'],
    ['HTML left in the script', '<!-- {"items":[]} -->'],
  ])('malformed JSON (%s) is an error naming data-cart', (_label, text) => {
    const parsed = parseCartJson(text)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]).toMatchObject({ field: 'data-cart', code: 'cart_json' })
    expect(parsed.errors[0].message).toContain('data-cart')
    expect(parsed.errors[0].message).toContain('JSON')
  })

  test('the error speaks the locale', () => {
    const parsed = parseCartJson('{bad', 'data-cart', 'en')
    expect(!parsed.ok && parsed.errors[0].message).toMatch(/^data-cart must be valid JSON/)
  })

  test('the field name can be chosen', () => {
    const parsed = parseCartJson('nope', '#npay-cart')
    expect(!parsed.ok && parsed.errors[0].field).toBe('#npay-cart')
  })
})
