import { isRecord, ownFields } from '../core/check'
import { PortOneError } from './errors'
import { koreanDay, Rules } from './rules'
import type { BillingKey, NaverCashAmount, Payment, PaymentStatus, PreparedPayment, Requester, ScheduleResult } from './types'

/** Options of {@link createPortOneClient}. */
export interface PortOneClientOptions {
  /** V1 REST API key (PortOne console → 결제 연동 → 식별코드・API Keys → V1 API). Server-side only. */
  impKey: string
  /** V1 REST API secret. Server-side only: never in a browser bundle or a `VITE_`/`NEXT_PUBLIC_` variable. */
  impSecret: string
  /** Default `https://api.iamport.kr`; tests point it at a double of PortOne. */
  baseUrl?: string
  /** Also find test-channel payments in `getPayment` (PortOne hides them since 2026-01-26 unless asked). */
  includeSandbox?: boolean
  /** Milliseconds to wait for each answer; default 10 000. */
  timeout?: number
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
}

/** @internal Test seam: the local clock, in milliseconds. */
export interface PortOneClientInternals {
  now?: () => number
}

export interface CancelPaymentParams {
  impUid: string
  /** Why, as the shopper or the shop would say it: Naver Pay's inspection requires a real reason. */
  reason: string
  /** Who asked: sent as `extra.requester`, required by Naver Pay. */
  requester: Requester
  /** A partial cancel, in won (a positive whole number). Leave it out to cancel everything that is left. */
  amount?: number
  /** What can still be cancelled before this call (`amount - cancel_amount`): PortOne refuses if it differs. */
  checksum?: number
  /** The tax-free part of this cancel, in won. */
  taxFree?: number
}

/** What a charge of a billing key says, now (`chargeBillingKey`) or later (`schedulePayments`). */
export interface ChargeFields {
  /** A new order number for this charge: PortOne refuses one that was used before. */
  merchantUid: string
  /** In won: a positive whole number. */
  amount: number
  name: string
  /**
   * 이용완료일, yyyyMMdd: not before the Korean date the charge runs (today, or the day of `scheduleAt`). Only when
   * the shop's Naver Pay contract requires it (결제일 정산 / 포인트 적립); otherwise leave it out.
   */
  naverUseCfm?: string
  taxFree?: number
  /** A webhook URL for this charge instead of the console's. */
  noticeUrl?: string
  customData?: string
}

export interface ChargeBillingKeyParams extends ChargeFields {
  customerUid: string
}

export interface ScheduleParams extends ChargeFields {
  /** When to charge: a `Date` or UNIX seconds, in the future. */
  scheduleAt: Date | number
}

/** A typed PortOne V1 client for Naver Pay 결제형: see {@link createPortOneClient}. */
export interface PortOneClient {
  /** `GET /payments/{imp_uid}`; `null` when PortOne knows no such payment. */
  getPayment(impUid: string): Promise<Payment | null>
  /** `GET /payments/find/{merchant_uid}[/{status}]`: the latest payment for an order; `null` when there is none. */
  findPayment(merchantUid: string, options?: { status?: PaymentStatus }): Promise<Payment | null>
  /** `POST /payments/prepare`: PortOne then refuses to open the payment window for another amount. */
  preparePayment(params: { merchantUid: string; amount: number }): Promise<PreparedPayment>
  /** `POST /payments/cancel` with `reason` and `extra.requester`. Never retried: a failure may still have cancelled. */
  cancelPayment(params: CancelPaymentParams): Promise<Payment>
  /** `GET /subscribe/customers/{customer_uid}`; `null` when there is no such billing key. */
  getBillingKey(customerUid: string): Promise<BillingKey | null>
  /**
   * `DELETE /subscribe/customers/{customer_uid}?reason=…&extra[requester]=…`. A deleted key cannot be restored:
   * unschedule its payments first.
   */
  deleteBillingKey(customerUid: string, params: { reason: string; requester: Requester }): Promise<BillingKey>
  /**
   * `POST /subscribe/payments/again`: charges a billing key now. Check the answer's `status` (`'paid'` or
   * `'failed'` with `fail_reason`).
   *
   * Never retried. If it throws a `PortOneError` with `status: null` (a timeout or a network error) or a 5xx (a
   * gateway that lost PortOne's answer), the charge may have gone through: look it up with `findPayment(merchantUid)` before charging again, and reuse the same
   * `merchantUid` (PortOne refuses a second charge under it) rather than a new one, which could charge twice.
   */
  chargeBillingKey(params: ChargeBillingKeyParams): Promise<Payment>
  /** `POST /subscribe/payments/schedule` (`currency: 'KRW'`). PortOne reports each run by webhook. */
  schedulePayments(params: { customerUid: string; schedules: ScheduleParams[] }): Promise<ScheduleResult[]>
  /** `POST /subscribe/payments/unschedule`: the listed orders, or every schedule of the billing key. */
  unschedulePayments(params: { customerUid: string; merchantUids?: string[] }): Promise<ScheduleResult[]>
  /** `POST /payments/{imp_uid}/naver/confirm` (구매확정) with a plain `requester`. */
  confirmNaverPayment(impUid: string, params: { requester: Requester }): Promise<void>
  /** `POST /payments/{imp_uid}/naver/point` (포인트 적립). */
  depositNaverPoint(impUid: string): Promise<void>
  /** `GET /payments/{imp_uid}/naver/cash-amount`: what a cash receipt can still be issued for. */
  getNaverCashAmount(impUid: string): Promise<NaverCashAmount>
}

const DEFAULT_BASE_URL = 'https://api.iamport.kr'
const DEFAULT_TIMEOUT = 10_000
// Renew this long before PortOne's expiry: PortOne extends a token asked for within its last minute.
const RENEW_MARGIN_MS = 60_000

type Method = 'GET' | 'POST' | 'DELETE'
interface Call {
  /** The client method, for error messages. */
  name: string
  method: Method
  path: string
  query?: string
  body?: Record<string, unknown>
  /** Answer `null` for a 404 instead of throwing. */
  nullIf404?: boolean
  /** What `response` must be on success: an object (the default), a list, or anything (ignored). */
  answer?: 'list' | 'ignored'
}

/**
 * A PortOne V1 REST client: one access token shared by all calls, PortOne's failures as {@link PortOneError}, and
 * Naver Pay's inspection rules checked before anything is sent (a `TypeError` naming the field).
 *
 * ```ts
 * const portone = createPortOneClient({ impKey: process.env.PORTONE_IMP_KEY!, impSecret: process.env.PORTONE_IMP_SECRET! })
 * const payment = await portone.getPayment(impUid)
 * ```
 */
export function createPortOneClient(options: PortOneClientOptions): PortOneClient {
  // Own properties only: a baseUrl or fetch planted on Object.prototype must not receive the API secret.
  const opts = (isRecord(options) ? ownFields(options) : {}) as PortOneClientOptions & PortOneClientInternals
  const setup = new Rules('createPortOneClient', 0)
  setup.text(opts.impKey, 'impKey')
  setup.text(opts.impSecret, 'impSecret')
  setup.int(opts.timeout, 'timeout')
  // `includeSandbox: process.env.X` would turn "false" into true: test-channel payments found in production.
  setup.bool(opts.includeSandbox, 'includeSandbox')
  setup.baseUrl(opts.baseUrl, 'baseUrl')
  setup.fn(opts.fetch, 'fetch')
  setup.done()
  const baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT
  const now = opts.now ?? Date.now
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))

  // ── transport ───────────────────────────────────────────────────────────────────────────
  /** One HTTP exchange: PortOne's status and envelope (`{}` when the body is not one); no answer is a PortOneError. */
  async function send(call: Call, token: string | null): Promise<{ status: number; envelope: Record<string, unknown> }> {
    const label = labelOf(call)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (call.body) headers['content-type'] = 'application/json'
    const controller = new AbortController()
    // The timeout does not rely on the fetch honouring the signal (a wrapper may drop it): each wait races it.
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(new Error(`no answer within ${timeout} ms`))
      }, timeout)
    })
    let res: Response
    let text: string
    try {
      const fetched = doFetch(baseUrl + call.path + (call.query ? `?${call.query}` : ''), {
        method: call.method,
        headers,
        body: call.body ? JSON.stringify(call.body) : undefined,
        signal: controller.signal,
      })
      res = await Promise.race([fetched, expired])
      text = await Promise.race([res.text(), expired])
    } catch (cause) {
      if (controller.signal.aborted) {
        throw new PortOneError(`${label} timed out: PortOne did not answer within ${timeout} ms`, {
          status: null, code: null, call: label, timedOut: true, cause,
        })
      }
      throw new PortOneError(`${label} failed: PortOne could not be reached (${String(cause)})`, { status: null, code: null, call: label, cause })
    } finally {
      clearTimeout(timer)
    }
    let parsed: unknown = {}
    try {
      if (text) parsed = JSON.parse(text)
    } catch {
      // Not JSON (a proxy's HTML error page): the status says enough.
    }
    // Own fields only: a `code` planted on Object.prototype must not make a proxy's page a success or a "not found".
    return { status: res.status, envelope: ownFields(isRecord(parsed) ? parsed : {}) }
  }

  function failure(call: Call, status: number, envelope: Record<string, unknown>): PortOneError {
    const label = labelOf(call)
    const code = typeof envelope.code === 'number' ? envelope.code : null
    const message =
      typeof envelope.message === 'string' && envelope.message !== ''
        ? envelope.message
        : `PortOne answered ${label} with HTTP ${status}${code === null ? '' : `, code ${code}`} and no message`
    return new PortOneError(message, { status, code, call: label })
  }

  function isOk(status: number, envelope: Record<string, unknown>): boolean {
    return status >= 200 && status < 300 && envelope.code === 0
  }

  // ── token ───────────────────────────────────────────────────────────────────────────────
  let token: { value: string; renewAt: number } | null = null
  let pendingToken: Promise<string> | null = null

  function getToken(): Promise<string> {
    if (token && now() < token.renewAt) return Promise.resolve(token.value)
    // Concurrent calls share one token request.
    pendingToken ??= requestToken().finally(() => {
      pendingToken = null
    })
    return pendingToken
  }

  async function requestToken(): Promise<string> {
    const call: Call = { name: 'getToken', method: 'POST', path: '/users/getToken', body: { imp_key: opts.impKey, imp_secret: opts.impSecret } }
    const asked = now()
    const { status, envelope } = await send(call, null)
    if (!isOk(status, envelope)) throw failure(call, status, envelope)
    const r = isRecord(envelope.response) ? ownFields(envelope.response) : undefined
    if (!r || typeof r.access_token !== 'string' || typeof r.expired_at !== 'number' || typeof r.now !== 'number') {
      throw new PortOneError('PortOne answered getToken without access_token, expired_at and now', { status, code: null, call: labelOf(call) })
    }
    // The lifetime is reckoned on PortOne's clock (expired_at - now), then laid on ours from the moment we asked:
    // a server whose clock is hours off still renews on time.
    const lifetimeMs = (r.expired_at - r.now) * 1000
    token = { value: r.access_token, renewAt: asked + lifetimeMs - RENEW_MARGIN_MS }
    return r.access_token
  }

  // ── one call: token, 401 renewal, GET retry ────────────────────────────────────────────
  async function request<T>(call: Call): Promise<T> {
    let renewed = false
    let retried = false
    for (;;) {
      const used = await getToken()
      let answer: { status: number; envelope: Record<string, unknown> }
      try {
        answer = await send(call, used)
      } catch (error) {
        // A GET changes nothing at PortOne: one more try after a network error (not after a timeout, which
        // already spent the caller's patience).
        if (call.method === 'GET' && !retried && error instanceof PortOneError && !error.timedOut) {
          retried = true
          continue
        }
        throw error
      }
      const { status, envelope } = answer
      if (status === 401 && !renewed) {
        // The token went stale (PortOne restarted, or another server's clock…): renew once, try once more.
        renewed = true
        if (token?.value === used) token = null
        continue
      }
      if (status >= 500 && call.method === 'GET' && !retried) {
        retried = true
        continue
      }
      // PortOne's own 404 (an envelope with its code), not a proxy's page for a wrong baseUrl.
      if (status === 404 && call.nullIf404 && typeof envelope.code === 'number') return null as T
      if (!isOk(status, envelope)) throw failure(call, status, envelope)
      const response = envelope.response
      // Code 0 without the documented result (null, a string…) is no success a caller could read.
      if (call.answer === 'list' ? !Array.isArray(response) : call.answer !== 'ignored' && !isRecord(response)) {
        const expected = call.answer === 'list' ? 'a list' : 'an object'
        throw new PortOneError(`PortOne answered ${labelOf(call)} with code 0 but without ${expected} in response`, { status, code: null, call: labelOf(call) })
      }
      return response as T
    }
  }

  const rules = (name: string) => new Rules(name, now())

  // ── the methods ─────────────────────────────────────────────────────────────────────────
  return {
    async getPayment(impUid) {
      const r = rules('getPayment')
      r.id(impUid, 'impUid')
      r.done()
      return request<Payment | null>({
        name: 'getPayment', method: 'GET', path: path`/payments/${impUid}`,
        query: opts.includeSandbox ? 'include_sandbox=true' : undefined, nullIf404: true,
      })
    },

    async findPayment(merchantUid, options = {}) {
      const r = rules('findPayment')
      r.id(merchantUid, 'merchantUid')
      const status = isRecord(options) ? ownFields(options).status : undefined
      if (status !== undefined) r.oneOf(status, 'status', ['ready', 'paid', 'cancelled', 'failed'])
      r.done()
      return request<Payment | null>({
        name: 'findPayment', method: 'GET',
        path: status ? path`/payments/find/${merchantUid}/${status}` : path`/payments/find/${merchantUid}`,
        nullIf404: true,
      })
    },

    async preparePayment(params) {
      const r = rules('preparePayment')
      const p = r.record(params, 'params')
      const merchantUid = r.id(p.merchantUid, 'merchantUid')
      const amount = r.amount(p.amount)
      r.done()
      return request<PreparedPayment>({ name: 'preparePayment', method: 'POST', path: '/payments/prepare', body: { merchant_uid: merchantUid, amount } })
    },

    async cancelPayment(params) {
      const r = rules('cancelPayment')
      const p = r.record(params, 'params')
      const impUid = r.id(p.impUid, 'impUid')
      const reason = r.text(p.reason, 'reason')
      const requester = r.requester(p.requester)
      const amount = r.amount(p.amount, 'amount', false)
      const checksum = r.wholeWon(p.checksum, 'checksum')
      const taxFree = r.wholeWon(p.taxFree, 'taxFree')
      r.done()
      return request<Payment>({
        name: 'cancelPayment', method: 'POST', path: '/payments/cancel',
        body: compact({ imp_uid: impUid, amount, checksum, tax_free: taxFree, reason, extra: { requester } }),
      })
    },

    async getBillingKey(customerUid) {
      const r = rules('getBillingKey')
      r.id(customerUid, 'customerUid')
      r.done()
      return request<BillingKey | null>({ name: 'getBillingKey', method: 'GET', path: path`/subscribe/customers/${customerUid}`, nullIf404: true })
    },

    async deleteBillingKey(customerUid, params) {
      const r = rules('deleteBillingKey')
      r.id(customerUid, 'customerUid')
      const p = r.record(params, 'params')
      const reason = r.text(p.reason, 'reason')
      const requester = r.requester(p.requester)
      r.done()
      // PortOne takes these in the query string, in bracket form, exactly as its Naver Pay guide shows.
      return request<BillingKey>({
        name: 'deleteBillingKey', method: 'DELETE', path: path`/subscribe/customers/${customerUid}`,
        query: `reason=${encodeURIComponent(reason)}&extra[requester]=${requester}`,
      })
    },

    async chargeBillingKey(params) {
      const r = rules('chargeBillingKey')
      const p = r.record(params, 'params')
      const body = { customer_uid: r.id(p.customerUid, 'customerUid'), ...chargeBody(r, p, '', undefined) }
      r.done()
      return request<Payment>({ name: 'chargeBillingKey', method: 'POST', path: '/subscribe/payments/again', body })
    },

    async schedulePayments(params) {
      const r = rules('schedulePayments')
      const p = r.record(params, 'params')
      const customerUid = r.id(p.customerUid, 'customerUid')
      const used = new Map<string, string>() // merchantUid → the schedule that has it
      const schedules = r.list(p.schedules, 'schedules').map((item, i) => {
        const at = `schedules[${i}]`
        const s = r.record(item, at)
        const scheduleAt = r.scheduleAt(s.scheduleAt, `${at}.scheduleAt`)
        // Its naverUseCfm counts from the day the charge runs, in Korea, not the day it is scheduled.
        const { merchant_uid, ...rest } = chargeBody(r, s, `${at}.`, scheduleAt ? koreanDay(scheduleAt) : undefined)
        if (merchant_uid !== undefined && used.has(merchant_uid)) r.repeated(`${at}.merchantUid`, merchant_uid, used.get(merchant_uid)!)
        else if (merchant_uid !== undefined) used.set(merchant_uid, at)
        // `currency` and `name` are required by PortOne's reference although its Naver Pay sample leaves them out.
        return { merchant_uid, schedule_at: scheduleAt, currency: 'KRW', ...rest }
      })
      r.done()
      return request<ScheduleResult[]>({
        name: 'schedulePayments', method: 'POST', path: '/subscribe/payments/schedule', body: { customer_uid: customerUid, schedules }, answer: 'list',
      })
    },

    async unschedulePayments(params) {
      const r = rules('unschedulePayments')
      const p = r.record(params, 'params')
      const customerUid = r.id(p.customerUid, 'customerUid')
      let merchantUids: string[] | undefined
      if (p.merchantUids !== undefined) merchantUids = r.list(p.merchantUids, 'merchantUids').map((m, i) => r.id(m, `merchantUids[${i}]`))
      r.done()
      return request<ScheduleResult[]>({
        name: 'unschedulePayments', method: 'POST', path: '/subscribe/payments/unschedule',
        body: compact({ customer_uid: customerUid, merchant_uid: merchantUids }), answer: 'list',
      })
    },

    async confirmNaverPayment(impUid, params) {
      const r = rules('confirmNaverPayment')
      r.id(impUid, 'impUid')
      const requester = r.requester(r.record(params, 'params').requester)
      r.done()
      // Plain `requester` here, not `extra.requester`: this endpoint documents it so.
      await request<unknown>({ name: 'confirmNaverPayment', method: 'POST', path: path`/payments/${impUid}/naver/confirm`, body: { requester }, answer: 'ignored' })
    },

    async depositNaverPoint(impUid) {
      const r = rules('depositNaverPoint')
      r.id(impUid, 'impUid')
      r.done()
      await request<unknown>({ name: 'depositNaverPoint', method: 'POST', path: path`/payments/${impUid}/naver/point`, body: {}, answer: 'ignored' })
    },

    async getNaverCashAmount(impUid) {
      const r = rules('getNaverCashAmount')
      r.id(impUid, 'impUid')
      r.done()
      return request<NaverCashAmount>({ name: 'getNaverCashAmount', method: 'GET', path: path`/payments/${impUid}/naver/cash-amount` })
    },
  }
}

/** How an error names a call: `cancelPayment (POST /payments/cancel)`. */
function labelOf(call: Call): string {
  return `${call.name} (${call.method} ${call.path})`
}

/** A path with each id percent-encoded: an id holding `/`, `?` or `#` stays one segment of this endpoint. */
function path(parts: TemplateStringsArray, ...ids: string[]): string {
  return parts.reduce((out, part, i) => out + encodeURIComponent(ids[i - 1]) + part)
}

/** The body fields a charge and a schedule share, read by the same rules; `at` prefixes field names. */
function chargeBody(r: Rules, p: Record<string, unknown>, at: string, naverUseCfmNotBefore: string | undefined) {
  return compact({
    merchant_uid: r.id(p.merchantUid, `${at}merchantUid`),
    amount: r.amount(p.amount, `${at}amount`),
    name: r.text(p.name, `${at}name`),
    tax_free: r.wholeWon(p.taxFree, `${at}taxFree`),
    notice_url: optionalText(r, p.noticeUrl, `${at}noticeUrl`),
    custom_data: optionalText(r, p.customData, `${at}customData`),
    extra: naverExtra(r.naverUseCfm(p.naverUseCfm, `${at}naverUseCfm`, naverUseCfmNotBefore)),
  })
}

function optionalText(r: Rules, value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : r.text(value, field)
}

function naverExtra(naverUseCfm: string | undefined): { naverUseCfm: string } | undefined {
  return naverUseCfm === undefined ? undefined : { naverUseCfm }
}

/** Leaves out what is undefined, so that JSON carries only what the caller set. */
function compact<T extends Record<string, unknown>>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as T
}
