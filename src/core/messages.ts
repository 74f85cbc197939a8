import type { ErrorCode, Locale } from './types'

/** Everything the widget says, in both languages. Texts from the PG or the merchant server are never here:
 *  they are shown exactly as received. */
const texts = {
  ko: {
    pay: '네이버페이 결제',
    register: '네이버페이 정기결제 등록',
    total: (won: string) => `총 ${won}원`,
    loading: '네이버페이를 준비하고 있습니다…',
    sdkNotReady: '네이버페이를 불러오는 중입니다. 준비되면 버튼을 다시 눌러 주세요.',
    sdkReady: '네이버페이가 준비되었습니다. 버튼을 다시 눌러 주세요.',
    sdkLoadFailed: '네이버페이를 불러오지 못했습니다. 네트워크를 확인한 뒤 다시 시도해 주세요.',
    sdkMissing: '네이버페이 결제 모듈을 찾을 수 없습니다. 잠시 후 다시 시도해 주세요.',
    sdkThrew: '네이버페이 결제창을 열지 못했습니다. 다시 시도해 주세요.',
    sdkThrewRegister: '네이버페이 등록 창을 열지 못했습니다. 다시 시도해 주세요.',
    waiting: '네이버페이 창에서 결제를 진행해 주세요.',
    waitingRegister: '네이버페이 창에서 정기결제 등록을 진행해 주세요.',
    windowClosed: '결제창이 닫혔습니다. 다시 결제하려면 버튼을 눌러 주세요.',
    windowClosedRegister: '등록 창이 닫혔습니다. 다시 등록하려면 버튼을 눌러 주세요.',
    redirecting: '네이버페이로 이동하고 있습니다…',
    verifying: '결제 결과를 확인하고 있습니다…',
    verifyingRegister: '등록 결과를 확인하고 있습니다…',
    paid: '결제가 완료되었습니다.',
    registered: '정기결제 등록이 완료되었습니다.',
    unverified: '결제 요청이 접수되었습니다. 상점의 확인 후 완료됩니다.',
    unverifiedRegister: '정기결제 등록 요청이 접수되었습니다. 상점의 확인 후 완료됩니다.',
    verifyError: '결제 결과를 확인하지 못했습니다. 결제는 완료되지 않은 것으로 표시되며, 다시 확인할 수 있습니다.',
    verifyErrorRegister: '등록 결과를 확인하지 못했습니다. 등록은 완료되지 않은 것으로 표시되며, 다시 확인할 수 있습니다.',
    retryVerify: '결제 결과 다시 확인',
    retryVerifyRegister: '등록 결과 다시 확인',
    failed: '결제가 완료되지 않았습니다.',
    failedRegister: '정기결제 등록이 완료되지 않았습니다.',
    noResult: '이 페이지에 결제 결과가 없습니다.',
    orderSummary: '주문 내역',
    orderNumber: '주문번호',
    amount: '금액',
    orderName: '상품',
    won: (won: string) => `${won}원`,
    andMore: (count: number) => ` 외 ${count}개`,
    simulated: '시뮬레이션 — 실제 결제가 아닙니다',
    fieldError: (field: string, expected: string) => `${field}: ${expected}`,
    expected: {
      required: '값이 필요합니다',
      type: '형식이 올바르지 않습니다',
      whole_number: '0 이상의 정수(원 단위)여야 합니다',
      positive: '1 이상의 정수여야 합니다',
      unsafe_number: '너무 큰 숫자입니다',
      empty_cart: '상품이 한 개 이상 있어야 합니다',
      format: '형식이 올바르지 않습니다',
      too_long: '너무 깁니다',
      control_chars: '제어 문자를 포함할 수 없습니다',
      invalid_date: 'yyyyMMdd 형식의 실제 날짜여야 합니다',
      date_past: '오늘(한국 시간) 또는 이후 날짜여야 합니다',
      date_order: '시작일(startDate)과 같거나 이후여야 합니다',
      date_future: '미래 날짜일 수 없습니다',
      min_amount: '최소 결제 금액보다 작습니다',
      both_pg_and_channel: 'pg와 channelKey 중 하나만 지정해야 합니다',
      redirect_url: 'http(s) 주소여야 합니다',
      redirect_query: '쿼리 파라미터를 두 개 이상 포함할 수 없습니다 (PortOne이 결과를 구분자 없이 붙입니다)',
      enum: '허용된 값이 아닙니다',
      merchant_uid: '호출할 때마다 새 주문번호 문자열을 반환해야 합니다',
      cart_json: '올바른 JSON이어야 합니다',
    } satisfies Record<ErrorCode, string>,
    minAmount: (min: string, amount: string) => `최소 결제 금액은 ${min}원입니다. (현재 ${amount}원)`,
    // Why a registration needs each field: the integrator reads these next to the field's error.
    why: {
      customerUid: '정기결제 등록에 필수인 고객 고유 키(빌링키)로, 이후 결제 요청에 사용합니다',
      productCode: '없으면 같은 고객이 같은 상품을 중복으로 등록할 수 있습니다',
      buyerTel: '네이버페이 정기결제 등록에 필수입니다',
    },
  },
  en: {
    pay: 'Pay with Naver Pay',
    register: 'Register Naver Pay for recurring payments',
    total: (won: string) => `Total ₩${won}`,
    loading: 'Preparing Naver Pay…',
    sdkNotReady: 'Naver Pay is still loading. Press the button again when it is ready.',
    sdkReady: 'Naver Pay is ready. Press the button again.',
    sdkLoadFailed: 'Naver Pay could not be loaded. Check your connection and try again.',
    sdkMissing: 'The Naver Pay module is missing. Please try again in a moment.',
    sdkThrew: 'The Naver Pay window could not be opened. Please try again.',
    sdkThrewRegister: 'The Naver Pay registration window could not be opened. Please try again.',
    waiting: 'Complete the payment in the Naver Pay window.',
    waitingRegister: 'Complete the registration in the Naver Pay window.',
    windowClosed: 'The payment window was closed. Press the button to try again.',
    windowClosedRegister: 'The registration window was closed. Press the button to try again.',
    redirecting: 'Taking you to Naver Pay…',
    verifying: 'Confirming your payment…',
    verifyingRegister: 'Confirming your registration…',
    paid: 'Payment complete.',
    registered: 'Recurring payment registration complete.',
    unverified: 'Payment request received. It completes once the shop confirms it.',
    unverifiedRegister: 'Registration request received. It completes once the shop confirms it.',
    verifyError: 'Your payment could not be confirmed. It is not shown as complete; you can check again.',
    verifyErrorRegister: 'Your registration could not be confirmed. It is not shown as complete; you can check again.',
    retryVerify: 'Check the payment again',
    retryVerifyRegister: 'Check the registration again',
    failed: 'The payment was not completed.',
    failedRegister: 'The recurring payment registration was not completed.',
    noResult: 'There is no payment result on this page.',
    orderSummary: 'Order summary',
    orderNumber: 'Order number',
    amount: 'Amount',
    orderName: 'Item',
    won: (won: string) => `₩${won}`,
    andMore: (count: number) => ` and ${count} more`,
    simulated: 'Simulation — not a real payment',
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
      invalid_date: 'must be a real date in yyyyMMdd format',
      date_past: 'must be today (Korea time) or later',
      date_order: 'must be on or after startDate',
      date_future: 'must not be in the future',
      min_amount: 'is below the minimum payment',
      both_pg_and_channel: 'set either pg or channelKey, not both',
      redirect_url: 'must be an http(s) URL',
      redirect_query: 'must not hold two or more query parameters (PortOne appends its result without a separator)',
      enum: 'is not one of the allowed values',
      merchant_uid: 'must return a new order-number string on every call',
      cart_json: 'must be valid JSON',
    } satisfies Record<ErrorCode, string>,
    minAmount: (min: string, amount: string) => `The minimum payment is ₩${min} (this order: ₩${amount}).`,
    why: {
      customerUid: 'the key of the billing key being registered; later charges use it',
      productCode: 'without it the same shopper can register the same product twice',
      buyerTel: 'Naver Pay requires it to register a recurring payment',
    },
  },
}

export type Messages = (typeof texts)['ko']

// Texts that read "payment" and have a registration twin named `${key}Register`.
const TWINS = ['waiting', 'windowClosed', 'sdkThrew', 'verifying', 'unverified', 'verifyError', 'retryVerify', 'failed'] as const

/** The texts for a locale. For a billing-key registration (no money moves) every payment wording becomes the
 *  registration one under the same key, so the UI never has to choose between the two. */
export function messages(locale: Locale | undefined, registering = false): Messages {
  const t = locale === 'en' ? texts.en : texts.ko
  if (!registering) return t
  const r = { ...t, pay: t.register, paid: t.registered }
  for (const key of TWINS) r[key] = t[`${key}Register`]
  return r
}

/** Thousands separators without Intl, so the output is the same in every runtime. */
export function formatWon(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
