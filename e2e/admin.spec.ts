// The orders page (admin.html) as `npm run dev` serves it on the simulator, in Chromium: a shopper pays, the shop
// sees it paid and refunds part of it with a reason; a shopper registers, the shop charges the key.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { DEMO_ORIGIN } from './origins'
import { choose, expect, test, Widget } from './fixtures'
import { recordViolations } from './hardening'

const DEMO = DEMO_ORIGIN
// Whole journeys through two pages, two axe scans: more than the default 30 s on two shared cores.
test.describe.configure({ timeout: 60_000 })

async function shop(page: Page): Promise<void> {
  await page.goto(`${DEMO}/`)
  await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true)
}

test('pay → paid on the orders page → partial refund with a reason → the new balance; register → charge now → a paid charge', async ({ page }) => {
  await shop(page)
  const widget = new Widget(page, '#npay')
  await choose(await widget.openPopup(), 'pay')
  await expect(widget.status).toHaveText('결제가 완료되었습니다.', { timeout: 20_000 })
  const merchantUid = (await widget.calls())[0].merchant_uid as string

  await page.getByRole('link', { name: /주문 관리 페이지/ }).click()
  await expect(page.getByRole('status')).toHaveText('주문을 PortOne과 다시 대조했습니다.')
  const row = page.locator(`#orders tbody tr[data-merchant-uid="${merchantUid}"]`)
  await expect(row.getByRole('cell').nth(3)).toHaveText('결제 완료')
  await expect(row.getByRole('cell').nth(6)).toContainText('일치')

  await row.getByLabel('환불 금액 (비우면 전액)').fill('1500')
  await row.getByLabel('사유 (필수)').fill('한국사 파본')
  await row.getByLabel('요청자').selectOption('customer')
  await row.getByRole('button', { name: '환불' }).click()
  await expect(page.getByRole('status')).toHaveText('1,500원을 환불했습니다. 남은 결제 금액 12,000원.')
  await expect(row.getByRole('cell').nth(3)).toContainText('부분 환불')
  await expect(row.getByRole('cell').nth(2)).toContainText('환불 가능 12,000원')

  // A reason is required: the browser stops an empty one, and the server would refuse it too.
  await row.getByRole('button', { name: '환불' }).click()
  await expect(row.getByLabel('사유 (필수)')).toHaveJSProperty('validity.valueMissing', true)

  await shop(page)
  const subscription = new Widget(page, '#npay-sub')
  await choose(await subscription.openPopup(), 'pay')
  await expect(subscription.status).toHaveText('정기결제 등록이 완료되었습니다.', { timeout: 20_000 })
  const customerUid = await page.evaluate(() => sessionStorage.getItem('naverpay-demo:customer-uid'))

  await page.goto(`${DEMO}/admin.html`)
  await expect(page.getByRole('status')).toHaveText('주문을 PortOne과 다시 대조했습니다.')
  const registration = page.locator(`#registrations tbody tr[data-customer-uid="${customerUid}"]`)
  await registration.getByRole('button', { name: '지금 청구' }).click()
  await expect(page.getByRole('status')).toHaveText('9,900원을 청구했습니다.')
  const charge = page.locator('#orders tbody tr', { hasText: '빌링키 청구' }).first()
  await expect(charge.getByRole('cell').nth(3)).toHaveText('결제 완료')
  await expect(charge.getByRole('cell').nth(4)).toHaveText(/^imp_/)
})

test('PortOne\'s refusal is shown exactly, in role="alert": a second refund from a stale page', async ({ page, browser }) => {
  await shop(page)
  const widget = new Widget(page, '#npay')
  await choose(await widget.openPopup(), 'pay')
  await expect(widget.status).toHaveText('결제가 완료되었습니다.', { timeout: 20_000 })
  const merchantUid = (await widget.calls())[0].merchant_uid as string

  await page.goto(`${DEMO}/admin.html`)
  const stale = await browser.newPage()
  await stale.goto(`${DEMO}/admin.html`)
  for (const p of [page, stale]) {
    // The page matches every order with PortOne right after loading, and renders again when that is done.
    await expect(p.getByRole('status')).toHaveText('주문을 PortOne과 다시 대조했습니다.')
    const row = p.locator(`#orders tbody tr[data-merchant-uid="${merchantUid}"]`)
    await row.getByLabel('환불 금액 (비우면 전액)').fill('1000')
    await row.getByLabel('사유 (필수)').fill('중복 요청')
  }
  await page.locator(`#orders tbody tr[data-merchant-uid="${merchantUid}"]`).getByRole('button', { name: '환불' }).click()
  await expect(page.getByRole('status')).toContainText('1,000원을 환불했습니다')
  await stale.locator(`#orders tbody tr[data-merchant-uid="${merchantUid}"]`).getByRole('button', { name: '환불' }).click()
  // The double's refusal (PortOne refuses a stale checksum the same way), shown as sent: nothing before or after it.
  await expect(stale.getByRole('alert')).toHaveText('[취소실패] 취소가능잔액(12500원)이 checksum(13500원)과 일치하지 않습니다.')
  // The double's refusal text (as PortOne's would be): shown as sent, nothing refunded twice.
  await expect(stale.locator(`#orders tbody tr[data-merchant-uid="${merchantUid}"]`).getByRole('cell').nth(2)).toContainText('환불 1,000원')
  await stale.close()
})

test('the orders page passes axe-core, in Korean and in English, under the demo\'s strict CSP', async ({ page, context }) => {
  const violations = await recordViolations(context)
  const response = await page.goto(`${DEMO}/admin.html`)
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.getByRole('note')).toContainText('시뮬레이션 모드')
  const scan = async () => (await new AxeBuilder({ page }).analyze()).violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  expect(await scan()).toEqual([])
  await page.getByLabel('언어').selectOption('en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders (merchant)')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(await scan()).toEqual([])
  expect(violations).toEqual([])
})
