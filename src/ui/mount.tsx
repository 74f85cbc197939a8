/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (h), not the automatic runtime: preact/jsx-runtime is a second element factory beside the h that
// render already carries, about 0.4 KB gzip of the script-tag bundle for nothing.
import { h } from 'preact'
import { PENDING_PREFIX, pendingOrder, readFinalOutcome, RESULT_PREFIX } from '../core/landing'
import { ownFields } from '../core/check'
import type { CheckoutOptions, CheckoutResult, RequestPayParams } from '../core/types'
import { createSdkClient, type SdkClient } from '../sdk'
import { browserEnv, session } from './env'
import { renderLive } from './live'
import { createCheckoutStore, warnOnce, type CheckoutStore, type HandOver } from './store'
import { css } from './styles'
import { Widget } from './Widget'

/** What `mount` returns. */
export interface CheckoutHandle {
  /** Replaces the cart; an in-flight payment keeps the cart it started with. */
  setCart(cart: CheckoutOptions['cart']): void
  /** Same as a click. Call it from a user gesture, or the browser blocks Naver Pay's popup. */
  pay(): void
  /** Removes the widget. A payment's answer arriving later is still verified and reported (the `naverpay:result`
   *  event on the target and `onResult`), with nothing shown; a failure arriving later is ignored. */
  destroy(): void
}

export const RESULT_EVENT = 'naverpay:result'

const mounted = new WeakMap<Element, { destroy(): void }>()

/** Finds the target or explains the integrator's mistake. */
export function resolveTarget(target: string | Element, caller: string): Element {
  const element = typeof target === 'string' ? document.querySelector(target) : target
  if (!(element instanceof Element)) {
    throw new Error(`${caller}: no element matches ${JSON.stringify(String(target))}; pass a selector or an element`)
  }
  return element
}

/** An open shadow root with the widget's styles, so shop CSS cannot break the widget nor its CSS leak. */
export function prepareRoot(host: Element, caller: string): ShadowRoot {
  mounted.get(host)?.destroy()
  let root = host.shadowRoot
  if (!root) {
    try {
      root = host.attachShadow({ mode: 'open' })
    } catch (cause) {
      throw new Error(`${caller}: <${host.localName}> takes no shadow root; use a <div>`, { cause })
    }
  }
  // Constructable stylesheets: allowed by a strict Content-Security-Policy, where a <style> element is not.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  }
  return root
}

export function emitter(host: Element, options: CheckoutOptions): (result: CheckoutResult) => void {
  return (result) => {
    host.dispatchEvent(new CustomEvent(RESULT_EVENT, { detail: result, bubbles: true, composed: true }))
    try {
      options.onResult?.(result)
    } catch (cause) {
      console.error('[naverpay-checkout] onResult threw', cause)
    }
  }
}

/** Saved before the page leaves for Naver Pay, so the landing page can show what was ordered. */
function savePending(params: RequestPayParams): void {
  session.set(PENDING_PREFIX + params.merchant_uid, JSON.stringify(pendingOrder(params, Date.now())))
}

/** Internal mount, returning the store for the embed entry. */
export function mountWidget(target: string | Element, given: CheckoutOptions, sdk?: SdkClient, carried?: HandOver): { handle: CheckoutHandle; store: CheckoutStore } {
  if (typeof given !== 'object' || given === null) throw new TypeError('NaverPayCheckout.mount: options must be an object, e.g. { impCode, cart }.')
  // A verifyUrl or sdkUrl planted on Object.prototype by another script must not receive the payment or run as the SDK.
  const options = ownFields(given)
  const host = resolveTarget(target, 'NaverPayCheckout.mount')
  const root = prepareRoot(host, 'NaverPayCheckout.mount')
  const client = sdk ?? createSdkClient(options)
  if (!options.impCode) warnOnce("No impCode: IMP.init is left to the page, and PortOne refuses payments until it is called.")
  let leftFor: string | undefined
  const beforeRedirect = (params: RequestPayParams): void => {
    savePending(params)
    leftFor = params.merchant_uid
  }
  const store = createCheckoutStore(options, { sdk: client, env: browserEnv, emit: emitter(host, options), beforeRedirect, host, reportWhenGone: true }, carried)
  // Back from Naver Pay or the landing page, the back/forward cache restores this page exactly as it left: busy,
  // "taking you to Naver Pay". Show the outcome the landing page stored for that order, or give the button back.
  const onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted || leftFor === undefined) return
    const outcome = readFinalOutcome(session.get(RESULT_PREFIX + leftFor), { merchantUid: leftFor })
    store.resume(outcome && { ...outcome, replayed: true })
  }
  window.addEventListener('pageshow', onPageShow)
  const unmount = renderLive(() => <Widget store={store} />, root)
  // Start loading now, so the click can reach request_pay in the same task (popups need the user gesture). (No
  // preconnect: the SDK's request follows in this same task.)
  client.load().catch(() => {}) // a failure is reported when the shopper clicks, and retried then
  const { destroy } = claim(host, () => {
    store.destroy()
    window.removeEventListener('pageshow', onPageShow)
    unmount()
  })
  return { handle: { setCart: (cart) => void (store.cart.value = cart), pay: store.pay, destroy }, store }
}

/**
 * Makes `teardown` the host's current view: a later mount on the same host tears it down first (prepareRoot), and
 * the returned `destroy` does nothing once the view was replaced or destroyed — it must not unmount what is there now.
 */
export function claim(host: Element, teardown: () => void): { destroy(): void } {
  const claimed = {
    destroy() {
      if (mounted.get(host) !== claimed) return
      mounted.delete(host)
      teardown()
    },
  }
  mounted.set(host, claimed)
  return claimed
}

/** Renders the Naver Pay button and its message region into `target`. */
export function mount(target: string | Element, options: CheckoutOptions): CheckoutHandle {
  return mountWidget(target, options).handle
}
