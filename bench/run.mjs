// `npm run bench`: what the widget costs a shop's page at start-up, as main-thread CPU time, beside the declared
// stack's floor (Preact + @preact/signals-core rendering one button, bench/floor.tsx, built with the IIFE's own
// settings) and a hand-written integration (plain DOM + IMP.request_pay, bench/hand-written.js). Then
// buildRequestPayParams in Node at 10, 1,000 and 100,000 items. Prints tables and writes bench/results/latest.json.
// A script, not a test: numbers are reported, never asserted. Method: docs/performance.md.
//
// CPU, not wall clock: each load is traced (Chromium's trace, fresh browser context per load) and every trace event
// on the page's renderer main thread carries `tdur`, the time the thread really ran. Wall-clock durations on a
// shared machine include the time the thread waited for a core; they are printed beside, as secondary.
import { chromium as pw } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { iifeConfig } from '../scripts/build.mjs'

// playwright.config.ts's launch options (Node 20 cannot import the .ts file): Debian's Chromium, no sandbox.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
const RUNS = Number(process.env.BENCH_RUNS ?? 11)
const ORIGIN = 'http://shop.bench'
const SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js'
const file = (path) => readFileSync(new URL(`../${path}`, import.meta.url))
const CART = {
  items: [
    { uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' },
    { uid: '299911002', name: '러블리즈', price: 12000, count: 1, categoryType: 'MUSIC', categoryId: 'CD' },
  ],
}

// The floor, bundled exactly as the IIFE is (same Vite/rolldown settings, minified, es2022), in memory.
async function floorBundle() {
  const out = await build({
    ...iifeConfig,
    logLevel: 'silent',
    build: { ...iifeConfig.build, write: false, lib: { entry: 'bench/floor.tsx', formats: ['iife'], name: 'BenchFloor', fileName: () => 'floor.js' } },
  })
  return [out].flat()[0].output.find((o) => o.type === 'chunk').code
}

const SCRIPTS = {
  [`${ORIGIN}/naverpay-checkout.iife.js`]: file('dist/naverpay-checkout.iife.js'),
  [`${ORIGIN}/floor.js`]: await floorBundle(),
  [`${ORIGIN}/hand-written.js`]: file('bench/hand-written.js'),
  [SDK_URL]: file('e2e/sim/iamport-sim.js'),
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
const embedTag = `<script src="${ORIGIN}/naverpay-checkout.iife.js" data-imp-code="imp00000000" data-target="#npay" data-cart="#cart" data-mode="popup"></script>`
// `script`: the file whose main-thread work is counted; `sdk`: whether the page ends up with PortOne's SDK.
const PAGES = {
  // The embed, as the README's script tag, with the container's height reserved (README: "avoid layout shift").
  embed: { script: `${ORIGIN}/naverpay-checkout.iife.js`, sdk: true, html: page(`<div id="npay" style="min-height:48px"></div>${cartJson}`, embedTag) },
  // The same without reserving the height: what a shop that skips that line gets.
  'embed, no reserved height': { script: `${ORIGIN}/naverpay-checkout.iife.js`, sdk: true, html: page(`<div id="npay"></div>${cartJson}`, embedTag) },
  // The stack's floor: Preact + signals-core rendering one button; no SDK, no cart, no click.
  floor: { script: `${ORIGIN}/floor.js`, sdk: false, html: page(`<div id="npay" style="min-height:48px"></div>`, `<script src="${ORIGIN}/floor.js"></script>`) },
  // By hand, as PortOne's guide: the SDK's script tag, then a button from the cart calling IMP.request_pay.
  'hand-written': {
    script: `${ORIGIN}/hand-written.js`, sdk: true,
    html: page(`<div id="npay" style="min-height:48px"></div>${cartJson}`,
      `<script src="${SDK_URL}"></script><script src="${ORIGIN}/hand-written.js" data-imp-code="imp00000000" data-target="#npay" data-cart="#cart"></script>`),
  },
}

const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel', 'loading']
const RENDERING = new Set(['ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers'])

async function measure(browser, name) {
  const { script, sdk, html } = PAGES[name]
  const context = await browser.newContext()
  const tab = await context.newPage()
  for (const [url, body] of Object.entries(SCRIPTS)) await tab.route(url, (r) => r.fulfill({ contentType: 'text/javascript', body }))
  // The simulated IMP.init loads PortOne's frame from service.iamport.kr, as the real SDK does: answered here, offline.
  await tab.route('https://service.iamport.kr/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>PortOne</title>' }))
  await tab.route(`${ORIGIN}/`, (r) => r.fulfill({ contentType: 'text/html', body: html }))
  await tab.addInitScript(() => {
    window.__cls = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value
    }).observe({ type: 'layout-shift', buffered: true })
    // The frame that first shows the button: an animation-frame callback runs before that frame's style, layout and
    // paint, so the first one that finds the button (in the widget's open shadow root or in the page) marks it.
    const button = () => {
      const host = document.getElementById('npay')
      return host && (host.shadowRoot?.querySelector('button') ?? host.querySelector('button'))
    }
    const poll = () => {
      if (!button()) return requestAnimationFrame(poll)
      window.__buttonFrame = performance.now()
      performance.mark('bench:button-frame')
    }
    requestAnimationFrame(poll)
  })
  await browser.startTracing(tab, { categories: CATEGORIES })
  await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' })
  await tab.waitForFunction(() => window.__buttonFrame !== undefined)
  if (sdk) await tab.waitForFunction(() => 'IMP' in window)
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))))
  const trace = JSON.parse(await browser.stopTracing())
  const cpu = attribute(trace.traceEvents ?? trace, script)
  const wall = await tab.evaluate(() => ({ buttonFrameMs: window.__buttonFrame, cls: window.__cls }))

  let click = null
  if (sdk) {
    // Answer without UI: the popup still opens (window.open), the callback arrives as "cancelled".
    await tab.evaluate(() => {
      window.__impSim.auto = { outcome: 'cancel' }
      window.__wrap()
    })
    const popup = tab.waitForEvent('popup').catch(() => null)
    await tab.locator('#npay').getByRole('button').first().click()
    await popup
    click = await tab.evaluate(() => window.__click?.requestPay)
  }
  await context.close()
  return { ...cpu, buttonFrameMs: wall.buttonFrameMs, cls: wall.cls, click }
}

// Main-thread work of `url`'s script, from one trace: its evaluation (`EvaluateScript`: compile + top-level run,
// with anything it runs synchronously, microtasks included) and every later call into it (`FunctionCall` of a
// function from that file — event listeners, timers, animation frames, the SDK's onload — counted with its
// `v8.callFunction` parent, which also holds the microtasks run right after it: promise reactions carry no URL).
// Nested events are counted once. Before/after: does the work start before the frame that first shows the button?
function attribute(events, url) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === `${ORIGIN}/`)
  if (!parse) throw new Error('bench: no ParseHTML event for the page in the trace')
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const parent = new Map()
  const stack = []
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop()
    parent.set(e, stack[stack.length - 1])
    stack.push(e)
  }
  const own = (e) => e.args?.data?.url === url
  const picked = new Set()
  for (const e of main) {
    if (e.name === 'EvaluateScript' && own(e)) picked.add(e)
    if (e.name === 'FunctionCall' && own(e)) picked.add(parent.get(e)?.name === 'v8.callFunction' ? parent.get(e) : e)
  }
  const inside = (e, set) => {
    for (let p = parent.get(e); p; p = parent.get(p)) if (set.has(p)) return true
    return false
  }
  const top = [...picked].filter((e) => !inside(e, picked))
  if (top.some((e) => e.tdur === undefined)) throw new Error('bench: the trace has no thread times (tdur); CPU time cannot be measured here')

  const mark = events.find((e) => e.name === 'bench:button-frame' && e.pid === parse.pid)
  if (!mark) throw new Error('bench: the button-frame mark is missing from the trace')
  const ms = (us) => us / 1000
  const sum = (es, key = 'tdur') => ms(es.reduce((t, e) => t + e[key], 0))
  const before = top.filter((e) => e.ts < mark.ts)
  // Style, layout and paint of the whole page (not only the widget), outside the script's own events.
  const rendering = main.filter((e) => RENDERING.has(e.name) && !inside(e, picked) && !RENDERING.has(parent.get(e)?.name))
  return {
    evaluateMs: sum(top.filter((e) => e.name === 'EvaluateScript')),
    beforePaintMs: sum(before),
    afterPaintMs: sum(top.filter((e) => e.ts >= mark.ts)),
    totalMs: sum(top),
    renderingMs: sum(rendering),
    wallScriptMs: sum(top, 'dur'),
  }
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const browser = await pw.launch({ ...chromium, headless: true })
const names = Object.keys(PAGES)
const runs = Object.fromEntries(names.map((k) => [k, []]))
// Interleaved, and each round starts at another page, so no page always follows the same one.
for (let i = 0; i < RUNS; i++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(i + j) % names.length]
    runs[name].push(await measure(browser, name))
  }
}
await browser.close()

const KEYS = ['evaluateMs', 'beforePaintMs', 'afterPaintMs', 'totalMs', 'renderingMs', 'wallScriptMs', 'buttonFrameMs']
const pages = {}
for (const [name, rs] of Object.entries(runs)) {
  pages[name] = Object.fromEntries(KEYS.map((k) => [k, median(rs.map((r) => r[k]))]))
  pages[name].totalMsRuns = rs.map((r) => r.totalMs)
  pages[name].gzipBytes = gzipSync(SCRIPTS[PAGES[name].script], { level: 9 }).length
  pages[name].cls = Math.max(...rs.map((r) => r.cls))
  if (PAGES[name].sdk) {
    pages[name].clickToRequestPayMs = median(rs.map((r) => r.click?.ms ?? NaN))
    pages[name].requestPayInClickTask = rs.every((r) => r.click?.sameTask === true)
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

const ratio = (a, b, key = 'totalMs') => pages[a][key] / pages[b][key]
// The same ratio within each round (the two loads were minutes apart at most), as a check on the one above.
const paired = (a, b) => median(runs[a].map((r, i) => r.totalMs / runs[b][i].totalMs))
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (q) => s[Math.round(q * (s.length - 1))]
  return [at(0.25), at(0.75)]
}
const result = {
  date: new Date().toISOString(),
  runs: RUNS,
  chromium: chromium.executablePath,
  pages,
  ratio: {
    startupCpuVsFloor: ratio('embed', 'floor'),
    startupCpuVsFloorPairedMedian: paired('embed', 'floor'),
    startupCpuVsHandWritten: ratio('embed', 'hand-written'),
    wallScriptVsFloor: ratio('embed', 'floor', 'wallScriptMs'),
  },
  buildRequestPayParams: params,
}

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—')
console.log(`\nStart-up: main-thread CPU of each page's script (trace thread time, ms; median of ${RUNS} interleaved runs, fresh context per load)`)
console.table(Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, {
  'script gzip B': p.gzipBytes,
  'evaluate': f(p.evaluateMs, 2),
  'before 1st paint': f(p.beforePaintMs, 2),
  'after 1st paint': f(p.afterPaintMs, 2),
  'total CPU': f(p.totalMs, 2),
  'total p25–p75': quartiles(p.totalMsRuns).map((x) => f(x, 2)).join('–'),
  'page rendering CPU': f(p.renderingMs, 2),
}])))
console.log('Secondary (wall clock, inflated by waiting for a core on a shared machine; layout shift; the click)')
console.table(Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, {
  'script wall ms': f(p.wallScriptMs, 2),
  'button frame at ms': f(p.buttonFrameMs, 1),
  'layout shift (max)': f(p.cls, 4),
  'click→request_pay ms': p.requestPayInClickTask === undefined ? '—' : f(p.clickToRequestPayMs, 2),
  'same task': p.requestPayInClickTask ?? '—',
}])))
console.log(`embed ÷ floor, median of the per-round ratios: ×${f(result.ratio.startupCpuVsFloorPairedMedian, 2)}; embed ÷ hand-written: CPU ×${f(result.ratio.startupCpuVsHandWritten, 2)}`)
console.log(`embed ÷ floor in wall-clock script time (secondary): ×${f(result.ratio.wallScriptVsFloor, 2)}`)
console.log(`startup cpu ratio vs floor: ${f(result.ratio.startupCpuVsFloor, 2)}`)
console.log('\nbuildRequestPayParams (Node, median per call)')
console.table(params.map((p) => ({ items: p.items, 'ms/call': f(p.ms, 3), 'µs/item': f(p.usPerItem, 3), samples: p.samples, ok: p.ok })))

mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(result, null, 2) + '\n')
console.log('written: bench/results/latest.json')
