// The IIFE entry: defines window.NaverPayCheckout and mounts from its own <script> tag's data-* attributes.
import type * as api from '../index'
import { buildRequestPayParams, defineElement, mount, mountLanding, parsePaymentResult, version } from '../index'
import type { Attributes } from '../core/attributes'
import { cartFromJson, mountFromAttributes } from '../ui/attributes-mount'

declare global {
  interface Window {
    NaverPayCheckout?: typeof api
  }
}

// A plain object rather than `import * as`: the bundler's module-namespace helper costs bytes, and the type
// still fails to compile if an export of src/index.ts is missing here.
window.NaverPayCheckout = { buildRequestPayParams, defineElement, mount, mountLanding, parsePaymentResult, version }
// <naverpay-checkout> works wherever the script tag has run.
defineElement()

const script = document.currentScript
if (script instanceof HTMLScriptElement && script.dataset.target) {
  const dataset = { ...script.dataset }
  // A script in <head> runs before the body exists: wait for the target to be parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => autoMount(dataset), { once: true })
  else autoMount(dataset)
}

function autoMount(dataset: Attributes): void {
  const target = dataset.target as string
  const host = document.querySelector(target)
  if (!host) return console.error(`[naverpay-checkout] data-target ${JSON.stringify(target)} matches no element; nothing mounted.`)
  mountFromAttributes(host, dataset, (problems) => {
    if (!dataset.cart) return undefined
    const source = document.querySelector(dataset.cart)
    if (source) return cartFromJson(source.textContent, 'data-cart', problems, dataset.locale)
    problems.push({ field: 'data-cart', code: 'required', message: `data-cart: no element matches ${JSON.stringify(dataset.cart)}` })
  })
}
