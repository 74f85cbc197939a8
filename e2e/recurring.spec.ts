import { devices, type Page } from '@playwright/test'
import { E2E_ORIGIN } from './origins'
import { choose, expect, mountOnBlank, test, Widget } from './fixtures'

// Billing-key registration (정기결제 등록) against the built bundle and the simulated PortOne SDK.
const PLAN = { items: [{ uid: 'PLAN_SLIM_M', name: 'Slim 요금제(1개월 단위)', price: 14000, count: 1, categoryType: 'ETC', categoryId: 'ETC' }] }
const RECURRING = { customerUid: 'gildong_0001_1234', productCode: 'PLAN_SLIM_M' }
const TEL = { tel: '010-1234-5678' }
const CANCELLED = '[결제포기] 사용자가 결제를 취소하셨습니다'

/** The merchant server's check, stubbed: answers paid and records what the page POSTed. */
async function stubVerify(page: Page): Promise<Record<string, unknown>[]> {
  const bodies: Record<string, unknown>[] = []
  await page.route('**/verify', async (route) => {
    bodies.push(route.request().postDataJSON() as Record<string, unknown>)
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ status: 'paid' }) })
  })
  return bodies
}

const results = (page: Page) => page.evaluate(() => (window as unknown as { __results: Record<string, unknown>[] }).__results)

test.describe('desktop: the popup path', () => {
  test('a shopper registers Naver Pay; the server check and the result carry customer_uid', async ({ page }) => {
    const bodies = await stubVerify(page)
    const widget = await mountOnBlank(page, { cart: PLAN, recurring: RECURRING, buyer: TEL, verifyUrl: '/verify' })
    await expect(widget.button).toHaveAccessibleName(/네이버페이 정기결제 등록/)
    const popup = await widget.openPopup()
    await expect(widget.status).toHaveText('네이버페이 창에서 정기결제 등록을 진행해 주세요.')
    await expect(popup.getByRole('heading')).toHaveText('N Pay 정기결제 등록')
    await choose(popup, 'pay')
    await expect(widget.status).toHaveText('정기결제 등록이 완료되었습니다.')

    const [params] = await widget.calls()
    expect(params).toMatchObject({ customer_uid: 'gildong_0001_1234', naverProductCode: 'PLAN_SLIM_M', amount: 14000, buyer_tel: '010-1234-5678', name: 'Slim 요금제(1개월 단위)', naverPopupMode: true })
    expect(bodies).toEqual([{ imp_uid: expect.stringMatching(/^imp_sim_/), merchant_uid: params.merchant_uid, customer_uid: 'gildong_0001_1234' }])
    expect(await results(page)).toEqual([expect.objectContaining({ status: 'success', customerUid: 'gildong_0001_1234', merchantUid: params.merchant_uid, verification: 'paid' })])
  })

  test('English: the button and the statuses say registration', async ({ page }) => {
    const widget = await mountOnBlank(page, { cart: PLAN, recurring: RECURRING, buyer: TEL, locale: 'en' })
    await expect(widget.button).toHaveAccessibleName(/Register Naver Pay for recurring payments/)
    const popup = await widget.openPopup()
    await expect(widget.status).toHaveText('Complete the registration in the Naver Pay window.')
    await choose(popup, 'pay')
    await expect(widget.status).toHaveText('Registration request received. It completes once the shop confirms it.')
  })

  test('a registration cancelled by the shopper shows error_msg exactly, and a retry gets a new order number', async ({ page }) => {
    const widget = await mountOnBlank(page, { cart: PLAN, recurring: RECURRING, buyer: TEL })
    await choose(await widget.openPopup(), 'cancel')
    await expect(widget.alert).toHaveText(CANCELLED)
    expect(await widget.alert.evaluate((el) => el.textContent)).toBe(CANCELLED)
    expect(await results(page)).toEqual([expect.objectContaining({ status: 'failure', errorMsg: CANCELLED, customerUid: 'gildong_0001_1234', verification: 'skipped' })])

    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toContainText('정기결제 등록 요청이 접수되었습니다')
    const calls = await widget.calls()
    expect(calls).toHaveLength(2)
    expect(calls[1].merchant_uid).not.toBe(calls[0].merchant_uid)
  })

  for (const [label, over, message] of [
    ['missing buyer.tel', { buyer: {} }, 'buyer.tel is required (Naver Pay requires it to register a recurring payment)'],
    ['missing customerUid', { recurring: { productCode: 'PLAN_SLIM_M' } }, 'recurring.customerUid is required (the key of the billing key being registered; later charges use it)'],
    ['productCount 1.5', { recurring: { ...RECURRING, productCount: 1.5 } }, 'recurring.productCount must be a positive whole number (got 1.5)'],
  ] as const) {
    test(`${label}: the error is shown and the SDK is never called`, async ({ page }) => {
      const errors: unknown[] = []
      page.on('console', async (m) => m.type() === 'error' && errors.push(await Promise.all(m.args().map((a) => a.jsonValue()))))
      const widget = await mountOnBlank(page, { cart: PLAN, recurring: RECURRING, buyer: TEL, ...(over as Record<string, unknown>) })
      await widget.button.click()
      // The shopper reads a sentence in Korean; the field and why go to the developer's console.
      await expect(widget.alert).toHaveText('주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.')
      await expect.poll(() => JSON.stringify(errors)).toContain(JSON.stringify(message))
      expect(await widget.calls()).toEqual([])
    })
  }
})

test.describe('the script tag', () => {
  test('data-recurring-* attributes make a registration button', async ({ page }) => {
    await page.goto('/e2e/pages/subscription.html')
    const widget = new Widget(page)
    await expect(widget.button).toHaveAccessibleName(/네이버페이 정기결제 등록/)
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
    const warnings: string[] = []
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toContainText('정기결제 등록 요청이 접수되었습니다')
    const [params] = await widget.calls()
    expect(params).toMatchObject({ customer_uid: 'gildong_0001_1234', naverProductCode: 'PLAN_SLIM_M', naverProductCount: 1, naverActionType: 'NEW', buyer_tel: '010-1234-5678', amount: 14000 })
    // naverActionType is still sent, but PortOne marked it discontinued: the developer is told in the console.
    expect(warnings.filter((text) => text.includes('naverActionType'))).toHaveLength(1)
  })
})

test.describe('phone: the redirect path', () => {
  // The phone's user agent, viewport and touch, in Chromium: browser type cannot change inside a describe group.
  const { defaultBrowserType: _webkit, ...iPhone } = devices['iPhone 13']
  test.use(iPhone)

  test('the shopper registers, comes back to the landing page, and the registration is verified', async ({ page }) => {
    const bodies = await stubVerify(page)
    const widget = await mountOnBlank(page, { cart: PLAN, recurring: RECURRING, buyer: TEL, redirectUrl: '/e2e/pages/landing.html' })
    await widget.button.click()
    // The simulated Naver Pay screen is an in-page overlay on this path.
    await expect(page.getByRole('heading', { name: 'N Pay 정기결제 등록' })).toBeVisible()
    const [params] = await widget.calls()
    expect(params).toMatchObject({ customer_uid: 'gildong_0001_1234', naverPopupMode: false, m_redirect_url: `${E2E_ORIGIN}/e2e/pages/landing.html` })
    await choose(page, 'pay')

    await page.waitForURL(/landing\.html\?/)
    const query = new URL(page.url()).searchParams
    expect(query.get('customer_uid')).toBe('gildong_0001_1234')
    expect(query.get('merchant_uid')).toBe(params.merchant_uid)
    const landing = new Widget(page, '#npay-result')
    await expect(landing.status).toHaveText('정기결제 등록이 완료되었습니다.')
    expect(bodies).toEqual([{ imp_uid: query.get('imp_uid'), merchant_uid: params.merchant_uid, customer_uid: 'gildong_0001_1234' }])
  })

  test('a registration cancelled on the phone shows error_msg exactly on the landing page', async ({ page }) => {
    await stubVerify(page)
    const widget = await mountOnBlank(page, { cart: PLAN, recurring: RECURRING, buyer: TEL, redirectUrl: '/e2e/pages/landing.html' })
    await widget.button.click()
    await choose(page, 'cancel')
    await page.waitForURL(/landing\.html\?/)
    const landing = new Widget(page, '#npay-result')
    await expect(landing.alert).toHaveText(CANCELLED)
    expect(await landing.alert.evaluate((el) => el.textContent)).toBe(CANCELLED)
  })
})
