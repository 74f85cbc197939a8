import { devices, type Page, type Route } from '@playwright/test'
import { E2E_ORIGIN } from './origins'
import { choose, expect, mountOnBlank, test, Widget } from './fixtures'

// The phone path end to end, against the built IIFE: which path each device takes, the round trip through the
// simulated Naver Pay to the landing page, the merchant server's verification (stubbed per test), and reloads.

const LANDING = '/e2e/pages/landing.html'
const KO = { paid: '결제가 완료되었습니다.', verifyError: /결제 결과를 아직 확인하지 못했습니다/, noResult: '이 페이지에 결제 결과가 없습니다.', retry: '결제 결과 다시 확인' }
const CANCEL_MSG = '[결제포기] 사용자가 결제를 취소하셨습니다'

// Device descriptors without their default browser: the project's Chromium plays every device.
const { defaultBrowserType: _iphone, ...iPhone } = devices['iPhone 13']
const IPAD_SAFARI_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'
const KAKAOTALK_UA =
  'Mozilla/5.0 (Linux; Android 13; SM-S911N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 KAKAOTALK 10.4.5'

interface Verifier {
  /** Every JSON body POSTed to /verify. */
  bodies: unknown[]
}

/** Stubs the merchant server's /verify with `answer`; records what the widget sent. */
async function stubVerify(page: Page, answer: (route: Route) => Promise<void> = (route) => route.fulfill({ json: { status: 'paid' } })): Promise<Verifier> {
  const verifier: Verifier = { bodies: [] }
  await page.route('**/verify', async (route) => {
    verifier.bodies.push(route.request().postDataJSON())
    await answer(route)
  })
  return verifier
}

/** Mounts the shop (blank test page) with the landing page as m_redirect_url and /verify as the merchant check. */
function shop(page: Page, options: Record<string, unknown> = {}): Promise<Widget> {
  return mountOnBlank(page, { redirectUrl: LANDING, verifyUrl: '/verify', ...options })
}

const landing = (page: Page) => new Widget(page, '#npay-result')
/** A status/alert region even while empty (the widget's CSS hides empty regions, and hidden ones have no role). */
const region = (widget: Widget, role: 'status' | 'alert') => widget.root.getByRole(role, { includeHidden: true })

/** Pays (or not) in the simulated Naver Pay screen shown in the page, then waits for the landing page. */
async function throughNaverPay(page: Page, widget: Widget, outcome: 'pay' | 'cancel' | 'fail', message?: string): Promise<void> {
  await widget.button.click()
  await choose(page, outcome, message)
  await page.waitForURL(/\/e2e\/pages\/landing\.html\?/)
}

async function expectRedirectPath(widget: Widget, page: Page): Promise<void> {
  await widget.button.click()
  await expect(page.getByRole('dialog', { name: /네이버페이/ })).toBeVisible()
  const [params] = await widget.calls()
  expect(params).toMatchObject({ naverPopupMode: false, m_redirect_url: `${E2E_ORIGIN}/e2e/pages/landing.html` })
}

test.describe('which path each device takes', () => {
  test.describe('iPhone 13', () => {
    test.use(iPhone)
    test('redirect, with an absolute m_redirect_url', async ({ page }) => {
      await expectRedirectPath(await shop(page), page)
    })
  })

  test.describe('iPad reporting desktop Safari (Macintosh) with touch', () => {
    test.use({ userAgent: IPAD_SAFARI_UA, viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: false, deviceScaleFactor: 2 })
    // Chromium's touch emulation (hasTouch) reports navigator.maxTouchPoints === 1 (measured); a real iPad reports 5.
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5, configurable: true }))
    })
    test('redirect: the touch points give the tablet away', async ({ page }) => {
      const widget = await shop(page)
      expect(await page.evaluate(() => [navigator.userAgent.includes('Macintosh'), navigator.maxTouchPoints, 'ontouchstart' in window])).toEqual([true, 5, true])
      await expectRedirectPath(widget, page)
    })
  })

  test.describe('Android KakaoTalk in-app browser', () => {
    test.use({ userAgent: KAKAOTALK_UA, viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true })
    test('redirect: in-app browsers lose popups', async ({ page }) => {
      await expectRedirectPath(await shop(page), page)
    })
  })

  test.describe('a Mac without touch', () => {
    test.use({ userAgent: IPAD_SAFARI_UA })
    test('popup: a desktop Safari user agent alone is a desktop', async ({ page }) => {
      const widget = await shop(page)
      const popup = await widget.openPopup()
      expect((await widget.calls())[0]).toMatchObject({ naverPopupMode: true })
      await popup.close()
    })
  })

  test('desktop Chrome: popup, verified through the same /verify', async ({ page }) => {
    const verifier = await stubVerify(page)
    const widget = await shop(page)
    const popup = await widget.openPopup()
    const [params] = await widget.calls()
    expect(params).toMatchObject({ naverPopupMode: true })
    await choose(popup, 'pay')
    await expect(widget.status).toHaveText(KO.paid)
    expect(verifier.bodies).toEqual([{ imp_uid: expect.stringMatching(/^imp_sim_/), merchant_uid: params.merchant_uid }])
    expect(page.url()).toContain('/e2e/pages/blank.html')
  })

  test('desktop Chrome: a verification error on the popup path is never a success', async ({ page }) => {
    await stubVerify(page, (route) => route.fulfill({ status: 500, body: 'oops' }))
    const widget = await shop(page)
    await choose(await widget.openPopup(), 'pay')
    await expect(widget.alert).toHaveText(KO.verifyError)
    await expect(region(widget, 'status')).not.toHaveText(KO.paid)
    await expect(widget.root.getByRole('button', { name: KO.retry })).toBeVisible()
  })
})

test.describe('the round trip on a phone', () => {
  test.use(iPhone)

  test('success: product page → Naver Pay → landing → verified, with the order summary', async ({ page }) => {
    const verifier = await stubVerify(page)
    const widget = await shop(page)
    await throughNaverPay(page, widget, 'pay')
    const url = new URL(page.url())
    const merchantUid = url.searchParams.get('merchant_uid')
    await expect(landing(page).status).toHaveText(KO.paid)
    await expect(region(landing(page), 'alert')).toHaveText('')
    expect(verifier.bodies).toEqual([{ imp_uid: url.searchParams.get('imp_uid'), merchant_uid: merchantUid }])
    const summary = landing(page).root.getByRole('region', { name: '주문 내역' })
    await expect(summary.locator('dd')).toHaveText(['한국사 외 1개', '27,000원', merchantUid as string])
  })

  test('the landing page fires naverpay:result with the verified result', async ({ page }) => {
    await stubVerify(page)
    await page.addInitScript(() => {
      const w = window as unknown as { __events: unknown[] }
      w.__events = []
      document.addEventListener('naverpay:result', (e) => w.__events.push((e as CustomEvent).detail))
    })
    const widget = await shop(page)
    await throughNaverPay(page, widget, 'pay')
    await expect(landing(page).status).toHaveText(KO.paid)
    const events = await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)
    expect(events).toEqual([expect.objectContaining({ status: 'success', verification: 'paid', errorMsg: null })])
  })

  test('cancel: the landing page shows PortOne\'s message exactly, and asks nobody', async ({ page }) => {
    const verifier = await stubVerify(page)
    const widget = await shop(page)
    await throughNaverPay(page, widget, 'cancel')
    await expect(landing(page).alert).toHaveText(CANCEL_MSG)
    expect(await landing(page).alert.evaluate((el) => el.textContent)).toBe(CANCEL_MSG)
    await expect(region(landing(page), 'status')).toHaveText('')
    expect(verifier.bodies).toEqual([])
  })

  test('failure: error_msg exactly as sent — Korean, <, &, quotes, %, + shown as text', async ({ page }) => {
    const message = '잔액 부족 <b>&amp;</b> "quoted" \'single\' 100% + 1'
    const widget = await shop(page)
    await throughNaverPay(page, widget, 'fail', message)
    expect(new URL(page.url()).searchParams.get('error_msg')).toBe(message)
    await expect(landing(page).alert).toHaveText(message)
    expect(await landing(page).alert.evaluate((el) => el.textContent)).toBe(message)
    expect(await landing(page).alert.locator('b').count()).toBe(0)
    await expect(landing(page).root.getByRole('region', { name: '주문 내역' })).toBeVisible()
  })

  test('reload: the same outcome and exactly one POST to /verify', async ({ page }) => {
    const verifier = await stubVerify(page)
    const widget = await shop(page)
    await throughNaverPay(page, widget, 'pay')
    await expect(landing(page).status).toHaveText(KO.paid)
    await page.reload()
    await expect(landing(page).status).toHaveText(KO.paid)
    await expect(landing(page).root.getByRole('region', { name: '주문 내역' })).toBeVisible()
    // Back to the product page and forward again: still one.
    await page.goBack()
    await page.goForward()
    await expect(landing(page).status).toHaveText(KO.paid)
    expect(verifier.bodies).toHaveLength(1)
  })
})

test.describe('verification answers on the landing page', () => {
  test.use(iPhone)
  const QUERY = '?imp_uid=imp_e2e_1&merchant_uid=order_e2e_1&imp_success=true'

  test('{status:"failed", message}: that message in role=alert, exactly', async ({ page }) => {
    const message = '결제 금액이 주문 금액과 다릅니다 <script>'
    await stubVerify(page, (route) => route.fulfill({ json: { status: 'failed', message } }))
    await page.goto(LANDING + QUERY)
    await expect(landing(page).alert).toHaveText(message)
    await expect(region(landing(page), 'status')).toHaveText('')
  })

  const errors: [string, (route: Route) => Promise<void>][] = [
    ['HTTP 500', (route) => route.fulfill({ status: 500, json: { status: 'paid' } })],
    ['bad JSON', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"pa' })],
    ['a network error', (route) => route.abort('connectionrefused')],
  ]
  for (const [name, answer] of errors) {
    test(`${name}: a verification error with a retry, never a success`, async ({ page }) => {
      const verifier = await stubVerify(page, answer)
      await page.goto(LANDING + QUERY)
      await expect(landing(page).alert).toHaveText(KO.verifyError)
      await expect(region(landing(page), 'status')).not.toHaveText(KO.paid)
      const retry = landing(page).root.getByRole('button', { name: KO.retry })
      await expect(retry).toBeVisible()
      await retry.click()
      await expect.poll(() => verifier.bodies.length).toBe(2)
      await expect(landing(page).alert).toHaveText(KO.verifyError)
    })
  }

  test('a hang: data-verify-timeout ends it as a verification error', async ({ page }) => {
    await page.route('**/verify', () => {}) // never answers
    await page.goto('/e2e/pages/landing-timeout.html' + QUERY)
    await expect(landing(page).status).toHaveText(/확인하고 있습니다/)
    await expect(landing(page).alert).toHaveText(KO.verifyError, { timeout: 10_000 }) // before the default 15 s: data-verify-timeout (3 s) ended it
    await expect(landing(page).root.getByRole('button', { name: KO.retry })).toBeVisible()
  })

  test('a verification error is not kept: a reload asks again, and a later success sticks', async ({ page }) => {
    let status = 503
    const verifier = await stubVerify(page, (route) => route.fulfill({ status, json: { status: 'paid' } }))
    await page.goto(LANDING + QUERY)
    await expect(landing(page).alert).toHaveText(KO.verifyError)
    status = 200
    await page.reload()
    await expect(landing(page).status).toHaveText(KO.paid)
    await page.reload()
    await expect(landing(page).status).toHaveText(KO.paid)
    expect(verifier.bodies).toHaveLength(2)
  })

  test('no payment result in the query: a clear notice', async ({ page }) => {
    const verifier = await stubVerify(page)
    await page.goto(LANDING)
    await expect(landing(page).status).toHaveText(KO.noResult)
    await expect(region(landing(page), 'alert')).toHaveText('')
    expect(verifier.bodies).toEqual([])
  })
})
