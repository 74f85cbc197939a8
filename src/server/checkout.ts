// The order handlers: the widget's orderUrl and verifyUrl, and PortOne's webhook (notice_url). The shop prices the
// cart; the server numbers the order, pre-registers its amount at PortOne, and marks it paid only when PortOne
// itself reports a paid payment for exactly that amount — once, through the store's compare-and-set.
import { buildRequestPayParams, DEFAULT_MIN_AMOUNT } from '../core/params'
import { Checker, hasOwn, isRecord, own } from '../core/check'
import { errorTexts, formatWon } from '../core/errors'
import type { Cart, CartItem, Locale } from '../core/types'
import { PortOneError } from './errors'
import { json, readFields, type BodyKind, type ReadTexts } from './http'
import { pendingOrder, type Order, type OrderChanges, type OrderItem, type OrderStatus, type OrderStore } from './orders'
import type { PortOneClient } from './portone'
import type { BillingKey, Payment } from './types'

/** What `priceCart` answers: the shop's own price for the cart. */
export interface PricedCart {
  /** Whole won: what the shopper pays. The browser's prices are never used. */
  amount: number
  /** The order name shown in Naver Pay (e.g. the first product's name). */
  name: string
  /** The lines as the shop priced them, kept on the order; default: the cart's lines without prices. */
  items?: OrderItem[]
}

/** `priceCart`'s way to say no (sold out, unknown product…): the shopper is shown `refused`. */
export interface CartRefusal {
  refused: string
}

/** A Fetch-API handler: mount it wherever your framework takes `(request: Request) => Promise<Response>`. */
export type CheckoutHandler = (request: Request) => Promise<Response>

/** Options of {@link createCheckoutServer}. */
export interface CheckoutServerOptions {
  /** A `createPortOneClient(...)` (only these four methods are used). */
  portone: Pick<PortOneClient, 'getPayment' | 'preparePayment' | 'cancelPayment' | 'getBillingKey'>
  /** Where orders live: `memoryOrderStore()` or your database (see `OrderStore`). */
  orders: OrderStore
  /**
   * The shop's price for a cart the browser sent (its shape already checked: items with uid, name, count,
   * categoryType, categoryId). Look every item up in YOUR catalogue: the browser's `price` is only what the page
   * showed. Answer `{ amount, name, items? }`, or `{ refused: 'message for the shopper' }`; a throw is a refusal
   * too, with the error's message shown to the shopper (so throw messages meant for them).
   */
  priceCart: (cart: Cart, context: { customerUid: string | null }) => PricedCart | CartRefusal | Promise<PricedCart | CartRefusal>
  /**
   * Fulfils a paid order. Runs once per order, after the order is stored as `paid`, and the widget's answer
   * waits for it: keep it quick (or put the work on a queue). It is not retried: if it throws, the order stays
   * paid and `onError` hears of it.
   */
  onPaid: (order: Order, payment: Payment) => void | Promise<void>
  /** A billing-key registration was confirmed (order `registered`). Runs once per order, like `onPaid`. */
  onRegistered?: (order: Order, billingKey: BillingKey) => void | Promise<void>
  /** Hears what went wrong on the server side (PortOne down, a store error, onPaid throwing): log it. */
  onError?: (error: unknown, context: { handler: 'createOrder' | 'verify' | 'webhook'; merchantUid?: string }) => void
  /**
   * Accept payments made through a PortOne **test** channel (`payment.sandbox`), which move no money. Default
   * `false`: with a client made with `includeSandbox: true`, a test-channel payment would otherwise look paid,
   * and anyone holding your test channel key could "pay" an order with it. Turn it on only where the shop itself
   * runs on a test channel (a staging server, the demo). The same holds for a registration's billing key.
   */
  acceptSandbox?: boolean
  /** The smallest order in won (default 10, Naver Pay's minimum). */
  minAmount?: number
  /** The language of the messages the shopper may see (default `'ko'`). */
  locale?: Locale
  /** The largest request body read, in bytes (default 65 536). */
  maxBodyBytes?: number
}

/** The three handlers. Each answers JSON and never throws. */
export interface CheckoutServer {
  /**
   * The widget's `orderUrl`. `POST { cart, customer_uid? }` → `201 { merchant_uid, amount, name }`.
   * 400 a cart refused (shape, `priceCart`, below `minAmount`); 405/413/415 a bad request;
   * 502/503 PortOne could not pre-register the amount (the order is marked failed); 500 a server fault.
   */
  createOrder: CheckoutHandler
  /**
   * The widget's `verifyUrl`. `POST { imp_uid, merchant_uid, customer_uid? }` → `200 { status: 'paid' }` or
   * `200 { status: 'failed', message }` (the shopper is shown `message`); 400/405/413/415 a bad request;
   * 502/503 PortOne could not be asked (the widget offers to check again; the order stays pending).
   */
  verify: CheckoutHandler
  /**
   * PortOne's webhook (`notice_url`), JSON or form `{ imp_uid, merchant_uid, status }`. 200 when handled or
   * not ours to handle; 502/503 when PortOne should send it again (it could not be asked, or a refund failed).
   */
  webhook: CheckoutHandler
}

type Outcome =
  | { kind: 'paid' }
  | { kind: 'failed'; message: string }
  /** Not this server's business (webhooks only): answered 200 so that PortOne stops. */
  | { kind: 'ignored'; message: string }
  /** Ask again later: PortOne could not be reached or did not do what was asked. */
  | { kind: 'retry'; status: 502 | 503; message: string }

const MAX_BODY_BYTES = 64 * 1024
export const REQUEST_TEXTS = {
  ko: {
    method: (allowed: string) => `${allowed} 요청만 받습니다.`,
    contentType: (got: string, expected: string) => `Content-Type은 ${expected}이어야 합니다. (받은 값: ${got})`,
    tooLarge: (limit: number) => `요청 본문이 너무 큽니다. (최대 ${formatWon(limit)}바이트)`,
    notUtf8: '요청 본문이 UTF-8이 아닙니다.',
    notJson: (detail: string) => `요청 본문이 올바른 JSON이 아닙니다. (${detail})`,
    notObject: '요청 본문은 JSON 객체여야 합니다.',
    forbiddenKey: (key: string) => `필드 이름 "${key}"는 쓸 수 없습니다.`,
  },
  en: {
    method: (allowed: string) => `Only ${allowed} requests are accepted.`,
    contentType: (got: string, expected: string) => `Content-Type must be ${expected} (got ${got}).`,
    tooLarge: (limit: number) => `The request body is too large (at most ${limit} bytes).`,
    notUtf8: 'The request body is not UTF-8.',
    notJson: (detail: string) => `The request body is not valid JSON (${detail}).`,
    notObject: 'The request body must be a JSON object.',
    forbiddenKey: (key: string) => `The field name "${key}" is not allowed.`,
  },
} satisfies Record<Locale, ReadTexts>

const TEXTS = {
  ko: {
    orderNotFound: '주문을 찾을 수 없습니다.',
    paymentNotFound: '결제 내역을 찾을 수 없습니다.',
    otherOrder: '이 주문의 결제 내역이 아닙니다.',
    sandbox: '테스트 결제로는 주문할 수 없습니다.',
    notPaid: '결제가 완료되지 않았습니다.',
    cancelled: '취소된 결제입니다.',
    orderClosed: '이미 결제되었거나 종료된 주문입니다. 결제를 취소했습니다.',
    closedReason: '이미 결제되었거나 종료된 주문에 대한 결제',
    amountMismatch: (order: number, paid: number) =>
      `결제 금액이 주문 금액과 다릅니다. 결제를 취소했습니다. (주문 ${formatWon(order)}원, 결제 ${formatWon(paid)}원)`,
    amountReason: (order: number, paid: number) => `결제 금액이 주문 금액과 다릅니다 (주문 ${order}원, 결제 ${paid}원)`,
    otherCustomer: '이 주문의 정기결제 등록이 아닙니다.',
    registrationNotFound: '정기결제 등록 내역을 찾을 수 없습니다.',
    failed: '결제되지 않은 주문입니다.',
    portoneDown: '결제 확인 서버(PortOne)에 연결할 수 없습니다. 잠시 후 다시 확인해 주세요.',
    refundFailed: '결제 금액이 주문 금액과 달라 결제를 취소하는 중입니다. 잠시 후 다시 확인해 주세요.',
    prepareFailed: '결제를 준비하지 못했습니다. 잠시 후 다시 시도해 주세요.',
    cartRefused: '주문할 수 없는 장바구니입니다.',
    serverError: '서버 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  },
  en: {
    orderNotFound: 'No such order.',
    paymentNotFound: 'No such payment.',
    otherOrder: 'This payment is not for this order.',
    sandbox: 'A test payment cannot pay for an order.',
    notPaid: 'The payment is not complete.',
    cancelled: 'The payment was cancelled.',
    orderClosed: 'This order was already paid or closed. The payment has been cancelled.',
    closedReason: 'Payment for an order already paid or closed',
    amountMismatch: (order: number, paid: number) =>
      `The amount paid differs from the order. The payment has been cancelled. (order ₩${formatWon(order)}, paid ₩${formatWon(paid)})`,
    amountReason: (order: number, paid: number) => `The amount paid differs from the order (order ${order} won, paid ${paid} won)`,
    otherCustomer: 'This registration is not for this order.',
    registrationNotFound: 'No such billing-key registration.',
    failed: 'This order was not paid.',
    portoneDown: 'PortOne cannot be reached to check the payment. Please check again in a moment.',
    refundFailed: 'The amount paid differs from the order and the payment is being cancelled. Please check again in a moment.',
    prepareFailed: 'The payment could not be prepared. Please try again in a moment.',
    cartRefused: 'This cart cannot be ordered.',
    serverError: 'Something went wrong on the server. Please try again in a moment.',
  },
}

/**
 * The order handlers of a shop's server. See `docs/server-orders.md` for the flow and how to mount them.
 *
 * ```ts
 * const checkout = createCheckoutServer({ portone, orders: memoryOrderStore(), priceCart, onPaid })
 * // Next.js: export const POST = checkout.verify   ·   Express: app.post('/payments/complete', toNodeHandler(checkout.verify))
 * ```
 */
export function createCheckoutServer(options: CheckoutServerOptions): CheckoutServer {
  const problems: string[] = []
  if (!isRecord(options)) throw new TypeError('createCheckoutServer: options is required: { portone, orders, priceCart, onPaid }')
  for (const name of ['getPayment', 'preparePayment', 'cancelPayment', 'getBillingKey'] as const) {
    if (typeof options.portone?.[name] !== 'function') problems.push(`portone.${name} must be a function (pass createPortOneClient(...))`)
  }
  for (const name of ['create', 'get', 'update'] as const) {
    if (typeof options.orders?.[name] !== 'function') problems.push(`orders.${name} must be a function (pass memoryOrderStore() or your OrderStore)`)
  }
  if (typeof options.priceCart !== 'function') problems.push('priceCart must be a function (cart, { customerUid }) => ({ amount, name })')
  if (typeof options.onPaid !== 'function') problems.push('onPaid must be a function (order, payment) => void')
  for (const name of ['minAmount', 'maxBodyBytes'] as const) {
    const value = options[name]
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) problems.push(`${name} must be a positive whole number, got ${String(value)}`)
  }
  if (options.acceptSandbox !== undefined && typeof options.acceptSandbox !== 'boolean') problems.push(`acceptSandbox must be a boolean, got ${typeof options.acceptSandbox}`)
  if (problems.length > 0) throw new TypeError(`createCheckoutServer: ${problems.join('; ')}`)

  const { portone, orders, priceCart, onPaid, onRegistered, onError } = options
  const locale: Locale = options.locale === 'en' ? 'en' : 'ko'
  const t = TEXTS[locale]
  const readTexts = REQUEST_TEXTS[locale]
  const minAmount = options.minAmount ?? DEFAULT_MIN_AMOUNT
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES

  const report = (error: unknown, handler: 'createOrder' | 'verify' | 'webhook', merchantUid?: string) => {
    try {
      onError?.(error, { handler, merchantUid })
    } catch {
      // A logger that throws must not turn an answer into a 500.
    }
  }

  /** Reads the body, runs `body`, and turns anything unexpected into a 500 without details. */
  function handler(name: 'createOrder' | 'verify' | 'webhook', kinds: readonly BodyKind[], body: (fields: Record<string, unknown>) => Promise<Response>): CheckoutHandler {
    return async (request) => {
      try {
        const read = await readFields(request, kinds, maxBytes, readTexts)
        if (!read.ok) return json(read.status, { message: read.message }, read.status === 405 ? { allow: 'POST' } : {})
        return await body(read.fields)
      } catch (error) {
        report(error, name)
        return json(500, { message: t.serverError })
      }
    }
  }

  /** Fields read with core's rules: own properties only, each problem naming its field. */
  function checker() {
    return new Checker(errorTexts(locale))
  }

  function badRequest(c: Checker): Response {
    return json(400, { message: c.errors.map((e) => e.message).join('; '), field: c.errors[0]?.field })
  }

  // ── PortOne, with its failures as outcomes ──────────────────────────────────────────────
  /** Runs a PortOne call; a PortOneError becomes a `retry` outcome (and is reported), anything else throws on. */
  async function ask<T>(call: () => Promise<T>, where: 'createOrder' | 'verify' | 'webhook', merchantUid?: string): Promise<{ ok: true; value: T } | Extract<Outcome, { kind: 'retry' }>> {
    try {
      return { ok: true, value: await call() }
    } catch (error) {
      if (!(error instanceof PortOneError)) throw error
      report(error, where, merchantUid)
      // No answer at all (down, timed out) is 503; an answer that was an error is a bad gateway.
      return { kind: 'retry', status: error.status === null ? 503 : 502, message: t.portoneDown }
    }
  }

  // ── createOrder ─────────────────────────────────────────────────────────────────────────
  const createOrder = handler('createOrder', ['json'], async (fields) => {
    const c = checker()
    const cartInput = c.record(own(fields, 'cart'), 'cart', true)
    const customerUid = c.text(own(fields, 'customer_uid'), 'customer_uid') ?? null
    if (!cartInput) return badRequest(c)
    // The browser checks the cart with the same rules before it asks: one rule, one place (core). The browser's
    // prices are checked for shape only; the amount is priceCart's.
    const built = buildRequestPayParams(cartInput, { mode: 'popup', minAmount: 1, locale })
    if (!built.ok) for (const e of built.errors) if (e.field.startsWith('cart')) c.errors.push(e)
    if (c.errors.length > 0) return badRequest(c)
    const cart = cleanCart(cartInput)

    let priced: unknown
    try {
      priced = await priceCart(cart, { customerUid })
    } catch (error) {
      // A refusal by throwing; reported too, in case it was a fault rather than a refusal.
      report(error, 'createOrder')
      const message = error instanceof Error && error.message ? error.message : t.cartRefused
      return json(400, { message })
    }
    if (isRecord(priced) && hasOwn(priced, 'refused')) {
      return json(400, { message: typeof priced.refused === 'string' && priced.refused ? priced.refused : t.cartRefused })
    }
    const checked = checkPriced(priced, cart)
    if (typeof checked === 'string') {
      // The shop's priceCart broke its contract: the developer reads this in the response and in onError.
      report(new TypeError(`priceCart: ${checked}`), 'createOrder')
      return json(500, { message: `priceCart: ${checked}` })
    }
    if (checked.amount < minAmount) {
      return json(400, { message: errorTexts(locale).minAmount(formatWon(minAmount), formatWon(checked.amount)), field: 'amount' })
    }

    const order = pendingOrder({ amount: checked.amount, name: checked.name, items: checked.items, customerUid }, Date.now())
    await orders.create(order)
    // PortOne then refuses to open the payment window for this order at any other amount.
    const prepared = await ask(() => portone.preparePayment({ merchantUid: order.merchantUid, amount: order.amount }), 'createOrder', order.merchantUid)
    if (!('ok' in prepared)) {
      // Never handed out: nobody can pay an order whose amount PortOne does not hold.
      await orders.update(order.merchantUid, 'pending', { status: 'failed', failure: t.prepareFailed })
      return json(prepared.status, { message: t.prepareFailed })
    }
    return json(201, { merchant_uid: order.merchantUid, amount: order.amount, name: order.name })
  })

  // ── verify ──────────────────────────────────────────────────────────────────────────────
  const verify = handler('verify', ['json'], async (fields) => {
    const c = checker()
    const merchantUid = c.text(own(fields, 'merchant_uid'), 'merchant_uid', { required: true })
    const customerUid = c.text(own(fields, 'customer_uid'), 'customer_uid')
    // A registration may come back without a payment number; a payment never does.
    const impUid = c.text(own(fields, 'imp_uid'), 'imp_uid', { required: customerUid === undefined })
    if (merchantUid === undefined || c.errors.length > 0) return badRequest(c)

    const order = await orders.get(merchantUid)
    let outcome: Outcome
    if (!order) outcome = { kind: 'failed', message: t.orderNotFound }
    else if (order.customerUid !== null) outcome = await confirmRegistration(order, customerUid, 'verify')
    else if (impUid === undefined) outcome = { kind: 'failed', message: t.paymentNotFound }
    // Asked again about the payment that paid it: the same answer, without asking PortOne.
    else if (order.status === 'paid' && order.impUid === impUid) outcome = { kind: 'paid' }
    else {
      const found = await ask(() => portone.getPayment(impUid), 'verify', merchantUid)
      outcome = 'ok' in found ? await settle(order, found.value, 'verify') : found
    }
    return answer(outcome, 'verify')
  })

  // ── webhook ─────────────────────────────────────────────────────────────────────────────
  const webhook = handler('webhook', ['json', 'form'], async (fields) => {
    const c = checker()
    const impUid = c.text(own(fields, 'imp_uid'), 'imp_uid', { required: true })
    c.text(own(fields, 'merchant_uid'), 'merchant_uid')
    c.text(own(fields, 'status'), 'status')
    if (impUid === undefined || c.errors.length > 0) return badRequest(c)
    // Nothing in the body is believed: the payment (and through it the order) comes from PortOne.
    const found = await ask(() => portone.getPayment(impUid), 'webhook')
    if (!('ok' in found)) return answer(found, 'webhook')
    const payment = found.value
    if (!payment) return answer({ kind: 'ignored', message: t.paymentNotFound }, 'webhook')
    const order = await orders.get(payment.merchant_uid)
    // A payment this server did not create an order for (another shop system, a scheduled charge): not ours.
    if (!order) return answer({ kind: 'ignored', message: t.orderNotFound }, 'webhook')
    if (order.customerUid !== null) return answer(await confirmRegistration(order, payment.customer_uid ?? undefined, 'webhook'), 'webhook')
    return answer(await settle(order, payment, 'webhook'), 'webhook')
  })

  function answer(outcome: Outcome, to: 'verify' | 'webhook'): Response {
    switch (outcome.kind) {
      case 'paid':
        return json(200, { status: 'paid' })
      case 'failed':
        return json(200, { status: 'failed', message: outcome.message })
      case 'ignored':
        // Only webhooks are ignored; the widget would read it as a failure, which is what it is.
        return to === 'webhook' ? json(200, { status: 'ignored', message: outcome.message }) : json(200, { status: 'failed', message: outcome.message })
      case 'retry':
        return json(outcome.status, { message: outcome.message })
    }
  }

  // ── the decision ────────────────────────────────────────────────────────────────────────
  /** What PortOne's payment means for the order: the one place an order becomes paid. */
  async function settle(asked: Order, payment: Payment | null, where: 'verify' | 'webhook'): Promise<Outcome> {
    if (!payment) return { kind: 'failed', message: t.paymentNotFound }
    // Read again now that PortOne has answered: a racing request may have moved the order meanwhile.
    const order = (await orders.get(asked.merchantUid)) ?? asked
    // Someone else's payment cannot pay (or fail) this order.
    if (payment.merchant_uid !== order.merchantUid) return { kind: 'failed', message: t.otherOrder }
    // A test-channel payment moved no money: it never pays (or fails) a real order.
    if (payment.sandbox === true && options.acceptSandbox !== true) return { kind: 'failed', message: t.sandbox }
    const facts: OrderChanges = { impUid: payment.imp_uid, portoneStatus: payment.status, cancellations: payment.cancel_history ?? [] }

    if (payment.status === 'paid') {
      if (order.status === 'paid' && order.impUid === payment.imp_uid) {
        // Still paid; a partial refund since (a cancel webhook) is kept for the orders page.
        if ((payment.cancel_history ?? []).length !== order.cancellations.length) await orders.update(order.merchantUid, 'paid', facts)
        return { kind: 'paid' }
      }
      if (payment.amount !== order.amount) {
        const message = t.amountMismatch(order.amount, payment.amount)
        await orders.update(order.merchantUid, 'pending', { ...facts, status: 'failed', failure: message })
        return refund(order, payment, t.amountReason(order.amount, payment.amount), message, where)
      }
      if (order.status !== 'pending') {
        // Paid for an order that is already paid by another payment, or closed: the money goes back.
        return refund(order, payment, t.closedReason, t.orderClosed, where)
      }
      const paidAt = payment.paid_at ? payment.paid_at * 1000 : Date.now()
      if (await orders.update(order.merchantUid, 'pending', { ...facts, status: 'paid', paidAt, failure: null })) {
        const paidOrder = (await orders.get(order.merchantUid)) ?? { ...order, ...facts, status: 'paid', paidAt }
        try {
          await onPaid(paidOrder, payment)
        } catch (error) {
          report(error, where, order.merchantUid)
        }
        return { kind: 'paid' }
      }
      // Lost the race: whoever won decided. Answer from what they stored.
      const now = await orders.get(order.merchantUid)
      if (now?.status === 'paid' && now.impUid === payment.imp_uid) return { kind: 'paid' }
      return { kind: 'failed', message: now?.failure ?? t.failed }
    }

    // Not paid (ready, failed, cancelled): nothing is fulfilled. Record what PortOne says.
    if (payment.status === 'cancelled' && order.status === 'paid' && order.impUid === payment.imp_uid) {
      await orders.update(order.merchantUid, 'paid', { ...facts, status: 'cancelled' })
      return { kind: 'failed', message: t.cancelled }
    }
    if (order.status === 'pending' && payment.status !== 'ready') {
      // A failed payment ends this order (the widget asks for a fresh one for the next attempt); `ready` (not yet
      // paid) leaves it open.
      await orders.update(order.merchantUid, 'pending', { ...facts, status: 'failed', failure: t.notPaid })
    } else if (order.impUid === payment.imp_uid) {
      await orders.update(order.merchantUid, order.status, { portoneStatus: payment.status, cancellations: facts.cancellations })
    }
    if (order.status === 'failed' && order.impUid === payment.imp_uid && order.failure) return { kind: 'failed', message: order.failure }
    return { kind: 'failed', message: payment.status === 'cancelled' ? t.cancelled : t.notPaid }
  }

  /**
   * Cancels a payment that must not stand, as Naver Pay's inspection wants it: a reason, `requester: 'admin'`,
   * and `checksum` (what is left to cancel), so that two of these racing cancel once and the second is refused.
   */
  async function refund(order: Order, payment: Payment, reason: string, message: string, where: 'verify' | 'webhook'): Promise<Outcome> {
    const cancelled = await ask(
      () => portone.cancelPayment({ impUid: payment.imp_uid, reason, requester: 'admin', checksum: payment.amount - payment.cancel_amount }),
      where,
      order.merchantUid,
    )
    let after: Payment | null = 'ok' in cancelled ? cancelled.value : null
    if (!after) {
      // Refused or unanswered: maybe a racing refund already went through. Look before asking anyone to retry.
      const looked = await ask(() => portone.getPayment(payment.imp_uid), where, order.merchantUid)
      after = 'ok' in looked ? looked.value : null
      if (!after || after.status !== 'cancelled') return { kind: 'retry', status: 503, message: t.refundFailed }
    }
    const current = await orders.get(order.merchantUid)
    if (current && current.impUid === payment.imp_uid) {
      await orders.update(order.merchantUid, current.status, { portoneStatus: after.status, cancellations: after.cancel_history ?? [] })
    }
    return { kind: 'failed', message }
  }

  /** A registration order: confirmed by the billing key PortOne holds for its customer. */
  async function confirmRegistration(order: Order, claimed: string | undefined, where: 'verify' | 'webhook'): Promise<Outcome> {
    const customerUid = order.customerUid as string
    if (claimed !== undefined && claimed !== customerUid) return { kind: 'failed', message: t.otherCustomer }
    if (order.status === 'registered') return { kind: 'paid' }
    if (order.status !== 'pending') return { kind: 'failed', message: order.failure ?? t.failed }
    const found = await ask(() => portone.getBillingKey(customerUid), where, order.merchantUid)
    if (!('ok' in found)) return found
    const billingKey = found.value
    if (!billingKey) return { kind: 'failed', message: t.registrationNotFound }
    // A test-channel key charges no money later: like a test-channel payment, it never confirms a real registration.
    if (billingKey.sandbox === true && options.acceptSandbox !== true) return { kind: 'failed', message: t.sandbox }
    if (await orders.update(order.merchantUid, 'pending', { status: 'registered', failure: null })) {
      const registered = (await orders.get(order.merchantUid)) ?? { ...order, status: 'registered' as OrderStatus }
      try {
        await onRegistered?.(registered, billingKey)
      } catch (error) {
        report(error, where, order.merchantUid)
      }
      return { kind: 'paid' }
    }
    const now = await orders.get(order.merchantUid)
    return now?.status === 'registered' ? { kind: 'paid' } : { kind: 'failed', message: now?.failure ?? t.failed }
  }

  return { createOrder, verify, webhook }
}


const CART_ITEM_FIELDS = ['uid', 'name', 'price', 'count', 'categoryType', 'categoryId', 'sellerId', 'payReferrer', 'startDate', 'endDate'] as const

/** The checked cart, rebuilt from its own known fields only: priceCart gets plain data and nothing else. */
function cleanCart(input: Record<string, unknown>): Cart {
  const items = (input.items as unknown[]).map((raw) => {
    const item = raw as Record<string, unknown>
    const clean: Record<string, unknown> = {}
    for (const key of CART_ITEM_FIELDS) if (hasOwn(item, key) && item[key] !== undefined && item[key] !== null) clean[key] = item[key]
    return clean as unknown as CartItem
  })
  const cart: Cart = { items }
  if (hasOwn(input, 'shippingFee') && typeof input.shippingFee === 'number') cart.shippingFee = input.shippingFee
  return cart
}

/** priceCart's answer checked, or what is wrong with it (an integrator mistake). */
function checkPriced(value: unknown, cart: Cart): { amount: number; name: string; items: OrderItem[] } | string {
  if (!isRecord(value)) return 'must return { amount, name } or { refused }'
  const { amount, name, items } = value
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) return `amount must be a whole number of won, got ${String(amount)}`
  if (typeof name !== 'string' || name.trim() === '') return 'name must be a non-empty string'
  if (items === undefined) return { amount, name, items: cart.items.map((i) => ({ uid: i.uid, name: i.name, count: i.count })) }
  if (!Array.isArray(items) || !items.every(isOrderItem)) return 'items must be an array of { uid, name, count, price? }'
  return { amount, name, items: items.map((i) => ({ ...i })) }
}

function isOrderItem(value: unknown): value is OrderItem {
  return (
    isRecord(value) && typeof value.uid === 'string' && typeof value.name === 'string' && Number.isSafeInteger(value.count) &&
    (value.price === undefined || Number.isSafeInteger(value.price))
  )
}
