import { act, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { mount, type CheckoutHandle } from '../../src/ui/mount'

const CART = { items: [{ uid: '1', name: '한국사', price: 1500, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }] }

afterEach(() => {
  document.body.innerHTML = ''
  delete window.IMP
})

test('destroying a handle that a later mount on the same element replaced leaves the new widget working', async () => {
  const calls: unknown[] = []
  window.IMP = { init: vi.fn(), request_pay: (params) => void calls.push(params) }
  const host = document.body.appendChild(document.createElement('div'))
  let first!: CheckoutHandle
  let second!: CheckoutHandle
  act(() => void (first = mount(host, { cart: CART, mode: 'popup' })))
  act(() => void (second = mount(host, { cart: CART, mode: 'popup', locale: 'en' })))
  act(() => first.destroy())
  const button = within(host.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Pay with Naver Pay' })
  act(() => button.click())
  expect(calls).toHaveLength(1)
  act(() => second.destroy())
})
