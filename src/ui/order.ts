import { reasonOf, timeoutOr } from '../core/check'
import { orderFailure, readOrder, type OrderAnswer } from '../core/order'
import type { Cart, CheckoutOptions } from '../core/types'
import { DEFAULT_TIMEOUT, postJson, withTimeout } from './verify'

/**
 * Asks the merchant for a new order for `cart`: `createOrder`, or a POST of `{ cart, customer_uid? }` to `orderUrl`
 * (2xx `{ merchant_uid, amount }`; otherwise `{ message }` for the shopper). Never throws: a network error, a
 * redirect, a timeout (verifyTimeout), bad JSON or a wrong shape is an answer saying why.
 */
export async function requestOrder(options: CheckoutOptions, cart: unknown, customerUid: string | undefined): Promise<OrderAnswer> {
  // Like verification: an invalid verifyTimeout (shown as an input error at mount) is the default here, never 0 ms.
  const timeout = timeoutOr(options.verifyTimeout, DEFAULT_TIMEOUT)
  try {
    if (options.createOrder) return readOrder(await withTimeout(options.createOrder(cart as Cart, { customerUid }), timeout), false)
    const answer = await postJson(options.orderUrl as string, customerUid === undefined ? { cart } : { cart, customer_uid: customerUid }, timeout)
    return answer.status >= 200 && answer.status < 300 ? readOrder(answer.body, true) : orderFailure(answer.status, answer.body)
  } catch (cause) {
    return { ok: false, reason: reasonOf(cause) }
  }
}
