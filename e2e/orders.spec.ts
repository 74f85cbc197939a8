// Orders the merchant's server creates (orderUrl, here the script tag's data-order-url), against the BUILT IIFE in
// Chromium: the order is asked for ahead of the click and paid with, on desktop and on the phone round trip; a
// disputed amount is refused before the SDK; a failing endpoint is said and retried; every attempt has its own order.
import { devices, type Page } from '@playwright/test'
import { messages } from '../src/core/messages'
import { E2E_PORT } from './origins'
import { choose, expect, SEED_CART, test, Widget } from './fixtures'

const m = messages('ko')
const PAGE = '/e2e/pages/orders.html'
const TOTAL = 27000 // SEED_CART: 1,500 × 10 + 12,000

interface OrderServer {
  /** Every JSON body POSTed to /api/orders, in order. */
  bodies: unknown[]
  /** The merchant_uids it handed out. */
  created: string[]
}

type Reply = { status: number; json: unknown } | undefined
/** The shop's order endpoint: `answer(n)` may reply to the n-th request (from 0); otherwise a new order for the total. */
async function orderServer(page: Page, answer: (n: number) => Reply | Promise<Reply> = () => undefined): Promise<OrderServer> {
  const server: OrderServer = { bodies: [], created: [] }
  await page.route('**/api/orders', async (route) => {
    const n = server.bodies.push(route.request().postDataJSON()) - 1
    const reply = await answer(n)
    if (reply) return route.fulfill(reply)
    const merchantUid = `ord_e2e_${n + 1}_${Date.now().toString(36)}`
    server.created.push(merchantUid)
    await route.fulfill({ status: 201, json: { merchant_uid: merchantUid, amount: TOTAL, name: '한국사' } })
  })
  return server
}

async function verifyPaid(page: Page): Promise<unknown[]> {
  const bodies: unknown[] = []
  await page.route('**/verify', (route) => (bodies.push(route.request().postDataJSON()), route.fulfill({ json: { status: 'paid' } })))
  return bodies
}

/** The shop page with data-order-url, its SDK loaded. */
async function shop(page: Page): Promise<Widget> {
  await page.goto(PAGE)
  const widget = new Widget(page, '#npay')
  await expect(widget.button).toBeVisible()
  await page.waitForFunction(() => 'IMP' in window)
  return widget
}

test('desktop: the order is created at mount, the click pays with it in its own task, and it is verified', async ({ page }) => {
  const orders = await orderServer(page)
  const verified = await verifyPaid(page)
  const widget = await shop(page)
  await expect.poll(() => orders.bodies.length).toBe(1)
  expect(orders.bodies[0]).toEqual({ cart: SEED_CART })
  const popup = await widget.openPopup() // a popup that opened at all was opened inside the click
  expect(orders.bodies).toHaveLength(1) // nothing asked on the click's path
  const [params] = await widget.calls()
  expect(params).toMatchObject({ merchant_uid: orders.created[0], amount: TOTAL, naverPopupMode: true })
  await choose(popup, 'pay')
  await expect(widget.status).toHaveText(m.paid)
  expect(verified).toEqual([{ imp_uid: expect.stringMatching(/^imp_sim_/), merchant_uid: orders.created[0] }])
})

test('a disputed amount: the server prices the cart at 25,000 won, the cart says 27,000 — refused before the SDK, naming both', async ({ page }) => {
  await orderServer(page, () => ({ status: 201, json: { merchant_uid: `ord_x_${Date.now()}`, amount: 25000 } }))
  const widget = await shop(page)
  await widget.button.click()
  await expect(widget.alert).toContainText('25,000원')
  await expect(widget.alert).toContainText('27,000원')
  expect(await widget.calls()).toEqual([])
  await expect(widget.button).not.toHaveAttribute('aria-disabled', 'true')
})

test('a fresh order after a failed payment: the retry pays with a new merchant_uid from the server', async ({ page }) => {
  const orders = await orderServer(page)
  const widget = await shop(page)
  await choose(await widget.openPopup(), 'fail', '잔액 부족')
  await expect(widget.alert).toHaveText('잔액 부족')
  await expect.poll(() => orders.bodies.length).toBe(2)
  await choose(await widget.openPopup(), 'cancel')
  const calls = await widget.calls()
  expect(calls.map((c) => c.merchant_uid)).toEqual(orders.created.slice(0, 2))
  expect(calls[0].merchant_uid).not.toBe(calls[1].merchant_uid)
})

test("a failing order endpoint: its message is shown as text, the button stays usable, and a later click gets a fresh order and pays", async ({ page }) => {
  let failing = true
  const orders = await orderServer(page, () => (failing ? { status: 503, json: { message: '주문 서버 점검 중 <b>' } } : undefined))
  const widget = await shop(page)
  await widget.button.click()
  await expect(widget.alert).toHaveText('주문 서버 점검 중 <b>')
  expect(await widget.alert.locator('b').count()).toBe(0)
  await expect(widget.button).not.toHaveAttribute('aria-disabled', 'true')
  expect(await widget.calls()).toEqual([])
  failing = false
  // Asks again: this time the order comes. The click could not wait for it inside its own task, so with a
  // redirectUrl set it goes on by the redirect path (without one it would ask for another press).
  await widget.button.click()
  await expect(page.getByRole('dialog', { name: /네이버페이/ })).toBeVisible()
  expect((await widget.calls())[0]).toMatchObject({ merchant_uid: orders.created[0], naverPopupMode: false })
})

test('an order endpoint that redirects to another origin is a failure: the foreign order is never paid', async ({ page }) => {
  const token = `order-${Date.now()}`
  const foreign = `http://localhost:${E2E_PORT}/e2e/foreign-paid?token=${token}`
  await page.route('**/api/orders', (route) => route.continue({ url: `${new URL(page.url()).origin}/e2e/redirect?status=307&to=${encodeURIComponent(foreign)}` }))
  const widget = await shop(page)
  await widget.button.click()
  await expect(widget.alert).toHaveText(m.orderFailed)
  expect(await widget.calls()).toEqual([])
  expect(await (await page.request.get(`/e2e/foreign-hits?token=${token}`)).text()).toBe('0')
})

test.describe('phone', () => {
  const { defaultBrowserType: _webkit, ...iPhone13 } = devices['iPhone 13']
  test.use(iPhone13) // the project's Chromium plays the iPhone

  test('the round trip: the server order goes to Naver Pay, comes back to the landing page and is verified there', async ({ page }) => {
    const orders = await orderServer(page)
    const verified = await verifyPaid(page)
    const widget = await shop(page)
    await expect.poll(() => orders.bodies.length).toBe(1)
    await widget.button.click()
    await expect(page.getByRole('dialog', { name: /네이버페이/ })).toBeVisible()
    const [params] = await widget.calls()
    expect(params).toMatchObject({ merchant_uid: orders.created[0], amount: TOTAL, naverPopupMode: false })
    await choose(page, 'pay')
    await page.waitForURL(/\/e2e\/pages\/landing\.html\?/)
    expect(new URL(page.url()).searchParams.get('merchant_uid')).toBe(orders.created[0])
    const landing = new Widget(page, '#npay-result')
    await expect(landing.status).toHaveText(m.paid)
    await expect(landing.root.getByText(orders.created[0])).toBeVisible() // the order summary's number
    expect(verified).toEqual([{ imp_uid: expect.stringMatching(/^imp_sim_/), merchant_uid: orders.created[0] }])
  })

  test('a click before the order arrives waits for it on the redirect path, then leaves with it', async ({ page }) => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const orders = await orderServer(page, (n) => (n === 0 ? gate.then(() => undefined) : undefined))
    const widget = await shop(page)
    await widget.button.click()
    await expect(widget.status).toHaveText(m.loading)
    expect(await widget.calls()).toEqual([])
    release()
    await expect(page.getByRole('dialog', { name: /네이버페이/ })).toBeVisible()
    expect((await widget.calls())[0]).toMatchObject({ merchant_uid: orders.created[0], naverPopupMode: false })
  })
})
