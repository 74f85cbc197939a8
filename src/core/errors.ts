import { TIMEOUT_MAX, TIMEOUT_MIN } from './check'
import type { ErrorCode, Locale } from './types'

/** The codes `Checker.fail` reports; `min_amount` and `order_amount` have their own sentences. */
export type FieldErrorCode = Exclude<ErrorCode, 'min_amount' | 'order_amount'>

// The developer's half of an input error (the field, what was expected, why), in English for every locale: it goes
// to the console and the error objects, never to the shopper, who reads the localised `shopper` sentence instead.
const expected = {
  required: 'is required',
  type: 'has the wrong type',
  whole_number: 'must be a whole number of won, 0 or more',
  positive: 'must be a positive whole number',
  unsafe_number: 'is too large',
  empty_cart: 'must hold at least one item',
  format: 'has the wrong format',
  too_long: 'is too long',
  control_chars: 'must not contain control characters',
  timeout: `must be ${TIMEOUT_MIN}–${TIMEOUT_MAX} whole ms`,
  invalid_date: 'must be a real date in yyyyMMdd format',
  date_past: 'must be today (Korea time) or later',
  date_order: 'must be on or after startDate',
  date_future: 'must not be in the future',
  both_pg_and_channel: 'set either pg or channelKey, not both',
  redirect_url: 'must be an http(s) URL',
  redirect_query: 'must hold one query parameter at most (PortOne appends its result without a separator)',
  enum: 'is not one of the allowed values',
  merchant_uid: 'must return a new order number (a string) each call',
  cart_json: 'must be valid JSON',
} satisfies Record<FieldErrorCode, string>

// Why a registration needs each field: the integrator reads these next to the field's error.
const why = {
  customerUid: 'the key of the billing key being registered; later charges use it',
  productCode: 'without it the same shopper can register the same product twice',
  buyerTel: 'Naver Pay requires it to register a recurring payment',
}

const fieldError = (field: string, text: string): string => `${field} ${text}`

/** Input-error texts: the developer's (English) and what the shopper reads, in the shopper's language. */
const texts = {
  ko: {
    fieldError,
    expected,
    minAmount: (min: string, amount: string) => `최소 결제 금액은 ${min}원입니다. (현재 ${amount}원)`,
    shopper: {
      emptyCart: '장바구니에 담긴 상품이 없습니다.',
      other: '주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.',
    },
    why,
  },
  en: {
    fieldError,
    expected,
    minAmount: (min: string, amount: string) => `The minimum payment is ₩${min} (this order: ₩${amount}).`,
    shopper: {
      emptyCart: 'Your cart is empty.',
      other: 'This order has a problem and cannot be paid. Please contact the shop.',
    },
    why,
  },
}

export type ErrorTexts = (typeof texts)['ko']

/** The texts for a locale: English for `'en'`, Korean for anything else (attributes pass what the page wrote). */
export function errorTexts(locale: Locale | string | undefined): ErrorTexts {
  return locale === 'en' ? texts.en : texts.ko
}

/** Thousands separators without Intl, so the output is the same in every runtime. */
export function formatWon(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
