import { interpretVerification, type Verification } from '../core/verify'
import type { CheckoutOptions, PaymentResult } from '../core/types'

const DEFAULT_TIMEOUT = 15_000

/** Asks the merchant server (verifyUrl) or the merchant's function (verify) about a payment. Never throws. */
export async function verifyPayment(options: CheckoutOptions, result: PaymentResult): Promise<Verification> {
  const timeout = options.verifyTimeout ?? DEFAULT_TIMEOUT
  try {
    if (options.verify) return interpretVerification(await withTimeout(options.verify(result), timeout))
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeout)
    try {
      const body: Record<string, string> = { imp_uid: result.impUid ?? '', merchant_uid: result.merchantUid ?? '' }
      if (result.customerUid) body.customer_uid = result.customerUid
      const response = await fetch(options.verifyUrl as string, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        signal: controller.signal,
      })
      if (!response.ok) return interpretVerification(null, response.status)
      return interpretVerification(await response.json(), response.status)
    } finally {
      clearTimeout(timer)
    }
  } catch (cause) {
    return { kind: 'error', reason: cause instanceof Error ? cause.message : String(cause) }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    Promise.resolve(promise).then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })
}
