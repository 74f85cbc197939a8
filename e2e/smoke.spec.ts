import { choose, expect, mountOnBlank, test, Widget } from './fixtures'

test('script tag: a shopper pays through the simulated Naver Pay popup', async ({ page }) => {
  await page.goto('/e2e/pages/script-tag.html')
  const widget = new Widget(page)
  await page.waitForFunction(() => 'IMP' in window)
  const popup = await widget.openPopup()
  await choose(popup, 'pay')
  await expect(widget.status).toContainText('상점의 확인 후')
  const [params] = await widget.calls()
  expect(params).toMatchObject({ pg: 'naverpay', name: '한국사', amount: 27000, naverPopupMode: true })
})

test('a PG failure shows error_msg exactly', async ({ page }) => {
  const widget = await mountOnBlank(page)
  const popup = await widget.openPopup()
  const message = '잔액 부족 <b>&amp;</b> "quoted" \'single\''
  await choose(popup, 'fail', message)
  await expect(widget.alert).toHaveText(message)
  expect(await widget.alert.evaluate((el) => el.textContent)).toBe(message)
})
