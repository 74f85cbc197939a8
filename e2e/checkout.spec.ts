// The desktop and phone paths end to end: the BUILT IIFE in Chromium, with the simulated PortOne SDK served at
// PortOne's SDK URL. Each test asserts what a shopper sees or what Naver Pay (the SDK) receives.
import { devices } from '@playwright/test'
import { E2E_ORIGIN } from './origins'
import { choose, expect, mountOnBlank, test, Widget } from './fixtures'
import { injectedElements } from './hardening'

type Params = Record<string, unknown>
const results = (page: Widget['page']): Promise<Params[]> => page.evaluate(() => (window as unknown as { __results: Params[] }).__results)

test.describe('desktop (popup)', () => {
  test('a shopper pays: the SDK gets the seed order as Naver Pay wants it, and the page reports the result', async ({ page }) => {
    const widget = await mountOnBlank(page)
    const popup = await widget.openPopup()
    await choose(popup, 'pay')
    // No verifyUrl here: the status says the shop still has to confirm, never "paid".
    await expect(widget.status).toHaveText('결제 요청이 접수되었습니다. 상점의 확인 후 완료됩니다.')
    expect(await widget.root.locator('[role=alert]').textContent()).toBe('')

    const calls = await widget.calls()
    expect(calls).toHaveLength(1)
    const [params] = calls
    expect(params.name).toBe('한국사')
    expect(params.amount).toBe(1500 * 10 + 12000 * 1)
    expect(Number.isInteger(params.amount)).toBe(true)
    expect(params.naverPopupMode).toBe(true)
    expect(params.pg).toBe('naverpay')
    expect(params).not.toHaveProperty('channelKey')
    // Exactly the Naver fields, in no particular order: no price, nothing undefined or null.
    expect(params.naverProducts).toStrictEqual([
      { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: '한국사', count: 10 },
      { categoryType: 'MUSIC', categoryId: 'CD', uid: '299911002', name: '러블리즈', count: 1 },
    ])
    expect(typeof params.merchant_uid).toBe('string')

    const [result] = await results(page)
    expect(result).toMatchObject({ status: 'success', merchantUid: params.merchant_uid, errorMsg: null, verification: 'unverified' })
    expect(result.impUid).toMatch(/^imp_sim_/)
    expect(await results(page)).toHaveLength(1)
  })

  test('a PG failure shows error_msg exactly as sent, as text, and nothing else in the alert', async ({ page }) => {
    const widget = await mountOnBlank(page)
    const popup = await widget.openPopup()
    const message = `잔액 부족 <b>굵게</b> & "큰따옴표" '작은따옴표' &amp; <img src=x onerror="window.__pwned=1">`
    await choose(popup, 'fail', message)
    await expect(widget.alert).toHaveText(message)
    expect(await widget.alert.evaluate((el) => el.textContent)).toBe(message)
    expect(await widget.alert.evaluate((el) => el.childElementCount)).toBe(0)
    expect(await injectedElements(page, '#npay')).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    const [result] = await results(page)
    expect(result).toMatchObject({ status: 'failure', errorMsg: message, verification: 'skipped' })
  })

  const tinyCart = (price: number) => ({ items: [{ uid: 'P9', name: '연필', price, count: 1, categoryType: 'ETC', categoryId: 'ETC' }] })

  for (const [locale, text] of [
    ['ko', '최소 결제 금액은 10원입니다.'],
    ['en', 'The minimum payment is ₩10'],
  ] as const) {
    test(`below the minimum (9 won, ${locale}): the minimum is stated and the SDK is never called`, async ({ page, context }) => {
      const widget = await mountOnBlank(page, { cart: tinyCart(9), locale })
      await widget.button.click()
      await expect(widget.alert).toContainText(text)
      expect(await widget.calls()).toEqual([])
      expect(context.pages()).toHaveLength(1) // no Naver Pay window opened
      await expect(widget.button).toBeEnabled()
    })
  }

  test('at the minimum (10 won) the payment goes to Naver Pay', async ({ page }) => {
    const widget = await mountOnBlank(page, { cart: tinyCart(10) })
    await widget.openPopup()
    expect((await widget.calls()).map((p) => p.amount)).toEqual([10])
  })

  test('five fast clicks make one request_pay and one result', async ({ page }) => {
    const widget = await mountOnBlank(page)
    const [popup] = await Promise.all([page.waitForEvent('popup'), widget.button.click({ clickCount: 5 })])
    expect(await widget.calls()).toHaveLength(1)
    await choose(popup, 'pay')
    await expect(widget.status).toContainText('상점의 확인 후')
    expect(await widget.calls()).toHaveLength(1)
    expect(await results(page)).toHaveLength(1)
  })

  test('a retry after a failure is a new order: a new merchant_uid', async ({ page }) => {
    const widget = await mountOnBlank(page)
    await choose(await widget.openPopup(), 'fail', '잔액 부족')
    await expect(widget.alert).toHaveText('잔액 부족')
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toContainText('상점의 확인 후')
    const [first, second] = await widget.calls()
    expect(first.merchant_uid).toEqual(expect.any(String))
    expect(second.merchant_uid).toEqual(expect.any(String))
    expect(second.merchant_uid).not.toBe(first.merchant_uid)
    expect((await results(page)).map((r) => [r.status, r.merchantUid])).toEqual([
      ['failure', first.merchant_uid],
      ['success', second.merchant_uid],
    ])
  })

  test('the script tag mounts from its data-* attributes', async ({ page }) => {
    await page.goto('/e2e/pages/script-tag.html')
    const widget = new Widget(page)
    await expect(widget.button).toHaveAccessibleName(/네이버페이/)
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
    const popup = await widget.openPopup()
    await choose(popup, 'pay')
    await expect(widget.status).toContainText('상점의 확인 후')
    expect(await page.evaluate(() => (window as unknown as { __impSim: { inits: string[] } }).__impSim.inits)).toEqual(['imp00000000']) // data-imp-code
    const [params] = await widget.calls()
    expect(params).toMatchObject({
      pg: 'naverpay',
      name: '한국사', // data-cart
      amount: 27000,
      naverPopupMode: true,
      m_redirect_url: `${E2E_ORIGIN}/e2e/pages/landing.html`, // data-redirect-url, made absolute
    })
    expect(params.naverProducts).toHaveLength(2)
    expect(await page.evaluate(() => typeof (window as unknown as { NaverPayCheckout?: { mount?: unknown } }).NaverPayCheckout?.mount)).toBe('function')
  })

  test("the shop's CSS does not reach the widget's button", async ({ page }) => {
    const widget = await mountOnBlank(page)
    const look = (el: Element) => {
      const style = getComputedStyle(el)
      return { background: style.backgroundColor, fontSize: style.fontSize, color: style.color }
    }
    // The shop's stylesheet is live on this page: its own buttons are hotpink, 40px and purple.
    const shopButton = await page.evaluate(`(${look})(document.body.appendChild(document.createElement('button')))`)
    expect(shopButton).toEqual({ background: 'rgb(255, 105, 180)', fontSize: '40px', color: 'rgb(128, 0, 128)' })
    const ours = await widget.button.evaluate(look)
    expect(ours.background).not.toBe('rgb(255, 105, 180)')
    expect(ours.fontSize).toBe('16px')
    expect(ours.color).not.toBe('rgb(128, 0, 128)')
  })
})

test.describe('phone (redirect)', () => {
  // The iPhone's viewport, touch and user agent, in Chromium: the project's browser, which a describe group cannot
  // change (defaultBrowserType would ask for WebKit).
  const { defaultBrowserType: _webkit, ...iPhone13 } = devices['iPhone 13']
  test.use(iPhone13)

  test('an iPhone gets the redirect path: naverPopupMode false, an absolute m_redirect_url, and comes back with the result', async ({ page }) => {
    const widget = await mountOnBlank(page, { redirectUrl: '/e2e/pages/landing.html' })
    await widget.button.click()
    // The simulated Naver Pay screen replaces the page (no popup window on phones).
    await expect(page.getByRole('dialog', { name: /네이버페이/ })).toBeVisible()
    const [params] = await widget.calls()
    expect(params.naverPopupMode).toBe(false)
    expect(params.m_redirect_url).toBe(`${E2E_ORIGIN}/e2e/pages/landing.html`)
    await choose(page, 'pay')
    await page.waitForURL(/\/e2e\/pages\/landing\.html\?/)
    const query = new URL(page.url()).searchParams
    expect(query.get('merchant_uid')).toBe(params.merchant_uid)
    expect(query.get('imp_uid')).toMatch(/^imp_sim_/)
    expect(query.has('error_msg')).toBe(false)
  })
})
