// The IIFE entry: defines window.NaverPayCheckout and mounts from its own <script> tag's data-* attributes.
import * as api from '../index'
import { optionsFromAttributes, parseCartJson } from '../core/attributes'
import type { ValidationError } from '../core/types'
import { mountWidget } from '../ui/mount'

declare global {
  interface Window {
    NaverPayCheckout?: typeof api
  }
}

window.NaverPayCheckout = api
// <naverpay-checkout> works wherever the script tag has run.
api.defineElement()

const script = document.currentScript
if (script instanceof HTMLScriptElement && script.dataset.target) {
  const dataset = { ...script.dataset }
  // A script in <head> runs before the body exists: wait for the target to be parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => autoMount(dataset), { once: true })
  else autoMount(dataset)
}

function autoMount(dataset: Record<string, string | undefined>): void {
  const target = dataset.target as string
  if (!document.querySelector(target)) {
    console.error(`[naverpay-checkout] data-target ${JSON.stringify(target)} matches no element on the page; nothing was mounted.`)
    return
  }
  const { options, errors } = optionsFromAttributes(dataset)
  if (dataset.page === 'landing') {
    api.mountLanding(target, options)
    return
  }
  const problems: ValidationError[] = [...errors]
  if (dataset.cart) {
    const source = document.querySelector(dataset.cart)
    if (!source) problems.push(cartProblem(`no element matches ${JSON.stringify(dataset.cart)}`))
    else {
      const parsed = parseCartJson(source.textContent ?? '')
      if (parsed.ok) options.cart = parsed.cart
      else problems.push(...parsed.errors)
    }
  }
  const { store } = mountWidget(target, options)
  if (problems.length > 0) store.showErrors(problems, true)
}

function cartProblem(detail: string): ValidationError {
  return { field: 'data-cart', code: 'required', message: `data-cart: ${detail}` }
}
