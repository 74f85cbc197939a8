import { own } from './check'
import { formatWon } from './errors'
import { messages } from './messages'
import type { Locale, ValidationError } from './types'

/** An order the merchant's server created for a cart (`orderUrl` / `createOrder`). */
export interface ServerOrder {
  merchantUid: string
  /** Whole won, as the server priced the cart. */
  amount: number
}

/** What asking for an order came to: the order, or why not (`message`: the server's own words for the shopper). */
export type OrderAnswer = { ok: true; order: ServerOrder } | { ok: false; reason: string; message?: string }

/**
 * Reads the order from the server's JSON answer (`wire`: `{ merchant_uid, amount }`) or from `createOrder`'s value
 * (`{ merchantUid, amount }`). Own properties only: a planted `Object.prototype.amount` is no amount. A
 * `merchant_uid` is 1 to 40 characters (PortOne's limit) without control characters. Never throws.
 */
export function readOrder(value: unknown, wire: boolean): OrderAnswer {
  const key = wire ? 'merchant_uid' : 'merchantUid'
  const uid = own(value, key)
  const amount = own(value, 'amount')
  return typeof uid === 'string' && /^[^\0-\x1f\x7f-\x9f]{1,40}$/.test(uid) && uid.trim() && Number.isSafeInteger(amount) && (amount as number) >= 0
    ? { ok: true, order: { merchantUid: uid, amount: amount as number } }
    : { ok: false, reason: `expected { ${key}: 1 to 40 characters, amount: whole won }, got ${JSON.stringify(value)?.slice(0, 200)}` }
}

/** A failed order endpoint's answer; its `{ message }`, when it sent one, is shown to the shopper as text. */
export function orderFailure(httpStatus: number, body: unknown): OrderAnswer {
  const message = own(body, 'message')
  return { ok: false, reason: `HTTP ${httpStatus}`, message: typeof message === 'string' && message.trim() ? message : undefined }
}

/**
 * The server's amount against the cart's total: they must be equal, or the payment is refused before the SDK is
 * called (a price changed on the server, or a tampered cart), with an error naming both amounts.
 */
export function checkOrderAmount(order: ServerOrder, cartAmount: number, locale?: Locale): ValidationError | undefined {
  if (order.amount === cartAmount) return undefined
  const message = messages(locale).orderAmount(formatWon(order.amount), formatWon(cartAmount))
  return { field: 'amount', code: 'order_amount', message, shopperMessage: message }
}
