// The order record the checkout handlers keep, and the small store interface they keep it in. A shop implements
// `OrderStore` over its own database; `memoryOrderStore()` is for tests and single-process demos.
import type { PaymentCancellation, PaymentStatus } from './types'

/**
 * Where an order is:
 * - `pending`: priced and pre-registered at PortOne; waiting for the shopper to pay.
 * - `paid`: PortOne reported a `paid` payment for exactly the order's amount; `onPaid` ran (once).
 * - `registered`: a billing-key registration (the order was created with a `customer_uid`) that PortOne confirms
 *   by the billing key; `onRegistered` ran (once). No money moved.
 * - `failed`: never paid — PortOne could not pre-register it, the payment failed, or its amount was not the
 *   order's (that payment is cancelled). `failure` says why, in the words the shopper was shown.
 * - `cancelled`: was paid, and PortOne now reports the payment fully cancelled (a cancel webhook or a later check).
 *
 * Moves: pending → paid | registered | failed, paid → cancelled. Nothing ever moves back to pending or into paid
 * twice, which is why `onPaid` runs once per order.
 */
export type OrderStatus = 'pending' | 'paid' | 'registered' | 'failed' | 'cancelled'

/** One line of an order, as `priceCart` priced it (`price` is the shop's unit price in won). */
export interface OrderItem {
  uid: string
  name: string
  count: number
  /** The shop's unit price in won; absent when `priceCart` returned no items (then the lines are the cart's). */
  price?: number
}

/** An order as the checkout server stores it. Times are milliseconds since 1970 (`Date.now()`). */
export interface Order {
  /** PortOne's `merchant_uid`: the order number, made by the server (unguessable, ≤ 40 characters). */
  merchantUid: string
  status: OrderStatus
  /** Whole won, as `priceCart` priced it: the amount pre-registered at PortOne and checked on every payment. */
  amount: number
  /** The order name (PortOne's `name`). */
  name: string
  items: OrderItem[]
  /** The billing key this order registers (`customer_uid`), or `null` for a one-time payment. */
  customerUid: string | null
  createdAt: number
  updatedAt: number
  /** PortOne's payment (`imp_uid`) that paid, failed or was refused for this order; `null` until one is seen. */
  impUid: string | null
  /** When PortOne says it was paid (its `paid_at`), in milliseconds; `null` unless paid. */
  paidAt: number | null
  /** The payment status PortOne last reported for `impUid` (`ready`, `paid`, `cancelled`, `failed`). */
  portoneStatus: PaymentStatus | null
  /** Why the order failed, as the shopper was told; `null` otherwise. */
  failure: string | null
  /** PortOne's `cancel_history` of `impUid`, as last seen (refusals of another amount, refunds made later). */
  cancellations: PaymentCancellation[]
}

/** What an update may change: everything but the order number and when it was made. */
export type OrderChanges = Partial<Omit<Order, 'merchantUid' | 'createdAt'>>

/**
 * Where orders live. Four small methods over your database; `update` is the one that matters: it applies only
 * while the order is still in `expected` status, atomically (SQL: `UPDATE … WHERE merchant_uid = ? AND status = ?`
 * and look at the affected row count). That compare-and-set is what makes "paid once" hold when the widget's
 * verification, PortOne's webhooks and their retries arrive together, in one process or in several.
 */
export interface OrderStore {
  /** Stores a new order. Must fail (throw) rather than overwrite an order with the same `merchantUid`. */
  create(order: Order): Promise<void>
  /** The order, or `null` when there is none. */
  get(merchantUid: string): Promise<Order | null>
  /**
   * Applies `changes` (and sets `updatedAt`) only if the order exists and its status is still `expected`.
   * Answers whether it applied. Two callers racing from the same status: exactly one gets `true`.
   */
  update(merchantUid: string, expected: OrderStatus, changes: OrderChanges): Promise<boolean>
  /** Newest first; optional (an admin page uses it). */
  list?(options?: { limit?: number }): Promise<Order[]>
}

/**
 * Orders in this process's memory: for tests and single-process demos. They are gone when the process ends, and
 * two processes do not see each other's: a shop with more than one server process uses its database.
 */
export function memoryOrderStore(): OrderStore {
  const orders = new Map<string, Order>()
  // Copies in and out, as a database would: a caller changing an order object changes nothing stored.
  const copy = (order: Order): Order => ({ ...order, items: order.items.map((i) => ({ ...i })), cancellations: order.cancellations.map((c) => ({ ...c })) })
  return {
    async create(order) {
      if (orders.has(order.merchantUid)) throw new Error(`memoryOrderStore: order ${order.merchantUid} already exists`)
      orders.set(order.merchantUid, copy(order))
    },
    async get(merchantUid) {
      const order = orders.get(merchantUid)
      return order ? copy(order) : null
    },
    // No await between the check and the write: in one JavaScript thread that is atomic.
    async update(merchantUid, expected, changes) {
      const order = orders.get(merchantUid)
      if (!order || order.status !== expected) return false
      orders.set(merchantUid, copy({ ...order, ...changes, merchantUid, createdAt: order.createdAt, updatedAt: changes.updatedAt ?? Date.now() }))
      return true
    },
    async list(options = {}) {
      const all = [...orders.values()].sort((a, b) => b.createdAt - a.createdAt)
      return all.slice(0, options.limit ?? all.length).map(copy)
    },
  }
}

/**
 * A new order number: the time (so numbers sort by creation) and 96 random bits from the platform's CSPRNG, so
 * nobody can guess another shopper's order. `ord_` + 8 + `_` + 24 = 37 characters, within PortOne's 40, letters,
 * digits and `_` only.
 */
export function newMerchantUid(now: number): string {
  const random = crypto.getRandomValues(new Uint8Array(12))
  let hex = ''
  for (const byte of random) hex += byte.toString(16).padStart(2, '0')
  return `ord_${now.toString(36).padStart(8, '0')}_${hex}`
}

/** A new order, `pending`, under a fresh order number, with nothing yet heard from PortOne. */
export function pendingOrder(fields: Pick<Order, 'amount' | 'name' | 'items' | 'customerUid'>, now: number): Order {
  return {
    ...fields,
    merchantUid: newMerchantUid(now),
    status: 'pending',
    createdAt: now,
    updatedAt: now,
    impUid: null,
    paidAt: null,
    portoneStatus: null,
    failure: null,
    cancellations: [],
  }
}
