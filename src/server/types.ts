// PortOne V1's documented `response` objects, in PortOne's own snake_case so that its docs
// (https://developers.portone.io/api/rest-v1) read straight onto them. PortOne may add fields and enum values
// at any time (its backward-compatibility rule), so nothing here is exhaustive and nothing relies on it being so.

/** A payment's state: 미결제, 결제완료, 결제취소 (fully cancelled), 결제실패. */
export type PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed'

/** Why a billing key took part in a payment: `null` for an ordinary one-time payment. */
export type CustomerUidUsage = 'issue' | 'payment' | 'payment.scheduled' | null

/** Who asked for a cancel, a billing-key delete or a Naver Pay purchase confirmation. */
export type Requester = 'customer' | 'admin'

/** One (partial or full) cancellation of a payment (`PaymentCancelAnnotation`). */
export interface PaymentCancellation {
  pg_tid: string
  /** The amount cancelled by this entry, in won. */
  amount: number
  /** UNIX seconds. */
  cancelled_at: number
  reason: string
  /** The same id PortOne sends in a cancel webhook's `cancellation_id`. */
  cancellation_id: string
  receipt_url?: string | null
}

/** A payment as `GET /payments/{imp_uid}` answers it (`PaymentAnnotation`). */
export interface Payment {
  imp_uid: string
  merchant_uid: string
  /** Amount paid, in won. */
  amount: number
  /** Cumulative amount cancelled so far; what can still be cancelled is `amount - cancel_amount`. */
  cancel_amount: number
  currency: string
  status: PaymentStatus
  /** True for a payment made through a test channel (hidden from lookups without `includeSandbox`). */
  sandbox: boolean
  pay_method?: string | null
  /** `pc`, `mobile`, or `api` (recurring and other non-authenticated payments). */
  channel?: string | null
  /** `naverpay` for Naver Pay 결제형. */
  pg_provider?: string | null
  /** Set when a simple-pay (e.g. `naverpay`) ran through another PG. */
  emb_pg_provider?: string | null
  pg_tid?: string | null
  pg_id?: string | null
  escrow?: boolean | null
  apply_num?: string | null
  bank_code?: string | null
  bank_name?: string | null
  card_code?: string | null
  card_name?: string | null
  card_quota?: number | null
  card_number?: string | null
  card_type?: number | null
  name?: string | null
  buyer_name?: string | null
  buyer_email?: string | null
  buyer_tel?: string | null
  buyer_addr?: string | null
  buyer_postcode?: string | null
  /** A JSON string, as the page sent it. */
  custom_data?: string | null
  user_agent?: string | null
  /** UNIX seconds. */
  started_at?: number | null
  /** UNIX seconds; 0 when not paid. */
  paid_at: number
  /** UNIX seconds; 0 when not failed. */
  failed_at: number
  /** UNIX seconds; 0 when not cancelled. */
  cancelled_at: number
  fail_reason?: string | null
  cancel_reason?: string | null
  receipt_url?: string | null
  cancel_history: PaymentCancellation[]
  cash_receipt_issued?: boolean | null
  /** The billing key this payment used or issued. */
  customer_uid?: string | null
  customer_uid_usage?: CustomerUidUsage
}

/** A pre-registered amount (`POST /payments/prepare`). */
export interface PreparedPayment {
  merchant_uid: string
  amount: number
}

/** A billing key (`CustomerAnnotation`). */
export interface BillingKey {
  customer_uid: string
  pg_provider: string
  pg_id: string
  card_name: string | null
  /** UNIX seconds. */
  inserted: number
  /** UNIX seconds. */
  updated: number
  sandbox: boolean
  customer_id?: string | null
  card_code?: string | null
  card_number?: string | null
  card_type?: number | null
  customer_name?: string | null
  customer_tel?: string | null
  customer_email?: string | null
  customer_addr?: string | null
  customer_postcode?: string | null
}

/** A scheduled payment (`ScheduleResultAnnotation`). */
export interface ScheduleResult {
  customer_uid: string
  merchant_uid: string
  /** `null` until the schedule runs. */
  imp_uid: string | null
  /** UNIX seconds. */
  schedule_at: number
  /** UNIX seconds; 0 until it runs. */
  executed_at: number
  /** UNIX seconds; 0 unless unscheduled. */
  revoked_at: number
  amount: number
  currency?: string | null
  name?: string | null
  schedule_status: 'scheduled' | 'executed' | 'revoked'
  /** `null` until the schedule runs. */
  payment_status: 'paid' | 'failed' | 'cancelled' | null
  fail_reason?: string | null
  pg_provider?: string | null
  pg_id?: string | null
  customer_id?: string | null
  buyer_name?: string | null
  buyer_email?: string | null
  buyer_tel?: string | null
  custom_data?: string | null
}

/** What a Naver Pay payment can still get a cash receipt for (`NaverCashAmountAnnotation`), in won. */
export interface NaverCashAmount {
  amount_total: number
  amount_by_npoint: number
  amount_by_primary: number
  amount_supply: number
  amount_vat: number
}

/** PortOne's answer envelope around every `response`. */
export interface PortOneEnvelope<T> {
  code: number
  message: string | null
  response: T
}
