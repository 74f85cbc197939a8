// What PortOne's V1 server keeps, and the rules it applies, as plain functions of its data (facts from
// ../../../shared/SERVER-REFERENCE.md, part A). double.ts puts HTTP around it. No test framework here: the demo
// runs the same code inside `npm run dev`.
import type { BillingKey, Payment, PaymentStatus, ScheduleResult } from '../../src/server/types'
import { num, obj, str, type Fields } from './body'

/** What a REST handler answers: the HTTP status (default 200) and the envelope's code/message/response. */
export interface Answer {
  status?: number
  code?: number
  message?: string | null
  response?: unknown
  /** A body that is not PortOne's envelope (sent as text instead of code/message/response). */
  raw?: string
}

const ok = (response: unknown): Answer => ({ code: 0, message: null, response })
const refused = (message: string, code = 1): Answer => ({ code, message, response: null })
const notFound = (message: string): Answer => ({ status: 404, code: -1, message, response: null })

/** What the simulated SDK reports when a shopper pays (or fails to) in the payment window. */
export interface PayInput {
  /** The payment number the simulated SDK already gave the page (default: a new one). */
  impUid?: string
  merchantUid: string
  amount: number
  name?: string
  /** A failed payment: its `fail_reason` (e.g. '잔액 부족'). */
  failReason?: string
  /** A test-channel payment: hidden from `GET /payments/{imp_uid}` unless `include_sandbox=true`. */
  sandbox?: boolean
  customerUid?: string
  buyerName?: string
  buyerTel?: string
  buyerEmail?: string
  customData?: string
  /** Skip the prepared-amount check, as if the order had never been prepared: a forged or mismatched payment. */
  ignorePrepared?: boolean
}

export type PayResult = { ok: true; payment: Payment } | { ok: false; message: string }

export interface RegisterBillingKeyInput {
  customerUid: string
  /** The registration's order; when given, PortOne also keeps a payment with `customer_uid_usage: 'issue'`. */
  merchantUid?: string
  cardName?: string
  customerName?: string
  customerTel?: string
  sandbox?: boolean
}

export interface SentWebhook {
  url: string
  body: { imp_uid: string; merchant_uid: string; status: string }
  /** The receiver's HTTP status, or the error when it could not be reached. */
  result: number | string
}

export interface PortOneStateOptions {
  /** The real clock, in milliseconds; default Date.now. PortOne's clock is this plus `clockOffsetMs`. */
  now?: () => number
  /** How far PortOne's clock is from `now` (a test sets hours to play a merchant server with a wrong clock). */
  clockOffsetMs?: number
  /** Where scheduled-payment webhooks go when a schedule names no `notice_url`. */
  webhookUrl?: string
  /** Token lifetime; PortOne's is 30 minutes. */
  tokenLifetimeSeconds?: number
}

export class PortOneState {
  readonly payments = new Map<string, Payment>() // by imp_uid, in the order they were made
  readonly prepared = new Map<string, number>() // merchant_uid → amount
  readonly billingKeys = new Map<string, BillingKey>() // customer_uid → key
  readonly schedules = new Map<string, ScheduleResult>() // merchant_uid → schedule
  /** Every cancel PortOne carried out, with who asked (`extra.requester`, which PortOne passes on to Naver Pay). */
  readonly cancellations: { impUid: string; cancellationId: string; amount: number; reason: string; requester: string | undefined }[] = []
  readonly naverConfirmations: { impUid: string; requester: string }[] = []
  readonly naverPointDeposits: string[] = []
  readonly webhooks: SentWebhook[] = []
  clockOffsetMs: number
  webhookUrl: string | undefined
  private readonly realNow: () => number
  private readonly tokenLifetime: number
  private token: { value: string; expiredAt: number } | null = null
  private tokenCount = 0
  private counter = 0

  constructor(options: PortOneStateOptions = {}) {
    this.realNow = options.now ?? Date.now
    this.clockOffsetMs = options.clockOffsetMs ?? 0
    this.webhookUrl = options.webhookUrl
    this.tokenLifetime = options.tokenLifetimeSeconds ?? 30 * 60
  }

  /** PortOne's clock, in UNIX seconds. */
  nowSeconds(): number {
    return Math.floor((this.realNow() + this.clockOffsetMs) / 1000)
  }

  private nextId(prefix: string): string {
    this.counter += 1
    return `${prefix}_${String(this.nowSeconds()).slice(-6)}${String(this.counter).padStart(6, '0')}`
  }

  // ── tokens (A.1) ────────────────────────────────────────────────────────────────────────
  /** `POST /users/getToken` for good keys: the same token until it expires, extended by 5 minutes in its last one. */
  issueToken(): { access_token: string; expired_at: number; now: number } {
    const now = this.nowSeconds()
    if (!this.token || this.token.expiredAt <= now) {
      this.tokenCount += 1
      this.token = { value: `token_${this.tokenCount}_${Math.random().toString(36).slice(2, 10)}`, expiredAt: now + this.tokenLifetime }
    } else if (this.token.expiredAt - now <= 60) {
      this.token.expiredAt += 5 * 60
    }
    return { access_token: this.token.value, expired_at: this.token.expiredAt, now }
  }

  /** Whether `Authorization: Bearer <token>` names the live token. */
  acceptsToken(value: string | undefined): boolean {
    return this.token !== null && value === this.token.value && this.token.expiredAt > this.nowSeconds()
  }

  /** Forget the current token (as after a PortOne restart): the next call with it is answered 401. */
  revokeToken(): void {
    this.token = null
  }

  // ── payments (A.2, A.3, A.7) ───────────────────────────────────────────────────────────
  /**
   * The payment window's outcome, as the simulated SDK reports it. An order prepared with another amount is
   * refused before any payment exists (PortOne stops before the PG window), and so is an order already paid.
   */
  pay(input: PayInput): PayResult {
    const prepared = this.prepared.get(input.merchantUid)
    if (!input.ignorePrepared && prepared !== undefined && prepared !== input.amount) {
      return { ok: false, message: `사전 등록된 결제 금액(${prepared}원)과 요청 금액(${input.amount}원)이 일치하지 않습니다.` }
    }
    if (this.latest(input.merchantUid, 'paid')) return { ok: false, message: '이미 결제가 완료된 주문번호(merchant_uid)입니다.' }
    const payment = this.newPayment({
      impUid: input.impUid,
      merchantUid: input.merchantUid,
      amount: input.amount,
      name: input.name ?? null,
      status: input.failReason ? 'failed' : 'paid',
      failReason: input.failReason ?? null,
      sandbox: input.sandbox ?? false,
      channel: 'pc',
      customerUid: input.customerUid ?? null,
      usage: input.customerUid ? 'payment' : null,
      buyer: { buyer_name: input.buyerName ?? null, buyer_tel: input.buyerTel ?? null, buyer_email: input.buyerEmail ?? null },
      customData: input.customData ?? null,
    })
    return { ok: true, payment }
  }

  private newPayment(p: {
    impUid?: string
    merchantUid: string
    amount: number
    name: string | null
    status: PaymentStatus
    failReason: string | null
    sandbox: boolean
    channel: string
    customerUid: string | null
    usage: Payment['customer_uid_usage']
    buyer?: Partial<Payment>
    customData: string | null
  }): Payment {
    const now = this.nowSeconds()
    const payment: Payment = {
      imp_uid: p.impUid ?? this.nextId('imp'),
      merchant_uid: p.merchantUid,
      amount: p.amount,
      cancel_amount: 0,
      currency: 'KRW',
      status: p.status,
      sandbox: p.sandbox,
      pay_method: 'naverpay',
      channel: p.channel,
      pg_provider: 'naverpay',
      emb_pg_provider: null,
      pg_tid: this.nextId('npay'),
      pg_id: 'np_test_mid',
      escrow: false,
      name: p.name,
      ...p.buyer,
      custom_data: p.customData,
      started_at: now,
      paid_at: p.status === 'paid' ? now : 0,
      failed_at: p.status === 'failed' ? now : 0,
      cancelled_at: 0,
      fail_reason: p.failReason,
      cancel_reason: null,
      receipt_url: null,
      cancel_history: [],
      cash_receipt_issued: false,
      customer_uid: p.customerUid,
      customer_uid_usage: p.usage,
    }
    this.payments.set(payment.imp_uid, payment)
    return payment
  }

  /** The newest payment for an order, optionally in one status (PortOne's default sorting is `-started`). */
  latest(merchantUid: string, status?: string): Payment | undefined {
    let found: Payment | undefined
    for (const p of this.payments.values()) if (p.merchant_uid === merchantUid && (!status || p.status === status)) found = p
    return found
  }

  getPayment(impUid: string, includeSandbox: boolean): Answer {
    const payment = this.payments.get(impUid)
    if (!payment || (payment.sandbox && !includeSandbox)) return notFound('존재하지 않는 결제정보입니다.')
    return ok(payment)
  }

  findPayment(merchantUid: string, status: string | undefined): Answer {
    const payment = this.latest(merchantUid, status)
    return payment ? ok(payment) : notFound('존재하지 않는 결제정보입니다.')
  }

  prepare(body: Fields): Answer {
    const merchantUid = str(body.merchant_uid)
    const amount = num(body.amount)
    if (!merchantUid || amount === undefined) return refused('merchant_uid와 amount는 필수입니다.')
    if (this.prepared.has(merchantUid)) return refused('이미 사전등록된 merchant_uid입니다.')
    this.prepared.set(merchantUid, amount)
    return ok({ merchant_uid: merchantUid, amount })
  }

  getPrepared(merchantUid: string): Answer {
    const amount = this.prepared.get(merchantUid)
    return amount === undefined ? notFound('사전등록된 결제정보가 없습니다.') : ok({ merchant_uid: merchantUid, amount })
  }

  // ── cancel (A.4) ────────────────────────────────────────────────────────────────────────
  cancel(body: Fields): Answer {
    const impUid = str(body.imp_uid)
    const payment = impUid ? this.payments.get(impUid) : str(body.merchant_uid) ? this.latest(str(body.merchant_uid)!) : undefined
    if (!payment) return refused('취소할 결제건이 존재하지 않습니다.')
    if (payment.status === 'cancelled') return refused('이미 전액취소된 주문입니다.')
    if (payment.status !== 'paid') return refused('결제완료 상태가 아닌 결제건은 취소할 수 없습니다.')
    const cancelable = payment.amount - payment.cancel_amount
    const checksum = num(body.checksum)
    if (checksum !== undefined && checksum !== cancelable) {
      return refused(`[취소실패] 취소가능잔액(${cancelable}원)이 checksum(${checksum}원)과 일치하지 않습니다.`)
    }
    // Left out or 0: everything that is left.
    const amount = num(body.amount) || cancelable
    if (amount > cancelable) return refused(`[취소실패] 취소요청금액(${amount}원)이 취소가능잔액(${cancelable}원)보다 큽니다.`)
    const now = this.nowSeconds()
    const reason = str(body.reason) ?? ''
    const cancellationId = this.nextId('cancel')
    payment.cancel_history.push({ pg_tid: this.nextId('npay_cancel'), amount, cancelled_at: now, reason, cancellation_id: cancellationId, receipt_url: null })
    this.cancellations.push({ impUid: payment.imp_uid, cancellationId, amount, reason, requester: str(obj(body.extra).requester) })
    payment.cancel_amount += amount
    payment.cancel_reason = reason
    if (payment.cancel_amount === payment.amount) {
      payment.status = 'cancelled'
      payment.cancelled_at = now
    }
    return ok(payment)
  }

  // ── billing keys (A.5) ──────────────────────────────────────────────────────────────────
  /** A registration finished in the payment window (Naver Pay keys are issued nowhere else). */
  registerBillingKey(input: RegisterBillingKeyInput): { billingKey: BillingKey; payment: Payment | null } {
    const now = this.nowSeconds()
    const billingKey: BillingKey = {
      customer_uid: input.customerUid,
      pg_provider: 'naverpay',
      pg_id: 'np_test_mid',
      card_name: input.cardName ?? null,
      inserted: this.billingKeys.get(input.customerUid)?.inserted ?? now,
      updated: now,
      sandbox: input.sandbox ?? false,
      customer_name: input.customerName ?? null,
      customer_tel: input.customerTel ?? null,
    }
    this.billingKeys.set(input.customerUid, billingKey)
    // Registering approves no payment; PortOne still keeps the attempt under the registration's order.
    const payment = input.merchantUid
      ? this.newPayment({
          merchantUid: input.merchantUid, amount: 0, name: null, status: 'paid', failReason: null, sandbox: billingKey.sandbox,
          channel: 'pc', customerUid: input.customerUid, usage: 'issue', customData: null,
        })
      : null
    return { billingKey, payment }
  }

  getBillingKey(customerUid: string): Answer {
    const key = this.billingKeys.get(customerUid)
    return key ? ok(key) : notFound('유효하지 않은 customer_uid입니다.')
  }

  deleteBillingKey(customerUid: string): Answer {
    const key = this.billingKeys.get(customerUid)
    if (!key) return notFound('유효하지 않은 customer_uid입니다.')
    this.billingKeys.delete(customerUid)
    return ok(key)
  }

  // ── recurring charges (A.6) ─────────────────────────────────────────────────────────────
  again(body: Fields): Answer {
    const customerUid = str(body.customer_uid)
    const merchantUid = str(body.merchant_uid)
    const amount = num(body.amount)
    if (!customerUid || !this.billingKeys.has(customerUid)) return refused('등록되지 않은 customer_uid입니다.', -1)
    if (!merchantUid || amount === undefined || !str(body.name)) return refused('merchant_uid, amount, name은 필수입니다.')
    // A paid order number cannot be charged again (동일한 주문번호로 중복결제 불가); one that failed can be retried.
    if (this.latest(merchantUid, 'paid') || this.schedules.has(merchantUid)) return refused('이미 결제된 merchant_uid입니다. 동일한 주문번호로 중복결제할 수 없습니다.')
    return ok(this.charge(customerUid, merchantUid, amount, str(body.name)!, 'payment', str(body.custom_data) ?? null))
  }

  /** A charge of a billing key: paid, or failed with `fail_reason` (answered with code 0: read its `status`). */
  private charge(customerUid: string, merchantUid: string, amount: number, name: string, usage: 'payment' | 'payment.scheduled', customData: string | null): Payment {
    const key = this.billingKeys.get(customerUid)
    const failReason = key ? this.declines.shift() ?? null : '등록되지 않은 빌링키입니다.'
    return this.newPayment({
      merchantUid, amount, name, status: failReason ? 'failed' : 'paid', failReason, sandbox: key?.sandbox ?? false, channel: 'api',
      customerUid, usage, customData,
    })
  }

  schedule(body: Fields): Answer {
    const customerUid = str(body.customer_uid)
    if (!customerUid || !this.billingKeys.has(customerUid)) return refused('등록되지 않은 customer_uid입니다.')
    const items = Array.isArray(body.schedules) ? body.schedules.map(obj) : []
    if (items.length === 0) return refused('schedules는 필수입니다.')
    const inThisCall = new Set<string>()
    for (const s of items) {
      const merchantUid = str(s.merchant_uid)
      if (!merchantUid || num(s.schedule_at) === undefined || num(s.amount) === undefined) return refused('merchant_uid, schedule_at, amount는 필수입니다.')
      // Unique across this request too: otherwise the second schedule would silently replace the first.
      if (this.schedules.has(merchantUid) || this.latest(merchantUid, 'paid') || inThisCall.has(merchantUid)) return refused(`이미 사용된 merchant_uid입니다: ${merchantUid}`)
      inThisCall.add(merchantUid)
    }
    const results = items.map((s) => {
      const result: ScheduleResult = {
        customer_uid: customerUid,
        merchant_uid: str(s.merchant_uid)!,
        imp_uid: null,
        schedule_at: num(s.schedule_at)!,
        executed_at: 0,
        revoked_at: 0,
        amount: num(s.amount)!,
        currency: str(s.currency) ?? 'KRW',
        name: str(s.name) ?? null,
        schedule_status: 'scheduled',
        payment_status: null,
        fail_reason: null,
        custom_data: str(s.custom_data) ?? null,
      }
      this.schedules.set(result.merchant_uid, result)
      this.scheduleNoticeUrls.set(result.merchant_uid, str(s.notice_url))
      return result
    })
    return ok(results)
  }

  private readonly scheduleNoticeUrls = new Map<string, string | undefined>()
  private declines: string[] = []

  /** The next charge of a billing key (again or a schedule run) is declined by the card company with this reason. */
  declineNextCharge(failReason: string): void {
    this.declines.push(failReason)
  }

  unschedule(body: Fields): Answer {
    const customerUid = str(body.customer_uid)
    const listed = Array.isArray(body.merchant_uid) ? body.merchant_uid.map(String) : undefined
    if (!customerUid && !listed) return refused('customer_uid 또는 merchant_uid가 필요합니다.')
    const revoked: ScheduleResult[] = []
    for (const s of this.schedules.values()) {
      if (s.schedule_status !== 'scheduled') continue
      if (customerUid && s.customer_uid !== customerUid) continue
      if (listed && !listed.includes(s.merchant_uid)) continue
      s.schedule_status = 'revoked'
      s.revoked_at = this.nowSeconds()
      revoked.push(s)
    }
    return revoked.length > 0 ? ok(revoked) : refused('취소할 예약결제 기록이 존재하지 않습니다.')
  }

  getSchedule(merchantUid: string): Answer {
    const s = this.schedules.get(merchantUid)
    return s ? ok(s) : notFound('예약결제 내역이 존재하지 않습니다.')
  }

  /**
   * Runs every schedule due by PortOne's clock: each becomes a payment on its billing key (failed when the key was
   * deleted since), and PortOne posts `{ imp_uid, merchant_uid, status }` to its `notice_url` or `webhookUrl`.
   */
  async runDueSchedules(): Promise<ScheduleResult[]> {
    const ran: ScheduleResult[] = []
    for (const s of this.schedules.values()) {
      if (s.schedule_status !== 'scheduled' || s.schedule_at > this.nowSeconds()) continue
      const payment = this.charge(s.customer_uid, s.merchant_uid, s.amount, s.name ?? '', 'payment.scheduled', s.custom_data ?? null)
      s.schedule_status = 'executed'
      s.executed_at = this.nowSeconds()
      s.imp_uid = payment.imp_uid
      s.payment_status = payment.status === 'paid' ? 'paid' : 'failed'
      s.fail_reason = payment.fail_reason ?? null
      ran.push(s)
      const url = this.scheduleNoticeUrls.get(s.merchant_uid) ?? this.webhookUrl
      if (url) await this.sendWebhook(url, { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: payment.status })
    }
    return ran
  }

  /** PortOne's webhook: one JSON POST, no signature; the result is kept in `webhooks`. */
  async sendWebhook(url: string, body: SentWebhook['body']): Promise<void> {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      await res.text()
      this.webhooks.push({ url, body, result: res.status })
    } catch (error) {
      this.webhooks.push({ url, body, result: String(error) })
    }
  }

  // ── Naver Pay's own endpoints (A.9) ─────────────────────────────────────────────────────
  naverConfirm(impUid: string, body: Fields): Answer {
    const payment = this.payments.get(impUid)
    if (!payment) return notFound('존재하지 않는 결제정보입니다.')
    if (payment.status !== 'paid') return { status: 500, code: 1, message: '네이버페이 구매확정 실패: 결제완료 상태가 아닙니다.', response: null }
    this.naverConfirmations.push({ impUid, requester: str(body.requester) ?? 'admin' })
    return ok(null)
  }

  naverPoint(impUid: string): Answer {
    const payment = this.payments.get(impUid)
    if (!payment) return notFound('존재하지 않는 결제정보입니다.')
    this.naverPointDeposits.push(impUid)
    return ok(null)
  }

  naverCashAmount(impUid: string): Answer {
    const payment = this.payments.get(impUid)
    if (!payment || payment.pg_provider !== 'naverpay') return { status: 400, code: 1, message: '네이버페이 결제형 거래가 아닙니다.', response: null }
    const total = payment.amount - payment.cancel_amount
    const supply = Math.round(total / 1.1)
    return ok({ amount_total: total, amount_by_npoint: 0, amount_by_primary: total, amount_supply: supply, amount_vat: total - supply })
  }
}
