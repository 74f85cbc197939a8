import { describe, expect, test } from 'vitest'
import { buildRequestPayParams } from '../../src/core'
import { optionsFromAttributes } from '../../src/core/attributes'
import { messages } from '../../src/core/messages'
import { parsePaymentResult } from '../../src/core/result'
import type { BuildEnv, ErrorCode, Locale, ValidationError } from '../../src/core'

// Billing-key registration (정기결제 등록): the rules of shared/REFERENCE.md (outside this repository) and seeds 001 / 003.
const ENV: BuildEnv = {
  now: Date.UTC(2026, 2, 1, 3, 0, 0),
  device: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36', maxTouchPoints: 0 },
  pageUrl: 'https://shop.example.com/plans',
}
const PLAN = { items: [{ uid: 'PLAN_SLIM_M', name: 'Slim 요금제(1개월 단위)', price: 14000, count: 1, categoryType: 'ETC', categoryId: 'ETC' }] }
const TEL = { tel: '010-1234-5678' }
const RECURRING = { customerUid: 'gildong_0001_1234', productCode: 'PLAN_SLIM_M' }

function build(recurring: unknown, extra: Record<string, unknown> = {}) {
  return buildRequestPayParams(PLAN, { buyer: TEL, recurring, ...extra }, ENV)
}

function errorsOf(recurring: unknown, extra: Record<string, unknown> = {}): ValidationError[] {
  const built = build(recurring, extra)
  if (built.ok) throw new Error(`expected errors, got ${JSON.stringify(built.params)}`)
  return built.errors
}

describe('valid registrations', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['customerUid and productCode', {}, { customer_uid: 'gildong_0001_1234', naverProductCode: 'PLAN_SLIM_M' }],
    ['productCount 5 (seed 001)', { productCount: 5 }, { naverProductCount: 5 }],
    ['actionType NEW', { actionType: 'NEW' }, { naverActionType: 'NEW' }],
    ['actionType CHANGE (re-issue for the same customer_uid)', { actionType: 'CHANGE' }, { naverActionType: 'CHANGE' }],
  ])('%s', (_label, over, expected) => {
    const built = build({ ...RECURRING, ...over })
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(built.params).toMatchObject({
      ...expected,
      // Still a normal order name and the amount to be charged later: Naver Pay shows it; no money moves now.
      name: 'Slim 요금제(1개월 단위)',
      amount: 14000,
      buyer_tel: '010-1234-5678',
      naverPopupMode: true,
    })
  })

  test('productCount and actionType are left out when not given (no invented defaults)', () => {
    const built = build(RECURRING)
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(built.params).not.toHaveProperty('naverProductCount')
    expect(built.params).not.toHaveProperty('naverActionType')
    expect(built.warnings).toEqual([])
  })

  test('the redirect path keeps customer_uid and needs m_redirect_url like a payment', () => {
    const built = build(RECURRING, { mode: 'redirect', redirectUrl: '/pay/landing' })
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(built.params).toMatchObject({ customer_uid: 'gildong_0001_1234', naverPopupMode: false, m_redirect_url: 'https://shop.example.com/pay/landing' })
  })

  test('without recurring there is no customer_uid: a one-time payment', () => {
    const built = buildRequestPayParams(PLAN, {}, ENV)
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(built.params).not.toHaveProperty('customer_uid')
    expect(built.params).not.toHaveProperty('naverProductCode')
  })
})

describe('invalid registrations: the field, the code and why', () => {
  test.each<[string, unknown, Record<string, unknown>, Locale, string, ErrorCode, string]>([
    ['missing customerUid', { productCode: 'P' }, {}, 'en', 'recurring.customerUid', 'required', 'recurring.customerUid is required (the key of the billing key being registered; later charges use it)'],
    ['blank customerUid', { customerUid: '  ', productCode: 'P' }, {}, 'en', 'recurring.customerUid', 'required', 'later charges use it'],
    ['customerUid a number', { customerUid: 1234, productCode: 'P' }, {}, 'en', 'recurring.customerUid', 'type', 'expected a string, got 1234'],
    ['missing customerUid (ko)', { productCode: 'P' }, {}, 'ko', 'recurring.customerUid', 'required', 'recurring.customerUid is required (the key of the billing key being registered'],
    ['missing productCode', { customerUid: 'c' }, {}, 'en', 'recurring.productCode', 'required', 'recurring.productCode is required (without it the same shopper can register the same product twice)'],
    ['missing productCode (ko)', { customerUid: 'c' }, {}, 'ko', 'recurring.productCode', 'required', 'recurring.productCode is required (without it the same shopper can register the same product twice)'],
    ['missing buyer.tel', RECURRING, { buyer: {} }, 'en', 'buyer.tel', 'required', 'buyer.tel is required (Naver Pay requires it to register a recurring payment)'],
    ['no buyer at all', RECURRING, { buyer: undefined }, 'ko', 'buyer.tel', 'required', 'buyer.tel is required (Naver Pay requires it to register a recurring payment)'],
    ['malformed buyer.tel', RECURRING, { buyer: { tel: 'call me' } }, 'en', 'buyer.tel', 'format', 'buyer.tel has the wrong format'],
    ['productCount 0', { ...RECURRING, productCount: 0 }, {}, 'en', 'recurring.productCount', 'positive', 'recurring.productCount must be a positive whole number (got 0)'],
    ['productCount -1', { ...RECURRING, productCount: -1 }, {}, 'en', 'recurring.productCount', 'positive', 'got -1'],
    ['productCount 1.5', { ...RECURRING, productCount: 1.5 }, {}, 'en', 'recurring.productCount', 'positive', 'recurring.productCount must be a positive whole number (got 1.5)'],
    ['productCount "2"', { ...RECURRING, productCount: '2' }, {}, 'en', 'recurring.productCount', 'positive', 'got the string "2"'],
    ['productCount NaN', { ...RECURRING, productCount: Number.NaN }, {}, 'ko', 'recurring.productCount', 'positive', 'recurring.productCount must be a positive whole number (got NaN)'],
    ['actionType lowercase new', { ...RECURRING, actionType: 'new' }, {}, 'en', 'recurring.actionType', 'enum', 'expected one of NEW, CHANGE'],
    ['actionType DELETE', { ...RECURRING, actionType: 'DELETE' }, {}, 'en', 'recurring.actionType', 'enum', 'recurring.actionType is not one of the allowed values (expected one of NEW, CHANGE)'],
    ['recurring a string', 'yes', {}, 'en', 'recurring', 'type', 'expected an object'],
  ])('%s', (_label, recurring, extra, locale, field, code, phrase) => {
    const errors = errorsOf(recurring, { ...extra, locale })
    const error = errors.find((e) => e.field === field)
    expect(error, JSON.stringify(errors)).toBeDefined()
    expect(error!.code).toBe(code)
    expect(error!.message).toContain(phrase)
  })

  test('every problem is reported at once, so the integrator fixes them in one go', () => {
    const errors = errorsOf({ productCount: 0, actionType: 'X' }, { buyer: {} })
    expect(errors.map((e) => e.field).sort()).toEqual(['buyer.tel', 'recurring.actionType', 'recurring.customerUid', 'recurring.productCode', 'recurring.productCount'])
  })

  test('the minimum amount still applies: the registered amount is what will be charged later', () => {
    const cheap = { items: [{ ...PLAN.items[0], price: 5 }] }
    const built = buildRequestPayParams(cheap, { buyer: TEL, recurring: RECURRING, locale: 'en' }, ENV)
    expect(built.ok).toBe(false)
    if (!built.ok) expect(built.errors).toEqual([{ field: 'amount', code: 'min_amount', message: 'The minimum payment is ₩10 (this order: ₩5).', shopperMessage: 'The minimum payment is ₩10 (this order: ₩5).' }])
  })
})

describe('deprecated parameters: accepted, sent, and warned about', () => {
  test.each([
    ['actionType', { recurring: { ...RECURRING, actionType: 'CHANGE' } }, 'naverActionType', /recurring\.actionType \(naverActionType\): PortOne marked it discontinued in 2026/],
    ['naver.chainId', { recurring: RECURRING, naver: { chainId: 'chain01' } }, 'naverChainId', /naver\.chainId \(naverChainId\): PortOne removed it/],
  ])('%s', (_label, options, param, warning) => {
    const built = buildRequestPayParams(PLAN, { buyer: TEL, ...options }, ENV)
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(built.params).toHaveProperty(param)
    expect(built.warnings).toHaveLength(1)
    expect(built.warnings[0]).toMatch(warning)
  })
})

describe('script-tag attributes', () => {
  test('data-recurring-* become the recurring options', () => {
    const { options, errors } = optionsFromAttributes({
      buyerTel: '010-1234-5678',
      recurringCustomerUid: 'gildong_0001_1234',
      recurringProductCode: 'PLAN_SLIM_M',
      recurringProductCount: '3',
      recurringActionType: 'CHANGE',
    })
    expect(errors).toEqual([])
    expect(options.recurring).toEqual({ customerUid: 'gildong_0001_1234', productCode: 'PLAN_SLIM_M', productCount: 3, actionType: 'CHANGE' })
    const built = buildRequestPayParams(PLAN, options, ENV)
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(built.params).toMatchObject({ customer_uid: 'gildong_0001_1234', naverProductCode: 'PLAN_SLIM_M', naverProductCount: 3, naverActionType: 'CHANGE', buyer_tel: '010-1234-5678' })
  })

  test.each([['1.5'], ['0'], ['two']])('data-recurring-product-count="%s" names the attribute', (value) => {
    const { errors } = optionsFromAttributes({ recurringCustomerUid: 'c', recurringProductCode: 'P', recurringProductCount: value })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ field: 'data-recurring-product-count', code: 'positive' })
  })

  test('only data-recurring-product-code: the missing customer uid is reported by name', () => {
    const { options } = optionsFromAttributes({ recurringProductCode: 'P', buyerTel: '010-1234-5678', locale: 'en' })
    const built = buildRequestPayParams(PLAN, options, ENV)
    expect(built.ok).toBe(false)
    if (!built.ok) expect(built.errors.map((e) => e.field)).toEqual(['recurring.customerUid'])
  })
})

describe('registration results', () => {
  test.each<[string, unknown]>([
    ['callback', { imp_uid: 'imp_1', merchant_uid: 'm_1', customer_uid: 'gildong_0001_1234', success: true }],
    ['redirect query', '?imp_uid=imp_1&merchant_uid=m_1&customer_uid=gildong_0001_1234&imp_success=true'],
  ])('a successful registration (%s) carries customerUid', (_label, input) => {
    expect(parsePaymentResult(input)).toEqual({ status: 'success', impUid: 'imp_1', merchantUid: 'm_1', customerUid: 'gildong_0001_1234', errorCode: null, errorMsg: null })
  })

  test('a registration cancelled by the shopper keeps error_msg byte for byte', () => {
    const query = '?merchant_uid=m_1&customer_uid=c%26d&error_code=F1002&error_msg=' + encodeURIComponent('[결제포기] 사용자가 결제를 취소하셨습니다') + '&imp_success=false'
    expect(parsePaymentResult(query)).toMatchObject({ status: 'failure', customerUid: 'c&d', errorMsg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
  })
})

describe('registration texts', () => {
  // Every text a shopper can see during a registration says registration, never payment.
  const keys = ['pay', 'waiting', 'windowClosed', 'sdkThrew', 'verifying', 'paid', 'unverified', 'verifyError', 'retryVerify', 'failed'] as const
  test.each(keys)('ko: %s', (key) => {
    const text = messages('ko', true)[key]
    expect(text).toMatch(/등록/)
    expect(text).not.toBe(messages('ko')[key])
  })
  test.each(keys)('en: %s', (key) => {
    const text = messages('en', true)[key]
    expect(text).toMatch(/regist/i)
    expect(text).not.toMatch(/payment (complete|request|window|could)|the payment|your payment/i)
  })
  test('payment texts are unchanged without a registration', () => {
    expect(messages('ko').pay).toBe('네이버페이 결제')
    expect(messages('en').paid).toBe('Payment complete.')
  })
})
