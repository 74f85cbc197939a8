// Retakes the demo's screenshots on the simulator, as `npm run dev` serves it, in headless Chromium:
//   docs/demo.png               desktop, a payment verified by the demo's server
//   docs/demo-phone-landing.png phone (iPhone 13 emulation), the landing page after the round trip
//   docs/demo-orders.png        the orders page after a partial refund
// Korean text needs a CJK font on the machine (Debian: fonts-noto-cjk), or it renders as empty boxes.
// The demo's orders are in .data/ (git-ignored): delete it first for a clean orders page.
import { chromium, devices } from '@playwright/test'
import { createServer } from 'vite'

const port = Number(process.env.DEMO_PORT ?? 5175)
const origin = `http://127.0.0.1:${port}`
const server = await createServer({ server: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' })
await server.listen()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const simReady = () => window.__impSim?.ready === true

try {
  // Desktop: pay in the simulated popup; the widget shows the verified result.
  const desktop = await browser.newPage({ viewport: { width: 1000, height: 760 }, locale: 'ko-KR' })
  await desktop.goto(`${origin}/`)
  await desktop.waitForFunction(simReady)
  const [popup] = await Promise.all([desktop.waitForEvent('popup'), desktop.locator('#npay').getByRole('button', { name: /네이버페이/ }).click()])
  await popup.getByRole('button', { name: '결제하기' }).click().catch(() => {})
  await desktop.locator('#npay').getByRole('status').filter({ hasText: '결제가 완료되었습니다.' }).waitFor({ timeout: 20_000 })
  const merchantUid = (await desktop.evaluate(() => window.__impSim.calls[0].merchant_uid))
  await desktop.locator('#cart-title').scrollIntoViewIfNeeded()
  await desktop.screenshot({ path: 'docs/demo.png' })

  // Phone: the redirect round trip lands on the landing page.
  const { defaultBrowserType: _webkit, ...iPhone13 } = devices['iPhone 13']
  const phoneContext = await browser.newContext({ ...iPhone13, locale: 'ko-KR' })
  const phone = await phoneContext.newPage()
  await phone.goto(`${origin}/`)
  await phone.waitForFunction(simReady)
  await phone.locator('#npay').getByRole('button', { name: /네이버페이/ }).click()
  await phone.getByRole('dialog').getByRole('button', { name: '결제하기' }).click()
  await phone.waitForURL(/\/landing\.html\?/)
  await phone.locator('#npay-result').getByRole('status').filter({ hasText: '결제가 완료되었습니다.' }).waitFor({ timeout: 20_000 })
  await phone.screenshot({ path: 'docs/demo-phone-landing.png' })
  await phoneContext.close()

  // The orders page: the desktop payment, partly refunded.
  await desktop.goto(`${origin}/admin.html`)
  await desktop.getByRole('status').filter({ hasText: '다시 대조했습니다' }).waitFor()
  const row = desktop.locator(`#orders tbody tr[data-merchant-uid="${merchantUid}"]`)
  await row.getByLabel('환불 금액 (비우면 전액)').fill('1500')
  await row.getByLabel('사유 (필수)').fill('한국사 파본')
  await row.getByRole('button', { name: '환불' }).click()
  await desktop.getByRole('status').filter({ hasText: '환불했습니다' }).waitFor()
  await desktop.setViewportSize({ width: 1280, height: 720 })
  await desktop.evaluate(() => window.scrollTo(0, 0))
  await desktop.screenshot({ path: 'docs/demo-orders.png' })
} finally {
  await browser.close()
  await server.close()
}
