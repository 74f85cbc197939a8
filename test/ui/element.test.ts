import { act, fireEvent, within } from '@testing-library/preact'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { CheckoutResult, RequestPayParams } from '../../src/core/types'
import { defineElement, type NaverPayCheckoutElement } from '../../src/element'
import { LATE_ANSWER_MS } from '../../src/ui/store'
import { captureConsole } from '../console'

// window.IMP already on the page: the SDK loader reuses it, so nothing is fetched.
interface Call {
  params: RequestPayParams
  callback: (response: unknown) => void
}
let calls: Call[]
const CART = { items: [{ uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' }] }

beforeAll(() => defineElement())
beforeEach(() => {
  calls = []
  window.IMP = { init: vi.fn(), request_pay: (params, callback) => void calls.push({ params, callback }) }
})
afterEach(() => {
  document.body.innerHTML = ''
  delete window.IMP
})

async function place(html: string): Promise<NaverPayCheckoutElement> {
  await act(() => {
    document.body.innerHTML = html
  })
  await initialized()
  return document.querySelector('naverpay-checkout')!
}

/** IMP.init runs once the SDK is there, and PortOne builds its frames a task later: the shopper's click comes after. */
async function initialized(): Promise<void> {
  await act(async () => {
    await Promise.resolve()
    if (vi.isFakeTimers()) vi.advanceTimersByTime(1)
    else await new Promise((resolve) => setTimeout(resolve))
  })
}
// happy-dom keeps a stale `:empty{display:none}` style for text Preact fills in later, which hides the node
// from role queries; what the shopper sees is checked in Chromium (e2e/element.spec.ts).
const screen = (el: Element) => {
  const root = within(el.shadowRoot as unknown as HTMLElement)
  return {
    getByRole: (role: string, options: { name?: string | RegExp } = {}) => root.getByRole(role, { ...options, hidden: true }),
  }
}

describe('<naverpay-checkout>', () => {
  test('reads its attributes and the child JSON cart, pays, and emits naverpay:result from the element', async () => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" locale="en" verify-url="/verify">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    const results: CheckoutResult[] = []
    el.addEventListener('naverpay:result', (e) => results.push((e as CustomEvent<CheckoutResult>).detail))
    const button = screen(el).getByRole('button', { name: 'Pay with Naver Pay' })
    await act(() => void fireEvent.click(button))
    expect(window.IMP!.init).toHaveBeenCalledWith('imp00000000')
    expect(calls).toHaveLength(1)
    expect(calls[0].params).toMatchObject({ amount: 15000, name: '한국사', naverPopupMode: true, pg: 'naverpay' })
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, error_code: 'F400', error_msg: '잔액 부족' }))
    expect(screen(el).getByRole('alert').textContent).toBe('잔액 부족')
    expect(results).toMatchObject([{ status: 'failure', errorMsg: '잔액 부족' }])
  })

  test('.onResult gets the same object the event carries', async () => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    const details: CheckoutResult[] = []
    el.addEventListener('naverpay:result', (e) => details.push((e as CustomEvent<CheckoutResult>).detail))
    el.onResult = vi.fn()
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, error_msg: '잔액 부족' }))
    expect(el.onResult).toHaveBeenCalledTimes(1)
    expect(vi.mocked(el.onResult!).mock.calls[0][0]).toBe(details[0])
  })

  test('takes the cart from the .cart property, also when set before the element is upgraded', async () => {
    const el = document.createElement('naverpay-checkout') as NaverPayCheckoutElement
    el.setAttribute('imp-code', 'imp00000000')
    el.setAttribute('mode', 'popup')
    el.cart = { items: [{ ...CART.items[0], count: 2 }] }
    await act(() => void document.body.append(el))
    await initialized()
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params.amount).toBe(3000)
    // A new cart reaches the next payment.
    el.cart = { items: [{ ...CART.items[0], count: 3 }] }
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, error_msg: '취소' }))
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[1].params.amount).toBe(4500)
  })

  test('a broken JSON cart is shown as an alert and never reaches the SDK', async () => {
    const error = captureConsole('error')
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup"><script type="application/json">{"items":</script></naverpay-checkout>`)
    // The shopper reads a sentence; the developer reads which attribute and why in the console.
    expect(screen(el).getByRole('alert').textContent).toBe('주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.')
    expect(JSON.stringify(error.spy.mock.calls)).toContain('cart must be valid JSON')
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls).toHaveLength(0)
  })

  test('the redirect-url attribute becomes m_redirect_url; removing the element removes the widget', async () => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="redirect" redirect-url="https://shop.example/pay/landing"></naverpay-checkout>`)
    el.cart = CART
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params).toMatchObject({ naverPopupMode: false, m_redirect_url: 'https://shop.example/pay/landing' })
    await act(() => el.remove())
    expect(el.shadowRoot!.querySelector('button')).toBeNull()
  })

  test('an attribute or child-cart change while Naver Pay is open waits for that payment: its result still arrives, then the new settings apply', async () => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    const results: CheckoutResult[] = []
    el.addEventListener('naverpay:result', (e) => results.push((e as CustomEvent<CheckoutResult>).detail))
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    // A framework re-renders the element while the shopper is in Naver Pay's window.
    await act(() => {
      el.setAttribute('locale', 'en')
      el.querySelector('script')!.textContent = JSON.stringify({ items: [{ ...CART.items[0], count: 1 }] })
    })
    expect(screen(el).getByRole('status').textContent).toContain('네이버페이')
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, error_code: 'F400', error_msg: '잔액 부족' }))
    expect(results).toMatchObject([{ status: 'failure', errorMsg: '잔액 부족', merchantUid: calls[0].params.merchant_uid }])
    // Then the new attributes and cart take over, and the shopper still reads Naver Pay's message.
    await act(async () => {})
    expect(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })).toBeTruthy()
    expect(screen(el).getByRole('alert').textContent).toBe('잔액 부족')
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })))
    expect(calls[1].params.amount).toBe(1500)
  })

  test('a framework moving the element while Naver Pay is open (disconnect + connect) keeps that payment', async () => {
    const el = await place(`<div id="a"><naverpay-checkout imp-code="imp00000000" mode="popup">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout></div><div id="b"></div>`)
    const results: CheckoutResult[] = []
    el.addEventListener('naverpay:result', (e) => results.push((e as CustomEvent<CheckoutResult>).detail))
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    await act(() => void document.getElementById('b')!.append(el))
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, error_code: 'F400', error_msg: '잔액 부족' }))
    expect(results).toMatchObject([{ status: 'failure', errorMsg: '잔액 부족' }])
    expect(screen(el).getByRole('alert').textContent).toBe('잔액 부족')
    // Removed for good, it is gone.
    await act(() => el.remove())
    expect(el.shadowRoot!.querySelector('button')).toBeNull()
  })

  test.each([
    ['the cart JSON changes, then the element moves (a keyed reorder commits children first)', (el: Element) => {
      el.querySelector('script')!.textContent = JSON.stringify({ items: [{ ...CART.items[0], count: 1 }] })
      document.getElementById('b')!.append(el)
    }],
    ['the element is taken out, its cart JSON changed, and put back', (el: Element) => {
      el.remove()
      el.querySelector('script')!.textContent = JSON.stringify({ items: [{ ...CART.items[0], count: 1 }] })
      document.getElementById('b')!.append(el)
    }],
  ])('a move in one task with a cart change: the next payment has the new cart (%s)', async (_label, change) => {
    const el = await place(`<div id="a"><naverpay-checkout imp-code="imp00000000" mode="popup">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout></div><div id="b"></div>`)
    await act(() => change(el))
    await act(async () => {})
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params.amount).toBe(1500)
  })

  test('the outcome carried into a re-mount speaks the new language (error_msg stays as sent)', async () => {
    const warn = captureConsole('warn') // the first payment of this file without verifyUrl: warned once per page
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, imp_uid: 'imp_1' }))
    expect(screen(el).getByRole('status').textContent).toContain('접수')
    await act(() => el.setAttribute('locale', 'en'))
    await act(async () => {})
    expect(screen(el).getByRole('status').textContent).toMatch(/^[\x20-\x7e]+$/) // the unverified notice, in English
    expect(warn.text()).toMatch(/^\[naverpay-checkout\] No verifyUrl or verify is set[^\n]*$/)
  })

  test('a payment outcome carried into a registration widget keeps its payment wording, and the new widget registers', async () => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" locale="en" buyer-tel="010-1234-5678">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })))
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, imp_uid: 'imp_1' }))
    const paid = screen(el).getByRole('status').textContent
    await act(() => {
      el.setAttribute('recurring-customer-uid', 'cust_1')
      el.setAttribute('recurring-product-code', 'PLAN')
    })
    await act(async () => {})
    expect(screen(el).getByRole('status').textContent).toBe(paid)
    expect(screen(el).getByRole('button', { name: /Register/ })).toBeTruthy()
  })

  test('a registration outcome carried into a payment widget does not turn it into a registration button', async () => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" locale="en" buyer-tel="010-1234-5678"
      recurring-customer-uid="cust_1" recurring-product-code="PLAN">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /Register/ })))
    await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, imp_uid: 'imp_1', customer_uid: 'cust_1' }))
    const registered = screen(el).getByRole('status').textContent
    await act(() => {
      el.removeAttribute('recurring-customer-uid')
      el.removeAttribute('recurring-product-code')
    })
    await act(async () => {})
    expect(screen(el).getByRole('status').textContent).toBe(registered)
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })))
    expect(screen(el).getByRole('status').textContent).toBe('Complete the payment in the Naver Pay window.')
  })

  describe('"check again" on an outcome carried across a switch between payment and registration', () => {
    let answer: () => Response
    beforeEach(() => {
      answer = () => new Response('down', { status: 500 })
      vi.stubGlobal('fetch', vi.fn(async () => answer()))
    })
    afterEach(() => vi.unstubAllGlobals())
    const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))))
    const CHECK = '<script type="application/json">' + JSON.stringify(CART) + '</script>'

    test('a payment, re-checked in what is now a registration widget, is still a payment', async () => {
      const error = captureConsole('error')
      const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" locale="en" verify-url="/verify" buyer-tel="010-1234-5678">${CHECK}</naverpay-checkout>`)
      await act(() => void fireEvent.click(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })))
      await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, imp_uid: 'imp_1' }))
      await flush()
      await act(() => {
        el.setAttribute('recurring-customer-uid', 'cust_1')
        el.setAttribute('recurring-product-code', 'PLAN')
      })
      await flush()
      const retry = screen(el).getByRole('button', { name: 'Check the payment again' })
      answer = () => new Response(JSON.stringify({ status: 'paid' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
      await act(() => void fireEvent.click(retry))
      await flush()
      expect(screen(el).getByRole('status').textContent).toBe('Payment complete.')
      expect(screen(el).getByRole('button', { name: /^Register/ })).toBeTruthy() // the widget itself now registers
      expect(error.text()).toBe('[naverpay-checkout] verification failed: HTTP 500') // the first check only
    })

    test('a registration, re-checked in what is now a payment widget, is still a registration, and the widget still pays', async () => {
      const error = captureConsole('error')
      const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" locale="en" verify-url="/verify" buyer-tel="010-1234-5678"
        recurring-customer-uid="cust_1" recurring-product-code="PLAN">${CHECK}</naverpay-checkout>`)
      await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /^Register/ })))
      await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, imp_uid: 'imp_1', customer_uid: 'cust_1' }))
      await flush()
      await act(() => {
        el.removeAttribute('recurring-customer-uid')
        el.removeAttribute('recurring-product-code')
      })
      await flush()
      const retry = screen(el).getByRole('button', { name: 'Check the registration again' })
      answer = () => new Response(JSON.stringify({ status: 'paid' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
      await act(() => void fireEvent.click(retry))
      await flush()
      expect(screen(el).getByRole('status').textContent).toMatch(/registration/i)
      await act(() => void fireEvent.click(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })))
      expect(screen(el).getByRole('status').textContent).toBe('Complete the payment in the Naver Pay window.')
      expect(error.text()).toBe('[naverpay-checkout] verification failed: HTTP 500') // the first check only
    })
  })

  test('a change applied after the shopper came back without a result still gets the late answer from the open window', async () => {
    vi.useFakeTimers()
    try {
      const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup">
        <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
      const results: CheckoutResult[] = []
      el.addEventListener('naverpay:result', (e) => results.push((e as CustomEvent<CheckoutResult>).detail))
      await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
      await act(() => el.setAttribute('locale', 'en')) // waits for the payment
      // The shopper clicks on the shop page while Naver Pay's window is still open: the button comes back...
      await act(() => void document.dispatchEvent(new Event('pointerdown')))
      await act(async () => void vi.advanceTimersByTime(LATE_ANSWER_MS + 1000))
      // ...and the waiting change is applied (a new widget, in English).
      expect(screen(el).getByRole('button', { name: 'Pay with Naver Pay' })).toBeTruthy()
      // Then the shopper finishes in the window that stayed open.
      await act(() => calls[0].callback({ merchant_uid: calls[0].params.merchant_uid, error_code: 'F400', error_msg: '잔액 부족' }))
      expect(results).toMatchObject([{ status: 'failure', errorMsg: '잔액 부족', merchantUid: calls[0].params.merchant_uid }])
      expect(screen(el).getByRole('alert').textContent).toBe('잔액 부족')
    } finally {
      vi.useRealTimers()
    }
  })

  test('a broken JSON cart on an English element is explained in English', async () => {
    const error = captureConsole('error')
    const el = await place(`<naverpay-checkout imp-code="imp00000000" locale="en"><script type="application/json">{"items":</script></naverpay-checkout>`)
    expect(screen(el).getByRole('alert').textContent).toBe('This order has a problem and cannot be paid. Please contact the shop.')
    expect(JSON.stringify(error.spy.mock.calls)).toMatch(/cart must be valid JSON/)
  })

  test('a cart JSON that a framework fixes after a parse error leaves no stale error behind', async () => {
    const error = captureConsole('error')
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup"><script type="application/json">{"items":</script></naverpay-checkout>`)
    expect(screen(el).getByRole('alert').textContent).toContain('상점에 문의해 주세요')
    await act(() => {
      el.querySelector('script')!.textContent = JSON.stringify(CART)
    })
    expect(screen(el).getByRole('alert').textContent).toBe('')
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params.amount).toBe(15000)
    // Only the broken JSON was logged; the fixed cart and its payment said nothing.
    expect(error.spy.mock.calls).toEqual([['[naverpay-checkout] invalid input:', [expect.objectContaining({ field: 'cart', code: 'cart_json' })]]])
  })

  test.each([
    ['buyer-tel', '010-9999-0000', { buyer_tel: '010-9999-0000' }],
    ['naver-purchaser-name', '홍길동', { naverPurchaserName: '홍길동' }],
    ['recurring-product-count', '3', { naverProductCount: 3 }],
  ])('every attribute is live: a framework changing %s after mount reaches the next payment', async (name, value, expected) => {
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" buyer-tel="010-1234-5678"
      recurring-customer-uid="cust_1" recurring-product-code="PLAN" recurring-product-count="1">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    await act(() => el.setAttribute(name, value))
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params).toMatchObject(expected)
  })

  test('a broken JSON cart, then a cart set by .cart: the error clears at once and the click pays (issue 12 item 13)', async () => {
    const error = captureConsole('error')
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup"><script type="application/json">{"items":</script></naverpay-checkout>`)
    expect(screen(el).getByRole('alert').textContent).not.toBe('')
    await act(() => void (el.cart = CART))
    expect(screen(el).getByRole('alert').textContent).toBe('')
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params.amount).toBe(15000)
    expect(error.spy.mock.calls).toEqual([['[naverpay-checkout] invalid input:', [expect.objectContaining({ field: 'cart', code: 'cart_json' })]]])
  })

  test('order-url is read and live: the order is asked of the URL the attribute names now', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ merchant_uid: 'ord_el_' + fetch.mock.calls.length, amount: 15000 }), { status: 201 })),
    )
    vi.stubGlobal('fetch', fetch)
    const el = await place(`<naverpay-checkout imp-code="imp00000000" mode="popup" order-url="/orders-a">
      <script type="application/json">${JSON.stringify(CART)}</script></naverpay-checkout>`)
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))))
    await act(() => el.setAttribute('order-url', '/orders-b'))
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))))
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/orders-a', '/orders-b'])
    await act(() => void fireEvent.click(screen(el).getByRole('button', { name: /네이버페이/ })))
    expect(calls[0].params.merchant_uid).toBe('ord_el_2')
  })

  test('defineElement is idempotent', () => {
    expect(() => defineElement()).not.toThrow()
    expect(customElements.get('naverpay-checkout')).toBeDefined()
  })
})
