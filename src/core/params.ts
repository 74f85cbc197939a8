import { Checker, isRecord, own, ownFields, safeText } from './check'
import { todayInSeoul } from './dates'
import { resolveMode } from './device'
import { errorTexts, formatWon } from './errors'
import type { BuildEnv, BuildResult, DeviceFacts, NaverProduct, RequestPayParams } from './types'

export const DEFAULT_MIN_AMOUNT = 10
const CODE = /^[A-Z0-9_]+$/ // Naver Pay's category and referrer codes
const CODE_HINT = 'uppercase letters, digits and _, e.g. BOOK, GENERAL, NAVER_BOOK'
const PG = /^naverpay(\.[A-Za-z0-9_-]+)?$/
const MODES = ['auto', 'popup', 'redirect'] as const

let attempt = 0

/** A new order number on every call: time, a per-page counter and randomness, so that retries and tabs never collide. */
export function defaultMerchantUid(now: number): string {
  attempt += 1
  const random = Math.random().toString(36).slice(2, 10)
  return `npay_${now.toString(36)}_${attempt.toString(36)}_${random}`
}

/**
 * Turns the shop's cart and options into the parameters of `IMP.request_pay`, or explains what is wrong.
 * Pure: the time and the device come in through `env`. Never throws, whatever it is given.
 */
export function buildRequestPayParams(cart: unknown, options?: unknown, env: BuildEnv = {}): BuildResult {
  try {
    return build(cart, options ?? {}, env)
  } catch (cause) {
    // Only hostile inputs get here (a getter or Proxy that throws): still an answer, not an exception.
    // What was thrown is described safely: it may itself be hostile (a null-prototype object, a throwing toString).
    const c = new Checker(errorTexts(undefined))
    c.fail('input', 'type', safeText(cause))
    return { ok: false, errors: c.errors }
  }
}

function build(cartInput: unknown, optionsInput: unknown, env: unknown): BuildResult {
  const opts = isRecord(optionsInput) ? ownFields(optionsInput) : {}
  const m = errorTexts(opts.locale as string | undefined)
  const c = new Checker(m)
  const warnings: string[] = []
  if (!isRecord(optionsInput)) c.fail('options', 'type', 'expected an object')
  // env, like everything the caller hands in, is read from its own properties: a planted pageUrl or device is not a fact.
  const givenNow = own(env, 'now')
  const now = givenNow === undefined ? Date.now() : Number(givenNow)
  const today = todayInSeoul(now)

  // ── cart ──────────────────────────────────────────────────────────────────────────────────
  const products: NaverProduct[] = []
  let amount = 0
  let firstName: string | undefined
  const cart = c.record(cartInput, 'cart', true)
  if (cart) {
    const items = cart.items
    if (!Array.isArray(items)) c.fail('cart.items', 'type', 'expected an array of items')
    else if (items.length === 0) c.fail('cart.items', 'empty_cart')
    else {
      for (let i = 0; i < items.length; i++) {
        const at = `cart.items[${i}]`
        const item = c.record(items[i], at, true)
        if (!item) continue
        const uid = c.text(item.uid, `${at}.uid`, { required: true })
        const name = c.text(item.name, `${at}.name`, { required: true, shown: true })
        const price = c.int(item.price, `${at}.price`, { required: true, min: 0 })
        const count = c.int(item.count, `${at}.count`, { required: true, min: 1 })
        const categoryType = c.text(item.categoryType, `${at}.categoryType`, { required: true, pattern: CODE, hint: CODE_HINT })
        const categoryId = c.text(item.categoryId, `${at}.categoryId`, { required: true, pattern: CODE, hint: CODE_HINT })
        const sellerId = c.text(item.sellerId, `${at}.sellerId`, { pattern: /^[A-Za-z0-9]+$/, hint: 'letters and digits only' })
        const payReferrer = c.text(item.payReferrer, `${at}.payReferrer`, { pattern: CODE, hint: CODE_HINT })
        const startDate = c.date(item.startDate, `${at}.startDate`)
        const endDate = c.date(item.endDate, `${at}.endDate`, { startDate })
        if (i === 0) firstName = name
        if (price !== undefined && count !== undefined) amount += price * count
        if (uid === undefined || name === undefined || count === undefined || categoryType === undefined || categoryId === undefined) continue
        // Exactly Naver's fields, in Naver's order; never the price, never an undefined value.
        const product: NaverProduct = { categoryType, categoryId, uid, name, count }
        if (sellerId !== undefined) product.sellerId = sellerId
        if (payReferrer !== undefined) product.payReferrer = payReferrer
        if (startDate !== undefined) product.startDate = startDate
        if (endDate !== undefined) product.endDate = endDate
        products.push(product)
      }
    }
    amount += c.int(cart.shippingFee, 'cart.shippingFee', { min: 0 }) ?? 0
  }
  // Each term is safe, the sum may not be: a total past 2^53 would silently round.
  if (!Number.isSafeInteger(amount)) c.fail('amount', 'unsafe_number', `at most ${Number.MAX_SAFE_INTEGER}`)

  // ── options ───────────────────────────────────────────────────────────────────────────────
  c.text(opts.impCode, 'impCode') // unset is allowed: the page may call IMP.init itself
  const pg = c.text(opts.pg, 'pg', { pattern: PG, hint: "'naverpay' or 'naverpay.{partnerId}'" })
  const channelKey = c.text(opts.channelKey, 'channelKey')
  if (pg !== undefined && channelKey !== undefined) c.fail('channelKey', 'both_pg_and_channel')
  const mode = c.oneOf(opts.mode, 'mode', MODES) ?? 'auto'
  c.oneOf(opts.locale, 'locale', ['ko', 'en'] as const)
  const minAmount = c.int(opts.minAmount, 'minAmount', { min: 1 }) ?? DEFAULT_MIN_AMOUNT
  c.ms(opts.verifyTimeout, 'verifyTimeout')
  c.ms(opts.sdkTimeout, 'sdkTimeout')

  const buyer = c.record(opts.buyer, 'buyer') ?? {}
  const buyerName = c.text(buyer.name, 'buyer.name', { shown: true })
  const buyerEmail = c.text(buyer.email, 'buyer.email', { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, hint: 'an e-mail address' })
  const buyerTel = c.text(buyer.tel, 'buyer.tel', { pattern: /^\+?[0-9][0-9 ()-]{6,}[0-9]$/, hint: 'digits and -, e.g. 010-1234-5678' })
  const buyerAddr = c.text(buyer.addr, 'buyer.addr', { shown: true })
  const buyerPostcode = c.text(buyer.postcode, 'buyer.postcode', { pattern: /^[0-9][0-9-]{2,9}$/, hint: 'digits and -, e.g. 06236' })

  const naver = c.record(opts.naver, 'naver') ?? {}
  const useCfm = c.date(naver.useCfm, 'naver.useCfm', { notBefore: today })
  const purchaserName = c.text(naver.purchaserName, 'naver.purchaserName', { shown: true })
  const purchaserBirthday = c.date(naver.purchaserBirthday, 'naver.purchaserBirthday', { notAfter: today })
  const chainId = c.text(naver.chainId, 'naver.chainId')
  const merchantUserKey = c.text(naver.merchantUserKey, 'naver.merchantUserKey')
  const cultureBenefit = c.bool(naver.cultureBenefit, 'naver.cultureBenefit')
  if (chainId !== undefined) warnings.push('naver.chainId (naverChainId): PortOne removed it from its docs in 2025; a channelKey covers it.')

  const recurringInput = c.record(opts.recurring, 'recurring')
  let recurring: Pick<RequestPayParams, 'customer_uid' | 'naverProductCode' | 'naverProductCount' | 'naverActionType'> | undefined
  if (recurringInput) {
    const customerUid = c.text(recurringInput.customerUid, 'recurring.customerUid', { required: m.why.customerUid })
    // PortOne's default product code is random, which lets the same shopper register the same product twice.
    const productCode = c.text(recurringInput.productCode, 'recurring.productCode', { required: m.why.productCode })
    // No default: when absent the parameter is left out and Naver Pay applies its own.
    const productCount = c.int(recurringInput.productCount, 'recurring.productCount', { min: 1 })
    const actionType = c.oneOf(recurringInput.actionType, 'recurring.actionType', ['NEW', 'CHANGE'] as const)
    if (buyerTel === undefined && !c.errors.some((e) => e.field === 'buyer.tel')) c.fail('buyer.tel', 'required', m.why.buyerTel)
    if (actionType !== undefined) warnings.push('recurring.actionType (naverActionType): PortOne marked it discontinued in 2026; still sent: check that your channel honours it.')
    recurring = { customer_uid: customerUid, naverProductCode: productCode, naverProductCount: productCount, naverActionType: actionType }
  }

  const device = own(env, 'device')
  const path = resolveMode(mode, isRecord(device) ? (device as unknown as DeviceFacts) : undefined)
  const pageUrl = own(env, 'pageUrl')
  const redirectUrl = resolveRedirectUrl(c, opts.redirectUrl, typeof pageUrl === 'string' ? pageUrl : undefined)
  if (path === 'redirect' && redirectUrl === undefined && !c.errors.some((e) => e.field === 'redirectUrl')) {
    c.fail('redirectUrl', 'required', 'this browser takes the redirect path (phone, tablet or in-app browser)')
  }

  let merchantUid: string | undefined
  if (opts.merchantUid === undefined || opts.merchantUid === null) merchantUid = defaultMerchantUid(now)
  else if (typeof opts.merchantUid !== 'function') c.fail('merchantUid', 'type', 'expected a function returning a string')
  else {
    let made: unknown
    let threw = false
    try {
      made = (opts.merchantUid as () => unknown)()
    } catch (cause) {
      threw = true
      c.fail('merchantUid', 'merchant_uid', `it threw: ${safeText(cause)}`)
    }
    // A generator returning undefined is an error too, not a silent `{ ok: false, errors: [] }`.
    if (!threw) merchantUid = c.text(made, 'merchantUid()', { required: true })
    // Every attempt needs its own order number: a retry under a used one is refused or mixed up with the first.
    const used = own(env, 'usedMerchantUids')
    if (merchantUid !== undefined && (used as ReadonlySet<string> | undefined)?.has?.(merchantUid)) {
      merchantUid = c.fail('merchantUid()', 'merchant_uid', `got ${JSON.stringify(merchantUid)} again`)
    }
  }

  // The minimum is the one error a shopper can cause (by the quantities chosen), so it is checked once the cart is sound.
  if (c.errors.length === 0 && amount < minAmount) {
    const message = m.minAmount(formatWon(minAmount), formatWon(amount))
    c.errors.push({ field: 'amount', code: 'min_amount', message, shopperMessage: message })
  }
  if (c.errors.length > 0 || merchantUid === undefined || firstName === undefined) return { ok: false, errors: c.errors }

  const params: RequestPayParams = {
    merchant_uid: merchantUid,
    // Naver Pay appends "외 N개" itself, so the order name is the first product's name.
    name: firstName,
    amount,
    naverProducts: products,
    naverPopupMode: path === 'popup',
  }
  if (channelKey !== undefined) params.channelKey = channelKey
  else params.pg = pg ?? 'naverpay'
  assignDefined(params, {
    m_redirect_url: redirectUrl,
    buyer_name: buyerName,
    buyer_email: buyerEmail,
    buyer_tel: buyerTel,
    buyer_addr: buyerAddr,
    buyer_postcode: buyerPostcode,
    naverUseCfm: useCfm,
    naverPurchaserName: purchaserName,
    naverPurchaserBirthday: purchaserBirthday,
    naverChainId: chainId,
    naverMerchantUserKey: merchantUserKey,
    naverCultureBenefit: cultureBenefit,
    ...recurring,
  })
  return { ok: true, params, warnings }
}

function assignDefined(target: RequestPayParams, source: Partial<RequestPayParams>): void {
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined) (target as unknown as Record<string, unknown>)[key] = value
  }
}

/**
 * `m_redirect_url`, absolute. PortOne's SDK appends its result to the URL's query without a separator once
 * that query holds an `&`, and a `#fragment` would swallow it: both are refused here rather than lost later.
 */
function resolveRedirectUrl(c: Checker, value: unknown, pageUrl: string | undefined): string | undefined {
  const text = c.text(value, 'redirectUrl')
  if (text === undefined) return undefined
  let url: URL
  try {
    url = pageUrl ? new URL(text, pageUrl) : new URL(text)
  } catch {
    return c.fail('redirectUrl', 'redirect_url', `got "${text}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return c.fail('redirectUrl', 'redirect_url', `got ${url.protocol}`)
  if (url.search.includes('&')) return c.fail('redirectUrl', 'redirect_query', `got "${url.search}"`)
  if (url.href.includes('#')) return c.fail('redirectUrl', 'redirect_url', 'without a #fragment') // an empty one too
  return url.href
}
