// Issue 12, the widget's items (3, 5, 8, 11, 15), against the BUILT IIFE in Chromium with the simulated SDK.
import { devices, type Page } from '@playwright/test'
import { messages } from '../src/core/messages'
import { E2E_PORT } from './origins'
import { choose, expect, test, Widget } from './fixtures'
import { mountHandle, results } from './hardening'

const m = messages('ko')
// The widget's wait for a late answer (src/ui/store.ts LATE_ANSWER_MS) and a margin.
const LATE_ANSWER_MS = 10_000
const CHEAP = { items: [{ uid: 'C1', name: '스티커', price: 1, count: 1, categoryType: 'GENERAL', categoryId: 'GENERAL' }] }

/** Stubs the merchant server's /verify-ui as paid; returns the bodies it received. */
async function verifyPaid(page: Page): Promise<unknown[]> {
  const bodies: unknown[] = []
  await page.route('**/verify-ui', (route) => (bodies.push(route.request().postDataJSON()), route.fulfill({ json: { status: 'paid' } })))
  return bodies
}

/** Every text the status region showed, from now on. */
async function recordStatus(page: Page, host = '#npay'): Promise<() => Promise<string[]>> {
  await page.locator(host).evaluate((el) => {
    const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = [])
    const status = el.shadowRoot!.querySelector('[role=status]')!
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true })
  })
  return () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)
}

test.describe('item 3: no false "window closed"', () => {
  test("PortOne's answer 6 s after the window closed: the button stays busy, Enter pays nothing twice, and the answer wins", async ({ page }) => {
    const verified = await verifyPaid(page)
    const widget = await mountHandle(page, { verifyUrl: '/verify-ui' })
    const statuses = await recordStatus(page)
    await page.evaluate(() => ((window as unknown as { __impSim: { answerAfterClose: number } }).__impSim.answerAfterClose = 6000))
    const popup = await widget.openPopup()
    await choose(popup, 'pay') // the window closes now; the answer comes 6 s later
    await expect.poll(() => popup.isClosed()).toBe(true)
    await page.locator('h1').click() // the shopper is back on the page
    await expect(widget.status).toHaveText(m.awaiting)
    await expect(widget.button).toHaveAttribute('aria-disabled', 'true')
    await widget.button.focus()
    await page.keyboard.press('Enter')
    await widget.button.click({ force: true }) // Playwright would wait for aria-disabled to go: press it anyway
    expect(await widget.calls()).toHaveLength(1)
    await expect(widget.status).toHaveText(m.paid, { timeout: 15_000 })
    expect(await widget.calls()).toHaveLength(1)
    expect(verified).toHaveLength(1)
    expect(await statuses()).not.toContain(m.windowClosed)
    expect(await results(page)).toMatchObject([{ status: 'success', verification: 'paid' }])
  })

  test('a click on a second widget does not flip the first to "closed"; its payment then completes', async ({ page }) => {
    test.setTimeout(45_000)
    const one = await mountHandle(page)
    const two = await mountHandle(page, { cart: CHEAP }, '#npay2', { goto: '' })
    const popup = await one.openPopup()
    await two.button.click() // below the minimum: the second widget explains, and opens nothing
    await expect(two.alert).toContainText('최소 결제 금액')
    await page.waitForTimeout(LATE_ANSWER_MS + 1500)
    await expect(one.status).toHaveText(m.waiting)
    await expect(one.button).toHaveAttribute('aria-disabled', 'true')
    await choose(popup, 'pay')
    await expect(one.status).toHaveText(m.unverified)
    expect(await results(page, '#npay2')).toEqual([])
  })
})

test.describe('item 5: verification never follows a redirect', () => {
  // The test server answers the merchant's verifyUrl with a redirect to another origin (localhost instead of
  // 127.0.0.1) that says "paid" to anyone, CORS and all, and counts every request that reached it.
  for (const status of [302, 307]) {
    test(`a verifyUrl answering ${status} to another origin is a verification error, and nothing reaches that origin`, async ({ page }) => {
      const token = `verify-${status}-${Date.now()}`
      const foreign = `http://localhost:${E2E_PORT}/e2e/foreign-paid?token=${token}`
      const widget = await mountHandle(page, { verifyUrl: `/e2e/redirect?status=${status}&to=${encodeURIComponent(foreign)}` })
      await choose(await widget.openPopup(), 'pay')
      await expect(widget.alert).toHaveText(m.verifyError)
      await expect(widget.root.getByRole('status', { includeHidden: true })).not.toHaveText(m.paid)
      expect(await results(page)).toMatchObject([{ status: 'success', verification: 'error' }])
      expect(await (await page.request.get(`/e2e/foreign-hits?token=${token}`)).text()).toBe('0')
    })
  }
})

test.describe('item 8: a paid answer is never dropped', () => {
  test('mount() again on the same host while Naver Pay is open: the first payment is verified and reported', async ({ page }) => {
    const verified = await verifyPaid(page)
    const widget = await mountHandle(page, { verifyUrl: '/verify-ui' })
    const popup = await widget.openPopup()
    const [first] = await widget.calls()
    await page.evaluate(() => {
      const api = (window as unknown as { NaverPayCheckout: { mount(t: string, o: unknown): unknown } }).NaverPayCheckout
      api.mount('#npay', { impCode: 'imp00000000', locale: 'en', cart: { items: [{ uid: 'X', name: 'x', price: 100, count: 1, categoryType: 'GENERAL', categoryId: 'GENERAL' }] } })
    })
    await expect(widget.button).toHaveAccessibleName(/Naver Pay/)
    await choose(popup, 'pay')
    await expect.poll(() => results(page)).toMatchObject([{ status: 'success', merchantUid: first.merchant_uid, verification: 'paid' }])
    expect(verified).toEqual([{ imp_uid: expect.stringMatching(/^imp_sim_/), merchant_uid: first.merchant_uid }])
  })

  test('removing <naverpay-checkout> while Naver Pay is open: the element still reports the verified payment', async ({ page }) => {
    const verified = await verifyPaid(page)
    await page.goto('/e2e/pages/element.html')
    await page.waitForFunction(() => 'IMP' in window)
    await page.locator('#npay').evaluate((el) => {
      el.setAttribute('verify-url', '/verify-ui')
      const w = window as unknown as { __removed: unknown[]; __onResult: unknown[] }
      w.__removed = []
      w.__onResult = []
      el.addEventListener('naverpay:result', (e) => w.__removed.push((e as CustomEvent).detail))
      ;(el as HTMLElement & { onResult: (r: unknown) => void }).onResult = (r) => w.__onResult.push(r)
    })
    const widget = new Widget(page, '#npay')
    const popup = await widget.openPopup()
    await page.locator('#npay').evaluate((el) => el.remove())
    await choose(popup, 'pay')
    const reported = () => page.evaluate(() => (window as unknown as { __removed: unknown[] }).__removed)
    await expect.poll(reported).toMatchObject([{ status: 'success', verification: 'paid' }])
    expect(await page.evaluate(() => (window as unknown as { __onResult: unknown[] }).__onResult)).toMatchObject([{ verification: 'paid' }])
    expect(verified).toHaveLength(1)
  })
})

test.describe('item 11: the landing URL opened again in another tab', () => {
  const { defaultBrowserType: _webkit, ...iPhone13 } = devices['iPhone 13']
  test.use(iPhone13) // the project's Chromium plays the iPhone

  test('replays the outcome: no second POST to the server, and the result says replayed', async ({ page, context }) => {
    const bodies: unknown[] = []
    await context.route('**/verify', (route) => (bodies.push(route.request().postDataJSON()), route.fulfill({ json: { status: 'paid' } })))
    await context.addInitScript(() => {
      const w = window as unknown as { __landing: unknown[] }
      w.__landing = []
      document.addEventListener('naverpay:result', (e) => w.__landing.push((e as CustomEvent).detail))
    })
    const url = '/e2e/pages/landing.html?imp_uid=imp_tab_1&merchant_uid=order_tab_1&imp_success=true'
    await page.goto(url)
    const first = new Widget(page, '#npay-result')
    await expect(first.status).toHaveText(m.paid)
    const other = await context.newPage()
    await other.goto(url)
    await expect(new Widget(other, '#npay-result').status).toHaveText(m.paid)
    expect(bodies).toHaveLength(1)
    expect(await other.evaluate(() => (window as unknown as { __landing: unknown[] }).__landing)).toMatchObject([{ verification: 'paid', merchantUid: 'order_tab_1', replayed: true }])
  })
})

test('item 15: Korean wraps between words, never inside one', async ({ page }) => {
  const widget = await mountHandle(page, { cart: CHEAP })
  await page.locator('#npay').evaluate((el) => ((el as HTMLElement).style.width = '150px'))
  await widget.button.click()
  await expect(widget.alert).toContainText('최소 결제 금액')
  const style = await widget.alert.evaluate((el) => [getComputedStyle(el).wordBreak, getComputedStyle(el).overflowWrap])
  expect(style).toEqual(['keep-all', 'anywhere'])
  // Every word of the alert sits on one line: a word's characters share one line box.
  const split = await widget.alert.evaluate((el) => {
    const text = el.firstChild as Text
    const words: string[] = []
    for (const match of (text.data ?? '').matchAll(/\S+/g)) {
      const range = document.createRange()
      range.setStart(text, match.index!)
      range.setEnd(text, match.index! + match[0].length)
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
      if (tops.size > 1) words.push(match[0])
    }
    const all = document.createRange()
    all.selectNodeContents(text)
    return { words, lines: new Set([...all.getClientRects()].map((r) => Math.round(r.top))).size }
  })
  expect(split.lines).toBeGreaterThan(1) // it does wrap at this width
  expect(split.words).toEqual([])
})
