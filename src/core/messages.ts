import type { Locale } from './types'

/** Everything the widget's UI says, in both languages (input errors are in errors.ts, so that
 *  `buildRequestPayParams` alone does not carry them). Texts from the PG or the merchant server are never here:
 *  they are shown exactly as received. */
const texts = {
  ko: {
    pay: '네이버페이 결제',
    register: '네이버페이 정기결제 등록',
    loading: '네이버페이를 준비하고 있습니다…',
    sdkNotReady: '네이버페이를 불러오는 중입니다. 준비되면 다시 눌러 주세요.',
    sdkReady: '네이버페이가 준비되었습니다. 다시 눌러 주세요.',
    sdkLoadFailed: '네이버페이를 불러오지 못했습니다. 연결을 확인하고 다시 시도해 주세요.',
    sdkMissing: '네이버페이 결제 모듈이 없습니다. 잠시 후 다시 시도해 주세요.',
    sdkBlocked: '페이지 보안 설정이 네이버페이를 막았습니다. 상점에 문의해 주세요.',
    sdkThrew: '결제창을 열지 못했습니다. 다시 시도해 주세요.',
    orderFailed: '주문을 준비하지 못했습니다. 다시 시도해 주세요.',
    orderAmount: (server: string, cart: string) => `주문 금액이 맞지 않아 결제하지 않았습니다. (주문 ${server}원, 장바구니 ${cart}원)`,
    sdkThrewRegister: '등록 창을 열지 못했습니다. 다시 시도해 주세요.',
    waiting: '네이버페이 창에서 결제해 주세요.',
    waitingRegister: '네이버페이 창에서 정기결제 등록을 진행해 주세요.',
    awaiting: '네이버페이의 응답을 기다리고 있습니다…',
    windowClosed: '결제창이 닫혔습니다. 버튼을 눌러 다시 결제하세요.',
    windowClosedRegister: '등록 창이 닫혔습니다. 버튼을 눌러 다시 등록하세요.',
    redirecting: '네이버페이로 이동 중…',
    verifying: '결제 결과를 확인하고 있습니다…',
    verifyingRegister: '등록 결과를 확인하고 있습니다…',
    paid: '결제가 완료되었습니다.',
    registered: '정기결제 등록이 완료되었습니다.',
    unverified: '결제 요청이 접수되었습니다. 상점의 확인 후 완료됩니다.',
    unverifiedRegister: '정기결제 등록 요청이 접수되었습니다. 상점의 확인 후 완료됩니다.',
    verifyError: '결제 결과를 아직 확인하지 못했습니다. 잠시 후 다시 확인해 주세요. 다시 결제하지 마세요.',
    verifyErrorRegister: '등록 결과를 아직 확인하지 못했습니다. 잠시 후 다시 확인해 주세요. 다시 등록하지 마세요.',
    retryVerify: '결제 결과 다시 확인',
    retryVerifyRegister: '등록 결과 다시 확인',
    failed: '결제가 완료되지 않았습니다.',
    failedRegister: '정기결제 등록이 완료되지 않았습니다.',
    noResult: '이 페이지에 결제 결과가 없습니다.',
    orderSummary: '주문 내역',
    orderNumber: '주문번호',
    amount: '금액',
    amountRegister: '정기결제 금액',
    orderName: '상품',
    won: (won: string) => `${won}원`,
    andMore: (count: number) => ` 외 ${count}개`,
  },
  en: {
    pay: 'Pay with Naver Pay',
    register: 'Register Naver Pay for recurring payments',
    loading: 'Preparing Naver Pay…',
    sdkNotReady: 'Naver Pay is still loading. Press again when it is ready.',
    sdkReady: 'Naver Pay is ready. Press again.',
    sdkLoadFailed: 'Naver Pay could not load. Check your connection and try again.',
    sdkMissing: 'The Naver Pay module is missing. Try again in a moment.',
    sdkBlocked: "The page's security settings blocked Naver Pay. Please contact the shop.",
    sdkThrew: 'The payment window could not open. Try again.',
    orderFailed: 'The order could not be prepared. Try again.',
    orderAmount: (server: string, cart: string) => `The order's amount does not match the cart, so nothing was charged (order: ₩${server}, cart: ₩${cart}).`,
    sdkThrewRegister: 'The registration window could not open. Try again.',
    waiting: 'Complete the payment in the Naver Pay window.',
    waitingRegister: 'Complete the registration in the Naver Pay window.',
    awaiting: "Waiting for Naver Pay's answer…",
    windowClosed: 'The payment window was closed. Press the button to try again.',
    windowClosedRegister: 'The registration window was closed. Press the button to try again.',
    redirecting: 'Taking you to Naver Pay…',
    verifying: 'Confirming your payment…',
    verifyingRegister: 'Confirming your registration…',
    paid: 'Payment complete.',
    registered: 'Recurring payment registration complete.',
    unverified: 'Payment request received. It completes once the shop confirms it.',
    unverifiedRegister: 'Registration request received. It completes once the shop confirms it.',
    verifyError: 'Your payment could not be confirmed yet. Check again in a moment; do not pay twice.',
    verifyErrorRegister: 'Your registration could not be confirmed yet. Check again in a moment; do not register twice.',
    retryVerify: 'Check the payment again',
    retryVerifyRegister: 'Check the registration again',
    failed: 'The payment was not completed.',
    failedRegister: 'The recurring payment registration was not completed.',
    noResult: 'There is no payment result on this page.',
    orderSummary: 'Order summary',
    orderNumber: 'Order number',
    amount: 'Amount',
    amountRegister: 'Amount charged each period',
    orderName: 'Item',
    won: (won: string) => `₩${won}`,
    andMore: (count: number) => ` and ${count} more`,
  },
}

export type Messages = (typeof texts)['ko']

// Texts that read "payment" and have a registration twin named `${key}Register`.
const TWINS = ['amount', 'waiting', 'windowClosed', 'sdkThrew', 'verifying', 'unverified', 'verifyError', 'retryVerify', 'failed'] as const

/** The texts for a locale. For a billing-key registration (no money moves) every payment wording becomes the
 *  registration one under the same key, so the UI never has to choose between the two. */
export function messages(locale: Locale | undefined, registering = false): Messages {
  const t = locale === 'en' ? texts.en : texts.ko
  if (!registering) return t
  const r = { ...t, pay: t.register, paid: t.registered }
  for (const key of TWINS) r[key] = t[`${key}Register`]
  return r
}
