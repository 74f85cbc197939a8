// The demo's orders page, server side (dev only): what a shop's back office does with Naver Pay through
// naverpay-checkout/server — match its orders with PortOne's payments, refund with a reason and a requester, charge
// and schedule what was registered, delete a billing key. Every PortOne call goes through the client; every order
// change goes through the OrderStore's compare-and-set, and a charge is settled by the same `verify` that settles
// a shopper's payment. JSON in, JSON out; refused unless it comes from the demo's own pages.
import { Checker, own } from '../src/core/check'
import { todayInSeoul } from '../src/core/dates'
import { errorTexts, formatWon } from '../src/core/errors'
import type { Locale } from '../src/core/types'
import { REQUEST_TEXTS } from '../src/server/checkout'
import { pendingOrder } from '../src/server/orders'
import { json, readFields } from '../src/server/http'
import { PortOneError, type Order, type OrderStore, type Payment, type PortOneClient, type Requester } from '../src/server'
import type { AdminLedger, BillingCharge, MatchRecord } from './admin-store'
import { PLAN } from './catalogue'

/** The header the orders page sends: a cross-site form cannot send it, and a cross-site fetch cannot without CORS. */
export const ADMIN_HEADER = 'x-requested-with'
export const ADMIN_HEADER_VALUE = 'naverpay-demo'

export interface AdminApiOptions {
  portone: PortOneClient
  orders: OrderStore
  ledger: AdminLedger
  /** The checkout server's `verify`: a charge becomes paid the way a shopper's payment does (onPaid once). */
  verify: (request: Request) => Promise<Response>
  mode: 'simulated' | 'sandbox'
  /** Simulated mode only: PortOne's double runs the given schedules now (and posts their webhooks). */
  runSchedulesNow?: (merchantUids: string[]) => Promise<string[]>
  now?: () => number
}

export type DisplayStatus = 'pending' | 'paid' | 'partially_refunded' | 'cancelled' | 'failed' | 'registered'

/** A difference between the shop's order and PortOne's payment, for the page to word. */
export interface Difference {
  field: 'payment' | 'status' | 'amount' | 'cancel_amount' | 'merchant_uid' | 'billing_key'
  ours: string | number | null
  portone: string | number | null
}

const MAX_BODY = 16 * 1024
const MAX_LISTED = 200
const MAX_CHECKED = 50

const TEXTS = {
  ko: {
    crossOrigin: '이 주소는 데모의 주문 관리 페이지에서만 쓸 수 있습니다. (같은 출처, X-Requested-With: naverpay-demo 필요)',
    notFound: '없는 관리 기능입니다.',
    orderNotFound: '주문을 찾을 수 없습니다.',
    notRefundable: '환불할 수 있는 결제(결제 완료)가 아닙니다.',
    tooMuch: (amount: number, left: number) => `amount: 환불 금액(${formatWon(amount)}원)이 환불 가능 금액(${formatWon(left)}원)보다 큽니다.`,
    refunded: (amount: number, left: number) => `${formatWon(amount)}원을 환불했습니다. 남은 결제 금액 ${formatWon(left)}원.`,
    noRegistration: '등록된 빌링키가 없습니다.',
    deleted: '삭제된 빌링키입니다.',
    charged: (amount: number) => `${formatWon(amount)}원을 청구했습니다.`,
    chargeFailed: (message: string) => `청구하지 못했습니다: ${message}`,
    timeoutNotFound: 'PortOne이 제때 답하지 않았고, 주문번호로 조회한 결과 결제되지 않았습니다. 다시 누르면 새 주문번호로 청구합니다.',
    timeoutUnknown: 'PortOne이 답하지 않아 결제 여부를 확인하지 못했습니다. 다시 청구하기 전에 이 주문을 다시 확인하세요.',
    scheduled: (when: string) => `다음 결제를 예약했습니다 (${when}).`,
    notScheduled: '예약 상태인 결제가 아닙니다.',
    unscheduled: '예약을 취소했습니다.',
    unscheduledFailure: '예약 취소됨',
    hasSchedules: '예약된 결제가 있습니다. 빌링키를 지우기 전에 예약을 먼저 취소하세요. (삭제된 빌링키는 복구할 수 없습니다)',
    keyDeleted: '빌링키를 삭제했습니다.',
    contract: (on: boolean): string => (on ? '이용완료일(naverUseCfm)을 보냅니다.' : '이용완료일(naverUseCfm)을 보내지 않습니다.'),
    ran: (count: number): string => (count === 0 ? '실행할 예약이 없습니다.' : `예약 결제 ${count}건을 실행했습니다. 결과는 웹훅으로 반영됩니다.`),
    checked: '주문을 PortOne과 다시 대조했습니다.',
    portoneDown: 'PortOne에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
    simulatedOnly: '시뮬레이션 모드에서만 쓸 수 있습니다.',
  },
  en: {
    crossOrigin: "Only the demo's own orders page may use this (same origin, X-Requested-With: naverpay-demo).",
    notFound: 'No such admin action.',
    orderNotFound: 'No such order.',
    notRefundable: 'This order has no paid payment to refund.',
    tooMuch: (amount: number, left: number) => `amount: the refund (₩${formatWon(amount)}) is more than what can be refunded (₩${formatWon(left)}).`,
    refunded: (amount: number, left: number) => `Refunded ₩${formatWon(amount)}. ₩${formatWon(left)} of the payment remains.`,
    noRegistration: 'No billing key is registered for this customer.',
    deleted: 'This billing key was deleted.',
    charged: (amount: number) => `Charged ₩${formatWon(amount)}.`,
    chargeFailed: (message: string) => `Not charged: ${message}`,
    timeoutNotFound: 'PortOne did not answer in time, and looking the order number up shows no payment. Pressing again charges with a new order number.',
    timeoutUnknown: 'PortOne did not answer, so whether it charged is unknown. Check this order again before charging again.',
    scheduled: (when: string) => `Next payment scheduled (${when}).`,
    notScheduled: 'This payment is not scheduled.',
    unscheduled: 'Schedule cancelled.',
    unscheduledFailure: 'Schedule cancelled',
    hasSchedules: 'Payments are scheduled on this key. Cancel them before deleting it (a deleted billing key cannot be restored).',
    keyDeleted: 'Billing key deleted.',
    contract: (on: boolean): string => (on ? 'naverUseCfm (이용완료일) is sent.' : 'naverUseCfm (이용완료일) is not sent.'),
    ran: (count: number): string => (count === 0 ? 'No schedules to run.' : `Ran ${count} scheduled payment(s). Their results arrive by webhook.`),
    checked: 'Orders matched against PortOne again.',
    portoneDown: 'PortOne cannot be reached. Try again in a moment.',
    simulatedOnly: 'Only in simulated mode.',
  },
}

type Texts = (typeof TEXTS)['ko']

/** `/api/admin/*` as one Fetch handler; `null` for any other path. */
export function createAdminApi(options: AdminApiOptions): (request: Request) => Promise<Response | null> {
  const { portone, orders, ledger, verify, mode } = options
  const now = options.now ?? Date.now

  const handle = async (request: Request): Promise<Response | null> => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith('/api/admin/')) return null
    const locale: Locale = url.searchParams.get('lang') === 'en' ? 'en' : 'ko'
    const t = TEXTS[locale]
    if (!fromOwnPage(request, url)) return json(403, { message: t.crossOrigin })
    const action = url.pathname.slice('/api/admin/'.length)
    try {
      if (action === 'state') {
        if (request.method !== 'GET') return json(405, { message: REQUEST_TEXTS[locale].method('GET') }, { allow: 'GET' })
        return json(200, await state())
      }
      const handler = ACTIONS[action]
      if (!handler) return json(404, { message: t.notFound })
      const read = await readFields(request, ['json'], MAX_BODY, REQUEST_TEXTS[locale])
      if (!read.ok) return json(read.status, { message: read.message }, read.status === 405 ? { allow: 'POST' } : {})
      const c = new Checker(errorTexts(locale))
      const out = await handler(read.fields, c, t, locale)
      if (c.errors.length > 0) return json(400, { message: c.errors.map((e) => e.message).join('; '), field: c.errors[0].field })
      return out
    } catch (error) {
      if (error instanceof PortOneError) return portoneRefusal(error, t)
      throw error
    }
  }

  // ── the guard ────────────────────────────────────────────────────────────────────────────
  function fromOwnPage(request: Request, url: URL): boolean {
    if (request.headers.get(ADMIN_HEADER) !== ADMIN_HEADER_VALUE) return false
    const site = request.headers.get('sec-fetch-site')
    if (site !== null && site !== 'same-origin') return false
    const origin = request.headers.get('origin')
    return origin === null || origin === url.origin
  }

  // ── reading ─────────────────────────────────────────────────────────────────────────────
  async function state() {
    const all = (await orders.list?.({ limit: MAX_LISTED })) ?? []
    const charges = new Map(ledger.charges().map((c) => [c.merchantUid, c]))
    const registrations = ledger.registrations()
    return {
      mode,
      naver_use_cfm: ledger.naverUseCfm(),
      orders: all.map((order) => orderView(order, charges.get(order.merchantUid) ?? null)),
      registrations: registrations.map((r) => ({
        customer_uid: r.customerUid,
        merchant_uid: r.merchantUid,
        customer_tel: r.customerTel,
        registered_at: r.registeredAt,
        deleted_at: r.deletedAt,
        delete_reason: r.deleteReason,
        delete_requester: r.deleteRequester,
        scheduled: [...charges.values()]
          .filter((c) => c.customerUid === r.customerUid && c.kind === 'schedule' && c.scheduleStatus === 'scheduled')
          .map((c) => ({ merchant_uid: c.merchantUid, schedule_at: c.scheduleAt })),
      })),
    }
  }

  function orderView(order: Order, charge: BillingCharge | null) {
    const refunded = refundedOf(order)
    return {
      merchant_uid: order.merchantUid,
      name: order.name,
      items: order.items,
      amount: order.amount,
      status: displayStatus(order),
      refunded,
      refundable: order.status === 'paid' ? order.amount - refunded : 0,
      imp_uid: order.impUid,
      created_at: order.createdAt,
      paid_at: order.paidAt,
      failure: order.failure,
      kind: order.customerUid !== null ? 'registration' : (charge?.kind ?? 'order'),
      customer_uid: order.customerUid ?? charge?.customerUid ?? null,
      schedule_at: charge?.scheduleAt ?? null,
      schedule_status: charge?.scheduleStatus ?? null,
      refunds: ledger.refunds(order.merchantUid).map((r) => ({ amount: r.amount, reason: r.reason, requester: r.requester, at: r.at })),
      match: matchView(ledger.match(order.merchantUid)),
    }
  }

  function matchView(m: MatchRecord | null) {
    return m ? { checked_at: m.checkedAt, portone_status: m.portoneStatus, differences: m.differences.map((d) => JSON.parse(d) as Difference) } : null
  }

  // ── matching with PortOne ───────────────────────────────────────────────────────────────
  /** Compares one order with what PortOne holds for it, and records the result. */
  async function check(order: Order): Promise<void> {
    const differences: Difference[] = []
    let portoneStatus: string | null = null
    if (order.customerUid !== null) {
      // A registration moves no money: what must match is the billing key.
      const key = await portone.getBillingKey(order.customerUid)
      const deleted = ledger.registration(order.customerUid)?.deletedAt != null
      portoneStatus = key ? 'billing_key' : null
      const ours = order.status === 'registered' && !deleted
      if (ours !== (key !== null)) differences.push({ field: 'billing_key', ours: ours ? 'registered' : order.status, portone: key ? 'registered' : null })
    } else {
      const payment: Payment | null = order.impUid ? await portone.getPayment(order.impUid) : await portone.findPayment(order.merchantUid)
      if (order.status === 'pending' && payment && payment.merchant_uid === order.merchantUid && payment.status !== 'ready') {
        // PortOne has an outcome this shop never heard (a charge whose answer was lost, a webhook that could not reach
        // localhost): settle it through the same verification, so a paid order is fulfilled once, then match that.
        await settle(order.merchantUid, payment.imp_uid)
        const settled = await orders.get(order.merchantUid)
        // Still pending (PortOne down, a test-channel payment refused): the difference below says so; no second try.
        if (settled && settled.status !== 'pending') return check(settled)
      }
      portoneStatus = payment?.status ?? null
      const expected = expectedPortOneStatus(order)
      if (!payment) {
        if (expected !== null) differences.push({ field: 'payment', ours: order.status, portone: null })
      } else {
        if (payment.merchant_uid !== order.merchantUid) differences.push({ field: 'merchant_uid', ours: order.merchantUid, portone: payment.merchant_uid })
        if (expected !== payment.status && !(order.status === 'failed' && payment.status !== 'paid')) {
          differences.push({ field: 'status', ours: order.status, portone: payment.status })
        }
        if (order.status !== 'failed' && payment.amount !== order.amount) differences.push({ field: 'amount', ours: order.amount, portone: payment.amount })
        if (order.status !== 'failed' && payment.cancel_amount !== refundedOf(order)) {
          differences.push({ field: 'cancel_amount', ours: refundedOf(order), portone: payment.cancel_amount })
        }
      }
    }
    ledger.setMatch({ merchantUid: order.merchantUid, checkedAt: now(), portoneStatus, differences: differences.map((d) => JSON.stringify(d)) })
  }

  // ── actions ─────────────────────────────────────────────────────────────────────────────
  type Action = (fields: Record<string, unknown>, c: Checker, t: Texts, locale: Locale) => Promise<Response>

  const ACTIONS: Record<string, Action> = {
    /** `{ merchant_uid? }`: match one order, or every listed order that has reached PortOne, against PortOne. */
    async check(fields, c, t) {
      const merchantUid = c.text(own(fields, 'merchant_uid'), 'merchant_uid')
      if (c.errors.length > 0) return json(400, {})
      if (merchantUid !== undefined) {
        const order = await orders.get(merchantUid)
        if (!order) return json(404, { message: t.orderNotFound, field: 'merchant_uid' })
        await check(order)
      } else {
        const recent = ((await orders.list?.({ limit: MAX_LISTED })) ?? []).filter((o) => o.status !== 'pending' || o.impUid !== null || ledger.charge(o.merchantUid))
        await Promise.all(recent.slice(0, MAX_CHECKED).map(check))
      }
      return json(200, { message: t.checked, state: await state() })
    },

    /** `{ merchant_uid, amount?, reason, requester, checksum }`: a full (no amount) or partial refund. */
    async refund(fields, c, t) {
      const merchantUid = c.text(own(fields, 'merchant_uid'), 'merchant_uid', { required: true })
      const amount = c.int(own(fields, 'amount'), 'amount', { min: 1 })
      const reason = c.text(own(fields, 'reason'), 'reason', { required: '네이버페이 검수: 실제 취소 사유가 필요합니다' })
      const requester = requesterOf(c, own(fields, 'requester'))
      // What the page showed as refundable: PortOne refuses the cancel when it no longer is (a stale page, a double submit).
      const checksum = c.int(own(fields, 'checksum'), 'checksum', { required: true, min: 0 })
      if (c.errors.length > 0 || !merchantUid || !reason || !requester || checksum === undefined) return json(400, {})
      const order = await orders.get(merchantUid)
      if (!order) return json(404, { message: t.orderNotFound, field: 'merchant_uid' })
      if (order.status !== 'paid' || !order.impUid) return json(409, { message: t.notRefundable })
      if (amount !== undefined && amount > checksum) return json(400, { message: t.tooMuch(amount, checksum), field: 'amount' })
      const before = refundedOf(order)
      const payment = await portone.cancelPayment({ impUid: order.impUid, reason, requester, amount, checksum })
      // API cancels send no webhook: the order learns from PortOne's answer.
      await recordPayment(order, payment)
      ledger.addRefund({ merchantUid, amount: payment.cancel_amount - before, reason, requester, at: now() })
      await check((await orders.get(merchantUid)) ?? order)
      return json(200, { message: t.refunded(payment.cancel_amount - before, payment.amount - payment.cancel_amount), state: await state() })
    },

    /** `{ customer_uid }`: charge the plan now on the billing key, with a new order number. */
    async charge(fields, c, t) {
      const customerUid = c.text(own(fields, 'customer_uid'), 'customer_uid', { required: true })
      if (!customerUid) return json(400, {})
      const refusal = usableKey(customerUid, t)
      if (refusal) return refusal
      const order = await newPlanOrder()
      ledger.addCharge({ merchantUid: order.merchantUid, customerUid, kind: 'charge', scheduleAt: null, scheduleStatus: null, createdAt: order.createdAt })
      let payment: Payment | null
      try {
        payment = await portone.chargeBillingKey({
          customerUid, merchantUid: order.merchantUid, amount: order.amount, name: order.name, naverUseCfm: useCfm(now()),
        })
      } catch (error) {
        if (!(error instanceof PortOneError)) throw error
        // PortOne's refusal (a 4xx, or 200 with a code) charged nothing. No answer, or a 5xx (a gateway that lost
        // PortOne's answer), may have charged.
        if (error.status !== null && error.status < 500) {
          await orders.update(order.merchantUid, 'pending', { status: 'failed', failure: error.message })
          return json(409, { message: t.chargeFailed(error.message), portone_message: error.message, state: await state() })
        }
        // The charge may or may not have happened. Look it up by its order number before anyone retries.
        try {
          payment = await portone.findPayment(order.merchantUid)
        } catch (lookup) {
          if (!(lookup instanceof PortOneError)) throw lookup
          return json(503, { message: t.timeoutUnknown, state: await state() })
        }
        if (!payment) {
          await orders.update(order.merchantUid, 'pending', { status: 'failed', failure: t.timeoutNotFound })
          return json(503, { message: t.timeoutNotFound, state: await state() })
        }
      }
      const settled = await settle(order.merchantUid, payment.imp_uid)
      await check((await orders.get(order.merchantUid)) ?? order)
      if (settled.status === 'paid') return json(200, { message: t.charged(order.amount), merchant_uid: order.merchantUid, state: await state() })
      const message = payment.fail_reason ?? settled.message ?? ''
      return json(409, { message: t.chargeFailed(message), portone_message: message, state: await state() })
    },

    /** `{ customer_uid }`: schedule the next period's payment at PortOne (its result arrives by webhook). */
    async schedule(fields, c, t, locale) {
      const customerUid = c.text(own(fields, 'customer_uid'), 'customer_uid', { required: true })
      if (!customerUid) return json(400, {})
      const refusal = usableKey(customerUid, t)
      if (refusal) return refusal
      const scheduleAt = nextPeriod(customerUid)
      const order = await newPlanOrder()
      ledger.addCharge({ merchantUid: order.merchantUid, customerUid, kind: 'schedule', scheduleAt, scheduleStatus: 'scheduled', createdAt: order.createdAt })
      try {
        await portone.schedulePayments({
          customerUid,
          schedules: [{ merchantUid: order.merchantUid, scheduleAt: new Date(scheduleAt), amount: order.amount, name: order.name, naverUseCfm: useCfm(scheduleAt) }],
        })
      } catch (error) {
        ledger.setScheduleStatus(order.merchantUid, 'revoked')
        await orders.update(order.merchantUid, 'pending', { status: 'failed', failure: error instanceof Error ? error.message : String(error) })
        throw error
      }
      const when = new Date(scheduleAt).toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' })
      return json(200, { message: t.scheduled(when), merchant_uid: order.merchantUid, state: await state() })
    },

    /** `{ merchant_uid }`: cancel one scheduled payment. */
    async unschedule(fields, c, t) {
      const merchantUid = c.text(own(fields, 'merchant_uid'), 'merchant_uid', { required: true })
      if (!merchantUid) return json(400, {})
      const charge = ledger.charge(merchantUid)
      if (!charge || charge.kind !== 'schedule' || charge.scheduleStatus !== 'scheduled') return json(409, { message: t.notScheduled })
      await portone.unschedulePayments({ customerUid: charge.customerUid, merchantUids: [merchantUid] })
      ledger.setScheduleStatus(merchantUid, 'revoked')
      await orders.update(merchantUid, 'pending', { status: 'failed', failure: t.unscheduledFailure })
      return json(200, { message: t.unscheduled, state: await state() })
    },

    /** `{ customer_uid, reason, requester }`: delete the billing key (Naver Pay: both required, in the query). */
    async 'delete-billing-key'(fields, c, t) {
      const customerUid = c.text(own(fields, 'customer_uid'), 'customer_uid', { required: true })
      const reason = c.text(own(fields, 'reason'), 'reason', { required: '네이버페이 검수: 삭제 사유가 필요합니다' })
      const requester = requesterOf(c, own(fields, 'requester'))
      if (c.errors.length > 0 || !customerUid || !reason || !requester) return json(400, {})
      const refusal = usableKey(customerUid, t)
      if (refusal) return refusal
      if (ledger.charges().some((ch) => ch.customerUid === customerUid && ch.scheduleStatus === 'scheduled')) return json(409, { message: t.hasSchedules })
      await portone.deleteBillingKey(customerUid, { reason, requester })
      ledger.markDeleted(customerUid, reason, requester, now())
      return json(200, { message: t.keyDeleted, state: await state() })
    },

    /** `{ naver_use_cfm: boolean }`: the demo's Naver Pay contract setting. */
    async contract(fields, c, t) {
      const value = c.bool(own(fields, 'naver_use_cfm'), 'naver_use_cfm')
      if (value === undefined) {
        if (c.errors.length === 0) c.fail('naver_use_cfm', 'required')
        return json(400, {})
      }
      ledger.setNaverUseCfm(value)
      return json(200, { message: t.contract(value), state: await state() })
    },

    /** Simulated mode: PortOne's double runs every scheduled payment now and posts the webhooks. */
    async 'run-schedules'(_fields, _c, t) {
      if (!options.runSchedulesNow) return json(404, { message: t.simulatedOnly })
      const due = ledger.charges().filter((ch) => ch.kind === 'schedule' && ch.scheduleStatus === 'scheduled').map((ch) => ch.merchantUid)
      const ran = await options.runSchedulesNow(due)
      for (const merchantUid of ran) ledger.setScheduleStatus(merchantUid, 'executed')
      return json(200, { message: t.ran(ran.length), state: await state() })
    },
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────
  function usableKey(customerUid: string, t: Texts): Response | null {
    const registration = ledger.registration(customerUid)
    if (!registration) return json(404, { message: t.noRegistration, field: 'customer_uid' })
    if (registration.deletedAt !== null) return json(409, { message: t.deleted, field: 'customer_uid' })
    return null
  }

  /** A pending order for one period of the plan, priced here (the shop's price), numbered like every order. */
  async function newPlanOrder(): Promise<Order> {
    const at = now()
    // customerUid null: a charge is a payment for this order, not a registration (the billing key is in the ledger).
    const order = pendingOrder({ amount: PLAN.price, name: PLAN.name, items: [{ uid: PLAN.uid, name: PLAN.name, count: 1, price: PLAN.price }], customerUid: null }, at)
    await orders.create(order)
    return order
  }

  /** The checkout server's own verification decides whether the charge paid the order (and runs onPaid once). */
  async function settle(merchantUid: string, impUid: string): Promise<{ status: string; message?: string }> {
    const response = await verify(
      new Request('http://demo.internal/api/payments/complete', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ imp_uid: impUid, merchant_uid: merchantUid }),
      }),
    )
    const body = (await response.json()) as { status?: string; message?: string }
    return { status: body.status ?? String(response.status), message: body.message }
  }

  async function recordPayment(order: Order, payment: Payment): Promise<void> {
    const changes = { portoneStatus: payment.status, cancellations: payment.cancel_history ?? [] }
    await orders.update(order.merchantUid, order.status, payment.status === 'cancelled' && order.status === 'paid' ? { ...changes, status: 'cancelled' } : changes)
  }

  function useCfm(at: number): string | undefined {
    return ledger.naverUseCfm() ? todayInSeoul(at) : undefined
  }

  /** One calendar month after this customer's latest schedule (or after now). */
  function nextPeriod(customerUid: string): number {
    const latest = ledger
      .charges()
      .filter((ch) => ch.customerUid === customerUid && ch.kind === 'schedule' && ch.scheduleStatus !== 'revoked')
      .reduce((max, ch) => Math.max(max, ch.scheduleAt ?? 0), 0)
    const next = new Date(Math.max(latest, now()))
    next.setUTCMonth(next.getUTCMonth() + 1)
    return next.getTime()
  }

  return handle
}

/** PortOne's refusal, its message exactly as sent; no answer at all is a 503. */
function portoneRefusal(error: PortOneError, t: Texts): Response {
  if (error.status === null) return json(503, { message: t.portoneDown })
  return json(409, { message: error.message, portone_message: error.message })
}

function requesterOf(c: Checker, value: unknown): Requester | undefined {
  if (value === undefined || value === null || value === '') return c.fail('requester', 'required', "'customer' or 'admin'") as undefined
  return c.oneOf(value, 'requester', ['customer', 'admin'] as const)
}


function refundedOf(order: Order): number {
  return order.cancellations.reduce((sum, c) => sum + c.amount, 0)
}

/** What PortOne's payment status should be for an order in this status (`null`: no payment expected yet). */
function expectedPortOneStatus(order: Order): string | null {
  switch (order.status) {
    case 'paid':
      return 'paid'
    case 'cancelled':
      return 'cancelled'
    case 'failed':
      return order.impUid ? 'failed' : null
    default:
      return null
  }
}

/** The status the orders page shows: the store's, with a partial refund told apart. */
export function displayStatus(order: Order): DisplayStatus {
  if (order.status === 'paid' && refundedOf(order) > 0) return refundedOf(order) >= order.amount ? 'cancelled' : 'partially_refunded'
  return order.status
}
