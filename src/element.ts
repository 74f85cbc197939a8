// <naverpay-checkout>: the widget as a custom element, for React, Vue and other frameworks that render
// elements but should not own the widget's DOM. Attributes mirror the script tag's data-* names without
// `data-` (imp-code, redirect-url, verify-url, locale, ...); the cart is the `.cart` property or a child
// <script type="application/json">. The element is the event target, so `naverpay:result` bubbles from it.
import { ATTRIBUTE_KEYS, kebab } from './core/attributes'
import { hasOwn } from './core/check'
import type { Cart, CheckoutResult, ValidationError } from './core/types'
import { cartFromJson, mountFromAttributes } from './ui/attributes-mount'
import type { CheckoutHandle } from './ui/mount'
import type { CheckoutStore } from './ui/store'

export const ELEMENT_NAME = 'naverpay-checkout'

/** What `<naverpay-checkout>` offers to scripts besides its attributes. */
export interface NaverPayCheckoutElement extends HTMLElement {
  /** The cart; setting it after the widget is shown keeps an in-flight payment's cart. */
  cart: Cart | undefined
  /** Same as a click on the button; call it from a user gesture. */
  pay(): void
  /** Called with every outcome, as the `naverpay:result` event is dispatched. */
  onResult: ((result: CheckoutResult) => void) | undefined
}

declare global {
  interface HTMLElementTagNameMap {
    'naverpay-checkout': NaverPayCheckoutElement
  }
}

/**
 * Registers `<naverpay-checkout>` (the IIFE does it on load; ESM users call it once). Calling it again,
 * or where the name is already taken, does nothing.
 */
export function defineElement(name: string = ELEMENT_NAME): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return
  customElements.define(name, createElementClass())
}

// A factory, so that merely importing this module never touches HTMLElement (absent in Node and SSR).
function createElementClass(): CustomElementConstructor {
  return class extends HTMLElement implements NaverPayCheckoutElement {
    onResult: ((result: CheckoutResult) => void) | undefined
    #cart: Cart | undefined
    #handle: CheckoutHandle | { destroy(): void } | undefined
    #store: CheckoutStore | undefined
    #stopWaiting: (() => void) | undefined
    // The child JSON may arrive after connectedCallback: the parser connects the element before its children,
    // and frameworks may render children later. Re-read it when it changes, unless .cart was set. A landing page
    // has no cart: re-mounting it would verify and report the same result again.
    #childrenChanged = (): void => void (!this.#fromProperty && this.getAttribute('page') !== 'landing' && this.#render())
    #watch = new MutationObserver(this.#childrenChanged)
    #fromProperty = false
    #json: string | null | undefined // the cart JSON text the widget was mounted with

    get cart(): Cart | undefined {
      return this.#cart
    }
    set cart(cart: Cart | undefined) {
      this.#cart = cart
      this.#fromProperty = true
      if (this.#handle && 'setCart' in this.#handle) this.#handle.setCart(cart)
    }

    pay(): void {
      if (this.#handle && 'pay' in this.#handle) this.#handle.pay()
    }

    connectedCallback(): void {
      // A framework may set .cart before the element is upgraded: that value shadows the accessor; take it over.
      if (hasOwn(this, 'cart')) {
        const early = (this as { cart?: Cart }).cart
        delete (this as { cart?: Cart }).cart
        this.cart = early
      }
      this.#watch.observe(this, { childList: true, subtree: true, characterData: true })
      // Moved (disconnected and connected again in one task): the widget is still there, with its open payment. A cart
      // JSON changed meanwhile went unobserved (out of the document, or queued when the observer was disconnected).
      if (!this.#handle) this.#render()
      else if (this.#cartJson() !== this.#json) this.#childrenChanged()
    }

    #cartJson(): string | null {
      return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null
    }

    disconnectedCallback(): void {
      this.#watch.disconnect()
      // A framework moving the element (a keyed reorder, a portal) reconnects it in the same task: only an element
      // still out of the document afterwards is really gone.
      queueMicrotask(() => {
        if (this.isConnected) return
        this.#stopWaiting?.()
        this.#stopWaiting = undefined
        this.#handle?.destroy()
        this.#handle = this.#store = undefined
      })
    }

    attributeChangedCallback(): void {
      if (this.#handle) this.#render()
    }

    // Every option attribute is live: a framework binding buyer-tel to a form field changes the next payment.
    static get observedAttributes(): string[] {
      return ATTRIBUTE_KEYS.map(kebab)
    }

    #render(): void {
      // While Naver Pay's window is open or the payment is being checked, a new widget would drop that payment's
      // callback: its result would reach neither the shopper nor the shop. The change waits for the outcome, and
      // the new widget keeps showing it.
      const busy = this.#store?.busy
      if (busy?.peek()) {
        this.#stopWaiting ??= busy.subscribe((stillBusy) => {
          if (stillBusy) return
          this.#stopWaiting?.()
          this.#stopWaiting = undefined
          // After the old widget has finished reporting the outcome it is showing.
          queueMicrotask(() => this.isConnected && this.#render())
        })
        return
      }
      const carried = this.#store?.handOver()
      this.#handle?.destroy()
      const attrs: Record<string, string> = {}
      for (const { name, value } of Array.from(this.attributes)) {
        attrs[name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())] = value
      }
      const readCart = (problems: ValidationError[]): Cart | undefined => {
        if (this.#fromProperty) return this.#cart
        const json = (this.#json = this.#cartJson())
        if (json === null) return undefined
        const cart = cartFromJson(json, 'cart', problems, attrs.locale)
        if (cart) this.#cart = cart
        return cart
      }
      ;({ handle: this.#handle, store: this.#store } = mountFromAttributes(this, attrs, readCart, (result) => this.onResult?.(result), carried))
    }
  }
}
