import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

export const SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js'
const SIM = readFileSync(new URL('./sim/iamport-sim.js', import.meta.url), 'utf8')

export const SEED_CART = {
  items: [
    { uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' },
    { uid: '299911002', name: '러블리즈', price: 12000, count: 1, categoryType: 'MUSIC', categoryId: 'CD' },
  ],
}

/** The widget as a shopper sees it, through its shadow root (Playwright's locators pierce open shadow roots). */
export class Widget {
  constructor(
    readonly page: Page,
    readonly host = '#npay',
  ) {}
  get root(): Locator {
    return this.page.locator(this.host)
  }
  get button(): Locator {
    return this.root.getByRole('button', { name: /네이버페이|Naver Pay/ })
  }
  get alert(): Locator {
    return this.root.getByRole('alert')
  }
  get status(): Locator {
    return this.root.getByRole('status')
  }
  /** Clicks the pay button and returns the simulated Naver Pay window. */
  async openPopup(): Promise<Page> {
    const [popup] = await Promise.all([this.page.waitForEvent('popup'), this.button.click()])
    return popup
  }
  /** Every params object the page handed to IMP.request_pay. */
  calls(): Promise<Record<string, unknown>[]> {
    return this.page.evaluate(() => (window as unknown as { __impSim?: { calls: Record<string, unknown>[] } }).__impSim?.calls ?? [])
  }
}

/** In the simulated Naver Pay window (popup or redirect overlay): pay, cancel, or fail with a message. */
export async function choose(screen: Page, outcome: 'pay' | 'cancel' | 'fail', message?: string): Promise<void> {
  if (outcome === 'fail' && message !== undefined) await screen.getByLabel('실패 메시지').fill(message)
  const name = outcome === 'pay' ? /결제하기|등록하기/ : outcome === 'cancel' ? '취소' : '실패시키기'
  // The simulated window closes itself once the choice is made, as Naver Pay's does: that may land while Playwright
  // is still finishing the click, which is the click having worked, not a failure.
  await screen
    .getByRole('button', { name })
    .click()
    .catch((error: unknown) => {
      if (!screen.isClosed()) throw error
    })
}

export const PORTONE_FRAMES = 'https://service.iamport.kr/**'
const frameDelays = new WeakMap<Page, number>()

/** How long PortOne's server takes to serve the frame IMP.init builds (default: at once). */
export function setPortOneDelay(page: Page, ms: number): void {
  frameDelays.set(page, ms)
}

/** Serves the simulator wherever the page asks for PortOne's SDK, as the real CDN would (a retry's `?retry=N` too),
 *  and plays PortOne's server for the frame the simulated IMP.init builds. */
export async function serveSimulator(page: Page): Promise<void> {
  await page.route((url) => url.href.split('?')[0] === SDK_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: SIM }))
  await page.route(PORTONE_FRAMES, async (route) => {
    const delay = frameDelays.get(page) ?? 0
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
    await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>PortOne</title>' }).catch(() => {})
  })
}

/** Mounts the widget on the blank test shop with the given options (cart defaults to the seed cart). */
export async function mountOnBlank(page: Page, options: Record<string, unknown> = {}, query = ''): Promise<Widget> {
  await page.goto('/e2e/pages/blank.html' + query)
  await page.evaluate((opts) => {
    const w = window as unknown as { NaverPayCheckout: { mount(t: string, o: unknown): unknown }; __results: unknown[] }
    w.__results = []
    document.querySelector('#npay')!.addEventListener('naverpay:result', (e) => w.__results.push((e as CustomEvent).detail))
    w.NaverPayCheckout.mount('#npay', { impCode: 'imp00000000', ...opts })
  }, { cart: SEED_CART, ...options })
  const widget = new Widget(page)
  await expect(widget.button).toBeVisible()
  // The SDK is loaded at mount; wait for it so the click reaches request_pay in the same task.
  await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
  return widget
}

export const test = base.extend<{ sim: void }>({
  sim: [
    async ({ page }, use) => {
      await serveSimulator(page)
      await use()
    },
    { auto: true },
  ],
})
export { expect }
