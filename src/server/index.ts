// naverpay-checkout/server: the merchant-server half. Runs on Node ≥ 20, Deno, Bun and edge runtimes (global
// fetch, no node: imports, no dependencies). Nothing in the browser entries imports this file.
export { createPortOneClient } from './portone'
export type {
  CancelPaymentParams,
  ChargeBillingKeyParams,
  ChargeFields,
  PortOneClient,
  PortOneClientOptions,
  ScheduleParams,
} from './portone'
export { PortOneError } from './errors'
export type {
  BillingKey,
  CustomerUidUsage,
  NaverCashAmount,
  Payment,
  PaymentCancellation,
  PaymentStatus,
  PortOneEnvelope,
  PreparedPayment,
  Requester,
  ScheduleResult,
} from './types'
export { createCheckoutServer } from './checkout'
export type { CartRefusal, CheckoutHandler, CheckoutServer, CheckoutServerOptions, PricedCart } from './checkout'
export { memoryOrderStore } from './orders'
export type { Order, OrderChanges, OrderItem, OrderStatus, OrderStore } from './orders'
export { toNodeHandler, toRequest } from './node'
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from './node'
