import { isRecord, own } from './check'

/** What the merchant server's answer means. Only an explicit `paid` is a success. */
export type Verification = { kind: 'paid' } | { kind: 'rejected'; message: string } | { kind: 'error'; reason: string }

/**
 * Reads the merchant server's verification answer: `{ "status": "paid" }` is verified,
 * `{ "status": "failed", "message" }` is a failure with that message, anything else is an error.
 * `httpStatus` is undefined for a `verify` function's answer.
 */
export function interpretVerification(body: unknown, httpStatus?: number): Verification {
  if (httpStatus !== undefined && (httpStatus < 200 || httpStatus > 299)) return { kind: 'error', reason: `HTTP ${httpStatus}` }
  if (!isRecord(body)) return { kind: 'error', reason: 'the answer is not a JSON object' }
  // Own properties only: a `status: 'paid'` planted on Object.prototype by another script is not the server's answer.
  const status = own(body, 'status')
  const message = own(body, 'message')
  if (status === 'paid') return { kind: 'paid' }
  // A failure without a message is still a failure; the widget then says so in its own words.
  if (status === 'failed') return { kind: 'rejected', message: typeof message === 'string' ? message : '' }
  return { kind: 'error', reason: `unexpected status ${JSON.stringify(status) ?? 'undefined'}` }
}
