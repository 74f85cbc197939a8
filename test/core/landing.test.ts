import { describe, expect, test } from 'vitest'
import { isFinal, pendingOrder, PENDING_PREFIX, planLanding, readFinalOutcome, readPendingOrder, RESULT_PREFIX, RESULT_TTL_MS } from '../../src/core/landing'
import { messages } from '../../src/core/messages'
import { outcomeView, verifiedOutcome } from '../../src/core/outcome'
import { parsePaymentResult } from '../../src/core/result'
import type { CheckoutResult, PaymentResult, RequestPayParams } from '../../src/core/types'

const noStorage = () => null
const storage = (entries: Record<string, unknown>) => (key: string) => (key in entries ? JSON.stringify(entries[key]) : null)
const LONG = '잔액 부족 '.repeat(2000) + '끝'

// What the landing page receives in location.search, and what it does with it on a first visit.
describe('landing query → result', () => {
  test.each([
    ['success', '?imp_uid=imp_1&merchant_uid=m_1&imp_success=true', { status: 'success', impUid: 'imp_1', merchantUid: 'm_1', errorMsg: null }],
    ['legacy imp_success=false with error_msg', '?imp_uid=imp_1&merchant_uid=m_1&imp_success=false&error_code=F0005&error_msg=%EC%9E%94%EC%95%A1%20%EB%B6%80%EC%A1%B1', { status: 'failure', errorCode: 'F0005', errorMsg: '잔액 부족' }],
    ['legacy imp_success=false alone (SDK failed before paying)', '?imp_success=false', { status: 'failure', impUid: null, merchantUid: null }],
    ['legacy imp_success=false but paid (PortOne: the flag can lie)', '?imp_uid=imp_1&merchant_uid=m_1&imp_success=false', { status: 'success', impUid: 'imp_1' }],
    ['legacy PC success=false without imp_uid', '?merchant_uid=m_1&success=false', { status: 'failure', merchantUid: 'm_1' }],
    ['error_msg without error_code', '?merchant_uid=m_1&error_msg=x', { status: 'failure', errorCode: null, errorMsg: 'x' }],
    ['missing imp_uid', '?merchant_uid=m_1', { status: 'success', impUid: null, merchantUid: 'm_1' }],
    ['empty values are missing', '?imp_uid=&merchant_uid=&error_msg=', { status: 'none', impUid: null, merchantUid: null, errorMsg: null }],
    ['no query', '', { status: 'none' }],
    ['only a shop parameter', '?lang=en', { status: 'none' }],
    ['doubled key: PortOne appends last', '?merchant_uid=shop_value&merchant_uid=m_1&imp_uid=imp_1', { merchantUid: 'm_1', impUid: 'imp_1' }],
    ['%2B is a plus sign', '?merchant_uid=m_1&error_msg=1%2B1', { errorMsg: '1+1' }],
    ['%20 and + are spaces', '?merchant_uid=m_1&error_msg=a%20b+c', { errorMsg: 'a b c' }],
    ['decoded once: %2520 stays %20', '?merchant_uid=m_1&error_msg=100%2525%20%2520', { errorMsg: '100%25 %20' }],
    ['HTML and quotes stay text', `?merchant_uid=m_1&error_msg=${encodeURIComponent('<b>&amp;</b> "q" \'s\'')}`, { errorMsg: '<b>&amp;</b> "q" \'s\'' }],
    ['real cancel message', `?imp_uid=imp_1&merchant_uid=m_1&error_code=F1002&error_msg=${encodeURIComponent('[결제포기] 사용자가 결제를 취소하셨습니다')}`, { status: 'failure', errorMsg: '[결제포기] 사용자가 결제를 취소하셨습니다' }],
    ['very long message kept whole', `?merchant_uid=m_1&error_msg=${encodeURIComponent(LONG)}`, { status: 'failure', errorMsg: LONG }],
    // WHATWG URLSearchParams: a broken UTF-8 sequence becomes U+FFFD, an incomplete escape stays as typed.
    ['malformed percent escapes do not throw', '?merchant_uid=m_1&error_msg=%E0%A4%A', { status: 'failure', errorMsg: '\uFFFD%A' }],
  ])('%s', (_name, query, expected) => {
    const result = parsePaymentResult(query)
    expect(result).toMatchObject(expected)
    expect(planLanding(result, noStorage)).toEqual(result.status === 'none' ? { kind: 'none' } : { kind: 'settle' })
  })
})

const success: PaymentResult = { status: 'success', impUid: 'imp_1', merchantUid: 'm_1', customerUid: null, errorCode: null, errorMsg: null }
const failure: PaymentResult = { status: 'failure', impUid: 'imp_1', merchantUid: 'm_1', customerUid: null, errorCode: 'F0005', errorMsg: '잔액 부족' }

describe('planLanding: a result is processed once', () => {
  test.each<[string, PaymentResult, Record<string, unknown>, 'settle' | 'replay']>([
    ['nothing stored → verify', success, {}, 'settle'],
    ['paid stored → replay', success, { [RESULT_PREFIX + 'm_1']: { ...success, verification: 'paid' } }, 'replay'],
    ['rejected stored → replay', success, { [RESULT_PREFIX + 'm_1']: { ...success, verification: 'rejected', verificationMessage: '금액 불일치' } }, 'replay'],
    ['unverified stored → replay', success, { [RESULT_PREFIX + 'm_1']: { ...success, verification: 'unverified' } }, 'replay'],
    ['PG failure stored → replay', failure, { [RESULT_PREFIX + 'm_1']: { ...failure, verification: 'skipped' } }, 'replay'],
    ['a verification error is never final → verify again', success, { [RESULT_PREFIX + 'm_1']: { ...success, verification: 'error' } }, 'settle'],
    ['stored for another imp_uid → verify', success, { [RESULT_PREFIX + 'm_1']: { ...success, impUid: 'imp_2', verification: 'paid' } }, 'settle'],
    ['stored success but the query is a failure → process the query', failure, { [RESULT_PREFIX + 'm_1']: { ...success, verification: 'paid' } }, 'settle'],
    ['stored for another order → verify', success, { [RESULT_PREFIX + 'm_2']: { ...success, merchantUid: 'm_2', verification: 'paid' } }, 'settle'],
    ['stored garbage → verify', success, { [RESULT_PREFIX + 'm_1']: 'not an outcome' }, 'settle'],
    ['stored with a non-string field → verify', success, { [RESULT_PREFIX + 'm_1']: { ...success, impUid: 1, verification: 'paid' } }, 'settle'],
    ['stored with an unknown verification → verify', success, { [RESULT_PREFIX + 'm_1']: { ...success, verification: 'maybe' } }, 'settle'],
  ])('%s', (_name, result, stored, kind) => {
    const plan = planLanding(result, storage(stored))
    expect(plan.kind).toBe(kind)
    if (plan.kind === 'replay') {
      expect(plan.outcome).toMatchObject({ ...result, replayed: true })
      expect(plan.outcome.verification).toBe((stored[RESULT_PREFIX + 'm_1'] as CheckoutResult).verification)
    }
  })

  const NOW = 1_800_000_000_000
  test.each<[string, number | undefined, 'settle' | 'replay']>([
    ['shared by another tab a minute ago → replay', NOW - 60_000, 'replay'],
    ['shared just under a day ago → replay', NOW - RESULT_TTL_MS + 1, 'replay'],
    ['shared a day ago → verify', NOW - RESULT_TTL_MS, 'settle'],
    ['shared "in the future" (a clock put back) → verify', NOW + 60_000, 'settle'],
    ['shared without a time → verify', undefined, 'settle'],
  ])('localStorage (another tab): %s', (_name, time, kind) => {
    const shared = storage({ [RESULT_PREFIX + 'm_1']: { ...success, verification: 'paid', time } })
    expect(planLanding(success, storage({}), shared, NOW).kind).toBe(kind)
  })

  test("this tab's sessionStorage is read first and does not expire", () => {
    const old = storage({ [RESULT_PREFIX + 'm_1']: { ...success, verification: 'rejected', verificationMessage: 'x', time: 1 } })
    const shared = storage({ [RESULT_PREFIX + 'm_1']: { ...success, verification: 'paid', time: NOW } })
    const plan = planLanding(success, old, shared, NOW)
    expect(plan.kind === 'replay' && plan.outcome.verification).toBe('rejected')
  })

  test('readFinalOutcome with a time checks it against now', () => {
    const text = JSON.stringify({ ...success, verification: 'paid', time: NOW })
    expect(readFinalOutcome(text, success, NOW + 1000)).toMatchObject({ verification: 'paid' })
    expect(readFinalOutcome(text, success, NOW + RESULT_TTL_MS)).toBeUndefined()
    expect(readFinalOutcome(text, success)).toMatchObject({ verification: 'paid' }) // this tab's store: no expiry
  })

  test('a result without merchant_uid is processed every time (nothing to key it by)', () => {
    const result = parsePaymentResult('?imp_success=false&error_msg=x')
    expect(planLanding(result, () => JSON.stringify({ ...result, verification: 'skipped' }))).toEqual({ kind: 'settle' })
  })

  test('unparseable JSON in storage reads as nothing stored', () => {
    expect(planLanding(success, () => '{oops')).toEqual({ kind: 'settle' })
    expect(readFinalOutcome('{oops', {})).toBeUndefined()
  })

  test('the shop page, back from Naver Pay, finds the outcome by order number alone', () => {
    const text = JSON.stringify({ ...success, verification: 'paid', verificationMessage: 5 })
    expect(readFinalOutcome(text, { merchantUid: 'm_1' })).toEqual({ ...success, verification: 'paid' })
    expect(readFinalOutcome(text, { merchantUid: 'm_2' })).toBeUndefined()
  })
})

describe('isFinal', () => {
  test.each([
    ['paid', true],
    ['rejected', true],
    ['unverified', true],
    ['skipped', true],
    ['error', false],
  ] as const)('%s → %s', (verification, final) => {
    expect(isFinal({ ...success, verification })).toBe(final)
  })
})

describe('pending order', () => {
  const params: RequestPayParams = {
    merchant_uid: 'm_1',
    name: '한국사',
    amount: 27000,
    naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '1', name: '한국사', count: 10 }],
    naverPopupMode: false,
    m_redirect_url: 'https://shop.example/landing',
  }

  test('holds merchant_uid, name, amount, items and time, and reads back', () => {
    const order = pendingOrder(params, 1_700_000_000_000)
    expect(order).toEqual({ merchantUid: 'm_1', name: '한국사', amount: 27000, items: params.naverProducts, time: 1_700_000_000_000 })
    expect(readPendingOrder(JSON.stringify(order), 'm_1')).toEqual(order)
    expect(PENDING_PREFIX).toBe('naverpay-checkout:pending:')
  })

  test('a registration keeps its customer_uid', () => {
    expect(pendingOrder({ ...params, customer_uid: 'c_1' }, 0).customerUid).toBe('c_1')
  })

  test.each([
    ['nothing stored', null],
    ['another order', JSON.stringify({ merchantUid: 'm_2', name: 'x', amount: 1, items: [], time: 0 })],
    ['no name', JSON.stringify({ merchantUid: 'm_1', amount: 1 })],
    ['amount as a string', JSON.stringify({ merchantUid: 'm_1', name: 'x', amount: '1' })],
    ['fractional amount', JSON.stringify({ merchantUid: 'm_1', name: 'x', amount: 1.5 })],
    ['not JSON', '<b>'],
    ['an array', '[]'],
  ])('%s → no summary', (_name, text) => {
    expect(readPendingOrder(text, 'm_1')).toBeUndefined()
  })

  test('missing items and time are tolerated', () => {
    expect(readPendingOrder(JSON.stringify({ merchantUid: 'm_1', name: 'x', amount: 10, items: 'no' }), 'm_1')).toEqual({ merchantUid: 'm_1', name: 'x', amount: 10, items: [], time: 0 })
  })
})

describe('outcome → what the shopper sees', () => {
  const ko = messages('ko')
  test.each<[string, CheckoutResult, ReturnType<typeof outcomeView>]>([
    ['paid', verifiedOutcome(success, { kind: 'paid' }), { kind: 'success', text: ko.paid }],
    ['unverified', verifiedOutcome(success, undefined), { kind: 'success', text: ko.unverified }],
    ['rejected shows the server message', verifiedOutcome(success, { kind: 'rejected', message: '금액이 일치하지 않습니다 <script>' }), { kind: 'alert', text: '금액이 일치하지 않습니다 <script>' }],
    ['rejected without a message', verifiedOutcome(success, { kind: 'rejected', message: '' }), { kind: 'alert', text: ko.failed }],
    ['verification error offers a retry, never success', verifiedOutcome(success, { kind: 'error', reason: 'HTTP 500' }), { kind: 'alert', text: ko.verifyError, retry: true }],
    ['PG failure shows error_msg exactly', { ...failure, verification: 'skipped' }, { kind: 'alert', text: '잔액 부족' }],
    ['PG failure without error_msg', { ...failure, errorMsg: null, verification: 'skipped' }, { kind: 'alert', text: ko.failed }],
  ])('%s', (_name, outcome, view) => {
    expect(outcomeView(outcome, ko)).toEqual(view)
  })

  test('verifiedOutcome keeps the server message for a rejection', () => {
    expect(verifiedOutcome(success, { kind: 'rejected', message: 'no' })).toEqual({ ...success, verification: 'rejected', verificationMessage: 'no' })
    expect(verifiedOutcome(success, { kind: 'error', reason: 'x' })).toEqual({ ...success, verification: 'error' })
  })

  test('registration wording comes from the messages', () => {
    expect(outcomeView(verifiedOutcome(success, { kind: 'paid' }), messages('en', true)).text).toBe(messages('en').registered)
  })
})
