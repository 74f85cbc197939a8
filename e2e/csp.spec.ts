// Strict Content-Security-Policy (no unsafe-inline, no unsafe-eval; e2e/server.mjs `?csp`): a full payment, a failure,
// the script-tag mount and the landing page raise no `securitypolicyviolation` at all.
import { choose, expect, test, Widget } from './fixtures'
import { mountHandle, recordViolations } from './hardening'

test('payment, failure, script tag and landing under a strict CSP: no violations', async ({ page, context }) => {
  const violations = await recordViolations(context)
  const csp: string[] = []
  page.on('response', (r) => r.headers()['content-security-policy'] && csp.push(r.url()))
  await page.route('**/verify*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"paid"}' }))

  // Popup: a failure, then a verified payment.
  const widget = await mountHandle(page, { verifyUrl: '/verify' }, '#npay', { goto: '/e2e/pages/blank.html?csp' })
  let popup = await widget.openPopup()
  await choose(popup, 'fail', '잔액 부족')
  await expect(widget.alert).toHaveText('잔액 부족')
  popup = await widget.openPopup()
  await choose(popup, 'pay')
  await expect(widget.status).toHaveText('결제가 완료되었습니다.')
  // The widget's styles arrived (adoptedStyleSheets, which the policy allows): Naver green (or its hover shade), 48px tall.
  expect(await widget.button.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\((3, 199, 90|2, 179, 80)\)$/)
  expect(await widget.button.evaluate((el) => getComputedStyle(el).minHeight)).toBe('48px')

  // Script-tag mount.
  await page.goto('/e2e/pages/script-tag.html?csp')
  const tagged = new Widget(page)
  await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
  popup = await tagged.openPopup()
  await choose(popup, 'cancel')
  await expect(tagged.alert).toHaveText('[결제포기] 사용자가 결제를 취소하셨습니다')

  // Redirect path to the landing page, verified there.
  const redirecting = await mountHandle(page, { mode: 'redirect', redirectUrl: '/e2e/pages/landing.html?csp', verifyUrl: '/verify' }, '#npay', { goto: '/e2e/pages/blank.html?csp' })
  await redirecting.button.click()
  await page.getByRole('dialog').getByRole('button', { name: '결제하기' }).click()
  await page.waitForURL(/landing\.html\?csp&imp_uid=/)
  await expect(new Widget(page, '#npay-result').status).toHaveText('결제가 완료되었습니다.')

  expect(csp.length).toBeGreaterThanOrEqual(4) // the pages really were served with the policy
  expect(violations).toEqual([])

  // The recorder is live: an inline script is a violation it catches.
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__inline = 1'
    document.body.append(s)
  })
  await expect.poll(() => violations.length).toBe(1)
  expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined()
})
