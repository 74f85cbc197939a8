/**
 * naverpay-checkout: a Naver Pay checkout widget for PortOne V1 (`IMP.request_pay`).
 * @packageDocumentation
 */
export { mount, type CheckoutHandle } from './ui/mount'
export { mountLanding, type LandingHandle } from './ui/landing'
export { buildRequestPayParams } from './core/params'
export { parsePaymentResult } from './core/result'
export { defineElement, type NaverPayCheckoutElement } from './element'
export type {
  Buyer,
  BuildEnv,
  BuildResult,
  Cart,
  CartItem,
  CheckoutOptions,
  CheckoutResult,
  DeviceFacts,
  ErrorCode,
  Locale,
  Mode,
  NaverOptions,
  NaverProduct,
  PaymentResult,
  RecurringOptions,
  RequestPayParams,
  ValidationError,
  VerifyAnswer,
} from './core/types'

declare const __VERSION__: string
/** The package version. */
export const version: string = __VERSION__
