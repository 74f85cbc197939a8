import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { choose, expect, mountOnBlank, test, Widget } from './fixtures'

/** axe-core on the widget's host (its shadow root included); every violation with its nodes, so a failure says what. */
async function violations(page: Page, host: string) {
  const { violations } = await new AxeBuilder({ page }).include(host).analyze()
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

test.describe('axe-core reports no violations', () => {
  test('widget: idle, progress (popup open), alert (PG failure), success', async ({ page }) => {
    await page.route('**/verify', (route) => route.fulfill({ json: { status: 'paid' } }))
    const widget = await mountOnBlank(page, { verifyUrl: '/verify' })
    expect(await violations(page, '#npay')).toEqual([])

    const popup = await widget.openPopup()
    await expect(widget.status).toContainText('네이버페이 창에서')
    expect(await violations(page, '#npay')).toEqual([])

    await choose(popup, 'fail', '잔액 부족')
    await expect(widget.alert).toHaveText('잔액 부족')
    expect(await violations(page, '#npay')).toEqual([])

    await choose(await widget.openPopup(), 'pay')
    await expect(widget.status).toHaveText('결제가 완료되었습니다.')
    expect(await violations(page, '#npay')).toEqual([])
  })

  test('widget: the pre-flight minimum-amount alert', async ({ page }) => {
    const widget = await mountOnBlank(page, { cart: { items: [{ uid: '1', name: '껌', price: 5, count: 1, categoryType: 'ETC', categoryId: 'ETC' }] } })
    await widget.button.click()
    await expect(widget.alert).toContainText('최소 결제 금액은 10원')
    expect(await violations(page, '#npay')).toEqual([])
  })

  test('landing page: success and failure', async ({ page }) => {
    await page.route('**/verify', (route) => route.fulfill({ json: { status: 'paid' } }))
    await page.goto('/e2e/pages/landing.html?imp_uid=imp_1&merchant_uid=m_1&imp_success=true')
    const landing = new Widget(page, '#npay-result')
    await expect(landing.status).toHaveText('결제가 완료되었습니다.')
    expect(await violations(page, '#npay-result')).toEqual([])

    await page.goto('/e2e/pages/landing.html?imp_uid=imp_2&merchant_uid=m_2&imp_success=false&error_code=F1&error_msg=' + encodeURIComponent('사용자 취소'))
    await expect(landing.alert).toHaveText('사용자 취소')
    expect(await violations(page, '#npay-result')).toEqual([])
  })

  test('custom element, with the shop page around it', async ({ page }) => {
    await page.goto('/e2e/pages/element.html')
    await expect(new Widget(page, '#npay').button).toBeVisible()
    const { violations: all } = await new AxeBuilder({ page }).analyze()
    expect(all.map((v) => v.id)).toEqual([])
  })
})

test.describe('keyboard', () => {
  for (const key of ['Enter', 'Space']) {
    test(`${key} on the focused button opens Naver Pay (request_pay inside the key press)`, async ({ page }) => {
      const widget = await mountOnBlank(page)
      await widget.button.focus()
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press(key)])
      expect(popup).toBeTruthy()
      expect(await widget.calls()).toHaveLength(1)
    })
  }

  test('Tab reaches the button and shows a visible focus ring', async ({ page }) => {
    const widget = await mountOnBlank(page)
    await page.locator('body').click({ position: { x: 1, y: 1 } })
    for (let i = 0; i < 10 && !(await widget.button.evaluate((b) => b.matches(':focus-visible'))); i++) await page.keyboard.press('Tab')
    expect(await widget.button.evaluate((b) => b.matches(':focus-visible'))).toBe(true)
    const ring = await widget.button.evaluate((b) => {
      const s = getComputedStyle(b)
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor }
    })
    expect(ring.style).toBe('solid')
    expect(ring.width).toBeGreaterThanOrEqual(2)
    expect(ring.color).not.toBe('rgba(0, 0, 0, 0)')
  })
})

test('a failure is announced: role=alert, which screen readers read out when its text appears', async ({ page }) => {
  const widget = await mountOnBlank(page)
  // The live region exists before the failure (an alert inserted together with its text may be missed).
  await expect(widget.root.locator('[role="alert"]')).toBeAttached()
  await choose(await widget.openPopup(), 'fail', '한도 초과')
  await expect(widget.root.getByRole('alert')).toHaveText('한도 초과')
})
