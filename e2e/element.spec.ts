import { choose, expect, SEED_CART, test, Widget } from './fixtures'

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/pages/element.html')
  await page.evaluate(() => {
    const w = window as unknown as { __results: unknown[] }
    w.__results = []
    document.querySelector('#npay')!.addEventListener('naverpay:result', (e) => w.__results.push((e as CustomEvent).detail))
  })
  await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
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

test('the shop re-renders the element while Naver Pay is open: that payment is still reported and shown, then the change applies', async ({ page }) => {
  const widget = new Widget(page, '#npay')
  const popup = await widget.openPopup()
  await page.locator('#npay').evaluate((el) => {
    el.setAttribute('locale', 'ko')
    el.querySelector('script')!.textContent = JSON.stringify({ items: [{ uid: 'P1', name: '연필', price: 500, count: 3, categoryType: 'ETC', categoryId: 'ETC' }] })
  })
  await choose(popup, 'fail', '잔액 부족 <b>&</b>')
  await expect(widget.alert).toHaveText('잔액 부족 <b>&</b>')
  await expect(widget.button).toHaveAccessibleName('네이버페이 결제')
  expect(await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results)).toMatchObject([
    { status: 'failure', errorMsg: '잔액 부족 <b>&</b>' },
  ])
  await choose(await widget.openPopup(), 'cancel')
  expect((await widget.calls()).map((p) => p.amount)).toEqual([27000, 1500])
})

test('the shop moves the element while Naver Pay is open (a keyed reorder): the payment is kept, shown and reported once', async ({ page }) => {
  const widget = new Widget(page, '#npay')
  const popup = await widget.openPopup()
  await page.evaluate(() => {
    const el = document.querySelector('#npay')!
    el.parentElement!.append(el) // disconnected and connected again in one task
  })
  await choose(popup, 'fail', '잔액 부족 "한도"')
  await expect(widget.alert).toHaveText('잔액 부족 "한도"')
  expect(await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results)).toMatchObject([
    { status: 'failure', errorMsg: '잔액 부족 "한도"' },
  ])
  await choose(await widget.openPopup(), 'cancel') // the same widget pays on
  expect(await widget.calls()).toHaveLength(2)
})
