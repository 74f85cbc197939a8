import { act, fireEvent, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { CheckoutOptions, CheckoutResult, RequestPayParams } from '../../src/core/types'
import type { Imp, SdkClient } from '../../src/sdk'
import { mountLanding } from '../../src/ui/landing'
import { mountWidget } from '../../src/ui/mount'
import { captureConsole } from '../console'

// Billing-key registration as the shopper sees it: the widget's texts say registration, never payment.
const PLAN = { items: [{ uid: 'PLAN_SLIM_M', name: 'Slim 요금제(1개월 단위)', price: 14000, count: 1, categoryType: 'ETC', categoryId: 'ETC' }] }
const REGISTRATION: Partial<CheckoutOptions> = {
  cart: PLAN,
  buyer: { tel: '010-1234-5678' },
  recurring: { customerUid: 'gildong_0001_1234', productCode: 'PLAN_SLIM_M' },
}
const CANCELLED = '[결제포기] 사용자가 결제를 취소하셨습니다'

let host: HTMLElement
let teardown: (() => void) | undefined
let results: CheckoutResult[]

beforeEach(() => {
  host = document.createElement('div')
  document.body.appendChild(host)
  results = []
  host.addEventListener('naverpay:result', (e) => results.push((e as CustomEvent<CheckoutResult>).detail))
})

afterEach(() => {
  teardown?.()
  teardown = undefined
  host.remove()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  sessionStorage.clear()
  localStorage.clear()
})

/** A loaded SDK whose request_pay the test answers as PortOne's popup callback would. */
function sdk() {
  const calls: { params: RequestPayParams; callback: (response: unknown) => void }[] = []
  const imp: Imp = { init: () => {}, request_pay: (params, callback) => void calls.push({ params, callback }) }
  const client: SdkClient = { load: () => Promise.resolve(imp), ready: () => imp, requestPay: (i, params, callback) => i.request_pay(params, callback) }
  return { client, calls }
}

const shadow = () => within(host.shadowRoot as unknown as HTMLElement)
// `hidden: true`: happy-dom treats the styled live regions as hidden; Chromium visibility is covered by e2e.
const status = () => shadow().getByRole('status', { hidden: true })
const alert = () => shadow().getByRole('alert', { hidden: true })

/** Lets the verification promise chain finish and the widget re-render. */
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

function setup(options: Partial<CheckoutOptions> = {}) {
  const fake = sdk()
  act(() => {
    teardown = mountWidget(host, { ...REGISTRATION, ...options } as CheckoutOptions, fake.client).handle.destroy
  })
  return {
    calls: fake.calls,
    button: (name: RegExp | string) => shadow().getByRole('button', { name }),
    async register() {
      await act(async () => void fireEvent.click(shadow().getAllByRole('button')[0]))
    },
    async answer(response: Record<string, unknown>) {
      const last = fake.calls[fake.calls.length - 1]
      await act(async () => last.callback({ merchant_uid: last.params.merchant_uid, ...response }))
      await flush()
    },
  }
}

describe('the registration button', () => {
  test.each([
    ['ko', '네이버페이 정기결제 등록', /네이버페이 결제$/],
    ['en', 'Register Naver Pay for recurring payments', /^Pay with Naver Pay/],
  ] as const)('%s: its accessible name says registration', (locale, name, payment) => {
    const warn = captureConsole('warn')
    const { button } = setup({ locale })
    expect(button(name).getAttribute('type')).toBe('button')
    expect(shadow().queryByRole('button', { name: payment })).toBeNull()
    // No impCode here: the first of these widgets draws the once-per-page warning, and nothing else is said.
    expect(warn.text()).toMatch(locale === 'ko' ? /^\[naverpay-checkout\] No impCode: IMP\.init is left to the page[^\n]*$/ : /^$/)
  })

  test('without recurring it is a payment button', () => {
    act(() => {
      teardown = mountWidget(host, { cart: PLAN }, sdk().client).handle.destroy
    })
    expect(shadow().getByRole('button', { name: '네이버페이 결제' })).toBeTruthy()
  })
})

describe('registering through the popup', () => {
  test.each([
    ['ko', '네이버페이 창에서 정기결제 등록을 진행해 주세요.', '정기결제 등록 요청이 접수되었습니다. 상점의 확인 후 완료됩니다.'],
    ['en', 'Complete the registration in the Naver Pay window.', 'Registration request received. It completes once the shop confirms it.'],
  ] as const)('%s: waiting and unverified statuses say registration; the event carries customerUid', async (locale, waiting, unverified) => {
    const warn = captureConsole('warn')
    const { calls, register, answer } = setup({ locale })
    await register()
    expect(calls).toHaveLength(1)
    expect(calls[0].params).toMatchObject({ customer_uid: 'gildong_0001_1234', naverProductCode: 'PLAN_SLIM_M', amount: 14000, buyer_tel: '010-1234-5678' })
    expect(status().textContent).toBe(waiting)
    await answer({ imp_uid: 'imp_1', customer_uid: 'gildong_0001_1234', success: true })
    expect(status().textContent).toBe(unverified)
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ status: 'success', customerUid: 'gildong_0001_1234', verification: 'unverified' })
    // This file's first success without verifyUrl or verify (ko) draws the once-per-page warning; nothing else is said.
    expect(warn.text()).toBe(
      locale === 'ko' ? "[naverpay-checkout] No verifyUrl or verify is set: Naver Pay's inspection requires the merchant server to verify every payment before success is shown." : '',
    )
  })

  test('verified by the merchant server: 정기결제 등록이 완료되었습니다, and the check saw customerUid', async () => {
    const verify = vi.fn(async () => ({ status: 'paid' }))
    const { register, answer } = setup({ verify })
    await register()
    await answer({ imp_uid: 'imp_1', customer_uid: 'gildong_0001_1234' })
    expect(status().textContent).toBe('정기결제 등록이 완료되었습니다.')
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_1', customerUid: 'gildong_0001_1234' }))
    expect(results[0].verification).toBe('paid')
  })

  test('verifyUrl: the POST body carries customer_uid next to imp_uid and merchant_uid', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ status: 'paid' }), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    const { calls, register, answer } = setup({ verifyUrl: '/payments/complete', locale: 'en' })
    await register()
    await answer({ imp_uid: 'imp_1', customer_uid: 'gildong_0001_1234' })
    expect(status().textContent).toBe('Recurring payment registration complete.')
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(JSON.parse(init.body as string)).toEqual({ imp_uid: 'imp_1', merchant_uid: calls[0].params.merchant_uid, customer_uid: 'gildong_0001_1234' })
  })

  test.each([
    ['ko', '등록 결과를 아직 확인하지 못했습니다. 잠시 후 다시 확인해 주세요. 다시 등록하지 마세요.', '등록 결과 다시 확인'],
    ['en', 'Your registration could not be confirmed yet. Check again in a moment; do not register twice.', 'Check the registration again'],
  ] as const)('%s: a failed check says registration, and so does its retry button', async (locale, text, retry) => {
    const error = captureConsole('error')
    const verify = vi.fn().mockRejectedValueOnce(new Error('server down')).mockResolvedValueOnce({ status: 'paid' })
    const { register, answer, button } = setup({ verify, locale })
    await register()
    await answer({ imp_uid: 'imp_1', customer_uid: 'gildong_0001_1234' })
    expect(alert().textContent).toBe(text)
    await act(async () => void fireEvent.click(button(retry)))
    await flush()
    expect(verify).toHaveBeenCalledTimes(2)
    expect(results.map((r) => r.verification)).toEqual(['error', 'paid'])
    // The failed check told the developer why; the retry that succeeded said nothing.
    expect(error.text()).toBe('[naverpay-checkout] verification failed: server down')
  })

  test('cancelled by the shopper: the alert holds exactly error_msg, nothing else', async () => {
    const { register, answer } = setup()
    await register()
    await answer({ imp_uid: null, customer_uid: 'gildong_0001_1234', error_code: 'F1002', error_msg: CANCELLED, success: false })
    expect(alert().textContent).toBe(CANCELLED)
    expect(status().textContent).toBe('')
    expect(results[0]).toMatchObject({ status: 'failure', errorMsg: CANCELLED, customerUid: 'gildong_0001_1234', verification: 'skipped' })
  })

  test('a merchant-server rejection without a message says the registration was not completed', async () => {
    const { register, answer } = setup({ verify: async () => ({ status: 'failed', message: '' }), locale: 'en' })
    await register()
    await answer({ imp_uid: 'imp_1', customer_uid: 'gildong_0001_1234' })
    expect(alert().textContent).toBe('The recurring payment registration was not completed.')
  })
})

describe('invalid registrations never reach the SDK', () => {
  test.each([
    ['missing buyer.tel', { buyer: {} }, 'buyer.tel is required (Naver Pay requires it to register a recurring payment)'],
    ['missing productCode', { recurring: { customerUid: 'c' } }, 'recurring.productCode is required (without it the same shopper can register the same product twice)'],
  ] as const)('%s', async (_label, over, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { calls, register } = setup(over as Partial<CheckoutOptions>)
    await register()
    expect(calls).toHaveLength(0)
    // The developer's sentence (field, why) goes to the console and the error objects; the shopper reads their own.
    expect(JSON.stringify(error.mock.calls)).toContain(JSON.stringify(message))
    expect(alert().textContent).toBe('주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.')
  })
})

describe('deprecated parameters', () => {
  test('naverActionType and naverChainId: one console warning each, however many attempts', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { calls, register, answer } = setup({ recurring: { customerUid: 'c', productCode: 'P', actionType: 'CHANGE' }, naver: { chainId: 'chain01' } })
    await register()
    await answer({ imp_uid: null, error_msg: CANCELLED })
    await register()
    expect(calls).toHaveLength(2)
    expect(calls[1].params).toMatchObject({ naverActionType: 'CHANGE', naverChainId: 'chain01' })
    const texts = warn.mock.calls.map((args) => String(args[0]))
    expect(texts.filter((t) => t.includes('naverActionType'))).toHaveLength(1)
    expect(texts.filter((t) => t.includes('naverChainId'))).toHaveLength(1)
  })
})

describe('the landing page', () => {
  test.each([
    ['ko', '정기결제 등록이 완료되었습니다.'],
    ['en', 'Recurring payment registration complete.'],
  ] as const)('%s: customer_uid in the query makes it a registration result', async (locale, text) => {
    // A new order number per case: the landing page replays an outcome it already showed for the same one.
    history.replaceState(null, '', `/landing?imp_uid=imp_9&merchant_uid=m_${locale}&customer_uid=gildong_0001_1234&imp_success=true`)
    const verify = vi.fn(async () => ({ status: 'paid' }))
    act(() => {
      teardown = mountLanding(host, { verify, locale }).destroy
    })
    await flush()
    expect(status().textContent).toBe(text)
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_9', customerUid: 'gildong_0001_1234' }))
    expect(results[0]).toMatchObject({ customerUid: 'gildong_0001_1234', verification: 'paid' })
  })

  test('no customer_uid in the query: the order saved before leaving tells it was a registration', async () => {
    const order = { merchantUid: 'm_saved', name: 'Slim 요금제(1개월 단위)', amount: 14000, items: [], customerUid: 'gildong_0001_1234', time: 1 }
    sessionStorage.setItem('naverpay-checkout:pending:m_saved', JSON.stringify(order))
    history.replaceState(null, '', '/landing?imp_uid=imp_7&merchant_uid=m_saved&imp_success=true')
    const verify = vi.fn(async () => ({ status: 'paid' }))
    act(() => {
      teardown = mountLanding(host, { verify }).destroy
    })
    await flush()
    expect(status().textContent).toBe('정기결제 등록이 완료되었습니다.')
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_7', customerUid: 'gildong_0001_1234' }))
    expect(results[0]).toMatchObject({ merchantUid: 'm_saved', customerUid: 'gildong_0001_1234', verification: 'paid' })
  })

  test('a saved one-time order stays a payment', async () => {
    sessionStorage.setItem('naverpay-checkout:pending:m_pay', JSON.stringify({ merchantUid: 'm_pay', name: '한국사', amount: 15000, items: [], time: 1 }))
    history.replaceState(null, '', '/landing?imp_uid=imp_6&merchant_uid=m_pay&imp_success=true')
    act(() => {
      teardown = mountLanding(host, { verify: async () => ({ status: 'paid' }) }).destroy
    })
    await flush()
    expect(status().textContent).toBe('결제가 완료되었습니다.')
    expect(results[0].customerUid).toBeNull()
  })

  test('a cancelled registration on the landing page shows error_msg exactly', async () => {
    history.replaceState(null, '', '/landing?merchant_uid=m_8&customer_uid=c&error_code=F1002&error_msg=' + encodeURIComponent(CANCELLED) + '&imp_success=false')
    act(() => {
      teardown = mountLanding(host, {}).destroy
    })
    await flush()
    expect(alert().textContent).toBe(CANCELLED)
  })
})
