// The demo itself, as `npm run dev` serves it (Vite's dev server, its development merchant server and the
// simulated SDK), under the strict Content-Security-Policy it sends in simulator mode: the product page on a
// desktop and the phone round trip to the landing page work, and nothing violates the policy.
import { devices } from '@playwright/test'
import { DEMO_ORIGIN } from './origins'
import { choose, expect, test, Widget } from './fixtures'
import { recordViolations } from './hardening'

const DEMO = DEMO_ORIGIN

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
  })
})
