// A landing page mounted more than once in one page — a framework re-render, React StrictMode's mount/unmount/mount,
// an attribute change on <naverpay-checkout page="landing">, a moved element, private mode where sessionStorage
// refuses — still asks the merchant server once and reports the outcome once (a later replay says it is one).
import { act } from '@testing-library/preact'
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import type { CheckoutResult } from '../../src/core/types'
import { defineElement } from '../../src/element'
import { mountLanding } from '../../src/ui/landing'

let events: CheckoutResult[]
let answer: () => void
let fetch: ReturnType<typeof vi.fn>
let order = 0 // a new order per test: what a page remembers (where storage refuses) lasts as long as the module

beforeAll(() => defineElement())
beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  events = []
  document.addEventListener('naverpay:result', collect)
  order += 1
  history.replaceState(null, '', `/landing?imp_uid=imp_${order}&merchant_uid=m_${order}`)
  // The server answers when the test says so.
  const answered = new Promise<void>((resolve) => (answer = resolve))
  fetch = vi.fn(() => answered.then(() => new Response(JSON.stringify({ status: 'paid' }), { status: 200, headers: { 'Content-Type': 'application/json' } })))
  vi.stubGlobal('fetch', fetch)
})
afterEach(() => {
  document.removeEventListener('naverpay:result', collect)
  document.body.innerHTML = ''
  history.replaceState(null, '', '/')
  vi.unstubAllGlobals()
})
const collect = (e: Event) => events.push((e as CustomEvent<CheckoutResult>).detail)
const settled = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))))
const reports = () => events.map((e) => [e.verification, e.replayed ?? false])

function landingElement(): HTMLElement {
  const el = document.createElement('naverpay-checkout')
  el.setAttribute('page', 'landing')
  el.setAttribute('verify-url', '/verify')
  return el
}

test('an attribute change while the server is asked: one POST, one report', async () => {
  const el = landingElement()
  await act(() => void document.body.append(el))
  await act(() => el.setAttribute('locale', 'en'))
  await act(async () => answer())
  await settled()
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(reports()).toEqual([['paid', false]])
  expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Payment complete.')
})

test('private mode (sessionStorage refuses): a re-mount after the answer replays it instead of asking again', async () => {
  const storage = Object.getOwnPropertyDescriptor(window, 'sessionStorage') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(window), 'sessionStorage')!
  Object.defineProperty(window, 'sessionStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError') } })
  try {
    const el = landingElement()
    await act(() => void document.body.append(el))
    await act(async () => answer())
    await settled()
    await act(() => el.setAttribute('locale', 'en'))
    await settled()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(reports()).toEqual([['paid', false], ['paid', true]])
  } finally {
    Object.defineProperty(window, 'sessionStorage', storage)
  }
})

test('an attribute the landing view cannot read is named in the console, and the result is still shown and checked', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const el = landingElement()
    el.setAttribute('verify-timeout', 'soon')
    await act(() => void document.body.append(el))
    await act(async () => answer())
    await settled()
    expect(error.mock.calls.map((args) => args.map(String).join(' ')).join('\n')).toContain('verify-timeout')
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(reports()).toEqual([['paid', false]])
  } finally {
    error.mockRestore()
  }
})

test('a moved landing element neither asks nor reports again', async () => {
  const el = landingElement()
  const [a, b] = [document.createElement('div'), document.createElement('div')]
  document.body.append(a, b)
  await act(() => void a.append(el))
  await act(async () => answer())
  await settled()
  await act(() => void b.append(el))
  await settled()
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(reports()).toEqual([['paid', false]])
})

test("React StrictMode's mount, destroy, mount: one POST, one report", async () => {
  const host = document.body.appendChild(document.createElement('div'))
  let handle = mountLanding(host, { verifyUrl: '/verify' })
  act(() => handle.destroy())
  act(() => void (handle = mountLanding(host, { verifyUrl: '/verify' })))
  await act(async () => answer())
  await settled()
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(reports()).toEqual([['paid', false]])
  handle.destroy()
})

test('mountLanding twice on one host (a route entered again) replaces the first: one POST, one report', async () => {
  const host = document.body.appendChild(document.createElement('div'))
  act(() => void mountLanding(host, { verifyUrl: '/verify' }))
  const second = mountLanding(host, { verifyUrl: '/verify' })
  await act(async () => answer())
  await settled()
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(reports()).toEqual([['paid', false]])
  expect(host.shadowRoot!.querySelectorAll('[role=status]')).toHaveLength(1)
  second.destroy()
})
