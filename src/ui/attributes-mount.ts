import { optionsFromAttributes, parseCartJson, type Attributes } from '../core/attributes'
import type { Cart, CheckoutResult, Locale, ValidationError } from '../core/types'
import { mountLanding, type LandingHandle } from './landing'
import { mountWidget, type CheckoutHandle } from './mount'
import type { CheckoutStore, HandOver } from './store'

/**
 * The script tag's and `<naverpay-checkout>`'s mount: attributes → options, the landing page or the widget.
 * Problems in the attributes or the cart are shown as blocking errors: no click can fix them, so paying with
 * defaults in their place is never an option. `readCart` (widget only) returns the cart or adds its problem.
 * `carried`: what the widget being replaced showed (`<naverpay-checkout>` re-mounting after a change).
 */
export function mountFromAttributes(
  host: Element,
  attrs: Attributes,
  readCart: (problems: ValidationError[]) => Cart | undefined,
  onResult?: (result: CheckoutResult) => void,
  carried?: HandOver,
): { handle: CheckoutHandle | LandingHandle; store?: CheckoutStore } {
  const { options, errors } = optionsFromAttributes(attrs)
  if (onResult) options.onResult = onResult
  if (attrs.page === 'landing') {
    // The shopper is back from Naver Pay: the outcome is shown whatever else is wrong, with defaults in its place.
    if (errors.length > 0) console.error('[naverpay-checkout] invalid attributes, defaults used:', errors.map((e) => e.message).join('; '))
    return { handle: mountLanding(host, options) }
  }
  options.cart = readCart(errors)
  const mounted = mountWidget(host, options, undefined, carried)
  if (errors.length > 0) mounted.store.showErrors(errors, true)
  return mounted
}

/** The cart from a `<script type="application/json">`'s text; a parse error is added to `problems`. */
export function cartFromJson(text: string | null, field: string, problems: ValidationError[], locale?: string): Cart | undefined {
  const parsed = parseCartJson(text ?? '', field, locale as Locale)
  if (parsed.ok) return parsed.cart
  problems.push(...parsed.errors)
}
