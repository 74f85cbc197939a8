// The second hardening round, on the built IIFE in Chromium: prototype pollution cannot fake a verified payment,
// PortOne's slow frame no longer gets Naver Pay's window blocked, the SDK loads under Trusted Types (or says why
// not), a stalled SDK request is retried for real, and invalid selectors in the script tag are input errors.
import type { Page, Route } from '@playwright/test'
import { errorTexts } from '../src/core/errors'
import { messages } from '../src/core/messages'
import { choose, expect, SDK_URL, SEED_CART, setPortOneDelay, test, Widget } from './fixtures'
import { mountHandle, results, watchDialogs } from './hardening'

const m = messages('ko')
const sim = (page: Page) => page.evaluate(() => (window as unknown as { __impSim: { inits: string[]; calls: unknown[] } }).__impSim)

/** Every console error of the page, with its arguments as JSON (the widget logs objects). */
function consoleErrors(page: Page): string[] {
  const seen: string[] = []
  page.on('console', async (message) => {
    if (message.type() === 'error') seen.push(message.text() + ' ' + JSON.stringify(await Promise.all(message.args().map((a) => a.jsonValue().catch(() => String(a))))))
  })
  return seen
}

test('a status "paid" planted on Object.prototype never turns "order not found" into 결제가 완료되었습니다', async ({ page }) => {
  await page.route('**/verify', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"code":-1,"message":"order not found"}' }))
  const widget = await mountHandle(page, { verifyUrl: '/verify' })
  // Another script's deep-merge bug, after the widget is up.
  await page.evaluate(() => Object.assign(Object.prototype, { status: 'paid', customerUid: 'planted' }))
  await choose(await widget.openPopup(), 'pay')
  await expect(widget.alert).toHaveText(m.verifyError)
  // Read straight from the shadow root: Playwright's own role queries read through the polluted prototype too.
  expect(await page.evaluate(() => document.querySelector('#npay')!.shadowRoot!.textContent)).not.toContain(m.paid)
  const [result] = await results(page)
  expect(result).toMatchObject({ status: 'success', verification: 'error', customerUid: null })
})

test.describe("PortOne's frame loads slowly (longer than the click's user activation)", () => {
  test('IMP.init runs at load, a click before the frame is ready asks to press again, and then Naver Pay opens: no blocked window', async ({ page, context }) => {
    const dialogs = watchDialogs(context)
    setPortOneDelay(page, 6000)
    const widget = await mountHandle(page, {}, '#npay', { waitForSdk: false })
    await page.waitForFunction(() => 'IMP' in window)
    await expect.poll(async () => (await sim(page)).inits).toEqual(['imp00000000']) // before any click
    await widget.button.click()
    await expect(widget.status).toHaveText(m.sdkNotReady)
    expect((await sim(page)).calls).toEqual([]) // request_pay was not queued behind the frame
    await expect(widget.status).toHaveText(m.sdkReady, { timeout: 15_000 })
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText(m.unverified)
    expect((await sim(page)).inits).toEqual(['imp00000000']) // once, never again inside a click
    expect(dialogs).toEqual([])
  })

  test('PortOne rebuilding its frame at the same URL (its own re-init) is waited for again: no blocked window', async ({ page, context }) => {
    const dialogs = watchDialogs(context)
    const widget = await mountHandle(page)
    setPortOneDelay(page, 6000)
    // What PortOne does after some failures (frm.reload → init): the frame is built again at the same address.
    await page.evaluate(() => (window as unknown as { IMP: { init(code: string): void } }).IMP.init('imp00000000'))
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === false)
    await widget.button.click()
    await expect(widget.status).toHaveText(m.sdkNotReady)
    await expect(widget.status).toHaveText(m.sdkReady, { timeout: 15_000 })
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText(m.unverified)
    expect(dialogs).toEqual([])
  })

  test("a page that called IMP.init itself is never initialised again, and pays once PortOne's frame is there", async ({ page, context }) => {
    const dialogs = watchDialogs(context)
    setPortOneDelay(page, 1500)
    await page.goto('/e2e/pages/blank.html')
    await page.addScriptTag({ url: SDK_URL })
    await page.evaluate(() => (window as unknown as { IMP: { init(code: string): void } }).IMP.init('imp_shop0001'))
    const widget = await mountHandle(page, {}, '#npay', { goto: '', waitForSdk: false })
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true)
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText(m.unverified)
    expect((await sim(page)).inits).toEqual(['imp_shop0001'])
    expect(dialogs).toEqual([])
  })
})

test.describe('Trusted Types', () => {
  /** blank.html served with a Content-Security-Policy header that enforces Trusted Types for scripts. */
  async function withPolicy(page: Page, allowed: string): Promise<void> {
    await page.route('**/e2e/pages/blank.html', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': `require-trusted-types-for 'script'; trusted-types ${allowed}` } })
    })
  }

  test("require-trusted-types-for 'script' with trusted-types naverpay-checkout: the SDK loads through that policy and the shopper pays", async ({ page }) => {
    const violations: string[] = []
    page.on('console', (message) => /Trusted Type/i.test(message.text()) && violations.push(message.text()))
    await withPolicy(page, 'naverpay-checkout')
    const widget = await mountHandle(page)
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText(m.unverified)
    expect(violations).toEqual([])
  })

  test('a policy the page does not allow: the shopper is told the page blocked Naver Pay (not "check your connection"), the console names the policy', async ({ page }) => {
    const errors = consoleErrors(page)
    await withPolicy(page, 'someone-else')
    const widget = await mountHandle(page, {}, '#npay', { waitForSdk: false })
    await widget.button.click()
    await expect(widget.alert).toHaveText(m.sdkBlocked)
    await expect.poll(() => errors.join('\n')).toContain('trusted-types naverpay-checkout')
    expect(await widget.calls()).toEqual([])
  })
})

test('a stalled SDK request is forgotten at sdkTimeout: the next click loads a fresh copy while the first still hangs', async ({ page }) => {
  const stuck: Route[] = []
  // The first request for the SDK never answers (and is never aborted); later ones reach the simulator.
  await page.route(
    (url) => url.href.startsWith(SDK_URL),
    (route) => (stuck.length === 0 ? void stuck.push(route) : route.fallback()),
  )
  const widget = await mountHandle(page, { sdkTimeout: 1500 }, '#npay', { waitForSdk: false })
  await widget.button.click()
  await expect(widget.alert).toHaveText(m.sdkLoadFailed)
  await widget.button.click()
  await expect(widget.status).toHaveText(m.sdkReady)
  await choose(await widget.openPopup(), 'pay')
  await expect(widget.status).toHaveText(m.unverified)
  expect(stuck).toHaveLength(1)
  await Promise.all(stuck.map((r) => r.abort('timedout').catch(() => {})))
})

test.describe('the script tag with attributes that are no valid selectors (ids starting with a digit)', () => {
  const iife = '<script src="/dist/naverpay-checkout.iife.js" data-imp-code="imp00000000" data-mode="popup"'
  const cart = `<script type="application/json" id="1cart">${JSON.stringify(SEED_CART)}</script>`
  async function open(page: Page, body: string): Promise<{ errors: string[]; thrown: Error[] }> {
    const errors = consoleErrors(page)
    const thrown: Error[] = []
    page.on('pageerror', (error) => void thrown.push(error))
    await page.route('**/e2e/pages/generated.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="ko"><body>${body}</body></html>` }))
    await page.goto('/e2e/pages/generated.html')
    return { errors, thrown }
  }

  test('data-cart="#1cart": the widget appears with an input error naming data-cart, and never pays', async ({ page }) => {
    const { errors, thrown } = await open(page, `<div id="npay"></div>${cart}${iife} data-target="#npay" data-cart="#1cart"></script>`)
    const widget = new Widget(page)
    await expect(widget.alert).toHaveText(errorTexts('ko').shopper.other)
    await widget.button.click()
    expect(await widget.calls()).toEqual([])
    expect(errors.join('\n')).toContain('"field":"data-cart","code":"format"')
    expect(thrown).toEqual([])
  })

  test('data-target="#2npay": no SyntaxError, a console error naming data-target', async ({ page }) => {
    const { errors, thrown } = await open(page, `<div id="2npay"></div>${iife} data-target="#2npay"></script>`)
    await expect.poll(() => errors.join('\n')).toContain('data-target')
    expect(errors.join('\n')).toContain('not a CSS selector')
    expect(thrown).toEqual([])
  })

  test('data-verify-timeout="3000000000" is an input error naming the attribute, and never pays', async ({ page }) => {
    const { errors } = await open(page, `<div id="npay"></div><script type="application/json" id="cart">${JSON.stringify(SEED_CART)}</script>${iife} data-target="#npay" data-cart="#cart" data-verify-timeout="3000000000"></script>`)
    const widget = new Widget(page)
    await expect(widget.alert).toHaveText(errorTexts('ko').shopper.other)
    await widget.button.click()
    expect(await widget.calls()).toEqual([])
    expect(errors.join('\n')).toContain('"field":"data-verify-timeout","code":"timeout"')
  })
})
