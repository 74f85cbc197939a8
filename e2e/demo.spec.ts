// The demo itself, as `npm run dev` serves it (Vite's dev server, its development merchant server and the
// simulated SDK), under the strict Content-Security-Policy it sends in simulator mode: the product page on a
// desktop and the phone round trip to the landing page work, and nothing violates the policy.
import { devices } from '@playwright/test'
import { DEMO_ORIGIN } from './origins'
import { choose, expect, test, Widget } from './fixtures'
import { recordViolations } from './hardening'

const DEMO = DEMO_ORIGIN
// Vite transforms the demo on first request and every payment now makes a server order first: on two shared
// cores that can pass the default 30 s.
test.describe.configure({ timeout: 60_000 })

test.describe('the demo under a strict CSP', () => {
  test('desktop: the quantity sets the cart the SDK receives; the payment is verified by the dev merchant server', async ({ page, context }) => {
    const violations = await recordViolations(context)
    const response = await page.goto(`${DEMO}/`)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await expect(page.getByRole('note')).toHaveText('시뮬레이션 모드 — 실제 결제가 아닙니다')

    await page.getByRole('button', { name: '한국사 수량 늘리기' }).click()
    await expect(page.locator('#total')).toHaveText('15,000원')
    const widget = new Widget(page, '#npay')
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
    await choose(await widget.openPopup(), 'pay')
    // Longer than the widget's own 15 s verification timeout: a hung check fails with its error text, not a mystery.
    await expect(widget.status).toHaveText('결제가 완료되었습니다.', { timeout: 20_000 })

    const [params] = await widget.calls()
    expect(params).toMatchObject({ amount: 15000, name: '한국사', naverPopupMode: true })
    expect((params.naverProducts as { count: number }[]).map((p) => p.count)).toEqual([2, 1])
    expect(violations).toEqual([])
  })

  test('the order is priced by the server: a cart claiming 1원 prices still pays the catalogue\'s 13,500원', async ({ page }) => {
    const answers: unknown[] = []
    await page.route('**/api/orders', async (route) => {
      const sent = route.request().postDataJSON() as { cart: { items: { price: number }[] } }
      for (const item of sent.cart.items) item.price = 1
      const response = await route.fetch({ postData: JSON.stringify(sent) }).catch(() => null)
      if (!response) return
      answers.push(await response.json().catch(() => null))
      await route.fulfill({ response }).catch(() => undefined)
    })
    await page.goto(`${DEMO}/`)
    const widget = new Widget(page, '#npay')
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true)
    await expect.poll(() => answers.length).toBeGreaterThan(0)
    expect(answers[0]).toMatchObject({ amount: 13500 })
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText('결제가 완료되었습니다.', { timeout: 20_000 })
    const [params] = await widget.calls()
    expect(params.amount).toBe(13500)
    // Paid under an order number the server made, for the amount it priced.
    expect(answers).toContainEqual(expect.objectContaining({ merchant_uid: params.merchant_uid, amount: 13500 }))
  })

  test('a payment for another amount than the server pre-registered is refused by PortOne (the double), and the shopper reads PortOne\'s words', async ({ page }) => {
    await page.goto(`${DEMO}/`)
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true)
    // What a tampering script would do: take a real order (13,500원 at the server) and ask Naver Pay for 100원.
    const order = await page.evaluate(async () => {
      const cart = { items: [{ uid: '107922211', name: '한국사', price: 1500, count: 9, categoryType: 'BOOK', categoryId: 'GENERAL' }] }
      const response = await fetch('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ cart }) })
      return (await response.json()) as { merchant_uid: string; amount: number }
    })
    expect(order.amount).toBe(13500)
    await page.evaluate((merchantUid) => {
      const w = window as unknown as { __impSim: { auto?: object }; IMP: { request_pay(params: object, cb: () => void): void } }
      w.__impSim.auto = { outcome: 'pay' }
      w.IMP.request_pay({ pg: 'naverpay', merchant_uid: merchantUid, amount: 100, name: '한국사', naverPopupMode: false, m_redirect_url: `${location.origin}/landing.html` }, () => {})
    }, order.merchant_uid)
    await page.waitForURL(/\/landing\.html\?/)
    await expect(page.getByRole('alert')).toHaveText('사전 등록된 결제 금액(13500원)과 요청 금액(100원)이 일치하지 않습니다.')
    await expect(page.getByText('결제가 완료되었습니다.')).toHaveCount(0)
  })

  test('the 5원 sample item alone is refused before Naver Pay opens, by the minimum-amount rule', async ({ page }) => {
    await page.goto(`${DEMO}/`)
    await page.getByRole('button', { name: '한국사 수량 줄이기' }).click()
    await page.getByRole('button', { name: '러블리즈 수량 줄이기' }).click()
    await page.getByRole('button', { name: '최소 금액 시험용 샘플 수량 늘리기' }).click()
    await expect(page.locator('#total')).toHaveText('5원')
    const widget = new Widget(page, '#npay')
    await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true)
    await widget.button.click()
    await expect(widget.alert).toHaveText('최소 결제 금액은 10원입니다. (현재 5원)')
    expect(await widget.calls()).toEqual([])
  })

  test('no demo page asks for a file that is not there (no /favicon.ico 404)', async ({ page }) => {
    const missing: string[] = []
    page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`))
    for (const path of ['/', '/landing.html', '/admin.html']) {
      await page.goto(`${DEMO}${path}`)
      await page.waitForLoadState('networkidle')
    }
    expect(missing).toEqual([])
  })

  test.describe('phone', () => {
    const { defaultBrowserType: _webkit, ...iPhone13 } = devices['iPhone 13']
    test.use(iPhone13)

    test('product page → simulated Naver Pay → landing page, verified; a reload shows it again without a second check', async ({ page, context }) => {
      const violations = await recordViolations(context)
      let checks = 0
      page.on('request', (r) => r.url().endsWith('/api/payments/complete') && checks++)
      await page.goto(`${DEMO}/`)
      const widget = new Widget(page, '#npay')
      await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
      await widget.button.click()
      await page.getByRole('dialog').getByRole('button', { name: '결제하기' }).click()
      await page.waitForURL(/\/landing\.html\?.*imp_uid=/)

      const landing = new Widget(page, '#npay-result')
      await expect(landing.status).toHaveText('결제가 완료되었습니다.', { timeout: 20_000 })
      await expect(landing.root.getByRole('region', { name: '주문 내역' })).toContainText('13,500원')
      await page.reload()
      await expect(landing.status).toHaveText('결제가 완료되었습니다.')
      expect(checks).toBe(1)
      expect(violations).toEqual([])
    })

    test('in English, the round trip comes back to an English landing page', async ({ page }) => {
      await page.goto(`${DEMO}/`)
      await page.getByLabel('언어').selectOption('en')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo shop')
      const widget = new Widget(page, '#npay')
      await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true)
      await widget.button.click()
      await page.getByRole('dialog').getByRole('button', { name: '결제하기' }).click()
      await page.waitForURL(/\/landing\.html\?lang=en&.*imp_uid=/)

      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment result')
      const landing = new Widget(page, '#npay-result')
      await expect(landing.status).toHaveText('Payment complete.', { timeout: 20_000 })
      await expect(page.getByRole('link', { name: 'Back to the product page' })).toHaveAttribute('href', '/?lang=en')
    })
  })
})
