// The back and forward buttons with Chromium's back/forward cache on (Playwright turns it off by default): the
// shop page restored after the landing page shows the outcome the landing page decided, and going forward again
// shows the landing page as it was — one verification POST in all.
import { devices } from '@playwright/test'
import { chromium } from '../playwright.config'
import { choose, expect, mountOnBlank, test, Widget } from './fixtures'

const { defaultBrowserType: _webkit, ...iPhone13 } = devices['iPhone 13']
test.use({ ...iPhone13, launchOptions: { ...chromium, ignoreDefaultArgs: ['--disable-back-forward-cache'] } })

test('back to the shop shows the verified outcome; forward again shows the landing page without a second check', async ({ page }) => {
  let checks = 0
  await page.route('**/verify', (route) => {
    checks++
    return route.fulfill({ json: { status: 'paid' } })
  })
  const shop = await mountOnBlank(page, { redirectUrl: '/e2e/pages/landing.html', verifyUrl: '/verify' })
  await shop.button.click()
  await choose(page, 'pay')
  await page.waitForURL(/landing\.html\?.*imp_uid=/)
  const landing = new Widget(page, '#npay-result')
  await expect(landing.status).toHaveText('결제가 완료되었습니다.')

  await page.goBack({ waitUntil: 'commit' }) // a restore fires no load event
  // Restored, not reloaded: the widget mounted before leaving is still there, and no longer "taking you to Naver Pay".
  await expect(shop.status).toHaveText('결제가 완료되었습니다.')
  await expect(shop.button).not.toHaveAttribute('aria-disabled', 'true')

  await page.goForward({ waitUntil: 'commit' })
  await expect(landing.status).toHaveText('결제가 완료되었습니다.')
  expect(checks).toBe(1)
})
