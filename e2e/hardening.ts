// Helpers shared by the hardening specs (hostile.spec.ts, failures.spec.ts, csp.spec.ts).
import type { BrowserContext, Page } from '@playwright/test'
import { expect, SEED_CART, Widget } from './fixtures'

/** Script-injection payloads: each sets window.__pwned (and some try a dialog) if it ever runs. */
export const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  "javascript:window.__pwned=1//' & <b>bold</b> &amp;",
]

/** Counts dialogs on every page of the context (a payload calling alert() would open one). */
export function watchDialogs(context: BrowserContext): string[] {
  const seen: string[] = []
  const watch = (p: Page) => p.on('dialog', (d) => (seen.push(d.message()), void d.dismiss()))
  context.pages().forEach(watch)
  context.on('page', watch)
  return seen
}

export async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
}

/** Elements a payload would have created if it were parsed as HTML anywhere inside the widget. */
export async function injectedElements(page: Page, host: string): Promise<number> {
  return page.locator(host).evaluate((el) => el.shadowRoot?.querySelectorAll('img,script,svg,iframe,a').length ?? -1)
}

type Handle = { setCart(cart: unknown): void; pay(): void; destroy(): void }
declare global {
  interface Window {
    __handles: Record<string, Handle>
    __results: Record<string, unknown[]>
  }
}

/** Mounts on blank.html (path may add ?csp) and keeps the handle in window.__handles[host]. */
export async function mountHandle(page: Page, options: Record<string, unknown> = {}, host = '#npay', opts: { goto?: string; waitForSdk?: boolean } = {}): Promise<Widget> {
  if (opts.goto !== '') await page.goto(opts.goto ?? '/e2e/pages/blank.html')
  await page.evaluate(
    ({ host, options }) => {
      window.__handles ??= {}
      window.__results ??= {}
      window.__results[host] = []
      document.querySelector(host)!.addEventListener('naverpay:result', (e) => window.__results[host].push((e as CustomEvent).detail))
      const api = (window as unknown as { NaverPayCheckout: { mount(t: string, o: unknown): Handle } }).NaverPayCheckout
      window.__handles[host] = api.mount(host, { impCode: 'imp00000000', ...options })
    },
    { host, options: { cart: SEED_CART, ...options } },
  )
  const widget = new Widget(page, host)
  await expect(widget.button).toBeVisible()
  if (opts.waitForSdk !== false) await page.waitForFunction(() => (window as unknown as { __impSim?: { ready?: boolean } }).__impSim?.ready === true) // PortOne's frame has loaded: the click reaches request_pay at once
  return widget
}

export function results(page: Page, host = '#npay'): Promise<Record<string, unknown>[]> {
  return page.evaluate((h) => window.__results[h] as Record<string, unknown>[], host)
}

/** Every CSP violation on any page or popup of the context, across navigations. */
export async function recordViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = []
  await context.exposeBinding('__cspViolation', ({ page }, text: string) => void seen.push(`${page.url()}: ${text}`))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    )
  })
  return seen
}
