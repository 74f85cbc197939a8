import { Checker, hasOwn } from './check'
import { errorTexts, type FieldErrorCode } from './errors'
import type { Cart, CheckoutOptions, Locale, ValidationError } from './types'

/** A script tag's or custom element's `dataset`: camelCase keys, string values. */
export type Attributes = Readonly<Record<string, string | undefined>>

const TEXT = ['impCode', 'channelKey', 'pg', 'redirectUrl', 'verifyUrl', 'orderUrl', 'sdkUrl', 'mode', 'locale'] as const
const INT = ['minAmount', 'sdkTimeout', 'verifyTimeout'] as const
const BUYER = ['name', 'email', 'tel', 'addr', 'postcode'] as const
const NAVER_TEXT = ['useCfm', 'purchaserName', 'purchaserBirthday', 'chainId', 'merchantUserKey'] as const

/** Every attribute the options are read from, as `dataset` keys (`impCode`, `buyerTel`, ...), plus `page` and `cart`. */
export const ATTRIBUTE_KEYS: readonly string[] = [
  ...TEXT,
  ...INT,
  ...BUYER.map((key) => 'buyer' + capital(key)),
  ...[...NAVER_TEXT, 'cultureBenefit'].map((key) => 'naver' + capital(key)),
  ...['customerUid', 'productCode', 'productCount', 'actionType'].map((key) => 'recurring' + capital(key)),
  'page',
]

/**
 * Script-tag attributes → options. `data-min-amount` → `minAmount`, `data-buyer-tel` → `buyer.tel`,
 * `data-naver-use-cfm` → `naver.useCfm`, `data-recurring-customer-uid` → `recurring.customerUid`.
 * Values are checked for their kind here (numbers, booleans); `buildRequestPayParams` checks the rest.
 */
export function optionsFromAttributes(attrs: Attributes): { options: CheckoutOptions; errors: ValidationError[] } {
  const c = new Checker(errorTexts(attrs.locale))
  const options: Record<string, unknown> = {}
  const get = (key: string): string | undefined => {
    const value = hasOwn(attrs, key) ? attrs[key] : undefined
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  const int = (key: string, min: 0 | 1): number | undefined => {
    const value = get(key)
    if (value === undefined) return undefined
    if (!/^\d+$/.test(value)) return c.fail(attrName(key), min === 1 ? 'positive' : 'whole_number', `got "${value}"`)
    return c.int(Number(value), attrName(key), { min })
  }
  for (const key of TEXT) if (get(key) !== undefined) options[key] = get(key)
  for (const key of INT) {
    const value = int(key, 1)
    // The timeouts have their range: "3000000000" is digits, and still no timeout.
    if (value !== undefined && (key === 'minAmount' || c.ms(value, attrName(key)) !== undefined)) options[key] = value
  }

  const buyer: Record<string, string> = {}
  for (const key of BUYER) {
    const value = get('buyer' + capital(key))
    if (value !== undefined) buyer[key] = value
  }
  if (Object.keys(buyer).length > 0) options.buyer = buyer

  const naver: Record<string, unknown> = {}
  for (const key of NAVER_TEXT) {
    const value = get('naver' + capital(key))
    if (value !== undefined) naver[key] = value
  }
  const culture = get('naverCultureBenefit')
  if (culture !== undefined) {
    if (culture === 'true' || culture === 'false') naver.cultureBenefit = culture === 'true'
    else c.fail('data-naver-culture-benefit', 'enum', 'expected true or false')
  }
  if (Object.keys(naver).length > 0) options.naver = naver

  const customerUid = get('recurringCustomerUid')
  const productCode = get('recurringProductCode')
  const productCount = int('recurringProductCount', 1)
  const actionType = get('recurringActionType')
  if (customerUid !== undefined || productCode !== undefined || productCount !== undefined || actionType !== undefined) {
    options.recurring = { customerUid, productCode, productCount, actionType }
  }
  return { options: options as CheckoutOptions, errors: c.errors }
}

/** One input error about an attribute (`data-cart`, `data-target`), worded like every other. */
export function attributeError(field: string, code: FieldErrorCode, detail: string, locale?: string): ValidationError {
  const c = new Checker(errorTexts(locale))
  c.fail(field, code, detail)
  return c.errors[0]
}

/** The cart from the JSON text of a `<script type="application/json">`. */
export function parseCartJson(text: string, field = 'data-cart', locale?: Locale): { ok: true; cart: Cart } | { ok: false; errors: ValidationError[] } {
  const c = new Checker(errorTexts(locale))
  try {
    // JSON.parse turns a "__proto__" key into a plain own property; it never touches a prototype.
    return { ok: true, cart: JSON.parse(text) as Cart }
  } catch (cause) {
    c.fail(field, 'cart_json', cause instanceof Error ? cause.message : undefined)
    return { ok: false, errors: c.errors }
  }
}

function capital(key: string): string {
  return key[0].toUpperCase() + key.slice(1)
}

function attrName(key: string): string {
  return 'data-' + kebab(key)
}

/** `buyerTel` → `buyer-tel`: a dataset key as the attribute it comes from (without `data-`). */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (ch) => '-' + ch.toLowerCase())
}
