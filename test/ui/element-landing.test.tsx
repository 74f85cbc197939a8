import { act } from '@testing-library/preact'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { CheckoutResult } from '../../src/core/types'
import { defineElement } from '../../src/element'

beforeAll(() => defineElement())
beforeEach(() => (sessionStorage.clear(), localStorage.clear()))
afterEach(() => {
  document.body.innerHTML = ''
  history.replaceState(null, '', '/')
  vi.unstubAllGlobals()
})

const settled = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))))

/** A landing-page <naverpay-checkout> (not yet connected) and the results it reports. */
function landingElement() {
  const el = document.createElement('naverpay-checkout')
  el.setAttribute('page', 'landing')
  el.setAttribute('verify-url', '/verify')
  const results: CheckoutResult[] = []
  el.addEventListener('naverpay:result', (e) => results.push((e as CustomEvent<CheckoutResult>).detail))
  return { el, results }
}

describe('<naverpay-checkout page="landing">', () => {
  test('a child node added after connection (the parser, a framework) does not verify or report the result twice', async () => {
    history.replaceState(null, '', '/landing?imp_uid=imp_1&merchant_uid=m_1')
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ status: 'paid' }), { status: 200 })))
    vi.stubGlobal('fetch', fetch)
    const { el, results } = landingElement()
    await act(() => void document.body.append(el))
    await act(() => void el.append(document.createTextNode('\n')))
    await settled()
    await settled()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ verification: 'paid', merchantUid: 'm_1' })
  })
})

describe('<naverpay-checkout page="landing"> attribute change', () => {
  test('an attribute change while the server is asked leaves one view, which reports the outcome once', async () => {
    history.replaceState(null, '', '/landing?imp_uid=imp_1&merchant_uid=m_1')
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    vi.stubGlobal('fetch', vi.fn(() => answered.then(() => new Response(JSON.stringify({ status: 'paid' }), { status: 200 }))))
    const { el, results } = landingElement()
    await act(() => void document.body.append(el))
    await act(() => void el.setAttribute('locale', 'en'))
    await act(async () => answer())
    await settled()
    expect(results).toHaveLength(1)
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Payment complete.')
  })
})
