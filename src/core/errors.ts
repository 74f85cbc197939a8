import { TIMEOUT_MAX, TIMEOUT_MIN } from './check'
import type { ErrorCode, Locale } from './types'

/** The codes `Checker.fail` reports; `min_amount` and `order_amount` have their own sentences. */
export type FieldErrorCode = Exclude<ErrorCode, 'min_amount' | 'order_amount'>

/** Input-error texts, in both languages: which field, what was expected. */
const texts = {
  ko: {
    fieldError: (field: string, expected: string) => `${field}: ${expected}`,
    expected: {
      required: '값이 필요합니다',
      type: '형식이 올바르지 않습니다',
      whole_number: '0 이상의 정수(원)여야 합니다',
      positive: '1 이상의 정수여야 합니다',
      unsafe_number: '너무 큽니다',
      empty_cart: '상품이 1개 이상 필요합니다',
      format: '형식이 올바르지 않습니다',
      too_long: '너무 깁니다',
      control_chars: '제어 문자를 쓸 수 없습니다',
      timeout: `${TIMEOUT_MIN}~${TIMEOUT_MAX} 밀리초(정수)여야 합니다`,
      invalid_date: '실제 날짜(yyyyMMdd)여야 합니다',
      date_past: '오늘(한국 시간)이나 이후여야 합니다',
      date_order: 'startDate와 같거나 이후여야 합니다',
      date_future: '미래일 수 없습니다',
      both_pg_and_channel: 'pg와 channelKey 중 하나만 쓰세요',
      redirect_url: 'http(s) 주소여야 합니다',
      redirect_query: '쿼리 파라미터는 하나까지입니다 (PortOne이 결과를 구분자 없이 붙임)',
      enum: '허용된 값이 아닙니다',
      merchant_uid: '매번 새 주문번호 문자열을 반환해야 합니다',
      cart_json: '올바른 JSON이어야 합니다',
    } satisfies Record<FieldErrorCode, string>,
    minAmount: (min: string, amount: string) => `최소 결제 금액은 ${min}원입니다. (현재 ${amount}원)`,
    // What the shopper reads for an input error: the field and the detail are for the developer (console, error objects).
    shopper: {
      emptyCart: '장바구니에 담긴 상품이 없습니다.',
      other: '주문 정보에 문제가 있어 결제할 수 없습니다. 상점에 문의해 주세요.',
    },
    // Why a registration needs each field: the integrator reads these next to the field's error.
    why: {
      customerUid: '정기결제 등록에 필수인 고객 고유 키(빌링키)로, 이후 결제 요청에 사용합니다',
      productCode: '없으면 같은 고객이 같은 상품을 중복으로 등록할 수 있습니다',
      buyerTel: '네이버페이 정기결제 등록에 필수입니다',
    },
  },
  en: {
    fieldError: (field: string, expected: string) => `${field} ${expected}`,
    expected: {
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
    } satisfies Record<FieldErrorCode, string>,
    minAmount: (min: string, amount: string) => `The minimum payment is ₩${min} (this order: ₩${amount}).`,
    shopper: {
      emptyCart: 'Your cart is empty.',
      other: 'This order has a problem and cannot be paid. Please contact the shop.',
    },
    why: {
      customerUid: 'the key of the billing key being registered; later charges use it',
      productCode: 'without it the same shopper can register the same product twice',
      buyerTel: 'Naver Pay requires it to register a recurring payment',
    },
  },
}

export type ErrorTexts = (typeof texts)['ko']

export function errorTexts(locale: Locale | undefined): ErrorTexts {
  return locale === 'en' ? texts.en : texts.ko
}

/** Thousands separators without Intl, so the output is the same in every runtime. */
export function formatWon(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
