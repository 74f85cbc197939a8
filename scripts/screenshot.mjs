// Retakes docs/demo.png: the demo (as `npm run dev` serves it, on the simulator) in headless Chromium.
// Korean text needs a CJK font on the machine (Debian: fonts-noto-cjk), or it renders as empty boxes.
import { chromium } from '@playwright/test'
import { createServer } from 'vite'

const server = await createServer({ server: { host: '127.0.0.1', port: 5175, strictPort: true }, logLevel: 'warn' })
await server.listen()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'ko-KR' })
  await page.goto('http://127.0.0.1:5175/')
  await page.waitForFunction(() => 'IMP' in window)
  await page.screenshot({ path: 'docs/demo.png' })
} finally {
  await browser.close()
  await server.close()
}
