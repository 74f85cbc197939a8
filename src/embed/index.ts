// The IIFE entry: defines window.NaverPayCheckout and mounts from its own <script> tag's data-* attributes.
import type * as api from '../index'
import { buildRequestPayParams, defineElement, mount, mountLanding, parsePaymentResult, version } from '../index'
import { attributeError, type Attributes } from '../core/attributes'
import type { ValidationError } from '../core/types'
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

/** The element a selector attribute names, or the input error saying why there is none (an id starting with a digit,
 *  `#1cart`, is no valid selector: querySelector throws a SyntaxError, which must not stop the widget). */
function find(selector: string, field: string, locale?: string): Element | ValidationError {
  let found: Element | null
  try {
    found = document.querySelector(selector)
  } catch {
    return attributeError(field, 'format', `not a CSS selector: ${JSON.stringify(selector)} (an id starting with a digit: [id="…"])`, locale)
  }
  return found ?? attributeError(field, 'required', `no element matches ${JSON.stringify(selector)}`, locale)
}

function autoMount(dataset: Attributes): void {
  const host = find(dataset.target as string, 'data-target', dataset.locale)
  // No element to show it in: the console is where the integrator looks.
  if (!(host instanceof Element)) return console.error(`[naverpay-checkout] ${host.message}; nothing mounted.`)
  mountFromAttributes(host, dataset, (problems) => {
    if (!dataset.cart) return undefined
    const source = find(dataset.cart, 'data-cart', dataset.locale)
    if (source instanceof Element) return cartFromJson(source.textContent, 'data-cart', problems, dataset.locale)
    problems.push(source)
  })
}
