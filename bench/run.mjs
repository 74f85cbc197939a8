// `npm run bench`: what the widget costs a shop's page, measured in headless Chromium against a minimal
// hand-written integration (a plain button calling IMP.request_pay, as in PortOne's guide), interleaved in the
// same run; then buildRequestPayParams in Node at 10, 1,000 and 100,000 items. Prints a table and writes
// bench/results/latest.json. A script, not a test: numbers are reported, never asserted.
import { chromium as pw } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

// playwright.config.ts's launch options (Node 20 cannot import the .ts file): Debian's Chromium, no sandbox.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const ORIGIN = 'http://shop.bench'
const file = (path) => readFileSync(new URL(`../${path}`, import.meta.url))
const SIM = file('e2e/sim/iamport-sim.js')
const IIFE = file('dist/naverpay-checkout.iife.js')
const CART = {
  items: [
    { uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' },
    { uid: '299911002', name: '러블리즈', price: 12000, count: 1, categoryType: 'MUSIC', categoryId: 'CD' },
  ],
}

// A product page: header, gallery placeholder, description, the pay area, more content below it (so a shift
// of the pay area would move visible content).
const page = (payArea, tail = '') => `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>상품</title>
<style>body{font-family:sans-serif;margin:0 auto;max-width:720px;padding:16px}.gallery{height:240px;background:#eee}
.price{font-size:24px;font-weight:700}</style></head><body>
<header><h1>한국사 외 1건</h1></header><main><div class="gallery"></div><p class="price">27,000원</p>
<p>${'국사 교과서 설명 '.repeat(40)}</p>${payArea}<section><h2>상품 정보</h2><p>${'배송 및 교환 안내 '.repeat(60)}</p></section></main>
<script>
  window.__click = null
  // Click → request_pay in the same task? A setTimeout(0) queued in the click handler runs only after the task.
  document.addEventListener('click', () => {
    const click = (window.__click = { t: performance.now(), taskOver: false, requestPay: null })
    setTimeout(() => (click.taskOver = true), 0)
  }, true)
  window.__wrap = () => {
    const original = IMP.request_pay
    IMP.request_pay = function (...args) {
      const c = window.__click
      if (c && !c.requestPay) c.requestPay = { sameTask: !c.taskOver, ms: performance.now() - c.t }
      return original.apply(this, args)
    }
  }
</script>${tail}</body></html>`

const cartJson = `<script type="application/json" id="cart">${JSON.stringify(CART)}</script>`
const PAGES = {
  // The embed, as the README's script tag, with the container's height reserved (README: "avoid layout shift").
  embed: page(`<div id="npay" style="min-height:48px"></div>${cartJson}`,
    `<script src="${ORIGIN}/naverpay-checkout.iife.js" data-imp-code="imp00000000" data-target="#npay" data-cart="#cart" data-mode="popup"></script>`),
  // The same without reserving the height: what a shop that skips that line gets.
  'embed, no reserved height': page(`<div id="npay"></div>${cartJson}`,
    `<script src="${ORIGIN}/naverpay-checkout.iife.js" data-imp-code="imp00000000" data-target="#npay" data-cart="#cart" data-mode="popup"></script>`),
  // PortOne's guide by hand: the SDK script tag and a plain button.
  minimal: page(`<button id="npay" type="button">네이버페이 결제</button>`,
    `<script src="https://cdn.iamport.kr/v1/iamport.js"></script><script>
      document.getElementById('npay').addEventListener('click', () => {
        IMP.init('imp00000000')
        IMP.request_pay({ pg: 'naverpay', merchant_uid: 'order_' + Date.now(), name: '한국사', amount: 27000, naverPopupMode: true,
          naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: '한국사', count: 10 },
                          { categoryType: 'MUSIC', categoryId: 'CD', uid: '299911002', name: '러블리즈', count: 1 }] }, () => {})
      })
    </script>`),
}

async function measure(browser, name) {
  const context = await browser.newContext()
  const tab = await context.newPage()
  await tab.route('https://cdn.iamport.kr/v1/iamport.js', (r) => r.fulfill({ contentType: 'text/javascript', body: SIM }))
  // The simulated IMP.init loads PortOne's frame from service.iamport.kr, as the real SDK does: answered here, offline.
  await tab.route('https://service.iamport.kr/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>PortOne</title>' }))
  await tab.route(`${ORIGIN}/naverpay-checkout.iife.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: IIFE }))
  await tab.route(`${ORIGIN}/`, (r) => r.fulfill({ contentType: 'text/html', body: PAGES[name] }))
  await tab.addInitScript(() => {
    window.__cls = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  const cdp = await context.newCDPSession(tab)
  await cdp.send('Performance.enable')
  await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' })
  await tab.waitForFunction(() => 'IMP' in window)
  await tab.locator('#npay').getByRole('button').or(tab.locator('button#npay')).first().waitFor()
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))))
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const cls = await tab.evaluate(() => window.__cls)
  // Answer without UI: the popup still opens (window.open), the callback arrives as "cancelled".
  await tab.evaluate(() => {
    window.__impSim.auto = { outcome: 'cancel' }
    window.__wrap()
  })
  const popup = tab.waitForEvent('popup').catch(() => null)
  await tab.locator('#npay').getByRole('button').or(tab.locator('button#npay')).first().click()
  await popup
  const click = await tab.evaluate(() => window.__click?.requestPay)
  await context.close()
  return { scriptMs: metrics.ScriptDuration * 1000, taskMs: metrics.TaskDuration * 1000, layoutMs: metrics.LayoutDuration * 1000, cls, click }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const browser = await pw.launch({ ...chromium, headless: true })
const runs = Object.fromEntries(Object.keys(PAGES).map((k) => [k, []]))
for (let i = 0; i < RUNS; i++) for (const name of Object.keys(PAGES)) runs[name].push(await measure(browser, name))
await browser.close()

const pages = {}
for (const [name, rs] of Object.entries(runs)) {
  pages[name] = {
    scriptMs: median(rs.map((r) => r.scriptMs)),
    taskMs: median(rs.map((r) => r.taskMs)),
    layoutMs: median(rs.map((r) => r.layoutMs)),
    cls: Math.max(...rs.map((r) => r.cls)),
    clickToRequestPayMs: median(rs.map((r) => r.click?.ms ?? NaN)),
    requestPayInClickTask: rs.every((r) => r.click?.sameTask === true),
  }
}

// buildRequestPayParams in Node, from the same tree-shaken bundle size-limit measures.
const { buildRequestPayParams } = await import('../dist/size/build-params.js')
const params = []
for (const n of [10, 1_000, 100_000]) {
  const cart = { items: Array.from({ length: n }, (_, i) => ({ uid: `u${i}`, name: `상품 ${i}`, price: 1000, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' })) }
  const options = { mode: 'popup', impCode: 'imp00000000' }
  for (let i = 0; i < 3; i++) buildRequestPayParams(cart, options) // warm-up
  const times = []
  let ok = true
  const deadline = performance.now() + 1500
  while (times.length < 5 || (performance.now() < deadline && times.length < 2000)) {
    const t = performance.now()
    ok = buildRequestPayParams(cart, options).ok && ok
    times.push(performance.now() - t)
  }
  const ms = median(times)
  params.push({ items: n, ms, usPerItem: (ms * 1000) / n, samples: times.length, ok })
}

const ratio = (key) => pages.embed[key] / pages.minimal[key]
const result = {
  date: new Date().toISOString(),
  runs: RUNS,
  chromium: chromium.executablePath,
  pages,
  ratio: { script: ratio('scriptMs'), task: ratio('taskMs') },
  buildRequestPayParams: params,
}

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—')
console.log(`\nMain thread (CDP Performance metrics, whole page load incl. the SDK; median of ${RUNS} runs each, interleaved)`)
console.table(Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, {
  'script ms': f(p.scriptMs), 'all tasks ms': f(p.taskMs), 'layout ms': f(p.layoutMs), 'layout shift (max)': f(p.cls, 4),
  'click→request_pay ms': f(p.clickToRequestPayMs, 2), 'same task': p.requestPayInClickTask,
}])))
console.log(`embed / minimal: script ×${f(result.ratio.script, 2)}, all tasks ×${f(result.ratio.task, 2)}`)
console.log('\nbuildRequestPayParams (Node, median per call)')
console.table(params.map((p) => ({ items: p.items, 'ms/call': f(p.ms, 3), 'µs/item': f(p.usPerItem, 3), samples: p.samples, ok: p.ok })))

mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(result, null, 2) + '\n')
console.log('written: bench/results/latest.json')
