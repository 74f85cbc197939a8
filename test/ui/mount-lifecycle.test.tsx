import { act, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { messages } from '../../src/core/messages'
import type { CheckoutResult } from '../../src/core/types'
import { mount, type CheckoutHandle } from '../../src/ui/mount'
import { captureConsole } from '../console'

const CART = { items: [{ uid: '1', name: '한국사', price: 1500, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }] }

afterEach(() => {
  document.body.innerHTML = ''
  delete window.IMP
})

test('destroying a handle that a later mount on the same element replaced leaves the new widget working', async () => {
  const calls: unknown[] = []
  window.IMP = { init: vi.fn(), request_pay: (params) => void calls.push(params) }
  const warn = captureConsole('warn')
  const host = document.body.appendChild(document.createElement('div'))
  let first!: CheckoutHandle
  let second!: CheckoutHandle
  act(() => void (first = mount(host, { cart: CART, mode: 'popup' })))
  act(() => void (second = mount(host, { cart: CART, mode: 'popup', locale: 'en' })))
  act(() => first.destroy())
  const button = within(host.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Pay with Naver Pay' })
  act(() => button.click())
  expect(calls).toHaveLength(1)
  expect(warn.text()).toMatch(/^\[naverpay-checkout\] No impCode: IMP\.init is left to the page[^\n]*$/)
  act(() => second.destroy())
})

test('a popup callback holding no result ends the attempt: shown as not completed and reported with the order number', async () => {
  let answer!: (response: unknown) => void
  let sent!: { merchant_uid: string }
  window.IMP = { init: vi.fn(), request_pay: (params, callback) => void ((sent = params), (answer = callback)) }
  const host = document.body.appendChild(document.createElement('div'))
  const results: CheckoutResult[] = []
  let handle!: CheckoutHandle
  act(() => void (handle = mount(host, { cart: CART, mode: 'popup', onResult: (r) => results.push(r) })))
  const ui = within(host.shadowRoot as unknown as HTMLElement)
  act(() => ui.getByRole('button', { name: /네이버페이/ }).click())
  act(() => answer({}))
  expect(ui.getByRole('alert', { hidden: true }).textContent).toBe(messages('ko').failed)
  expect(ui.getByRole('status', { hidden: true }).textContent).toBe('')
  expect(results).toMatchObject([{ status: 'none', merchantUid: sent.merchant_uid, verification: 'skipped' }])
  expect(ui.getByRole('button', { name: /네이버페이/ }).getAttribute('aria-disabled')).toBeNull()
  act(() => handle.destroy())
})
