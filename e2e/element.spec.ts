import { choose, expect, SEED_CART, test, Widget } from './fixtures'

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/pages/element.html')
  await page.evaluate(() => {
    const w = window as unknown as { __results: unknown[] }
    w.__results = []
    document.querySelector('#npay')!.addEventListener('naverpay:result', (e) => w.__results.push((e as CustomEvent).detail))
  })
  await page.waitForFunction(() => 'IMP' in window)
})

test('<naverpay-checkout> from the IIFE: attributes + child JSON cart, popup payment, naverpay:result from the element', async ({ page }) => {
  const widget = new Widget(page, '#npay')
  await expect(widget.button).toHaveAccessibleName('Pay with Naver Pay')
  const popup = await widget.openPopup()
  await choose(popup, 'fail', 'Insufficient balance')
  await expect(widget.alert).toHaveText('Insufficient balance')
  expect(await widget.calls()).toMatchObject([{ amount: 27000, name: '한국사', naverPopupMode: true }])
  expect(await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results)).toMatchObject([
    { status: 'failure', errorMsg: 'Insufficient balance' },
  ])
})

test('the .cart property feeds a cart-less element, and shop CSS themes it through custom properties', async ({ page }) => {
  const widget = new Widget(page, '#themed')
  await page.locator('#themed').evaluate((el, cart) => void ((el as HTMLElement & { cart: unknown }).cart = cart), SEED_CART)
  await expect(widget.button).toHaveCSS('border-radius', '0px')
  await widget.openPopup()
  expect(await widget.calls()).toMatchObject([{ amount: 27000 }])
})
