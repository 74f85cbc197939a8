// Hostile strings: whatever the PG, the query string, the shop's cart or the buyer fields carry is shown as text
// and runs nothing.
import { choose, expect, test, Widget } from './fixtures'
import { expectNothingRan, injectedElements, mountHandle, PAYLOADS, watchDialogs } from './hardening'

for (const [i, payload] of PAYLOADS.entries()) {
  test(`popup callback error_msg ${i + 1} is shown literally and runs nothing`, async ({ page, context }) => {
    const dialogs = watchDialogs(context)
    const widget = await mountHandle(page)
    const popup = await widget.openPopup()
    await choose(popup, 'fail', payload)
    await expect(widget.alert).toHaveText(payload)
    expect(await widget.alert.evaluate((el) => el.textContent)).toBe(payload)
    expect(await injectedElements(page, '#npay')).toBe(0)
    await expectNothingRan(page)
    expect(dialogs).toEqual([])
  })

  test(`landing query error_msg ${i + 1} is shown literally and runs nothing`, async ({ page, context }) => {
    const dialogs = watchDialogs(context)
    await page.goto(`/e2e/pages/landing.html?merchant_uid=m_1&imp_success=false&error_code=F0005&error_msg=${encodeURIComponent(payload)}`)
    const landing = new Widget(page, '#npay-result')
    await expect(landing.alert).toHaveText(payload)
    expect(await landing.alert.evaluate((el) => el.textContent)).toBe(payload)
    expect(await injectedElements(page, '#npay-result')).toBe(0)
    await expectNothingRan(page)
    expect(dialogs).toEqual([])
  })
}

test('an unencoded payload in the landing query is text too', async ({ page, context }) => {
  const dialogs = watchDialogs(context)
  await page.goto('/e2e/pages/landing.html?imp_success=false&error_msg=<img src=x onerror=window.__pwned=1>')
  const landing = new Widget(page, '#npay-result')
  await expect(landing.alert).toHaveText('<img src=x onerror=window.__pwned=1>')
  expect(await injectedElements(page, '#npay-result')).toBe(0)
  await expectNothingRan(page)
  expect(dialogs).toEqual([])
})

test('hostile product names and buyer fields reach Naver Pay as data and are shown as text', async ({ page, context }) => {
  const dialogs = watchDialogs(context)
  const [name, second, buyerName, buyerAddr] = PAYLOADS
  const cart = {
    items: [
      { uid: 'A1', name, price: 1000, count: 2, categoryType: 'BOOK', categoryId: 'GENERAL' },
      { uid: 'A2', name: second, price: 500, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' },
    ],
  }
  const widget = await mountHandle(page, { cart, buyer: { name: buyerName, addr: buyerAddr } })
  const popup = await widget.openPopup()
  // The simulated Naver Pay window shows the order name: literally, as the real one would.
  await expect(popup.getByText(name, { exact: true })).toBeVisible()
  const [params] = await widget.calls()
  expect(params).toMatchObject({ name, buyer_name: buyerName, buyer_addr: buyerAddr, amount: 2500 })
  expect((params.naverProducts as { name: string }[]).map((p) => p.name)).toEqual([name, second])
  expect(await popup.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  await choose(popup, 'cancel')
  await expect(widget.alert).toHaveText('[결제포기] 사용자가 결제를 취소하셨습니다')
  await expectNothingRan(page)
  expect(dialogs).toEqual([])
})

test('a hostile product name on the landing page order summary is text', async ({ page, context }) => {
  const dialogs = watchDialogs(context)
  const name = PAYLOADS[0]
  const cart = { items: [{ uid: 'A1', name, price: 1000, count: 2, categoryType: 'BOOK', categoryId: 'GENERAL' }] }
  const widget = await mountHandle(page, { cart, mode: 'redirect', redirectUrl: '/e2e/pages/landing.html' })
  await page.evaluate(() => ((window as unknown as { __impSim: { auto: unknown } }).__impSim.auto = { outcome: 'fail', message: '잔액 부족' }))
  await widget.button.click()
  await page.waitForURL(/landing\.html/)
  const landing = new Widget(page, '#npay-result')
  await expect(landing.alert).toHaveText('잔액 부족')
  await expect(page.locator('#npay-result').getByText(name, { exact: true })).toBeVisible()
  expect(await injectedElements(page, '#npay-result')).toBe(0)
  await expectNothingRan(page)
  expect(dialogs).toEqual([])
})

test('a hostile value echoed in a validation message is text', async ({ page, context }) => {
  const dialogs = watchDialogs(context)
  const bad = 'http://[<img src=x onerror=window.__pwned=1>'
  const console: string[] = []
  page.on('console', async (m) => void console.push(JSON.stringify(await Promise.all(m.args().map((a) => a.jsonValue())))))
  const widget = await mountHandle(page, { redirectUrl: bad, buyer: { email: PAYLOADS[2] } })
  await widget.button.click()
  // The shopper reads a sentence; the fields and the hostile value go to the developer's console, as text.
  await expect(widget.alert).toHaveText('주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.')
  await expect.poll(() => console.join('\n')).toContain('"field":"buyer.email"')
  expect(console.join('\n')).toContain('"field":"redirectUrl"')
  expect(await injectedElements(page, '#npay')).toBe(0)
  expect(await widget.calls()).toEqual([])
  await expectNothingRan(page)
  expect(dialogs).toEqual([])
})
