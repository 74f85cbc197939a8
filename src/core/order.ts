import { hasOwn, isRecord } from './check'
import { errorTexts, formatWon } from './errors'
import type { Locale, ValidationError } from './types'

/** An order the merchant's server created for a cart (`orderUrl` / `createOrder`). */
export interface ServerOrder {
  merchantUid: string
  /** Whole won, as the server priced the cart. */
  amount: number
}

/** What asking for an order came to: the order, or why not (`message`: the server's own words for the shopper). */
export type OrderAnswer = { ok: true; order: ServerOrder } | { ok: false; reason: string; message?: string }

// PortOne's limit for merchant_uid; C0/C1 control characters are never part of one.
const UID = /^[^\u0000-\u001F\u007F-\u009F]{1,40}$/

/**
 * Reads the order from the server's JSON answer (`wire`: `{ merchant_uid, amount }`) or from `createOrder`'s value
 * (`{ merchantUid, amount }`). Own properties only: a planted `Object.prototype.amount` is no amount. Never throws.
 */
export function readOrder(value: unknown, wire: boolean): OrderAnswer {
  const key = wire ? 'merchant_uid' : 'merchantUid'
  const get = (name: string): unknown => (isRecord(value) && hasOwn(value, name) ? value[name] : undefined)
  const merchantUid = get(key)
  const amount = get('amount')
  if (typeof merchantUid !== 'string' || !UID.test(merchantUid) || merchantUid.trim() === '') {
    return { ok: false, reason: `the order's ${key} must be a string of 1 to 40 characters` }
  }
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    return { ok: false, reason: `the order's amount must be a whole number of won, got ${String(amount)}` }
  }
  return { ok: true, order: { merchantUid, amount } }
}

/** A failed order endpoint's `{ message }`, when it sent one: shown to the shopper as text. */
export function orderFailure(httpStatus: number, body: unknown): OrderAnswer {
  const message = isRecord(body) && hasOwn(body, 'message') && typeof body.message === 'string' && body.message.trim() !== '' ? body.message : undefined
  return { ok: false, reason: `HTTP ${httpStatus}`, message }
}

/**
 * The server's amount against the cart's total: they must be equal, or the payment is refused before the SDK is
 * called (a price changed on the server, or a tampered cart), with an error naming both amounts.
 */
export function checkOrderAmount(order: ServerOrder, cartAmount: number, locale?: Locale): ValidationError | undefined {
  if (order.amount === cartAmount) return undefined
  const message = errorTexts(locale).orderAmount(formatWon(order.amount), formatWon(cartAmount))
  return { field: 'amount', code: 'order_amount', message, shopperMessage: message }
}
