// The seam between the checkout and a payment provider (issue 14). Core and ui speak only these types; PortOne V1 is
// one provider (src/providers/portone-v1/), and a second one (Naver Pay's own JS SDK, seed 002) is a folder of its
// own plus one registration line in src/providers/index.ts. Types only: this file compiles to nothing.
import type { Buyer, DeviceFacts, NaverProduct, PaymentResult, ValidationError } from './types'

/** How the shopper pays: a window opened inside the click, or the page leaving and coming back at `redirectUrl`. */
export type PaymentPath = 'popup' | 'redirect'

/** A checked payment, in no provider's words: what core validated and every provider pays with. */
export interface PaymentRequest {
  /** The merchant's order number (PortOne V1's `merchant_uid`). */
  orderId: string
  /** The name Naver Pay shows: the first item's (Naver Pay appends "외 N개" itself). */
  orderName: string
  /** Whole won: the items' total plus shipping. */
  amount: number
  /** Naver Pay's product lines, in Naver's field order; never the price. */
  items: NaverProduct[]
  buyer: Buyer
  path: PaymentPath
  /** Absolute; where the redirect path comes back with the result in the query. */
  redirectUrl?: string
  /** Contract-dependent Naver Pay fields, validated; only those given. */
  naver: {
    useCfm?: string
    purchaserName?: string
    purchaserBirthday?: string
    chainId?: string
    merchantUserKey?: string
    cultureBenefit?: boolean
  }
  /** A billing-key registration (no money moves now). */
  recurring?: { customerUid: string; productCode: string; productCount?: number; actionType?: 'NEW' | 'CHANGE' }
}

/** What checking a payment needs from outside core, so that core stays pure: the time, a fresh order number when
 *  the merchant gives no generator, and the browser's facts. */
export interface PaymentFacts {
  now: number
  /** Called only when the options carry no `merchantUid` generator (and no server order number is given). */
  newOrderId: () => string
  device?: DeviceFacts
  /** The page's URL, to resolve a relative `redirectUrl`. */
  pageUrl?: string
  /** Order numbers this page has already sent: a `merchantUid()` that repeats one is an error. */
  usedOrderIds?: ReadonlySet<string>
}

/** A request, or every problem with the input (which field, what was expected). */
export type Checked<T> = ({ ok: true; warnings: string[] } & T) | { ok: false; errors: ValidationError[] }

/** Why a provider's SDK is not there: "blocked or offline", "wrong URL", "timed out" and "the page's Trusted Types
 *  policy refused it" call for different fixes, and the shopper is told which. */
export type LoadFailure = 'load_failed' | 'no_global' | 'timeout' | 'trusted_types'

/** What the checkout needs from a payment provider. Created per widget from its options. */
export interface PaymentProvider {
  /** Loads the SDK (once per page) and resolves once a payment can open at once; rejects with an Error whose
   *  `kind` is a LoadFailure. A failed load is forgotten, so the next call retries. */
  load(): Promise<void>
  /** Whether a payment can open in this very task (the popup path must open inside the click's user activation). */
  ready(): boolean
  /** Opens the payment for a checked request, synchronously. `answer` receives the provider's answer, normalized;
   *  the checkout takes the first one only. Throws when the SDK throws. */
  pay(request: PaymentRequest, answer: (result: PaymentResult) => void): void
  /** The result a return URL carries in its query (the landing page, after the redirect path). */
  readReturn(query: string | URLSearchParams): PaymentResult
  /** The JSON body POSTed to the merchant's `verifyUrl` for a result (PortOne V1: `{ imp_uid, merchant_uid }`). */
  verifyBody(result: PaymentResult): Record<string, string>
}
