// Runs the bad-input corpus (test/corpus/bad-input.ts) through the pure functions and through the widget's store
// with a fake SDK: each case gets its specific error or a valid result, nothing throws, nothing bad reaches the
// SDK, and no prototype gains a key.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { buildRequestPayParams, optionsFromAttributes, parseCartJson, parsePaymentResult } from '../../src/core'
import type { BuildEnv, BuildResult, ValidationError } from '../../src/core'
import type { Imp, SdkClient } from '../../src/sdk'
import { createCheckoutStore } from '../../src/ui/store'
import { captureConsole } from '../console'
import { attributeCases, buildCases, DESKTOP_UA, item, NOW, PAGE_URL, resultCases, type Expect } from '../corpus/bad-input'

const ENV: BuildEnv = { now: NOW, device: { userAgent: DESKTOP_UA, maxTouchPoints: 0 }, pageUrl: PAGE_URL }
const VALID_CART = { items: [item()] }

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
const ownKeys = () => PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
const baseline = ownKeys()

/** No prototype gained (or lost) a key, and nothing reads `polluted` through one. */
function expectClean(): void {
  expect(ownKeys()).toEqual(baseline)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined()
}

function expectOutcome(errors: ValidationError[], built: BuildResult | undefined, expected: Expect): void {
  if (expected === 'ok') {
    expect(errors).toEqual([])
    expect(built?.ok, JSON.stringify(built && !built.ok ? built.errors : null)).toBe(true)
    return
  }
  const all = [...errors, ...(built && !built.ok ? built.errors : [])]
  expect(all.map((e) => `${e.field}:${e.code}`)).toContain(`${expected.field}:${expected.code}`)
  for (const e of all) {
    expect(typeof e.message).toBe('string')
    // Every message names its field, so the integrator knows what to fix (the minimum is the shopper's, in won).
    if (e.code !== 'min_amount') expect(e.message.startsWith(e.field)).toBe(true)
  }
}

/** A store with an SDK that records and never does anything. */
function fakeStore(options: Record<string, unknown>, cart: unknown) {
  const imp: Imp = { init: vi.fn(), request_pay: vi.fn() }
  const requestPay = vi.fn<SdkClient['requestPay']>()
  const sdk: SdkClient = { load: () => Promise.resolve(imp), ready: () => imp, requestPay }
  const store = createCheckoutStore({ ...options, cart } as never, { sdk, env: () => ENV, emit: vi.fn() })
  return { store, requestPay, imp }
}

function expectStoreOutcome(run: ReturnType<typeof fakeStore>, expected: Expect, errors: ValidationError[]): void {
  const { store, requestPay, imp } = run
  // Per case: what this case's store logs, and nothing else (the pure functions log nothing, and no case warns).
  const error = captureConsole('error')
  if (errors.length > 0) store.showErrors(errors, true) // what the script-tag entry does with attribute problems
  store.pay()
  expect(imp.request_pay).not.toHaveBeenCalled()
  if (expected === 'ok') {
    expect(requestPay).toHaveBeenCalledTimes(1)
    expect(store.busy.value).toBe(true)
    expect(error.spy).not.toHaveBeenCalled()
  } else {
    expect(requestPay).not.toHaveBeenCalled()
    const view = store.view.value
    expect(view.kind).toBe('alert')
    const text = view.kind === 'alert' ? view.text : ''
    if (expected.code === 'min_amount') expect(text).toMatch(/^최소 결제 금액은 [\d,]+원입니다/)
    else {
      // The shopper reads a sentence, never the field path; the developer finds the field in the console.
      expect(text).toMatch(/^(장바구니에 담긴 상품이 없습니다\.|주문 정보에 문제가 있어 결제할 수 없습니다\. 상점에 문의해 주세요\.)/)
      expect(text).not.toContain(expected.field)
      expect(JSON.stringify(error.spy.mock.calls.at(-1))).toContain(`"field":${JSON.stringify(expected.field)}`)
    }
    // The only console line bad input makes is the developer's list of what to fix.
    for (const call of error.spy.mock.calls) expect(call).toEqual(['[naverpay-checkout] invalid input:', expect.any(Array)])
    expect(store.busy.value).toBe(false)
  }
  store.destroy()
}

afterEach(expectClean)

// Checks of the table itself, not of the widget: they stop the run at collection rather than count as tests.
const names = [...buildCases, ...attributeCases, ...resultCases].map((c) => c.name)
if (names.length < 150) throw new Error(`the bad-input corpus must hold at least 150 cases (holds ${names.length})`)
if (new Set(names).size !== names.length) throw new Error('the bad-input corpus has duplicate case names')

describe('buildRequestPayParams', () => {
  test.each(buildCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const built = buildRequestPayParams(c.cart, c.options, ENV)
    expectOutcome([], built, c.expect)
    if (built.ok) {
      // What does reach the SDK is plain data: the amount a safe whole number, every string free of control characters.
      expect(Number.isSafeInteger(built.params.amount)).toBe(true)
      expect(JSON.parse(JSON.stringify(built.params))).toEqual(built.params)
      expect(Object.getPrototypeOf(built.params)).toBe(Object.prototype)
    }
  })
})

describe('the store never calls the SDK with bad input', () => {
  const plain = buildCases.filter((c) => c.options === undefined || (typeof c.options === 'object' && c.options !== null && !Array.isArray(c.options) && !(c.name.includes('Proxy'))))
  if (plain.length <= buildCases.length * 0.9) throw new Error('the store sample must be most of the corpus')
  test.each(plain.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectStoreOutcome(fakeStore((c.options ?? {}) as Record<string, unknown>, c.cart), c.expect, [])
  })
})

describe('script-tag attributes and the cart script tag', () => {
  function read(c: (typeof attributeCases)[number]) {
    const { options, errors } = optionsFromAttributes(c.dataset)
    const problems = [...errors]
    let cart: unknown = VALID_CART
    if (c.cartJson !== undefined) {
      const parsed = parseCartJson(c.cartJson)
      if (parsed.ok) cart = parsed.cart
      else {
        cart = undefined
        problems.push(...parsed.errors)
      }
    }
    return { options, problems, cart }
  }

  test.each(attributeCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { options, problems, cart } = read(c)
    const built = problems.some((p) => p.code === 'cart_json') ? undefined : buildRequestPayParams(cart, options, ENV)
    expectOutcome(problems, built, c.expect)
  })

  test.each(attributeCases.map((c) => [c.name, c] as const))('through the store: %s', (_, c) => {
    const { options, problems, cart } = read(c)
    expectStoreOutcome(fakeStore(options as Record<string, unknown>, cart), c.expect, problems)
  })
})

describe('parsePaymentResult', () => {
  test.each(resultCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = parsePaymentResult(c.input)
    expect(result).toMatchObject(c.expect)
    expect(Object.keys(result).sort()).toEqual(['customerUid', 'errorCode', 'errorMsg', 'impUid', 'merchantUid', 'status'])
    for (const value of Object.values(result)) expect(value === null || typeof value === 'string').toBe(true)
  })
})
