import { reasonOf, timeoutOr } from '../core/check'
import { interpretVerification, type Verification } from '../core/verify'
import type { CheckoutOptions, PaymentResult } from '../core/types'

export const DEFAULT_TIMEOUT = 15_000

// Questions still out, per payment: a view mounted again meanwhile (a framework re-render, React StrictMode, a route
// entered twice) joins the open one instead of asking the server a second time. A retry comes after the answer.
const asking = new Map<string, Promise<Verification>>()

/** Asks the merchant server (verifyUrl) or the merchant's function (verify) about a payment. Never throws. */
export function verifyPayment(options: CheckoutOptions, result: PaymentResult): Promise<Verification> {
  const key = `${options.verifyUrl} ${result.impUid} ${result.merchantUid}`
  let question = asking.get(key)
  if (!question) {
    question = ask(options, result).finally(() => asking.delete(key))
    asking.set(key, question)
  }
  return question
}

async function ask(options: CheckoutOptions, result: PaymentResult): Promise<Verification> {
  // Where an input error cannot be shown (the landing page), an invalid verifyTimeout is the default, never 0 ms.
  const timeout = timeoutOr(options.verifyTimeout, DEFAULT_TIMEOUT)
  try {
    if (options.verify) return interpretVerification(await withTimeout(options.verify(result), timeout))
    const body: Record<string, string> = { imp_uid: result.impUid ?? '', merchant_uid: result.merchantUid ?? '' }
    if (result.customerUid) body.customer_uid = result.customerUid
    const answer = await postJson(options.verifyUrl as string, body, timeout)
    return interpretVerification(answer.body, answer.status)
  } catch (cause) {
    return { kind: 'error', reason: reasonOf(cause) }
  }
}

/**
 * POSTs JSON to the merchant's server with the page's cookies and reads the JSON answer (`body` undefined when it is
 * not JSON). Throws on a network error, on `timeout`, and on a redirect: a redirect is never followed, so another
 * origin neither receives what was sent nor answers for the merchant.
 */
export async function postJson(url: string, body: unknown, timeout: number): Promise<{ status: number; body: unknown }> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeout)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      redirect: 'error',
      signal: controller.signal,
    })
    return { status: response.status, body: await response.json().catch(() => undefined) }
  } finally {
    clearTimeout(timer)
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    Promise.resolve(promise).then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })
}
