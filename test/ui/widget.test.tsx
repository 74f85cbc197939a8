import { act, fireEvent, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { CheckoutOptions, CheckoutResult, RequestPayParams } from '../../src/core/types'
import type { Imp, SdkClient } from '../../src/sdk'
import { messages } from '../../src/core/messages'
import { mount, mountWidget, type CheckoutHandle } from '../../src/ui/mount'
import { LATE_ANSWER_MS } from '../../src/ui/store'
import { captureConsole } from '../console'

// ── a fake PortOne SDK ──────────────────────────────────────────────────────────────────────────
interface Call {
  params: RequestPayParams
  callback: (response: unknown) => void
}

function fakeSdk(options: { ready?: boolean } = {}) {
  const calls: Call[] = []
  const imp: Imp = { init: vi.fn(), request_pay: vi.fn((params, callback) => void calls.push({ params, callback })) }
  let arrived = options.ready ?? true
  let finish: (ok: boolean) => void = () => {}
  const pending = new Promise<Imp>((resolve, reject) => {
    finish = (ok) => {
      if (ok) {
        arrived = true
        resolve(imp)
      } else reject(new Error('network down'))
    }
  })
  pending.catch(() => {})
  const client: SdkClient = {
    load: vi.fn(() => (arrived ? Promise.resolve(imp) : pending)),
    ready: () => (arrived ? imp : undefined),
    requestPay: vi.fn((sdk: Imp, params: RequestPayParams, callback: (response: unknown) => void) => sdk.request_pay(params, callback)),
  }
  return {
    client,
    imp,
    calls,
    /** Answers the last request_pay the way PortOne's popup callback does. */
    async answer(response: Record<string, unknown>) {
      const last = calls[calls.length - 1]
      if (!last) throw new Error('request_pay was never called')
      await act(async () => {
        last.callback({ merchant_uid: last.params.merchant_uid, ...response })
      })
    },
    async finishLoad(ok = true) {
      await act(async () => {
        finish(ok)
        await pending.catch(() => {})
      })
    },
  }
}

const CART = { items: [{ uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' }] }

let host: HTMLElement
let handle: CheckoutHandle | undefined

beforeEach(() => {
  host = document.createElement('div')
  host.id = 'npay'
  document.body.appendChild(host)
})

afterEach(() => {
  handle?.destroy()
  handle = undefined
  host.remove()
  vi.restoreAllMocks()
})

function setup(options: Partial<CheckoutOptions> = {}, sdk = fakeSdk()) {
  act(() => {
    handle = mountWidget(host, { cart: CART, ...options }, sdk.client).handle
  })
  const ui = within(host.shadowRoot as unknown as HTMLElement)
  return {
    sdk,
    ui,
    button: () => ui.getByRole('button', { name: /네이버페이|Naver Pay/ }),
    // `hidden: true` because happy-dom 20 matches `:empty` on elements that hold text, so the widget's
    // `.npay-alert:empty{display:none}` hides even a filled region here. Visibility is checked by e2e in Chromium.
    status: () => ui.getByRole('status', { hidden: true }),
    alert: () => ui.getByRole('alert', { hidden: true }),
    async click() {
      await act(async () => {
        fireEvent.click(ui.getByRole('button', { name: /네이버페이|Naver Pay/ }))
      })
    },
  }
}

/** Lets pending promise chains (verification) finish and the widget re-render. */
async function settled() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

// ── tests ───────────────────────────────────────────────────────────────────────────────────────

describe('the button', () => {
  test('Korean: the accessible name contains 네이버페이 and it is a plain button', () => {
    const warn = captureConsole('warn')
    const { ui } = setup()
    const button = ui.getByRole('button')
    expect(button.textContent).toContain('네이버페이')
    expect(ui.getByRole('button', { name: /네이버페이/ })).toBe(button)
    expect(button.getAttribute('type')).toBe('button')
    // The first widget of this file without impCode: the once-per-page warning comes here.
    expect(warn.text()).toMatch(/^\[naverpay-checkout\] No impCode: IMP\.init is left to the page[^\n]*$/)
  })

  test('English: the accessible name contains Naver Pay', () => {
    const { ui } = setup({ locale: 'en' })
    expect(ui.getByRole('button', { name: /Naver Pay/ })).toBeTruthy()
    expect(ui.queryByRole('button', { name: /네이버페이/ })).toBeNull()
  })

  test('renders in an open shadow root, not in the light DOM', () => {
    setup()
    expect(host.shadowRoot).not.toBeNull()
    expect(host.children).toHaveLength(0)
    expect(within(document.body).queryByRole('button')).toBeNull()
  })
})

describe('paying', () => {
  test('a click sends the cart to request_pay in the same task', async () => {
    const { sdk, click } = setup()
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    expect(sdk.calls[0].params).toMatchObject({ pg: 'naverpay', name: '한국사', amount: 15000, naverPopupMode: true })
  })

  test('five fast clicks open Naver Pay once', async () => {
    const { sdk, button } = setup()
    await act(async () => {
      for (let i = 0; i < 5; i++) fireEvent.click(button())
    })
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    expect(button().getAttribute('aria-busy')).toBe('true')
  })

  test('handle.pay() five times also opens Naver Pay once', async () => {
    const { sdk } = setup()
    await act(async () => {
      for (let i = 0; i < 5; i++) handle?.pay()
    })
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
  })

  test('setCart changes what the next payment charges', async () => {
    const { sdk, click } = setup()
    act(() => handle?.setCart({ items: [{ ...CART.items[0], price: 2000, count: 2 }], shippingFee: 3000 }))
    await click()
    expect(sdk.calls[0].params.amount).toBe(7000)
  })

  test('below the minimum: the alert explains it and request_pay is never called', async () => {
    const { sdk, click, alert } = setup({ cart: { items: [{ ...CART.items[0], price: 9, count: 1 }] } })
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await click()
    expect(alert().textContent).toContain('최소 결제 금액')
    expect(alert().textContent).toContain('10원')
    expect(sdk.imp.request_pay).not.toHaveBeenCalled()
    expect(sdk.client.requestPay).not.toHaveBeenCalled()
    // The shopper's own quantity choice is not an integration error.
    expect(error).not.toHaveBeenCalled()
  })

  test('a custom minimum is enforced in the widget too', async () => {
    const { sdk, click, alert } = setup({ minAmount: 100000, locale: 'en' })
    await click()
    expect(alert().textContent).toContain('100,000')
    expect(sdk.imp.request_pay).not.toHaveBeenCalled()
  })
})

describe('Naver Pay window closed without an answer', () => {
  test('switching away while the window is open keeps the button busy; coming back gives it back', async () => {
    vi.useFakeTimers()
    try {
      const { sdk, click, button, status } = setup()
      await click()
      const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
      await act(async () => void document.dispatchEvent(new Event('visibilitychange')))
      await act(async () => void vi.advanceTimersByTime(LATE_ANSWER_MS + 1000))
      expect(button().getAttribute('aria-disabled')).toBe('true')
      visibility.mockReturnValue('visible')
      await act(async () => void document.dispatchEvent(new Event('visibilitychange')))
      await act(async () => void vi.advanceTimersByTime(LATE_ANSWER_MS + 1000))
      expect(button().getAttribute('aria-disabled')).toBeNull()
      expect(status().textContent).toBe(messages('ko').windowClosed)
      // The window's late answer still counts.
      await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
      expect(status().textContent).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('PG failure', () => {
  test('the alert holds exactly error_msg, as text', async () => {
    const message = `잔액 부족 <b>bold</b> & "quoted" 'single'`
    const { sdk, click, alert, status } = setup()
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: message })
    expect(alert().textContent).toBe(message)
    expect(alert().children).toHaveLength(0) // rendered as text, not HTML
    expect(status().textContent).toBe('')
  })

  test('a retry after a failure sends a new merchant_uid', async () => {
    const { sdk, click } = setup()
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(2)
    expect(sdk.calls[1].params.merchant_uid).not.toBe(sdk.calls[0].params.merchant_uid)
  })

  test('a merchantUid() that hands out the same order number again is shown as an error, and the SDK is not called again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { sdk, click, alert } = setup({ merchantUid: () => 'order-1' })
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F400', error_msg: '잔액 부족' })
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    // The shopper reads a sentence; the developer finds the field and the repeated number in the console.
    expect(alert().textContent).toBe('주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.')
    expect(JSON.stringify(error.mock.calls.at(-1))).toContain('merchantUid()')
    expect(JSON.stringify(error.mock.calls.at(-1))).toContain('order-1')
  })

  test('an order number sent by an earlier widget on this page (destroyed and mounted again) is refused too', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const first = setup({ merchantUid: () => 'order-shared' })
    await first.click()
    await first.sdk.answer({ imp_uid: null, error_code: 'F400', error_msg: '잔액 부족' })
    act(() => handle!.destroy())
    const second = setup({ merchantUid: () => 'order-shared' })
    await second.click()
    expect(second.sdk.imp.request_pay).not.toHaveBeenCalled()
    expect(second.alert().textContent).toContain('상점에 문의해 주세요')
    expect(JSON.stringify(error.mock.calls.at(-1))).toContain('order-shared')
  })

  test('naverpay:result bubbles from the host and onResult gets the same object', async () => {
    const onResult = vi.fn()
    const events: CustomEvent<CheckoutResult>[] = []
    const listener = (event: Event) => events.push(event as CustomEvent<CheckoutResult>)
    document.addEventListener('naverpay:result', listener)
    try {
      const { sdk, click } = setup({ onResult })
      await click()
      await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
      expect(events).toHaveLength(1)
      const [event] = events
      expect(event.target).toBe(host)
      expect(event.bubbles).toBe(true)
      expect(event.composed).toBe(true)
      expect(event.detail).toStrictEqual({
        status: 'failure',
        impUid: null,
        merchantUid: sdk.calls[0].params.merchant_uid,
        customerUid: null,
        errorCode: 'F0004',
        errorMsg: '잔액 부족',
        verification: 'skipped',
      })
      expect(onResult).toHaveBeenCalledTimes(1)
      expect(onResult.mock.calls[0][0]).toBe(event.detail)
    } finally {
      document.removeEventListener('naverpay:result', listener)
    }
  })
})

describe('a page whose Object.prototype another script has polluted', () => {
  test('a planted verifyUrl never receives the payment, and a planted sdkUrl is never contacted', async () => {
    const planted = { verifyUrl: 'https://evil.example/verify', sdkUrl: 'https://evil.example/x.js', channelKey: 'evil', recurring: { customerUid: 'evil' }, merchantUid: () => 'evil' }
    Object.assign(Object.prototype, planted)
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const warn = captureConsole('warn')
    try {
      window.IMP = { init: vi.fn(), request_pay: vi.fn() }
      act(() => void (handle = mount(host, { impCode: 'imp00000000', cart: CART })))
      expect(document.querySelector('link[href^="https://evil.example"], script[src^="https://evil.example"]')).toBeNull()
      const sdk = fakeSdk()
      act(() => void (handle = mountWidget(host, { cart: CART }, sdk.client).handle))
      await act(async () => void fireEvent.click(within(host.shadowRoot as unknown as HTMLElement).getByRole('button')))
      await sdk.answer({ imp_uid: 'imp_123' })
      await settled()
      expect(fetch).not.toHaveBeenCalled()
      // The planted verifyUrl does not count as the merchant's: the page is told that nothing verifies.
      expect(warn.text()).toContain('[naverpay-checkout] No verifyUrl or verify is set')
      // The merchant's own options, read at mount and again when the payment is built, still count.
      const own = fakeSdk()
      act(() => void (handle = mountWidget(host, { cart: CART, channelKey: 'channel-key-1', recurring: { customerUid: 'c1', productCode: 'P' }, buyer: { tel: '010-1234-5678' }, merchantUid: () => 'order-planted-page' }, own.client).handle))
      await act(async () => void fireEvent.click(within(host.shadowRoot as unknown as HTMLElement).getByRole('button')))
      expect(own.calls[0].params).toMatchObject({ channelKey: 'channel-key-1', customer_uid: 'c1', naverProductCode: 'P', merchant_uid: 'order-planted-page' })
    } finally {
      for (const key of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[key]
      delete window.IMP
      vi.unstubAllGlobals()
    }
  })
})

describe('impCode', () => {
  test('missing: the console says IMP.init is left to the page', async () => {
    vi.resetModules()
    const fresh = await import('../../src/ui/mount')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    act(() => {
      handle = fresh.mountWidget(host, { cart: CART }, fakeSdk().client).handle
    })
    expect(warn.mock.calls.map((args) => args.join(' ')).join('\n')).toMatch(/impCode.*IMP\.init/)
  })
})

describe('success and verification', () => {
  test('without verifyUrl: an unverified status, never "complete", and a console warning', async () => {
    // warnOnce remembers per page: load fresh modules so this test sees the warning whatever ran before.
    vi.resetModules()
    const fresh = await import('../../src/ui/mount')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const sdk = fakeSdk()
    const onResult = vi.fn()
    act(() => {
      handle = fresh.mountWidget(host, { cart: CART, onResult }, sdk.client).handle
    })
    const ui = within(host.shadowRoot as unknown as HTMLElement)
    await act(async () => {
      fireEvent.click(ui.getByRole('button'))
    })
    await sdk.answer({ imp_uid: 'imp_123' })
    const status = ui.getByRole('status', { hidden: true }).textContent ?? ''
    expect(status).toContain('접수')
    expect(status).not.toContain('결제가 완료되었습니다')
    expect(ui.getByRole('alert', { hidden: true }).textContent).toBe('')
    expect(warn).toHaveBeenCalled()
    expect(warn.mock.calls.map((args) => args.join(' ')).join('\n')).toMatch(/verif/i)
    expect(onResult.mock.calls[0][0]).toMatchObject({ status: 'success', impUid: 'imp_123', verification: 'unverified' })
  })

  test('an SDK that calls back twice for one payment: verified once, reported once, the first answer stands', async () => {
    const verify = vi.fn(async () => ({ status: 'paid' }))
    const onResult = vi.fn()
    const { sdk, click, status } = setup({ verify, onResult })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    await settled()
    await sdk.answer({ imp_uid: null, error_code: 'F1002', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    await settled()
    expect(verify).toHaveBeenCalledTimes(1)
    expect(onResult).toHaveBeenCalledTimes(1)
    expect(status().textContent).toBe('결제가 완료되었습니다.')
  })

  test('verify answering paid: "verifying" first, then complete', async () => {
    const answer = deferred<unknown>()
    const verify = vi.fn(() => answer.promise)
    const onResult = vi.fn()
    const { sdk, click, status, alert } = setup({ verify, onResult })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_123', merchantUid: sdk.calls[0].params.merchant_uid }))
    expect(status().textContent).toContain('확인하고 있습니다')
    expect(status().textContent).not.toContain('완료')
    expect(onResult).not.toHaveBeenCalled()
    answer.resolve({ status: 'paid' })
    await settled()
    expect(status().textContent).toBe('결제가 완료되었습니다.')
    expect(alert().textContent).toBe('')
    expect(onResult.mock.calls[0][0]).toMatchObject({ status: 'success', verification: 'paid' })
  })

  test('English: verified payment says complete', async () => {
    const { sdk, click, status } = setup({ locale: 'en', verify: async () => ({ status: 'paid' }) })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    await settled()
    expect(status().textContent).toMatch(/complete/i)
  })

  test('verify answering failed: the alert holds exactly the server message', async () => {
    const onResult = vi.fn()
    const { sdk, click, status, alert } = setup({ verify: async () => ({ status: 'failed', message: '금액 불일치' }), onResult })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    await settled()
    expect(alert().textContent).toBe('금액 불일치')
    expect(status().textContent).toBe('')
    expect(onResult.mock.calls[0][0]).toMatchObject({ verification: 'rejected', verificationMessage: '금액 불일치' })
  })

  test('a throwing verify: a verification error with a retry button that verifies again', async () => {
    const error = captureConsole('error')
    const verify = vi
      .fn<(result: unknown) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('server down'))
      .mockResolvedValueOnce({ status: 'paid' })
    const { sdk, ui, click, status, alert } = setup({ verify })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    await settled()
    expect(alert().textContent).toContain('확인하지 못했습니다')
    expect(status().textContent).not.toContain('완료되었습니다')
    const retry = ui.getByRole('button', { name: '결제 결과 다시 확인' })
    await act(async () => {
      fireEvent.click(retry)
    })
    await settled()
    expect(verify).toHaveBeenCalledTimes(2)
    expect(verify.mock.calls[1][0]).toMatchObject({ impUid: 'imp_123' })
    expect(status().textContent).toBe('결제가 완료되었습니다.')
    expect(alert().textContent).toBe('')
    expect(ui.queryByRole('button', { name: '결제 결과 다시 확인' })).toBeNull()
    // Retrying verification does not pay again.
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    // The failed check told the developer why; the retry that succeeded said nothing.
    expect(error.text()).toBe('[naverpay-checkout] verification failed: server down')
  })

  test('while the server is asked, the button stays busy: a click then pays nothing', async () => {
    const answer = deferred<unknown>()
    const { sdk, click, button } = setup({ verify: () => answer.promise })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    expect(button().getAttribute('aria-disabled')).toBe('true')
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    answer.resolve({ status: 'paid' })
    await settled()
    expect(button().getAttribute('aria-disabled')).toBeNull()
  })

  test('a verify function that never answers ends at verifyTimeout as a verification error with a retry', async () => {
    const error = captureConsole('error')
    const { sdk, click, alert, ui, button } = setup({ verify: () => new Promise(() => {}), verifyTimeout: 1000 })
    await click()
    await sdk.answer({ imp_uid: 'imp_123' })
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 1100))))
    expect(error.text()).toBe('[naverpay-checkout] verification failed: no answer within 1000 ms')
    expect(alert().textContent).toContain('확인하지 못했습니다')
    expect(ui.getByRole('button', { name: '결제 결과 다시 확인' })).toBeTruthy()
    expect(button().getAttribute('aria-disabled')).toBeNull()
  })

  test('verifyUrl: POSTs imp_uid and merchant_uid as JSON', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ status: 'paid' }), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    try {
      const { sdk, click, status } = setup({ verifyUrl: '/payments/complete' })
      await click()
      await sdk.answer({ imp_uid: 'imp_123' })
      await settled()
      expect(fetch).toHaveBeenCalledTimes(1)
      const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
      expect(url).toBe('/payments/complete')
      expect(init.method).toBe('POST')
      expect(JSON.parse(init.body as string)).toEqual({ imp_uid: 'imp_123', merchant_uid: sdk.calls[0].params.merchant_uid })
      expect(init.credentials).toBe('same-origin') // the shop's session cookie identifies the order's owner
      expect(status().textContent).toBe('결제가 완료되었습니다.')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('SDK not ready', () => {
  test('popup path: a notice instead of a lost click, then the next click pays', async () => {
    const sdk = fakeSdk({ ready: false })
    const { click, status, alert } = setup({}, sdk)
    await click()
    expect(sdk.imp.request_pay).not.toHaveBeenCalled()
    expect(status().textContent).toContain('불러오는 중')
    expect(alert().textContent).toBe('')
    await sdk.finishLoad()
    expect(status().textContent).toContain('다시 눌러')
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
  })

  test('popup path with a redirectUrl: the click goes on by the redirect path once the SDK arrives', async () => {
    const sdk = fakeSdk({ ready: false })
    const { click, status } = setup({ redirectUrl: 'https://shop.example/pay/landing' }, sdk)
    await click()
    expect(sdk.imp.request_pay).not.toHaveBeenCalled()
    expect(status().textContent).toContain('준비하고 있습니다')
    await sdk.finishLoad()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    expect(sdk.calls[0].params).toMatchObject({ naverPopupMode: false, m_redirect_url: 'https://shop.example/pay/landing' })
  })

  test('once the SDK is there, the same widget pays in a popup again', async () => {
    const { click, sdk } = setup({ redirectUrl: 'https://shop.example/pay/landing' })
    await click()
    expect(sdk.calls[0].params.naverPopupMode).toBe(true)
  })

  test('a failed load becomes an alert', async () => {
    const error = captureConsole('error')
    const sdk = fakeSdk({ ready: false })
    const { click, alert } = setup({}, sdk)
    await click()
    await sdk.finishLoad(false)
    expect(alert().textContent).toContain('불러오지 못했습니다')
    expect(sdk.imp.request_pay).not.toHaveBeenCalled()
    // The loader's own error, as it came, for the developer.
    expect(error.spy.mock.calls).toEqual([['[naverpay-checkout]', new Error('network down')]])
  })
})

describe('lifecycle', () => {
  test('destroy() empties the shadow root and ignores a late callback', async () => {
    const onResult = vi.fn()
    const events: Event[] = []
    host.addEventListener('naverpay:result', (event) => events.push(event))
    const { sdk, click } = setup({ onResult })
    await click()
    act(() => handle?.destroy())
    handle = undefined
    expect(host.shadowRoot?.childNodes).toHaveLength(0)
    await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
    expect(host.shadowRoot?.childNodes).toHaveLength(0)
    expect(onResult).not.toHaveBeenCalled()
    expect(events).toHaveLength(0)
  })

  // Issue 12 item 8: this used to assert that the late success was dropped (not even sent to the server). A payment
  // that reached Naver Pay is never dropped: it is verified and reported by the widget that started it, not shown.
  test('destroy() while Naver Pay is open: a late success is still verified and reported, with nothing shown', async () => {
    const verify = vi.fn(async () => ({ status: 'paid' }))
    const onResult = vi.fn()
    const events: CheckoutResult[] = []
    host.addEventListener('naverpay:result', (event) => events.push((event as CustomEvent<CheckoutResult>).detail))
    const { sdk, click } = setup({ verify, onResult })
    await click()
    act(() => handle?.destroy())
    handle = undefined
    await sdk.answer({ imp_uid: 'imp_123' })
    await settled()
    expect(verify).toHaveBeenCalledTimes(1)
    expect(events).toMatchObject([{ status: 'success', impUid: 'imp_123', merchantUid: sdk.calls[0].params.merchant_uid, verification: 'paid' }])
    expect(onResult.mock.calls[0][0]).toBe(events[0])
    expect(host.shadowRoot?.childNodes).toHaveLength(0)
  })

  test('mount() again on the same host while Naver Pay is open: the first payment is still verified and reported', async () => {
    const verify = vi.fn(async () => ({ status: 'paid' }))
    const onResult = vi.fn()
    const { sdk, click } = setup({ verify, onResult })
    await click()
    const successor = setup({ locale: 'en' })
    await sdk.answer({ imp_uid: 'imp_first' })
    await settled()
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_first', merchantUid: sdk.calls[0].params.merchant_uid }))
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_first', verification: 'paid' }))
    // The new widget is untouched and usable.
    expect(successor.button().getAttribute('aria-disabled')).toBeNull()
    await successor.click()
    expect(successor.sdk.imp.request_pay).toHaveBeenCalledTimes(1)
  })

  test('an onResult that throws is logged; the widget still shows the outcome and the event still fires', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const events: Event[] = []
    host.addEventListener('naverpay:result', (event) => events.push(event))
    const { sdk, click, alert } = setup({
      onResult: () => {
        throw new Error('shop bug')
      },
    })
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
    expect(alert().textContent).toBe('잔액 부족')
    expect(events).toHaveLength(1)
    expect(error.mock.calls.map((args) => args.map(String).join(' ')).join('\n')).toContain('onResult threw')
  })

  test('mounting twice on one target replaces the first widget', () => {
    setup()
    const second = fakeSdk()
    act(() => {
      handle = mountWidget(host, { cart: CART }, second.client).handle
    })
    expect(within(host.shadowRoot as unknown as HTMLElement).getAllByRole('button')).toHaveLength(1)
  })

  test('a selector matching nothing throws an Error naming the selector', () => {
    expect(() => mount('#no-such-npay', { cart: CART })).toThrow(Error)
    expect(() => mount('#no-such-npay', { cart: CART })).toThrow('#no-such-npay')
  })

  test('options that are not an object throw an Error saying what to pass', () => {
    expect(() => mount(host, null as unknown as CheckoutOptions)).toThrow(/options must be an object/)
  })
})

describe('an answer that comes after the Naver Pay window closed (issue 12 item 3)', () => {
  test('back on the page, the button stays busy while the answer can still come: Enter and clicks pay nothing, and the late answer wins', async () => {
    vi.useFakeTimers()
    try {
      const { sdk, click, button, status } = setup({ verify: async () => ({ status: 'paid' }) })
      await click()
      // The window closed; the shopper presses on the page; PortOne's server is still confirming.
      await act(async () => void document.dispatchEvent(new Event('pointerdown')))
      await act(async () => void vi.advanceTimersByTime(5000))
      expect(button().getAttribute('aria-disabled')).toBe('true')
      expect(status().textContent).toBe(messages('ko').awaiting)
      await act(async () => void fireEvent.keyDown(button(), { key: 'Enter' }))
      await click()
      expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
      await sdk.answer({ imp_uid: 'imp_late' })
      await act(async () => void (await vi.runAllTimersAsync()))
      expect(status().textContent).toBe('결제가 완료되었습니다.')
    } finally {
      vi.useRealTimers()
    }
  })

  test('an answer after "closed" was shown still wins: the outcome replaces the notice', async () => {
    vi.useFakeTimers()
    try {
      const { sdk, click, status, alert } = setup()
      await click()
      await act(async () => void window.dispatchEvent(new Event('focus')))
      await act(async () => void vi.advanceTimersByTime(LATE_ANSWER_MS + 1000))
      expect(status().textContent).toBe(messages('ko').windowClosed)
      await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
      expect(alert().textContent).toBe('잔액 부족')
      expect(status().textContent).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })

  test("a press inside another widget is not this widget's shopper coming back", async () => {
    vi.useFakeTimers()
    const other = document.body.appendChild(document.createElement('div'))
    let second: CheckoutHandle | undefined
    try {
      const { click, button, status } = setup()
      act(() => void (second = mountWidget(other, { cart: { items: [{ ...CART.items[0], price: 1 }] } }, fakeSdk().client).handle))
      await click()
      const otherButton = within(other.shadowRoot as unknown as HTMLElement).getByRole('button')
      const error = captureConsole('error')
      await act(async () => {
        fireEvent.pointerDown(otherButton, { composed: true, bubbles: true })
        fireEvent.keyDown(otherButton, { key: 'Enter', composed: true, bubbles: true })
        fireEvent.click(otherButton)
      })
      await act(async () => void vi.advanceTimersByTime(LATE_ANSWER_MS * 3))
      expect(button().getAttribute('aria-disabled')).toBe('true')
      expect(status().textContent).toBe(messages('ko').waiting)
      // The other widget's 1-won cart is below the minimum: the shopper's to fix, so nothing goes to the console.
      expect(error.text()).toBe('')
    } finally {
      second?.destroy()
      other.remove()
      vi.useRealTimers()
    }
  })
})

describe('setCart after an input error (issue 12 item 13)', () => {
  test('a cart that setCart fixed clears the error without a click or a re-mount; one still wrong shows its own', async () => {
    const error = captureConsole('error')
    const { sdk, click, alert } = setup({ cart: { items: [] } })
    await click()
    expect(alert().textContent).not.toBe('')
    act(() => handle?.setCart({ items: [{ ...CART.items[0], price: 9, count: 1 }] }))
    expect(alert().textContent).toContain('최소 결제 금액')
    act(() => handle?.setCart(CART))
    expect(alert().textContent).toBe('')
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    // Only the empty cart is the integration's error; the below-minimum cart is the shopper's, and not logged.
    expect(error.spy.mock.calls).toEqual([['[naverpay-checkout] invalid input:', [expect.objectContaining({ field: 'cart.items', code: 'empty_cart' })]]])
  })

  test('a PG failure on screen is not an input error: setCart leaves it', async () => {
    const { sdk, click, alert } = setup()
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
    act(() => handle?.setCart({ items: [{ ...CART.items[0], count: 2 }] }))
    expect(alert().textContent).toBe('잔액 부족')
  })
})

describe('orders from the merchant server: orderUrl / createOrder (issue 10 item 3)', () => {
  type Reply = () => Response | Promise<Response>
  /** The shop's order endpoint: each POST takes the next reply (the last one repeats). */
  function orderServer(...replies: Reply[]) {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve().then(replies.length > 1 ? replies.shift()! : replies[0]))
    vi.stubGlobal('fetch', fetch)
    return { fetch, bodies: () => fetch.mock.calls.map(([, init]) => JSON.parse(init!.body as string)) }
  }
  // Order numbers are page-wide (one sent is never sent again), so every test gets its own.
  let run = 0
  beforeEach(() => void (run += 1))
  const uid = (name: string) => `${name}_${run}`
  const created = (merchantUid: string, amount = 15000, status = 201) => () =>
    new Response(JSON.stringify({ merchant_uid: uid(merchantUid), amount, name: '한국사' }), { status, headers: { 'Content-Type': 'application/json' } })
  afterEach(() => vi.unstubAllGlobals())

  test('asked at mount with the cart; the click pays with its merchant_uid inside the click, without a request on the click path', async () => {
    const server = orderServer(created('ord_1'))
    const { sdk, click } = setup({ orderUrl: '/orders' })
    await settled()
    expect(server.fetch).toHaveBeenCalledTimes(1)
    const [url, init] = server.fetch.mock.calls[0]
    expect(url).toBe('/orders')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', redirect: 'error' })
    expect(server.bodies()[0]).toEqual({ cart: CART })
    act(() => void fireEvent.click(setupButton()))
    // Synchronously, in the click's own task: request_pay was called and no new request was made.
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    expect(server.fetch).toHaveBeenCalledTimes(1)
    expect(sdk.calls[0].params).toMatchObject({ merchant_uid: uid('ord_1'), amount: 15000, naverPopupMode: true })
    void click
  })

  test('a click before the order is there (popup path): "press again", then the next click pays with it', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    orderServer(() => gate.then(created('ord_late')))
    const { sdk, click, status } = setup({ orderUrl: '/orders' })
    await click()
    expect(sdk.imp.request_pay).not.toHaveBeenCalled()
    expect(status().textContent).toBe(messages('ko').sdkNotReady)
    await act(async () => release())
    await settled()
    expect(status().textContent).toBe(messages('ko').sdkReady)
    await click()
    expect(sdk.calls[0].params.merchant_uid).toBe(uid('ord_late'))
  })

  test('the redirect path waits for the order, then leaves with it', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    orderServer(() => gate.then(created('ord_r')))
    const { sdk, click, status, button } = setup({ orderUrl: '/orders', mode: 'redirect', redirectUrl: 'https://shop.example/landing' })
    await click()
    expect(status().textContent).toBe(messages('ko').loading)
    expect(button().getAttribute('aria-disabled')).toBe('true')
    await act(async () => release())
    await settled()
    expect(sdk.calls.map((c) => c.params)).toMatchObject([{ merchant_uid: uid('ord_r'), naverPopupMode: false }])
  })

  test.each([
    ['ko', undefined, ['14,000원', '15,000원']],
    ['en', 'en', ['₩14,000', '₩15,000']],
  ] as const)('%s: a server amount differing from the cart is refused before the SDK, naming both amounts', async (_name, locale, amounts) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = orderServer(created('ord_x', 14000))
    const { sdk, click, alert, button } = setup({ orderUrl: '/orders', locale })
    await settled()
    await click()
    for (const amount of amounts) expect(alert().textContent).toContain(amount)
    expect(sdk.client.requestPay).not.toHaveBeenCalled()
    expect(button().getAttribute('aria-disabled')).toBeNull()
    expect(error).toHaveBeenCalled()
    // The next click asks the server again.
    await click()
    await settled()
    expect(server.fetch).toHaveBeenCalledTimes(2)
  })

  const SHAPE = 'expected { merchant_uid: 1 to 40 characters, amount: whole won }, got'
  test.each<[string, Reply, string, string]>([
    ['a 400 with a message: the message, as text', () => new Response(JSON.stringify({ message: '품절된 상품이 있습니다 <b>' }), { status: 400 }), '품절된 상품이 있습니다 <b>', 'HTTP 400'],
    ['a 500 without one', () => new Response('oops', { status: 500 }), messages('ko').orderFailed, 'HTTP 500'],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), messages('ko').orderFailed, 'Failed to fetch'],
    ['bad JSON', () => new Response('{"merchant_uid":', { status: 201 }), messages('ko').orderFailed, `${SHAPE} undefined`],
    ['the wrong shape', () => new Response(JSON.stringify({ merchantUid: 'ord_1', amount: 15000 }), { status: 201 }), messages('ko').orderFailed, `${SHAPE} {"merchantUid":"ord_1","amount":15000}`],
  ])('a failing order endpoint (%s) is said, the button stays usable, and the next click asks again', async (_name, failing, text, reason) => {
    const error = captureConsole('error')
    const server = orderServer(failing, failing, created('ord_ok'))
    const { sdk, click, alert, status, button } = setup({ orderUrl: '/orders' })
    await settled()
    await click() // asks again; that fails too
    await settled()
    expect(alert().textContent).toBe(text)
    expect(alert().children).toHaveLength(0)
    expect(button().getAttribute('aria-disabled')).toBeNull()
    expect(server.fetch).toHaveBeenCalledTimes(2)
    await click() // asks a third time: now it works
    await settled()
    expect(status().textContent).toBe(messages('ko').sdkReady)
    await click()
    expect(sdk.calls[0].params.merchant_uid).toBe(uid('ord_ok'))
    // The failure the click waited for told the developer why (the one asked at mount is not logged: no click
    // waited for it); the third answer, a good one, said nothing.
    expect(error.text()).toBe(`[naverpay-checkout] the order could not be created: ${reason}`)
  })

  test('each attempt has a fresh order: after a failure the next order is asked for at once and used', async () => {
    const server = orderServer(created('ord_1'), created('ord_2'))
    const { sdk, click } = setup({ orderUrl: '/orders' })
    await settled()
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F1002', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    await settled()
    expect(server.fetch).toHaveBeenCalledTimes(2)
    await click()
    expect(sdk.calls.map((c) => c.params.merchant_uid)).toEqual([uid('ord_1'), uid('ord_2')])
  })

  test('setCart asks for the new cart\'s order; the click pays with it', async () => {
    const server = orderServer(created('ord_1'), created('ord_2', 4000))
    const { sdk, click } = setup({ orderUrl: '/orders' })
    await settled()
    const cart = { items: [{ ...CART.items[0], price: 2000, count: 2 }] }
    act(() => handle?.setCart(cart))
    await settled()
    expect(server.bodies()[1]).toEqual({ cart })
    await click()
    expect(sdk.calls[0].params).toMatchObject({ merchant_uid: uid('ord_2'), amount: 4000 })
  })

  test('a cart that cannot be paid is not sent to the server', async () => {
    const error = captureConsole('error')
    const server = orderServer(created('ord_1'))
    setup({ orderUrl: '/orders', cart: { items: [] } })
    await settled()
    expect(server.fetch).not.toHaveBeenCalled()
    // Nobody has clicked: the empty cart is said (alert and console) at the click, not at mount.
    expect(error.text()).toBe('')
  })

  test('createOrder gets the cart and the customerUid; its order is paid with', async () => {
    const createOrder = vi.fn(async () => ({ merchantUid: 'ord_fn', amount: 15000 }))
    const { sdk, click } = setup({ createOrder, recurring: { customerUid: 'cust_1', productCode: 'PLAN' }, buyer: { tel: '010-1234-5678' } })
    await settled()
    expect(createOrder).toHaveBeenCalledWith(CART, { customerUid: 'cust_1' })
    await click()
    expect(sdk.calls[0].params).toMatchObject({ merchant_uid: 'ord_fn', customer_uid: 'cust_1' })
  })

  test('the server order number is never paid with twice: a server handing it out again is refused', async () => {
    const error = captureConsole('error')
    orderServer(created('ord_same'))
    const { sdk, click, alert } = setup({ orderUrl: '/orders' })
    await settled()
    await click()
    await sdk.answer({ imp_uid: null, error_code: 'F0004', error_msg: '잔액 부족' })
    await settled()
    await click()
    expect(sdk.imp.request_pay).toHaveBeenCalledTimes(1)
    expect(alert().textContent).not.toBe('잔액 부족')
    expect(error.spy.mock.calls).toEqual([
      ['[naverpay-checkout] invalid input:', [expect.objectContaining({ field: 'merchantUid()', code: 'merchant_uid', message: expect.stringContaining(`(got "${uid('ord_same')}" again)`) })]],
    ])
  })

  test('an orderUrl or createOrder planted on Object.prototype never receives the cart', async () => {
    const server = orderServer(created('ord_planted'))
    const planted = vi.fn(async () => ({ merchantUid: 'evil', amount: 15000 }))
    Object.assign(Object.prototype, { orderUrl: 'https://evil.example/orders', createOrder: planted })
    try {
      const { sdk, click } = setup()
      await settled()
      await click()
      expect(server.fetch).not.toHaveBeenCalled()
      expect(planted).not.toHaveBeenCalled()
      expect(sdk.calls[0].params.merchant_uid).toMatch(/^npay_/)
    } finally {
      delete (Object.prototype as Record<string, unknown>).orderUrl
      delete (Object.prototype as Record<string, unknown>).createOrder
    }
  })

  function setupButton() {
    return within(host.shadowRoot as unknown as HTMLElement).getByRole('button', { name: /네이버페이|Naver Pay/ })
  }
})
