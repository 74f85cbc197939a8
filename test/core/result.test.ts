import { describe, expect, test } from 'vitest'
import { parsePaymentResult } from '../../src/core'
import type { PaymentResult } from '../../src/core'

const none: PaymentResult = { status: 'none', impUid: null, merchantUid: null, customerUid: null, errorCode: null, errorMsg: null }

describe('callback object (popup)', () => {
  test.each<[string, unknown, PaymentResult]>([
    [
      'success',
      { imp_uid: 'imp_123', merchant_uid: 'order_1', paid_amount: 15000, status: 'paid' },
      { status: 'success', impUid: 'imp_123', merchantUid: 'order_1', customerUid: null, errorCode: null, errorMsg: null },
    ],
    [
      'cancelled by the shopper',
      { imp_uid: null, merchant_uid: 'order_1', error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' },
      { status: 'failure', impUid: null, merchantUid: 'order_1', customerUid: null, errorCode: 'F400', errorMsg: '[결제포기] 사용자가 결제를 취소하셨습니다' },
    ],
    [
      'error_msg alone is a failure',
      { imp_uid: 'imp_123', merchant_uid: 'order_1', error_msg: '이미 결제가 이루어진 거래건입니다.' },
      { status: 'failure', impUid: 'imp_123', merchantUid: 'order_1', customerUid: null, errorCode: null, errorMsg: '이미 결제가 이루어진 거래건입니다.' },
    ],
    [
      'error_code alone is a failure',
      { imp_uid: 'imp_123', merchant_uid: 'order_1', error_code: 'F0004' },
      { status: 'failure', impUid: 'imp_123', merchantUid: 'order_1', customerUid: null, errorCode: 'F0004', errorMsg: null },
    ],
    [
      'error fields present even though success is true',
      { imp_uid: 'imp_123', merchant_uid: 'order_1', success: true, error_msg: '유효하지 않은 가맹점입니다.' },
      { status: 'failure', impUid: 'imp_123', merchantUid: 'order_1', customerUid: null, errorCode: null, errorMsg: '유효하지 않은 가맹점입니다.' },
    ],
    [
      'legacy success=false with an imp_uid and no error: still to be verified, not a failure',
      { imp_uid: 'imp_123', merchant_uid: 'order_1', success: false },
      { status: 'success', impUid: 'imp_123', merchantUid: 'order_1', customerUid: null, errorCode: null, errorMsg: null },
    ],
    [
      'legacy success=false without imp_uid',
      { imp_uid: null, merchant_uid: 'order_1', success: false },
      { status: 'failure', impUid: null, merchantUid: 'order_1', customerUid: null, errorCode: null, errorMsg: null },
    ],
    [
      'billing-key registration carries customer_uid',
      { imp_uid: 'imp_9', merchant_uid: 'order_9', customer_uid: 'cust_1' },
      { status: 'success', impUid: 'imp_9', merchantUid: 'order_9', customerUid: 'cust_1', errorCode: null, errorMsg: null },
    ],
    ['empty object', {}, none],
    ['error_msg null is no error', { imp_uid: 'imp_1', merchant_uid: 'm', error_msg: null, error_code: null }, { ...none, status: 'success', impUid: 'imp_1', merchantUid: 'm' }],
  ])('%s', (_label, input, expected) => {
    expect(parsePaymentResult(input)).toStrictEqual(expected)
  })

  test.each([
    ['HTML', '<script>alert("x")</script> & <b>bold</b>'],
    ['quotes', `"double" and 'single'`],
    ['plus and percent sequences are not decoded in an object', 'a+b%20c%2Bd'],
    ['Korean with brackets', '[결제포기] 사용자가 결제를 취소하셨습니다'],
    ['surrounding whitespace', '  잔액 부족  '],
    ['newlines', '첫 줄\n둘째 줄'],
  ])('error_msg kept byte for byte: %s', (_label, message) => {
    expect(parsePaymentResult({ merchant_uid: 'm', error_msg: message }).errorMsg).toBe(message)
  })

  test('a 10,000-character message is kept whole', () => {
    const message = '잔액 부족 '.repeat(2000)
    expect(message).toHaveLength(12000)
    const long = message.slice(0, 10000)
    expect(parsePaymentResult({ error_msg: long }).errorMsg).toBe(long)
  })

  test('inherited properties do not invent a result', () => {
    const polluted = Object.create({ error_msg: '가짜', imp_uid: 'imp_fake' }) as object
    expect(parsePaymentResult(polluted)).toStrictEqual(none)
  })
})

describe('redirect query (string and URLSearchParams)', () => {
  const forms = (query: string): [string, unknown][] => [
    ['string with ?', `?${query}`],
    ['string without ?', query],
    ['URLSearchParams', new URLSearchParams(query)],
  ]

  const cases: [string, string, Partial<PaymentResult>][] = [
    ['success', 'imp_uid=imp_123&merchant_uid=order_1', { status: 'success', impUid: 'imp_123', merchantUid: 'order_1' }],
    ['failure', 'imp_uid=&merchant_uid=order_1&error_code=F400&error_msg=%EC%9E%94%EC%95%A1%20%EB%B6%80%EC%A1%B1', { status: 'failure', impUid: null, merchantUid: 'order_1', errorCode: 'F400', errorMsg: '잔액 부족' }],
    ['legacy imp_success=true', 'imp_uid=imp_1&merchant_uid=m&imp_success=true', { status: 'success', impUid: 'imp_1' }],
    ['legacy imp_success=false without imp_uid', 'merchant_uid=m&imp_success=false', { status: 'failure', merchantUid: 'm' }],
    ['legacy imp_success=false with an imp_uid and no error', 'imp_uid=imp_1&merchant_uid=m&imp_success=false', { status: 'success', impUid: 'imp_1' }],
    ['legacy success=false without imp_uid', 'merchant_uid=m&success=false', { status: 'failure' }],
    ['legacy success=true with error_msg', 'merchant_uid=m&success=true&error_msg=x', { status: 'failure', errorMsg: 'x' }],
    ['SDK failed before payment: imp_success=false + error_msg only', 'imp_success=false&error_msg=%ED%8C%9D%EC%97%85', { status: 'failure', merchantUid: null, errorMsg: '팝업' }],
    ['doubled merchant_uid: the last (PortOne\'s) wins', 'merchant_uid=mine&imp_uid=imp_1&merchant_uid=portone', { merchantUid: 'portone' }],
    ['doubled error_msg: the last wins', 'error_msg=first&error_msg=second', { status: 'failure', errorMsg: 'second' }],
    ['merchant_uid only', 'merchant_uid=order_1', { status: 'success', impUid: null, merchantUid: 'order_1' }],
    ['customer_uid carried', 'imp_uid=imp_1&merchant_uid=m&customer_uid=cust_%EA%B0%80', { customerUid: 'cust_가' }],
    ['unrelated parameters only', 'utm_source=naver&page=2', { status: 'none' }],
    ['empty', '', { status: 'none' }],
  ]
  test.each(cases.flatMap(([label, query, expected]) => forms(query).map(([form, input]) => [`${label} (${form})`, input, expected] as const)))(
    '%s',
    (_label, input, expected) => {
      expect(parsePaymentResult(input)).toMatchObject(expected)
    },
  )

  test.each([
    ['Korean', '%5B%EA%B2%B0%EC%A0%9C%ED%8F%AC%EA%B8%B0%5D%20%EC%82%AC%EC%9A%A9%EC%9E%90%EA%B0%80', '[결제포기] 사용자가'],
    ['<script>', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '<script>alert(1)</script>'],
    ['ampersand', 'A%26B', 'A&B'],
    ['quotes', '%22double%22%20%27single%27', `"double" 'single'`],
    ['%2B is a plus', '1%2B1', '1+1'],
    ['+ is a space', '%EC%9E%94%EC%95%A1+%EB%B6%80%EC%A1%B1', '잔액 부족'],
    ['%20 is a space', 'a%20b', 'a b'],
    ['a literal percent', '100%25', '100%'],
  ])('error_msg decoded exactly: %s', (_label, encoded, decoded) => {
    expect(parsePaymentResult(`?imp_uid=&merchant_uid=m&error_msg=${encoded}`).errorMsg).toBe(decoded)
    expect(parsePaymentResult(new URLSearchParams(`error_msg=${encoded}`)).errorMsg).toBe(decoded)
  })

  test.each([
    ['location.href', 'https://shop.example.com/pay/landing?imp_uid=imp_123&merchant_uid=npay_1', { status: 'success', impUid: 'imp_123', merchantUid: 'npay_1' }],
    ['a URL with a fragment', 'https://shop.example.com/landing?merchant_uid=m&error_msg=a%23b#top', { status: 'failure', merchantUid: 'm', errorMsg: 'a#b' }],
    ['a URL without a query', 'https://shop.example.com/landing', { status: 'none' }],
  ])('a whole URL is read by its query: %s', (_label, url, expected) => {
    expect(parsePaymentResult(url)).toMatchObject(expected)
  })

  test('a 10,000-character message survives the query string', () => {
    const message = '가<&>"\'+'.repeat(1500).slice(0, 10000)
    const query = new URLSearchParams({ merchant_uid: 'm', error_msg: message }).toString()
    expect(parsePaymentResult(`?${query}`).errorMsg).toBe(message)
    expect(parsePaymentResult(query).errorMsg).toHaveLength(10000)
  })

  test.each(['', '?', '?&', '?=&='])('%j has no result', (query) => {
    expect(parsePaymentResult(query)).toStrictEqual(none)
  })

  test('an empty URLSearchParams has no result', () => {
    expect(parsePaymentResult(new URLSearchParams())).toStrictEqual(none)
  })
})

describe('anything else', () => {
  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['true', true],
    ['an array', [['error_msg', 'x']]],
    ['an array of objects', [{ error_msg: 'x' }]],
    ['a function', () => ({ error_msg: 'x' })],
    ['a Symbol', Symbol('x')],
    ['a Date', new Date()],
  ])('%s: status none, no throw', (_label, input) => {
    expect(() => parsePaymentResult(input)).not.toThrow()
    expect(parsePaymentResult(input).status).toBe('none')
  })

  test('a throwing getter gives status none, not an exception', () => {
    const hostile = Object.defineProperty({}, 'error_msg', { enumerable: true, get: () => { throw new Error('boom') } })
    expect(() => parsePaymentResult(hostile)).not.toThrow()
    expect(parsePaymentResult(hostile).status).toBe('none')
  })
})
