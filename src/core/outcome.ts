import type { Messages } from './messages'
import type { CheckoutResult, PaymentResult } from './types'
import type { Verification } from './verify'

/** What the shopper is shown for a final outcome. `alert` text is shown exactly: the PG's error_msg or the server's message. */
export type OutcomeView = { kind: 'success'; text: string } | { kind: 'alert'; text: string; retry?: boolean }

/** The reported outcome of a PG success once the merchant server (or nobody) has answered. */
export function verifiedOutcome(result: PaymentResult, answer: Verification | undefined): CheckoutResult {
  if (answer === undefined) return { ...result, verification: 'unverified' }
  if (answer.kind === 'paid') return { ...result, verification: 'paid' }
  if (answer.kind === 'rejected') return { ...result, verification: 'rejected', verificationMessage: answer.message }
  return { ...result, verification: 'error' }
}

/**
 * The one mapping from an outcome to what the shopper sees, for the popup callback, the landing page and a
 * replay after reload. Success is only ever shown for `paid` and, labelled as awaiting the shop, `unverified`.
 * `m` already holds the registration wording for a billing-key registration (`messages(locale, true)`).
 */
export function outcomeView(outcome: CheckoutResult, m: Messages): OutcomeView {
  switch (outcome.verification) {
    case 'paid':
      return { kind: 'success', text: m.paid }
    case 'unverified':
      return { kind: 'success', text: m.unverified }
    case 'rejected':
      return { kind: 'alert', text: outcome.verificationMessage || m.failed }
    case 'error':
      return { kind: 'alert', text: m.verifyError, retry: true }
    default:
      // Naver Pay's inspection: the PG's error_msg, exactly as received, nothing added.
      return { kind: 'alert', text: outcome.errorMsg ?? m.failed }
  }
}
