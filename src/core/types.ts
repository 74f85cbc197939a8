/** One line of the shop's cart. `price` is the unit price in whole won. */
export interface CartItem {
  uid: string
  name: string
  price: number
  count: number
  categoryType: string
  categoryId: string
  sellerId?: string
  payReferrer?: string
  /** yyyyMMdd, for performances, travel, lodging. */
  startDate?: string
  /** yyyyMMdd, for performances, travel, lodging. */
  endDate?: string
}

export interface Cart {
  items: CartItem[]
  /** Whole won added to the items' total. */
  shippingFee?: number
}

export interface Buyer {
  name?: string
  email?: string
  tel?: string
  addr?: string
  postcode?: string
}

export type Mode = 'auto' | 'popup' | 'redirect'
export type Locale = 'ko' | 'en'

/** Contract-dependent Naver Pay fields; set them only when your Naver Pay contract says so. */
export interface NaverOptions {
  /** yyyyMMdd, the payment day (in Korea) or later. */
  useCfm?: string
  purchaserName?: string
  /** yyyyMMdd, not in the future. */
  purchaserBirthday?: string
  /** @deprecated PortOne removed it from its docs in 2025; a channelKey covers it. */
  chainId?: string
  /** The shop's own user key; no personal data. */
  merchantUserKey?: string
  cultureBenefit?: boolean
}

/** Billing-key registration (정기결제 등록): no money moves now. */
export interface RecurringOptions {
  customerUid: string
  productCode: string
  productCount?: number
  /** @deprecated PortOne marked naverActionType discontinued in 2026. */
  actionType?: 'NEW' | 'CHANGE'
}

/** What the merchant server answered about a payment (see `verifyUrl`). */
export type VerifyAnswer = { status: 'paid' } | { status: 'failed'; message: string }

export interface CheckoutOptions {
  /** PortOne merchant identification code (`IMP.init`). */
  impCode?: string
  /** PortOne channel key; preferred over `pg`. Never sent together with `pg`. */
  channelKey?: string
  /** `'naverpay'` (default) or `'naverpay.{partnerId}'`. */
  pg?: string
  cart?: Cart
  buyer?: Buyer
  /** Becomes `m_redirect_url`; required whenever the redirect path can be taken. */
  redirectUrl?: string
  mode?: Mode
  /** Naver Pay's minimum payment in won (default 10). */
  minAmount?: number
  locale?: Locale
  naver?: NaverOptions
  recurring?: RecurringOptions
  /** Order-number generator; must return a new value on every call. */
  merchantUid?: () => string
  /** The merchant server's check: POST JSON `{ imp_uid, merchant_uid }`, answers `{ status }`. */
  verifyUrl?: string
  /** Same meaning as `verifyUrl`, as a function. */
  verify?: (result: PaymentResult) => Promise<unknown>
  /** Milliseconds before a request to the merchant server (verification, order) counts as failed: a whole number
   *  from 1000 to 120000 (default 15000). */
  verifyTimeout?: number
  /**
   * The merchant server creates the order: the widget POSTs JSON `{ cart, customer_uid? }` (same-origin cookies)
   * ahead of the click and pays with the answer's `{ merchant_uid, amount }`. See docs/widget-orders.md.
   */
  orderUrl?: string
  /** Same meaning as `orderUrl`, as a function. */
  createOrder?: (cart: Cart, context: { customerUid: string | undefined }) => Promise<{ merchantUid: string; amount: number }>
  /** Default `https://cdn.iamport.kr/v1/iamport.js`. */
  sdkUrl?: string
  /** Milliseconds before the SDK load counts as failed: a whole number from 1000 to 120000 (default 15000). */
  sdkTimeout?: number
  onResult?: (result: CheckoutResult) => void
}

/** Facts about the browser, passed in so that core stays pure. */
export interface DeviceFacts {
  userAgent: string
  /** `navigator.maxTouchPoints` */
  maxTouchPoints?: number
  /** `navigator.userAgentData.mobile`, where the browser has it. */
  mobile?: boolean
  /** `matchMedia('(any-pointer: fine)').matches`: a mouse or touchpad, which tablets lack. */
  finePointer?: boolean
}

export interface BuildEnv {
  /** The current time (default: `Date.now()`). */
  now?: number | Date
  device?: DeviceFacts
  /** The page's URL, to resolve a relative `redirectUrl`. */
  pageUrl?: string
  /** Order numbers already sent to Naver Pay from this page: a `merchantUid()` that repeats one is an error. */
  usedMerchantUids?: ReadonlySet<string>
}

/** The object handed to `IMP.request_pay`. */
export interface NaverProduct {
  categoryType: string
  categoryId: string
  uid: string
  name: string
  count: number
  sellerId?: string
  payReferrer?: string
  startDate?: string
  endDate?: string
}

export interface RequestPayParams {
  pg?: string
  channelKey?: string
  merchant_uid: string
  name: string
  amount: number
  naverProducts: NaverProduct[]
  naverPopupMode: boolean
  m_redirect_url?: string
  buyer_name?: string
  buyer_email?: string
  buyer_tel?: string
  buyer_addr?: string
  buyer_postcode?: string
  naverUseCfm?: string
  naverPurchaserName?: string
  naverPurchaserBirthday?: string
  naverChainId?: string
  naverMerchantUserKey?: string
  naverCultureBenefit?: boolean
  customer_uid?: string
  naverProductCode?: string
  naverProductCount?: number
  naverActionType?: 'NEW' | 'CHANGE'
}

export type ErrorCode =
  | 'required'
  | 'type'
  | 'whole_number'
  | 'positive'
  | 'unsafe_number'
  | 'empty_cart'
  | 'format'
  | 'too_long'
  | 'control_chars'
  | 'invalid_date'
  | 'date_past'
  | 'date_order'
  | 'date_future'
  | 'min_amount'
  | 'order_amount'
  | 'both_pg_and_channel'
  | 'redirect_url'
  | 'redirect_query'
  | 'enum'
  | 'merchant_uid'
  | 'cart_json'
  | 'timeout'

/** One problem with the input: which field, what was expected. */
export interface ValidationError {
  /** Path of the field, e.g. `cart.items[1].count`. */
  field: string
  code: ErrorCode
  /** For the shop's developer: the field and what was expected, in English whatever the locale (the shopper reads
   *  `shopperMessage`). `min_amount` and `order_amount`, which a shopper can cause, are their shopper sentence. */
  message: string
  /** The sentence the widget shows the shopper, in the chosen locale: no field paths, no developer detail. */
  shopperMessage: string
}

export type BuildResult =
  | { ok: true; params: RequestPayParams; warnings: string[] }
  | { ok: false; errors: ValidationError[] }

/** The normalized outcome of the PG step (popup callback or redirect query). */
export interface PaymentResult {
  /** `success`: the PG reports no error (still to be verified by the merchant server);
   *  `failure`: `error_code` or `error_msg` present; `none`: the input holds no payment result. */
  status: 'success' | 'failure' | 'none'
  impUid: string | null
  merchantUid: string | null
  /** Set for billing-key registrations. */
  customerUid: string | null
  errorCode: string | null
  /** Exactly as the PG sent it. */
  errorMsg: string | null
}

/** What the widget reports through `onResult` and the `naverpay:result` event. */
export interface CheckoutResult extends PaymentResult {
  /** `paid`: the merchant server confirmed it; `rejected`: it said failed; `error`: the check could not be made;
   *  `unverified`: no verifyUrl/verify configured; `skipped`: nothing to verify (a PG failure). */
  verification: 'paid' | 'rejected' | 'error' | 'unverified' | 'skipped'
  /** The merchant server's message for `rejected`. */
  verificationMessage?: string
  /** Set when the landing page shows again an outcome it processed before (reload, back/forward): nothing was
   *  verified again. Skip one-time work such as conversion tracking. */
  replayed?: boolean
}
