import { isRecord, own } from './check'
import type { CheckoutResult, NaverProduct, PaymentResult, RequestPayParams } from './types'

/** sessionStorage keys, per order number: what was ordered, and the outcome once it is final (the outcome also in
 *  localStorage, so another tab of the shop replays it instead of verifying again). */
export const PENDING_PREFIX = 'naverpay-checkout:pending:'
export const RESULT_PREFIX = 'naverpay-checkout:result:'
/** How long an outcome is remembered: long enough for a tab reopened the same day, short enough to stay small. */
export const RESULT_TTL_MS = 24 * 60 * 60 * 1000

/** What the page saves before it leaves for Naver Pay, so the landing page can say what was ordered. */
export interface PendingOrder {
  merchantUid: string
  name: string
  amount: number
  items: NaverProduct[]
  customerUid?: string
  /** When the shopper left for Naver Pay (ms since epoch). */
  time: number
}

export function pendingOrder(params: RequestPayParams, now: number): PendingOrder {
  const order: PendingOrder = { merchantUid: params.merchant_uid, name: params.name, amount: params.amount, items: params.naverProducts, time: now }
  if (params.customer_uid !== undefined) order.customerUid = params.customer_uid
  return order
}

/**
 * Parses stored JSON; anything malformed (another script, an old version) reads as nothing stored. The fields are
 * read by `own`, so a key planted on Object.prototype (a `customerUid` turning a payment into a registration) is not.
 */
function readJson(text: string | null): ((key: string) => unknown) | undefined {
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? (key) => own(value, key) : undefined
  } catch {
    return undefined
  }
}

/** The stored pending order for this order number, if it is one and is well formed. */
export function readPendingOrder(text: string | null, merchantUid: string): PendingOrder | undefined {
  const v = readJson(text)
  if (!v) return undefined
  const [name, amount, items, time, customerUid] = ['name', 'amount', 'items', 'time', 'customerUid'].map(v)
  if (v('merchantUid') !== merchantUid || typeof name !== 'string' || !Number.isSafeInteger(amount)) return undefined
  const order: PendingOrder = {
    merchantUid,
    name,
    amount: amount as number,
    items: Array.isArray(items) ? (items as NaverProduct[]) : [],
    time: typeof time === 'number' ? time : 0,
    // Always an own property, even when absent: the record must not inherit a customerUid planted on Object.prototype.
    customerUid: typeof customerUid === 'string' && customerUid !== '' ? customerUid : undefined,
  }
  return order
}

/** Only final outcomes are kept: a verification error must be checked again after a reload, never replayed. */
export function isFinal(outcome: CheckoutResult): boolean {
  return outcome.verification !== 'error'
}

const FIELDS = ['impUid', 'merchantUid', 'customerUid', 'errorCode', 'errorMsg'] as const
const VERIFICATIONS = ['paid', 'rejected', 'unverified', 'skipped']

/**
 * A stored final outcome, if it is well formed and is about `expected` (every field given there must match:
 * the landing page passes the whole query's result, the shop page restored by the back button its order number).
 */
export function readFinalOutcome(text: string | null, expected: Partial<PaymentResult>, now?: number): CheckoutResult | undefined {
  const v = readJson(text)
  const status = v?.('status')
  if (!v || (status !== 'success' && status !== 'failure') || !VERIFICATIONS.includes(v('verification') as string)) return undefined
  const outcome = { status, verification: v('verification') } as CheckoutResult
  if (now !== undefined && isExpired(v, now)) return undefined
  for (const key of FIELDS) {
    const value = v(key)
    if (value !== null && typeof value !== 'string') return undefined
    outcome[key] = value
  }
  const message = v('verificationMessage')
  if (typeof message === 'string') outcome.verificationMessage = message
  for (const key of Object.keys(expected) as (keyof PaymentResult)[]) if (expected[key] !== outcome[key]) return undefined
  return outcome
}

/** Saved more than RESULT_TTL_MS ago, in the future (a clock put back), or without a time: not to be replayed. */
function isExpired(v: (key: string) => unknown, now: number): boolean {
  const time = v('time')
  return typeof time !== 'number' || !(time <= now && now - time < RESULT_TTL_MS)
}

/** What the landing page does with the result in its query. */
export type LandingPlan =
  /** The query holds no payment result. */
  | { kind: 'none' }
  /** Processed before (reload, back/forward): show the same outcome again, no second verification. */
  | { kind: 'replay'; outcome: CheckoutResult }
  /** First time here, or the last check failed: process (and verify) it. */
  | { kind: 'settle' }

/**
 * Decides from the result and what was stored about its order number: `stored` reads this tab's sessionStorage,
 * `shared` (optional) the origin's localStorage, where an outcome counts until RESULT_TTL_MS after `now`.
 */
export function planLanding(result: PaymentResult, stored: (key: string) => string | null, shared?: (key: string) => string | null, now = 0): LandingPlan {
  if (result.status === 'none') return { kind: 'none' }
  const key = RESULT_PREFIX + result.merchantUid
  const outcome = result.merchantUid === null ? undefined : (readFinalOutcome(stored(key), result) ?? (shared && readFinalOutcome(shared(key), result, now)))
  return outcome ? { kind: 'replay', outcome: { ...outcome, replayed: true } } : { kind: 'settle' }
}
