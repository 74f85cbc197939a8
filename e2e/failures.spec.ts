// Every way the payment can go wrong: each test ends with a usable widget, a clear message, and (where it makes
// sense) a retry that really pays with a new merchant_uid.
import type { Page, Route } from '@playwright/test'
import { messages } from '../src/core/messages'
import { choose, expect, SDK_URL, SEED_CART, test, Widget } from './fixtures'
import { mountHandle, results } from './hardening'

const m = messages('ko')
const CART_B = { items: [{ uid: 'B1', name: '연필 세트', price: 5000, count: 1, categoryType: 'GENERAL', categoryId: 'GENERAL' }] }

/** The button is usable: not marked busy, and a click does something. */
async function expectUsable(widget: Widget): Promise<void> {
  await expect(widget.button).not.toHaveAttribute('aria-disabled', 'true')
  await expect(widget.button).toBeEnabled()
}

/** After the SDK route is fixed: the first click loads the SDK, the next one opens Naver Pay; pay there. */
async function retryAndPay(widget: Widget): Promise<void> {
  await widget.button.click()
  await expect(widget.status).toHaveText(m.sdkReady)
  const popup = await widget.openPopup()
  await choose(popup, 'pay')
  await expect(widget.status).toHaveText(m.unverified)
  await expect(widget.alert).toHaveCount(0)
}

async function sdkFailure(page: Page, handler: (route: Route) => unknown, message: string, options: Record<string, unknown> = {}): Promise<Widget> {
  await page.route(SDK_URL, handler)
  const widget = await mountHandle(page, options, '#npay', { waitForSdk: false })
  await widget.button.click()
  await expect(widget.alert).toHaveText(message)
  await expectUsable(widget)
  expect(await widget.calls()).toEqual([])
  await page.unroute(SDK_URL, handler) // the fixture's simulator answers again
  return widget
}

test.describe('the SDK does not arrive', () => {
  test('404: says so, then a retry pays', async ({ page }) => {
    const widget = await sdkFailure(page, (r) => r.fulfill({ status: 404, body: 'not found' }), m.sdkLoadFailed)
    await retryAndPay(widget)
  })

  test('network failure: says so, then a retry pays', async ({ page }) => {
    const widget = await sdkFailure(page, (r) => r.abort('internetdisconnected'), m.sdkLoadFailed)
    await retryAndPay(widget)
  })

  test('never answers: times out after sdkTimeout, then a retry pays', async ({ page }) => {
    const stuck: Route[] = []
    const started = Date.now()
    const widget = await sdkFailure(page, (r) => void stuck.push(r), m.sdkLoadFailed, { sdkTimeout: 1500 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400)
    // The hung request finally drops. (While it hangs, Chromium's HTTP cache makes a second request for the same
    // URL wait behind it, so a retry cannot succeed before the network gives up on the first.)
    await Promise.all(stuck.map((r) => r.abort('timedout').catch(() => {})))
    await retryAndPay(widget)
  })

  test('loads but defines no IMP: says the module is missing, then a retry pays', async ({ page }) => {
    const widget = await sdkFailure(page, (r) => r.fulfill({ contentType: 'text/javascript', body: 'window.NOT_IMP = {}' }), m.sdkMissing)
    await retryAndPay(widget)
  })
})

test('request_pay throws: says so, and the next click pays with a new merchant_uid', async ({ page }) => {
  const widget = await mountHandle(page)
  await page.evaluate(() => ((window as unknown as { __impSim: { throwOnRequest: boolean } }).__impSim.throwOnRequest = true))
  await widget.button.click()
  await expect(widget.alert).toHaveText(m.sdkThrew)
  await expectUsable(widget)
  await page.evaluate(() => ((window as unknown as { __impSim: { throwOnRequest: boolean } }).__impSim.throwOnRequest = false))
  const popup = await widget.openPopup()
  await choose(popup, 'pay')
  await expect(widget.status).toHaveText(m.unverified)
  const [first, second] = await widget.calls()
  expect(first.merchant_uid).not.toBe(second.merchant_uid)
})

test.describe('the shopper closes the Naver Pay window without paying', () => {
  // Headless Chromium fires no `focus` on the opener when the popup closes (measured); the shopper coming back is
  // seen through their first press on the page.
  for (const how of ['click', 'key'] as const) {
    test(`the button is given back after a ${how} on the page, and a retry pays`, async ({ page }) => {
      const widget = await mountHandle(page)
      const popup = await widget.openPopup()
      await expect(widget.button).toHaveAttribute('aria-disabled', 'true')
      await popup.close()
      if (how === 'click') await page.locator('h1').click()
      else await page.keyboard.press('Tab')
      await expect(widget.status).toHaveText(m.windowClosed, { timeout: 20_000 }) // after the wait for a late answer
      await expectUsable(widget)
      const again = await widget.openPopup()
      await choose(again, 'pay')
      await expect(widget.status).toHaveText(m.unverified)
      const [first, second] = await widget.calls()
      expect(first.merchant_uid).not.toBe(second.merchant_uid)
    })
  }

  test('a press on the page while the window is still open does not lose the payment', async ({ page }) => {
    const widget = await mountHandle(page)
    const popup = await widget.openPopup()
    await page.locator('h1').click()
    await expect(widget.status).toHaveText(m.windowClosed, { timeout: 20_000 }) // after the wait for a late answer
    await choose(popup, 'pay') // the window was not closed after all: its answer still counts
    await expect(widget.status).toHaveText(m.unverified)
    expect(await results(page)).toMatchObject([{ status: 'success', verification: 'unverified' }])
  })
})

test.describe('verification fails', () => {
  const cases: [string, (r: Route) => unknown][] = [
    ['answers 500', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: '{"status":"paid"}' })],
    ['answers bad JSON', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"pa' })],
    ['times out', () => {}],
  ]
  for (const [name, handler] of cases) {
    test(`${name}: says it could not confirm, then "check again" confirms`, async ({ page }) => {
      await page.route('**/verify-h5', handler)
      const widget = await mountHandle(page, { verifyUrl: '/verify-h5', verifyTimeout: 1500 })
      const popup = await widget.openPopup()
      await choose(popup, 'pay')
      await expect(widget.alert).toHaveText(m.verifyError)
      await expect(widget.status).toHaveCount(0)
      await expectUsable(widget)
      expect(await results(page)).toMatchObject([{ status: 'success', verification: 'error' }])
      await page.unroute('**/verify-h5', handler)
      await page.route('**/verify-h5', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"paid"}' }))
      await widget.root.getByRole('button', { name: m.retryVerify }).click()
      await expect(widget.status).toHaveText(m.paid)
      await expect(widget.alert).toHaveCount(0)
      expect((await results(page))[1]).toMatchObject({ status: 'success', verification: 'paid' })
    })
  }
})

test('setCart while paying: the payment keeps its cart; the next one uses the new cart', async ({ page }) => {
  const widget = await mountHandle(page)
  const popup = await widget.openPopup()
  await page.evaluate((cart) => window.__handles['#npay'].setCart(cart), CART_B)
  await choose(popup, 'pay')
  await expect(widget.status).toHaveText(m.unverified)
  const again = await widget.openPopup()
  await choose(again, 'cancel')
  const [first, second] = await widget.calls()
  expect(first).toMatchObject({ amount: 27000, name: '한국사' })
  expect(second).toMatchObject({ amount: 5000, name: '연필 세트' })
})

// Issue 12 item 8: this used to expect the late answer to be dropped (no result at all). A payment that reached Naver
// Pay is never dropped: the destroyed widget still reports it (not shown: its view is gone).
test('destroy while paying: the late answer is reported, not shown; nothing throws, and the target can be mounted again', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const widget = await mountHandle(page)
  const popup = await widget.openPopup()
  await page.evaluate(() => window.__handles['#npay'].destroy())
  await expect(widget.button).toHaveCount(0)
  await choose(popup, 'pay')
  await page.waitForEvent('close', { predicate: () => true, timeout: 100 }).catch(() => {}) // let the callback run
  await expect.poll(() => popup.isClosed()).toBe(true)
  await expect.poll(() => results(page)).toMatchObject([{ status: 'success', verification: 'unverified' }])
  expect(await page.locator('#npay').evaluate((el) => el.shadowRoot?.childNodes.length)).toBe(0)
  const remounted = await mountHandle(page, {}, '#npay', { goto: '' })
  const next = await remounted.openPopup()
  await choose(next, 'pay')
  await expect(remounted.status).toHaveText(m.unverified)
  expect(errors).toEqual([])
})

test('two widgets on one page work independently', async ({ page }) => {
  const one = await mountHandle(page)
  const two = await mountHandle(page, { cart: CART_B }, '#npay2', { goto: '' })
  const popup = await two.openPopup()
  await choose(popup, 'fail', '잔액 부족')
  await expect(two.alert).toHaveText('잔액 부족')
  await expect(one.alert).toHaveCount(0)
  await expect(one.status).toHaveCount(0)
  const other = await one.openPopup()
  await choose(other, 'pay')
  await expect(one.status).toHaveText(m.unverified)
  await expect(two.alert).toHaveText('잔액 부족')
  expect(await results(page, '#npay')).toMatchObject([{ status: 'success' }])
  expect(await results(page, '#npay2')).toMatchObject([{ status: 'failure', errorMsg: '잔액 부족' }])
  const [a, b] = await one.calls()
  expect([a.amount, b.amount]).toEqual([5000, 27000])
})

test.describe('a missing target element', () => {
  test('mount throws an Error that says what to fix', async ({ page }) => {
    await page.goto('/e2e/pages/blank.html')
    const message = await page.evaluate(() => {
      try {
        ;(window as unknown as { NaverPayCheckout: { mount(t: string, o: unknown): unknown } }).NaverPayCheckout.mount('#nope', { impCode: 'imp00000000' })
        return 'did not throw'
      } catch (e) {
        return e instanceof Error ? e.message : 'not an Error'
      }
    })
    expect(message).toContain('#nope')
    expect(message).toMatch(/no element matches/)
  })

  test('the script tag logs a console error and mounts nothing', async ({ page }) => {
    const logged: string[] = []
    page.on('console', (msg) => msg.type() === 'error' && logged.push(msg.text()))
    await page.goto('/e2e/pages/missing-target.html')
    await page.waitForFunction(() => 'NaverPayCheckout' in window)
    await expect.poll(() => logged.join('\n')).toContain('#nowhere')
    expect(await page.locator('#npay').evaluate((el) => el.shadowRoot)).toBeNull()
    await expect(page.getByRole('button')).toHaveCount(0)
  })
})

test('nothing lost: after a failure and a cancel the cart and buyer are as the shopper left them; the retry pays with a new merchant_uid', async ({ page }) => {
  const buyer = { name: '홍길동', email: 'hong@example.com', tel: '010-1234-5678' }
  const widget = await mountHandle(page, { buyer, verifyUrl: '/verify-h5' })
  await page.route('**/verify-h5', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"paid"}' }))
  await page.evaluate((cart) => window.__handles['#npay'].setCart(cart), { ...SEED_CART, shippingFee: 3000 })
  let popup = await widget.openPopup()
  await choose(popup, 'fail', '잔액 부족')
  await expect(widget.alert).toHaveText('잔액 부족')
  popup = await widget.openPopup()
  await choose(popup, 'cancel')
  await expect(widget.alert).toHaveText('[결제포기] 사용자가 결제를 취소하셨습니다')
  popup = await widget.openPopup()
  await choose(popup, 'pay')
  await expect(widget.status).toHaveText(m.paid)
  const calls = await widget.calls()
  expect(calls).toHaveLength(3)
  const same = ({ merchant_uid: _, ...rest }: Record<string, unknown>) => rest
  expect(same(calls[1])).toEqual(same(calls[0]))
  expect(same(calls[2])).toEqual(same(calls[0]))
  expect(calls[0]).toMatchObject({ amount: 30000, buyer_name: '홍길동', buyer_email: 'hong@example.com', buyer_tel: '010-1234-5678' })
  expect(new Set(calls.map((c) => c.merchant_uid)).size).toBe(3)
})

test.describe("the shop has its own <script src> for PortOne's SDK", () => {
  test('still loading at mount: the widget waits for that tag instead of running a second copy, then pays', async ({ page }) => {
    let requests = 0
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(SDK_URL, async (route) => {
      requests += 1
      await held
      await route.fallback() // to the fixture's simulator
    })
    await page.goto('/e2e/pages/shop-sdk.html', { waitUntil: 'domcontentloaded' }) // "load" waits for the held SDK
    const widget = new Widget(page, '#npay')
    await expect(widget.button).toBeVisible()
    release()
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
    await choose(await widget.openPopup(), 'fail', '잔액 부족')
    await expect(widget.alert).toHaveText('잔액 부족')
    expect(requests).toBe(1)
    expect(await page.locator(`script[src="${SDK_URL}"]`).count()).toBe(1)
  })

  test('deferred: fetched before the widget runs but run after it — still one copy, and the shopper pays', async ({ page }) => {
    let requests = 0
    let fetched: () => void = () => {}
    const sdkFetched = new Promise<void>((resolve) => (fetched = resolve))
    await page.route(SDK_URL, async (route) => {
      requests += 1
      await route.fallback()
      fetched()
    })
    // The widget's script arrives only once the SDK has been fetched: its resource-timing entry exists, IMP does not.
    await page.route('**/naverpay-checkout.iife.js', async (route) => (await sdkFetched, route.fallback()))
    await page.goto('/e2e/pages/shop-sdk-defer.html')
    const widget = new Widget(page, '#npay')
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText(m.unverified)
    expect(requests).toBe(1)
    expect(await page.locator(`script[src="${SDK_URL}"]`).count()).toBe(1)
  })

  for (const when of ['before', 'after'] as const) {
    test(`that tag fails ${when} the widget mounts: the widget loads the SDK itself, and the shopper just pays`, async ({ page }) => {
      let requests = 0
      let fail: () => void = () => {}
      const failed = new Promise<void>((resolve) => (fail = resolve))
      let failedShopTag: () => void = () => {}
      const shopTagFailed = new Promise<void>((resolve) => (failedShopTag = resolve))
      await page.route(SDK_URL, async (route) => {
        if (++requests > 1) return route.fallback() // the widget's own request: the simulator
        if (when === 'after') await failed
        await route.fulfill({ status: 503, body: 'unavailable' })
        failedShopTag()
      })
      // "before": the widget's script arrives only once the shop's SDK request has failed.
      if (when === 'before') await page.route('**/naverpay-checkout.iife.js', async (route) => (await shopTagFailed, route.fallback()))
      await page.goto('/e2e/pages/shop-sdk.html', { waitUntil: 'domcontentloaded' })
      const widget = new Widget(page, '#npay')
      await expect(widget.button).toBeVisible()
      fail()
      await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
      await choose(await widget.openPopup(), 'pay')
      await expect(widget.status).toHaveText(m.unverified)
      expect(requests).toBe(2)
    })
  }
})
