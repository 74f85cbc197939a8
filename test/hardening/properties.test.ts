// Property-based tests: for every valid cart the parameters follow the cart exactly; for any input at all the
// two pure entry points answer instead of throwing.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

// Generating hundreds of arbitrary values takes seconds on a loaded CI machine.
const SLOW = 60_000
import { buildRequestPayParams, parsePaymentResult } from '../../src/core'
import type { BuildEnv } from '../../src/core'
import { DESKTOP_UA, NOW, PAGE_URL } from '../corpus/bad-input'

const ENV: BuildEnv = { now: NOW, device: { userAgent: DESKTOP_UA, maxTouchPoints: 0 }, pageUrl: PAGE_URL }

// Text Naver Pay accepts: no control characters (line separators and bidi controls included), something visible, at
// most 500 characters (emoji and Hangul included).
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((s) => !/^[\s\p{Default_Ignorable_Code_Point}]*$/u.test(s) && !/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/.test(s) && s.length <= 500)
const code = fc.stringMatching(/^[A-Z0-9_]{1,12}$/)
const validItem = fc.record({
  uid: text,
  name: text,
  price: fc.integer({ min: 0, max: 10_000_000 }),
  count: fc.integer({ min: 1, max: 1_000 }),
  categoryType: code,
  categoryId: code,
})
const validCart = fc
  .record({ items: fc.array(validItem, { minLength: 1, maxLength: 30 }), shippingFee: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }) })
  // The minimum (10 won) is a rule of its own; these properties are about carts that pass it.
  .filter((c) => c.items.reduce((sum, i) => sum + i.price * i.count, 0) + (c.shippingFee ?? 0) >= 10)

describe('for any valid cart', () => {
  test('amount = Σ price × count (+ shipping), name = first item name, naverProducts keep length and order', () => {
    fc.assert(
      fc.property(validCart, (cart) => {
        const built = buildRequestPayParams(cart, {}, ENV)
        if (!built.ok) throw new Error(JSON.stringify(built.errors))
        const { params } = built
        expect(params.amount).toBe(cart.items.reduce((sum, i) => sum + i.price * i.count, 0) + (cart.shippingFee ?? 0))
        // Names are what the shopper reads: NFC. Identifiers go exactly as given.
        expect(params.name).toBe(cart.items[0].name.normalize('NFC'))
        expect(params.naverProducts.map((p) => [p.uid, p.name, p.count, p.categoryType, p.categoryId])).toEqual(
          cart.items.map((i) => [i.uid, i.name.normalize('NFC'), i.count, i.categoryType, i.categoryId]),
        )
        // Naver's product shape never carries the price.
        for (const p of params.naverProducts) expect(p).not.toHaveProperty('price')
      }),
      { numRuns: 300 },
    )
  }, SLOW)

  test('every attempt gets a new merchant_uid', () => {
    fc.assert(
      fc.property(validCart, (cart) => {
        const a = buildRequestPayParams(cart, {}, ENV)
        const b = buildRequestPayParams(cart, {}, ENV)
        expect(a.ok && b.ok && a.params.merchant_uid !== b.params.merchant_uid).toBe(true)
      }),
      { numRuns: 50 },
    )
  })
})

// Anything at all, plus objects with the keys that break naive code.
const weirdKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'items', 'price', 'imp_uid', 'error_msg')
const weird = fc.dictionary(weirdKey, fc.anything(), { maxKeys: 6 })
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true }),
  weird,
  fc.record({ items: fc.array(fc.oneof(weird, fc.anything()), { maxLength: 5 }) }),
  fc.string(),
)

describe('for any text whatsoever in a name (lone surrogates, invisible and bidi characters, NFD)', () => {
  test('what reaches Naver Pay can be sent and shown: NFC, encodable, no bidi controls or line separators, something visible', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: fc.constantFrom('a', '\u200B', '\u3164', '\u202E', '\u2066', '\u2028', '\uD800', '\uDC00', 'e\u0301', '한', ' '), maxLength: 8 }))
    fc.assert(
      fc.property(anyText, (name) => {
        const built = buildRequestPayParams({ items: [{ uid: 'U1', name, price: 1000, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }] }, {}, ENV)
        if (!built.ok) {
          expect(built.errors[0].field).toBe('cart.items[0].name')
          return
        }
        const sent = built.params.naverProducts[0].name
        expect(sent).toBe(sent.normalize('NFC'))
        expect(() => encodeURIComponent(sent)).not.toThrow()
        expect(sent).not.toMatch(/[\u2028\u2029\u202A-\u202E\u2066-\u2069]/)
        expect(sent).not.toMatch(/^[\s\p{Default_Ignorable_Code_Point}]*$/u)
      }),
      { numRuns: 500 },
    )
  }, SLOW)
})

describe('for any valid cart on a page whose Object.prototype another script has polluted', () => {
  const plantable = ['redirectUrl', 'channelKey', 'pg', 'mode', 'minAmount', 'shippingFee', 'sellerId', 'payReferrer', 'buyer', 'naver', 'recurring', 'device', 'pageUrl', 'mobile', 'userAgent', 'maxTouchPoints', 'verifyTimeout', 'startDate', 'status']
  const planting = fc.dictionary(fc.constantFrom(...plantable), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant({ userAgent: 'iPhone', mobile: true, customerUid: 'planted' })), { minKeys: 1, maxKeys: 6 })
  test('the parameters are exactly those of a clean page, whether the keys were assigned or hidden', () => {
    fc.assert(
      fc.property(validCart, planting, fc.boolean(), (cart, planted, hidden) => {
        const clean = buildRequestPayParams(cart, {}, ENV)
        for (const [key, value] of Object.entries(planted)) Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: !hidden })
        try {
          const polluted = buildRequestPayParams(JSON.parse(JSON.stringify(cart)), JSON.parse('{}'), { ...ENV })
          expect(polluted.ok).toBe(clean.ok)
          if (clean.ok && polluted.ok) expect({ ...polluted.params, merchant_uid: '' }).toEqual({ ...clean.params, merchant_uid: '' })
        } finally {
          for (const key of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[key]
        }
      }),
      { numRuns: 200 },
    )
  }, SLOW)
})

describe('for any input whatsoever', () => {
  test('buildRequestPayParams returns { ok } and never throws', () => {
    fc.assert(
      fc.property(anything, fc.oneof(anything, weird), (cart, options) => {
        const built = buildRequestPayParams(cart, options, ENV)
        expect(typeof built.ok).toBe('boolean')
        if (!built.ok) for (const e of built.errors) expect([typeof e.message, typeof e.shopperMessage]).toEqual(['string', 'string'])
        // Whatever '__proto__' or 'constructor' keys the input held, nothing was planted on Object.prototype.
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { numRuns: 500 },
    )
  }, SLOW)

  test('parsePaymentResult returns a result and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.webQueryParameters().map((q) => '?' + q)), (input) => {
        const result = parsePaymentResult(input)
        expect(['success', 'failure', 'none']).toContain(result.status)
      }),
      { numRuns: 500 },
    )
  }, SLOW)
})
