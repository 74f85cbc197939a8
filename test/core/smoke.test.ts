import { expect, test } from 'vitest'
import { buildRequestPayParams, parsePaymentResult } from '../../src/core'

test('a seed cart becomes request_pay parameters', () => {
  const built = buildRequestPayParams(
    { items: [{ uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' }] },
    {},
    { now: Date.UTC(2026, 0, 1) },
  )
  expect(built.ok && built.params.amount).toBe(15000)
  expect(parsePaymentResult('?imp_uid=a&merchant_uid=b&error_msg=%EC%9E%94%EC%95%A1').errorMsg).toBe('잔액')
})
