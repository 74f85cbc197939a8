import { describe, expect, test } from 'vitest'
import { checkOrderAmount, orderFailure, readOrder } from '../../src/core/order'

describe("readOrder: the merchant server's order", () => {
  test.each<[string, unknown, boolean, boolean]>([
    ['orderUrl answer', { merchant_uid: 'ord_1', amount: 15000, name: '한국사' }, true, true],
    ['createOrder value', { merchantUid: 'ord_1', amount: 15000 }, false, true],
    ['amount 0 (a registration)', { merchant_uid: 'ord_1', amount: 0 }, true, true],
    ['40 characters', { merchant_uid: 'o'.repeat(40), amount: 1 }, true, true],
    ['41 characters', { merchant_uid: 'o'.repeat(41), amount: 1 }, true, false],
    ['camelCase on the wire', { merchantUid: 'ord_1', amount: 15000 }, true, false],
    ['snake_case from createOrder', { merchant_uid: 'ord_1', amount: 15000 }, false, false],
    ['amount as a string', { merchant_uid: 'ord_1', amount: '15000' }, true, false],
    ['fractional amount', { merchant_uid: 'ord_1', amount: 150.5 }, true, false],
    ['negative amount', { merchant_uid: 'ord_1', amount: -1 }, true, false],
    ['empty merchant_uid', { merchant_uid: '', amount: 1 }, true, false],
    ['blank merchant_uid', { merchant_uid: '   ', amount: 1 }, true, false],
    ['control character in merchant_uid', { merchant_uid: 'a\nb', amount: 1 }, true, false],
    ['an array', [{ merchant_uid: 'ord_1', amount: 1 }], true, false],
    ['null', null, true, false],
    ['text', 'ord_1', true, false],
  ])('%s', (_name, value, wire, ok) => {
    const answer = readOrder(value, wire)
    expect(answer.ok).toBe(ok)
    if (!answer.ok) expect(answer.reason).toMatch(/merchant_?[uU]id|amount/)
  })

  test('own properties only: an amount or merchant_uid planted on Object.prototype is no order', () => {
    Object.assign(Object.prototype, { amount: 15000, merchant_uid: 'planted' })
    try {
      expect(readOrder({}, true).ok).toBe(false)
      expect(readOrder({ merchant_uid: 'ord_1' }, true).ok).toBe(false)
      expect(readOrder(JSON.parse('{"merchant_uid":"ord_1","amount":15000}'), true)).toEqual({ ok: true, order: { merchantUid: 'ord_1', amount: 15000 } })
    } finally {
      delete (Object.prototype as Record<string, unknown>).amount
      delete (Object.prototype as Record<string, unknown>).merchant_uid
    }
  })
})

describe('orderFailure', () => {
  test.each<[unknown, string | undefined]>([
    [{ message: '품절된 상품이 있습니다 <b>' }, '품절된 상품이 있습니다 <b>'],
    [{ message: '  ' }, undefined],
    [{ message: 42 }, undefined],
    [undefined, undefined],
    [Object.create({ message: 'inherited' }), undefined],
  ])('%j → message %j', (body, message) => {
    expect(orderFailure(400, body)).toEqual({ ok: false, reason: 'HTTP 400', message })
  })
})

describe('checkOrderAmount', () => {
  test('equal amounts pass', () => {
    expect(checkOrderAmount({ merchantUid: 'o', amount: 15000 }, 15000)).toBeUndefined()
  })
  test.each([
    ['ko', /15,000원.*14,000원|14,000원.*15,000원/],
    ['en', /₩15,000.*₩14,000|₩14,000.*₩15,000/],
  ] as const)('%s: a different amount is an error naming both amounts', (locale, both) => {
    const error = checkOrderAmount({ merchantUid: 'o', amount: 15000 }, 14000, locale)
    expect(error).toMatchObject({ field: 'amount', code: 'order_amount' })
    expect(error?.message).toMatch(both)
  })
})
