import { own } from './check'
import type { PaymentResult } from './types'

const KEYS = ['imp_uid', 'merchant_uid', 'customer_uid', 'error_code', 'error_msg', 'imp_success', 'success', 'status'] as const
type Key = (typeof KEYS)[number]
type Fields = Partial<Record<Key, string>>

/**
 * One normalizer for every way a result arrives: the `request_pay` callback object (popup), or the
 * `m_redirect_url` query as `URLSearchParams` or a string (redirect). Never throws.
 *
 * PortOne's current rule: the payment failed when `error_code` or `error_msg` is present. The legacy
 * `imp_success` / `success` flags can read "false" for a payment that went through, so they only decide
 * when nothing else does. Either way the merchant server has the last word (verification).
 */
export function parsePaymentResult(input: unknown): PaymentResult {
  let fields: Fields
  try {
    fields = readFields(input)
  } catch {
    fields = {}
  }
  const impUid = fields.imp_uid || null
  const merchantUid = fields.merchant_uid || null
  const customerUid = fields.customer_uid || null
  const errorCode = fields.error_code || null
  const errorMsg = fields.error_msg || null
  const legacyFailed = fields.imp_success === 'false' || fields.success === 'false'
  const statusFailed = fields.status === 'failed' || fields.status === 'cancelled'
  const base = { impUid, merchantUid, customerUid, errorCode, errorMsg }
  if (errorCode !== null || errorMsg !== null) return { status: 'failure', ...base }
  if ((legacyFailed || statusFailed) && impUid === null) return { status: 'failure', ...base }
  if (impUid !== null || merchantUid !== null || customerUid !== null) return { status: 'success', ...base }
  return { status: legacyFailed || statusFailed ? 'failure' : 'none', ...base }
}

function readFields(input: unknown): Fields {
  if (typeof input === 'string') return fromSearchParams(new URLSearchParams(queryOf(input)))
  if (input instanceof URLSearchParams) return fromSearchParams(input)
  const fields: Fields = {}
  for (const key of KEYS) {
    // Own properties only (the one reader, `own`): a polluted prototype must not invent a result.
    const value = own(input, key)
    if (typeof value === 'string') fields[key] = value
    else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value)
  }
  return fields
}

/** A query string as given (a leading `?` dropped), or a whole URL's query (`location.href` instead of `.search`). */
function queryOf(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return text.startsWith('?') ? text.slice(1) : text
  const query = text.split('#')[0]
  const at = query.indexOf('?')
  return at < 0 ? '' : query.slice(at + 1)
}

function fromSearchParams(params: URLSearchParams): Fields {
  const fields: Fields = {}
  for (const key of KEYS) {
    // PortOne appends its pairs after the query the merchant's URL already had, so for a doubled key the
    // last value is PortOne's.
    const values = params.getAll(key)
    if (values.length > 0) fields[key] = values[values.length - 1]
  }
  return fields
}
