// The bad-input corpus: what shops' own code, pasted markup and the PG can hand the widget, and what must come
// out. Each case names its expectation: `'ok'`, or the field and code of the error it must produce. The runner is
// test/hardening/corpus.test.ts; it also checks that nothing throws, nothing reaches the SDK and no prototype changes.
import type { ErrorCode, PaymentResult } from '../../src/core'

/** 2026-03-01 12:00 in Seoul, so "today" is 20260301 whatever the machine's zone. */
export const NOW = Date.UTC(2026, 2, 1, 3, 0, 0)
export const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'
export const PAGE_URL = 'https://shop.example.com/cart'

export type Expect = 'ok' | { field: string; code: ErrorCode }

export interface BuildCase {
  name: string
  cart: unknown
  options?: unknown
  expect: Expect
}
export interface AttributesCase {
  name: string
  /** A script tag's dataset; the cart is the valid one unless `cartJson` is given. */
  dataset: Record<string, string | undefined>
  cartJson?: string
  expect: Expect
}
export interface ResultCase {
  name: string
  input: unknown
  expect: Partial<PaymentResult> & Pick<PaymentResult, 'status'>
}

type Item = Record<string, unknown>
export const item = (over: Item = {}): Item => ({
  uid: '107922211',
  name: '한국사',
  price: 1500,
  count: 10,
  categoryType: 'BOOK',
  categoryId: 'GENERAL',
  ...over,
})
const cart = (...items: Item[]) => ({ items })
const one = (over: Item) => cart(item(over))
const err = (field: string, code: ErrorCode): Expect => ({ field, code })
const at = (key: string) => `cart.items[0].${key}`

const LONG = 'ㄱ'.repeat(501)
const MAX = 'a'.repeat(500)
const HOSTILE = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '"><svg onload=window.__pwned=1>', "javascript:window.__pwned=1//'"]
const EMOJI = '👩‍👩‍👧‍👦 선물 세트 🎁'
/** A getter that throws: what a hostile or buggy cart object can do. */
const throwing = (key: string): Item => Object.defineProperty(item(), key, { get: () => { throw new Error('boom') }, enumerable: true })
/** Ordered like a real cart, each line 1,000 won × 1. */
export const BIG_CART = { items: Array.from({ length: 10_000 }, (_, i) => item({ uid: `U${i}`, name: `상품 ${i}`, price: 1000, count: 1 })) }

// ── cart ──────────────────────────────────────────────────────────────────────────────────────────────
const cartShape: BuildCase[] = [
  { name: 'cart undefined', cart: undefined, expect: err('cart', 'required') },
  { name: 'cart null', cart: null, expect: err('cart', 'required') },
  { name: 'cart is a string', cart: '{"items":[]}', expect: err('cart', 'type') },
  { name: 'cart is a number', cart: 42, expect: err('cart', 'type') },
  { name: 'cart is NaN', cart: NaN, expect: err('cart', 'type') },
  { name: 'cart is true', cart: true, expect: err('cart', 'type') },
  { name: 'cart is an array of items', cart: [item()], expect: err('cart', 'type') },
  { name: 'cart is a function', cart: () => cart(item()), expect: err('cart', 'type') },
  { name: 'cart is a symbol', cart: Symbol('cart'), expect: err('cart', 'type') },
  { name: 'cart is a bigint', cart: 10n, expect: err('cart', 'type') },
  { name: 'cart without items', cart: {}, expect: err('cart.items', 'type') },
  { name: 'items is a string', cart: { items: 'item' }, expect: err('cart.items', 'type') },
  { name: 'items is an object with length', cart: { items: { length: 1, 0: item() } }, expect: err('cart.items', 'type') },
  { name: 'items is a Set', cart: { items: new Set([item()]) }, expect: err('cart.items', 'type') },
  { name: 'empty cart', cart: { items: [] }, expect: err('cart.items', 'empty_cart') },
  { name: 'item null', cart: { items: [null] }, expect: err('cart.items[0]', 'required') },
  { name: 'item is a number', cart: { items: [1] }, expect: err('cart.items[0]', 'type') },
  { name: 'item is a string', cart: { items: ['107922211'] }, expect: err('cart.items[0]', 'type') },
  { name: 'item is an array', cart: { items: [[item()]] }, expect: err('cart.items[0]', 'type') },
  { name: 'sparse items (a hole)', cart: { items: [item(), , item()] }, expect: err('cart.items[1]', 'required') },
  { name: 'second item broken, first fine', cart: cart(item(), item({ count: 0 })), expect: err('cart.items[1].count', 'positive') },
  { name: 'Date as cart', cart: new Date(0), expect: err('cart.items', 'type') },
  { name: 'Map as cart', cart: new Map([['items', [item()]]]), expect: err('cart.items', 'type') },
  { name: 'object without prototype', cart: Object.assign(Object.create(null), { items: [Object.assign(Object.create(null), item())] }), expect: 'ok' },
  { name: 'class instance item', cart: { items: [new (class { uid = '1'; name = 'n'; price = 100; count = 1; categoryType = 'BOOK'; categoryId = 'GENERAL' })()] }, expect: 'ok' },
  { name: 'frozen cart', cart: Object.freeze({ items: Object.freeze([Object.freeze(item())]) }), expect: 'ok' },
  { name: 'getter throws on price', cart: { items: [throwing('price')] }, expect: err('input', 'type') },
  { name: 'getter throws on items', cart: Object.defineProperty({}, 'items', { get: () => { throw new Error('boom') } }), expect: err('input', 'type') },
  { name: 'Proxy that throws on every read', cart: new Proxy({}, { get: () => { throw new Error('trap') } }), expect: err('input', 'type') },
  { name: 'revoked Proxy as cart', cart: (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })(), expect: err('input', 'type') },
  { name: '10,000-item cart', cart: BIG_CART, expect: 'ok' },
]

const amounts: BuildCase[] = [
  { name: 'price as numeric string', cart: one({ price: '1500' }), expect: err(at('price'), 'whole_number') },
  { name: 'price as string with comma', cart: one({ price: '1,500' }), expect: err(at('price'), 'whole_number') },
  { name: 'price NaN', cart: one({ price: NaN }), expect: err(at('price'), 'whole_number') },
  { name: 'price Infinity', cart: one({ price: Infinity }), expect: err(at('price'), 'whole_number') },
  { name: 'price -Infinity', cart: one({ price: -Infinity }), expect: err(at('price'), 'whole_number') },
  { name: 'price negative', cart: one({ price: -1500 }), expect: err(at('price'), 'whole_number') },
  { name: 'price fractional', cart: one({ price: 1500.5 }), expect: err(at('price'), 'whole_number') },
  { name: 'price 0.1 + 0.2', cart: one({ price: 0.1 + 0.2 }), expect: err(at('price'), 'whole_number') },
  { name: 'price beyond MAX_SAFE_INTEGER', cart: one({ price: 2 ** 53, count: 1 }), expect: err(at('price'), 'unsafe_number') },
  { name: 'price 1e21', cart: one({ price: 1e21, count: 1 }), expect: err(at('price'), 'unsafe_number') },
  { name: 'price as bigint', cart: one({ price: 1500n }), expect: err(at('price'), 'whole_number') },
  { name: 'price as boolean', cart: one({ price: true }), expect: err(at('price'), 'whole_number') },
  { name: 'price as Number object', cart: one({ price: Object(1500) }), expect: err(at('price'), 'whole_number') },
  { name: 'price as array', cart: one({ price: [1500] }), expect: err(at('price'), 'whole_number') },
  { name: 'price as object with valueOf', cart: one({ price: { valueOf: () => 1500 } }), expect: err(at('price'), 'whole_number') },
  { name: 'price missing', cart: one({ price: undefined }), expect: err(at('price'), 'required') },
  { name: 'price null', cart: one({ price: null }), expect: err(at('price'), 'required') },
  { name: 'price -0 in a cart that still reaches the minimum', cart: cart(item({ price: -0 }), item({ uid: '2' })), expect: 'ok' },
  { name: 'price 0 only (free item) is under the minimum', cart: one({ price: 0 }), expect: err('amount', 'min_amount') },
  { name: 'count numeric string', cart: one({ count: '2' }), expect: err(at('count'), 'positive') },
  { name: 'count 0', cart: one({ count: 0 }), expect: err(at('count'), 'positive') },
  { name: 'count negative', cart: one({ count: -1 }), expect: err(at('count'), 'positive') },
  { name: 'count fractional', cart: one({ count: 1.5 }), expect: err(at('count'), 'positive') },
  { name: 'count NaN', cart: one({ count: NaN }), expect: err(at('count'), 'positive') },
  { name: 'count Infinity', cart: one({ count: Infinity }), expect: err(at('count'), 'positive') },
  { name: 'count beyond MAX_SAFE_INTEGER', cart: one({ count: Number.MAX_VALUE }), expect: err(at('count'), 'unsafe_number') },
  { name: 'count missing', cart: one({ count: undefined }), expect: err(at('count'), 'required') },
  { name: 'total beyond MAX_SAFE_INTEGER (price × count)', cart: one({ price: 2 ** 40, count: 2 ** 20 }), expect: err('amount', 'unsafe_number') },
  { name: 'total beyond MAX_SAFE_INTEGER (sum of lines)', cart: cart(item({ price: Number.MAX_SAFE_INTEGER, count: 1 }), item({ uid: '2', price: 1, count: 1 })), expect: err('amount', 'unsafe_number') },
  { name: 'total exactly MAX_SAFE_INTEGER', cart: one({ price: Number.MAX_SAFE_INTEGER, count: 1 }), expect: 'ok' },
  { name: 'total beyond via shipping', cart: { items: [item({ price: Number.MAX_SAFE_INTEGER, count: 1 })], shippingFee: 1 }, expect: err('amount', 'unsafe_number') },
  { name: 'shippingFee numeric string', cart: { items: [item()], shippingFee: '3000' }, expect: err('cart.shippingFee', 'whole_number') },
  { name: 'shippingFee negative', cart: { items: [item()], shippingFee: -3000 }, expect: err('cart.shippingFee', 'whole_number') },
  { name: 'shippingFee fractional', cart: { items: [item()], shippingFee: 2500.5 }, expect: err('cart.shippingFee', 'whole_number') },
  { name: 'shippingFee NaN', cart: { items: [item()], shippingFee: NaN }, expect: err('cart.shippingFee', 'whole_number') },
  { name: 'shippingFee null is no shipping', cart: { items: [item()], shippingFee: null }, expect: 'ok' },
  { name: 'shippingFee 0', cart: { items: [item()], shippingFee: 0 }, expect: 'ok' },
  { name: 'amount 9 under the default minimum 10', cart: one({ price: 9, count: 1 }), expect: err('amount', 'min_amount') },
  { name: 'amount exactly the minimum', cart: one({ price: 10, count: 1 }), expect: 'ok' },
  { name: 'free items lifted over the minimum by shipping', cart: { items: [item({ price: 0 })], shippingFee: 3000 }, expect: 'ok' },
]

const strings: BuildCase[] = [
  { name: 'uid missing', cart: one({ uid: undefined }), expect: err(at('uid'), 'required') },
  { name: 'uid empty', cart: one({ uid: '' }), expect: err(at('uid'), 'required') },
  { name: 'uid whitespace only', cart: one({ uid: '   \t ' }), expect: err(at('uid'), 'required') },
  { name: 'uid as number', cart: one({ uid: 107922211 }), expect: err(at('uid'), 'type') },
  { name: 'uid as object', cart: one({ uid: { toString: () => '1' } }), expect: err(at('uid'), 'type') },
  { name: 'name missing', cart: one({ name: undefined }), expect: err(at('name'), 'required') },
  { name: 'name spaces only', cart: one({ name: '    ' }), expect: err(at('name'), 'required') },
  { name: 'name as number', cart: one({ name: 123 }), expect: err(at('name'), 'type') },
  { name: 'name as String object', cart: one({ name: Object('한국사') }), expect: err(at('name'), 'type') },
  { name: 'name with NUL', cart: one({ name: '한국\u0000사' }), expect: err(at('name'), 'control_chars') },
  { name: 'name with newline', cart: one({ name: '한국사\n2권' }), expect: err(at('name'), 'control_chars') },
  { name: 'name with carriage return', cart: one({ name: '한국사\r' }), expect: err(at('name'), 'control_chars') },
  { name: 'name with escape sequence', cart: one({ name: '\u001b[31m한국사' }), expect: err(at('name'), 'control_chars') },
  { name: 'name with DEL', cart: one({ name: '한국사\u007F' }), expect: err(at('name'), 'control_chars') },
  { name: 'name with C1 NEL', cart: one({ name: '한국사\u0085' }), expect: err(at('name'), 'control_chars') },
  { name: 'name with C1 CSI', cart: one({ name: '\u009B31m한국사' }), expect: err(at('name'), 'control_chars') },
  { name: 'name 501 characters', cart: one({ name: LONG }), expect: err(at('name'), 'too_long') },
  { name: 'name 500 characters', cart: one({ name: MAX }), expect: 'ok' },
  { name: 'name 1 MB', cart: one({ name: 'x'.repeat(1 << 20) }), expect: err(at('name'), 'too_long') },
  { name: 'name with emoji (ZWJ sequence)', cart: one({ name: EMOJI }), expect: 'ok' },
  { name: 'name of emoji only', cart: one({ name: '🎁' }), expect: 'ok' },
  { name: 'name with a lone surrogate', cart: one({ name: '한국사\uD800' }), expect: 'ok' },
  { name: 'name with right-to-left override', cart: one({ name: '\u202Egpj.exe' }), expect: 'ok' },
  { name: 'name with zero-width joiner only around text', cart: one({ name: '\u200B한국사\u200B' }), expect: 'ok' },
  ...HOSTILE.map((name, i): BuildCase => ({ name: `hostile name ${i + 1} passes as data`, cart: one({ name }), expect: 'ok' })),
  { name: 'name "__proto__"', cart: one({ name: '__proto__' }), expect: 'ok' },
  { name: 'categoryType lowercase', cart: one({ categoryType: 'book' }), expect: err(at('categoryType'), 'format') },
  { name: 'categoryType with space', cart: one({ categoryType: 'BOOK ' }), expect: err(at('categoryType'), 'format') },
  { name: 'categoryType with markup', cart: one({ categoryType: '<BOOK>' }), expect: err(at('categoryType'), 'format') },
  { name: 'categoryType missing', cart: one({ categoryType: undefined }), expect: err(at('categoryType'), 'required') },
  { name: 'categoryId as number', cart: one({ categoryId: 1 }), expect: err(at('categoryId'), 'type') },
  { name: 'categoryId with Hangul', cart: one({ categoryId: '일반' }), expect: err(at('categoryId'), 'format') },
  { name: 'sellerId with dash', cart: one({ sellerId: 'seller-1' }), expect: err(at('sellerId'), 'format') },
  { name: 'sellerId with emoji', cart: one({ sellerId: 'seller🎁' }), expect: err(at('sellerId'), 'format') },
  { name: 'sellerId empty is absent', cart: one({ sellerId: '' }), expect: 'ok' },
  { name: 'payReferrer lowercase', cart: one({ payReferrer: 'naver_book' }), expect: err(at('payReferrer'), 'format') },
  { name: 'payReferrer as boolean', cart: one({ payReferrer: true }), expect: err(at('payReferrer'), 'type') },
]

const dates: BuildCase[] = [
  { name: 'startDate Feb 30', cart: one({ startDate: '20260230' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate month 13', cart: one({ startDate: '20261301' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate day 00', cart: one({ startDate: '20260300' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate Feb 29 in a common year', cart: one({ startDate: '20270229' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate Feb 29 in a leap year', cart: one({ startDate: '20280229' }), expect: 'ok' },
  { name: 'startDate with dashes', cart: one({ startDate: '2026-03-01' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate as number', cart: one({ startDate: 20260301 }), expect: err(at('startDate'), 'type') },
  { name: 'startDate as Date', cart: one({ startDate: new Date(NOW) }), expect: err(at('startDate'), 'type') },
  { name: 'startDate year 0000', cart: one({ startDate: '00000101' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate 9 digits', cart: one({ startDate: '202603011' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'startDate full-width digits', cart: one({ startDate: '２０２６０３０１' }), expect: err(at('startDate'), 'invalid_date') },
  { name: 'endDate before startDate', cart: one({ startDate: '20260310', endDate: '20260309' }), expect: err(at('endDate'), 'date_order') },
  { name: 'endDate Apr 31', cart: one({ endDate: '20260431' }), expect: err(at('endDate'), 'invalid_date') },
  { name: 'useCfm yesterday (Seoul)', cart: cart(item()), options: { naver: { useCfm: '20260228' } }, expect: err('naver.useCfm', 'date_past') },
  { name: 'useCfm today (Seoul)', cart: cart(item()), options: { naver: { useCfm: '20260301' } }, expect: 'ok' },
  { name: 'useCfm impossible', cart: cart(item()), options: { naver: { useCfm: '20261232' } }, expect: err('naver.useCfm', 'invalid_date') },
  { name: 'purchaserBirthday tomorrow', cart: cart(item()), options: { naver: { purchaserBirthday: '20260302' } }, expect: err('naver.purchaserBirthday', 'date_future') },
  { name: 'purchaserBirthday Feb 31', cart: cart(item()), options: { naver: { purchaserBirthday: '19900231' } }, expect: err('naver.purchaserBirthday', 'invalid_date') },
  { name: 'purchaserBirthday before 1900', cart: cart(item()), options: { naver: { purchaserBirthday: '18991231' } }, expect: err('naver.purchaserBirthday', 'invalid_date') },
]

const options: BuildCase[] = [
  { name: 'options a string', cart: cart(item()), options: 'imp00000000', expect: err('options', 'type') },
  { name: 'options an array', cart: cart(item()), options: [], expect: err('options', 'type') },
  { name: 'options a number', cart: cart(item()), options: 1, expect: err('options', 'type') },
  { name: 'options null is no options', cart: cart(item()), options: null, expect: 'ok' },
  { name: 'options Proxy that throws', cart: cart(item()), options: new Proxy({}, { get: () => { throw new Error('trap') } }), expect: err('input', 'type') },
  { name: 'pg unknown', cart: cart(item()), options: { pg: 'kcp' }, expect: err('pg', 'format') },
  { name: 'pg with empty partner', cart: cart(item()), options: { pg: 'naverpay.' }, expect: err('pg', 'format') },
  { name: 'pg with markup', cart: cart(item()), options: { pg: 'naverpay.<x>' }, expect: err('pg', 'format') },
  { name: 'pg as array', cart: cart(item()), options: { pg: ['naverpay'] }, expect: err('pg', 'type') },
  { name: 'pg and channelKey together', cart: cart(item()), options: { pg: 'naverpay', channelKey: 'ch' }, expect: err('channelKey', 'both_pg_and_channel') },
  { name: 'channelKey with control char', cart: cart(item()), options: { channelKey: 'ch\u0000' }, expect: err('channelKey', 'control_chars') },
  { name: 'mode uppercase', cart: cart(item()), options: { mode: 'POPUP' }, expect: err('mode', 'enum') },
  { name: 'mode as boolean', cart: cart(item()), options: { mode: true }, expect: err('mode', 'enum') },
  { name: 'locale unknown', cart: cart(item()), options: { locale: 'ja' }, expect: err('locale', 'enum') },
  { name: 'minAmount 0', cart: cart(item()), options: { minAmount: 0 }, expect: err('minAmount', 'positive') },
  { name: 'minAmount numeric string', cart: cart(item()), options: { minAmount: '100' }, expect: err('minAmount', 'positive') },
  { name: 'minAmount NaN', cart: cart(item()), options: { minAmount: NaN }, expect: err('minAmount', 'positive') },
  { name: 'minAmount above the cart total', cart: cart(item()), options: { minAmount: 1_000_000 }, expect: err('amount', 'min_amount') },
  { name: 'buyer is a string', cart: cart(item()), options: { buyer: '홍길동' }, expect: err('buyer', 'type') },
  { name: 'buyer email without @', cart: cart(item()), options: { buyer: { email: 'hong.example.com' } }, expect: err('buyer.email', 'format') },
  { name: 'buyer email with markup', cart: cart(item()), options: { buyer: { email: '<img src=x onerror=alert(1)>@x.kr' } }, expect: err('buyer.email', 'format') },
  { name: 'buyer email with header injection', cart: cart(item()), options: { buyer: { email: 'a@b.kr\r\nBcc: c@d.kr' } }, expect: err('buyer.email', 'control_chars') },
  { name: 'buyer tel letters', cart: cart(item()), options: { buyer: { tel: 'call me' } }, expect: err('buyer.tel', 'format') },
  { name: 'buyer tel as number', cart: cart(item()), options: { buyer: { tel: 1012345678 } }, expect: err('buyer.tel', 'type') },
  { name: 'buyer postcode letters', cart: cart(item()), options: { buyer: { postcode: 'SW1A 1AA' } }, expect: err('buyer.postcode', 'format') },
  { name: 'buyer name 501 characters', cart: cart(item()), options: { buyer: { name: LONG } }, expect: err('buyer.name', 'too_long') },
  { name: 'buyer name with hostile markup passes as data', cart: cart(item()), options: { buyer: { name: HOSTILE[0], addr: HOSTILE[2] } }, expect: 'ok' },
  { name: 'buyer name with emoji', cart: cart(item()), options: { buyer: { name: '홍길동 🙂' } }, expect: 'ok' },
  { name: 'naver is an array', cart: cart(item()), options: { naver: [] }, expect: err('naver', 'type') },
  { name: 'cultureBenefit as string', cart: cart(item()), options: { naver: { cultureBenefit: 'true' } }, expect: err('naver.cultureBenefit', 'type') },
  { name: 'recurring without customerUid', cart: cart(item()), options: { recurring: { productCode: 'P' }, buyer: { tel: '010-1234-5678' } }, expect: err('recurring.customerUid', 'required') },
  { name: 'recurring without productCode', cart: cart(item()), options: { recurring: { customerUid: 'c' }, buyer: { tel: '010-1234-5678' } }, expect: err('recurring.productCode', 'required') },
  { name: 'recurring without buyer tel', cart: cart(item()), options: { recurring: { customerUid: 'c', productCode: 'P' } }, expect: err('buyer.tel', 'required') },
  { name: 'recurring actionType lowercase', cart: cart(item()), options: { recurring: { customerUid: 'c', productCode: 'P', actionType: 'new' }, buyer: { tel: '010-1234-5678' } }, expect: err('recurring.actionType', 'enum') },
  { name: 'recurring productCount 0', cart: cart(item()), options: { recurring: { customerUid: 'c', productCode: 'P', productCount: 0 }, buyer: { tel: '010-1234-5678' } }, expect: err('recurring.productCount', 'positive') },
  { name: 'redirectUrl javascript:', cart: cart(item()), options: { redirectUrl: 'javascript:alert(1)' }, expect: err('redirectUrl', 'redirect_url') },
  { name: 'redirectUrl JaVaScRiPt: with tab', cart: cart(item()), options: { redirectUrl: 'java\tscript:alert(1)' }, expect: err('redirectUrl', 'control_chars') },
  { name: 'redirectUrl data:', cart: cart(item()), options: { redirectUrl: 'data:text/html,<script>alert(1)</script>' }, expect: err('redirectUrl', 'redirect_url') },
  { name: 'redirectUrl ftp:', cart: cart(item()), options: { redirectUrl: 'ftp://shop.example.com/landing' }, expect: err('redirectUrl', 'redirect_url') },
  { name: 'redirectUrl with two query parameters', cart: cart(item()), options: { redirectUrl: 'https://shop.example.com/landing?a=1&b=2' }, expect: err('redirectUrl', 'redirect_query') },
  { name: 'redirectUrl with fragment', cart: cart(item()), options: { redirectUrl: 'https://shop.example.com/landing#done' }, expect: err('redirectUrl', 'redirect_url') },
  { name: 'redirectUrl unparsable', cart: cart(item()), options: { redirectUrl: 'http://[::1' }, expect: err('redirectUrl', 'redirect_url') },
  { name: 'redirectUrl relative resolves against the page', cart: cart(item()), options: { redirectUrl: '/pay/landing?from=cart' }, expect: 'ok' },
  { name: 'redirect mode without redirectUrl', cart: cart(item()), options: { mode: 'redirect' }, expect: err('redirectUrl', 'required') },
  { name: 'merchantUid a string', cart: cart(item()), options: { merchantUid: 'order-1' }, expect: err('merchantUid', 'type') },
  { name: 'merchantUid throws', cart: cart(item()), options: { merchantUid: () => { throw new Error('db down') } }, expect: err('merchantUid', 'merchant_uid') },
  { name: 'merchantUid returns a number', cart: cart(item()), options: { merchantUid: () => 42 }, expect: err('merchantUid()', 'type') },
  { name: 'merchantUid returns empty', cart: cart(item()), options: { merchantUid: () => '' }, expect: err('merchantUid()', 'required') },
  { name: 'merchantUid returns a Promise', cart: cart(item()), options: { merchantUid: async () => 'order-1' }, expect: err('merchantUid()', 'type') },
  { name: 'merchantUid returns a newline', cart: cart(item()), options: { merchantUid: () => 'order\n1' }, expect: err('merchantUid()', 'control_chars') },
]

// `__proto__` / `constructor` / `prototype` keys, as object literals (which set the prototype!) and through JSON.parse
// (which makes them own properties). Neither may change Object.prototype nor smuggle in a field.
const protoKeys: BuildCase[] = [
  { name: 'JSON "__proto__" in cart', cart: JSON.parse(`{"__proto__":{"polluted":1},"items":[${JSON.stringify(item())}]}`), expect: 'ok' },
  { name: 'JSON "__proto__" in item hides nothing', cart: JSON.parse('{"items":[{"__proto__":{"price":1500},"uid":"1","name":"n","count":1,"categoryType":"BOOK","categoryId":"GENERAL"}]}'), expect: err(at('price'), 'required') },
  { name: 'JSON "constructor" in item', cart: JSON.parse(`{"items":[${JSON.stringify(item({ constructor: { prototype: { polluted: 1 } } }))}]}`), expect: 'ok' },
  { name: 'JSON "__proto__" in options', cart: cart(item()), options: JSON.parse('{"__proto__":{"polluted":1,"mode":"sideways"}}'), expect: 'ok' },
  { name: 'JSON "__proto__" in buyer', cart: cart(item()), options: JSON.parse('{"buyer":{"__proto__":{"polluted":1},"name":"홍길동"}}'), expect: 'ok' },
  { name: 'JSON "__proto__" in naver', cart: cart(item()), options: JSON.parse('{"naver":{"__proto__":{"useCfm":"19990101"}}}'), expect: 'ok' },
  { name: 'JSON "constructor.prototype" in options', cart: cart(item()), options: JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'), expect: 'ok' },
  { name: '"prototype" key in cart', cart: { prototype: { polluted: 1 }, items: [item()] }, expect: 'ok' },
  { name: 'items with a "__proto__" own key', cart: { items: Object.defineProperty([item()], '__proto__', { value: { polluted: 1 }, enumerable: true }) }, expect: 'ok' },
  { name: 'literal __proto__ item: inherited fields still validated', cart: { items: [{ __proto__: { price: 1e21 }, uid: '1', name: 'n', count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }] }, expect: err(at('price'), 'unsafe_number') },
  { name: 'uid "__proto__"', cart: one({ uid: '__proto__' }), expect: 'ok' },
  { name: 'uid "constructor"', cart: one({ uid: 'constructor' }), expect: 'ok' },
  { name: 'item with toString/valueOf overrides', cart: one({ toString: () => { throw new Error('no') }, valueOf: () => { throw new Error('no') } }), expect: 'ok' },
  { name: 'price with Symbol.toPrimitive', cart: one({ price: { [Symbol.toPrimitive]: () => { throw new Error('no') } } }), expect: err(at('price'), 'whole_number') },
]

export const buildCases: BuildCase[] = [...cartShape, ...amounts, ...strings, ...dates, ...options, ...protoKeys]

// ── script-tag attributes (dataset) and the cart's JSON ────────────────────────────────────────────────
export const VALID_CART_JSON = JSON.stringify({ items: [item()] })

export const attributeCases: AttributesCase[] = [
  { name: 'nothing but the code', dataset: { impCode: 'imp00000000' }, expect: 'ok' },
  { name: 'data-min-amount letters', dataset: { minAmount: 'ten' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount negative', dataset: { minAmount: '-10' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount 0', dataset: { minAmount: '0' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount fractional', dataset: { minAmount: '10.5' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount exponent', dataset: { minAmount: '1e3' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount hex', dataset: { minAmount: '0x10' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount NaN', dataset: { minAmount: 'NaN' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount Infinity', dataset: { minAmount: 'Infinity' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount 21 digits', dataset: { minAmount: '999999999999999999999' }, expect: err('data-min-amount', 'unsafe_number') },
  { name: 'data-min-amount full-width digits', dataset: { minAmount: '１００' }, expect: err('data-min-amount', 'positive') },
  { name: 'data-min-amount padded', dataset: { minAmount: '  100 ' }, expect: 'ok' },
  { name: 'data-min-amount above the total', dataset: { minAmount: '100000' }, expect: err('amount', 'min_amount') },
  { name: 'data-sdk-timeout letters', dataset: { sdkTimeout: 'soon' }, expect: err('data-sdk-timeout', 'positive') },
  { name: 'data-verify-timeout negative', dataset: { verifyTimeout: '-1' }, expect: err('data-verify-timeout', 'positive') },
  { name: 'data-naver-culture-benefit yes', dataset: { naverCultureBenefit: 'yes' }, expect: err('data-naver-culture-benefit', 'enum') },
  { name: 'data-naver-culture-benefit TRUE', dataset: { naverCultureBenefit: 'TRUE' }, expect: err('data-naver-culture-benefit', 'enum') },
  { name: 'data-naver-culture-benefit false', dataset: { naverCultureBenefit: 'false' }, expect: 'ok' },
  { name: 'data-mode unknown', dataset: { mode: 'sideways' }, expect: err('mode', 'enum') },
  { name: 'data-locale unknown', dataset: { locale: 'kr' }, expect: err('locale', 'enum') },
  { name: 'data-pg and data-channel-key', dataset: { pg: 'naverpay', channelKey: 'ch' }, expect: err('channelKey', 'both_pg_and_channel') },
  { name: 'data-redirect-url javascript:', dataset: { redirectUrl: 'javascript:alert(document.domain)' }, expect: err('redirectUrl', 'redirect_url') },
  { name: 'data-redirect-url with two parameters', dataset: { redirectUrl: '/landing?a=1&b=2' }, expect: err('redirectUrl', 'redirect_query') },
  { name: 'data-buyer-email hostile', dataset: { buyerEmail: '"><svg onload=alert(1)>' }, expect: err('buyer.email', 'format') },
  { name: 'data-buyer-name with NUL', dataset: { buyerName: '홍\u0000길동' }, expect: err('buyer.name', 'control_chars') },
  { name: 'data-buyer-name hostile passes as data', dataset: { buyerName: HOSTILE[1] }, expect: 'ok' },
  { name: 'data-buyer-tel padded with newlines', dataset: { buyerTel: '\n010-1234-5678\n' }, expect: 'ok' },
  { name: 'data-naver-use-cfm impossible', dataset: { naverUseCfm: '20260229' }, expect: err('naver.useCfm', 'invalid_date') },
  { name: 'data-naver-purchaser-birthday in the future', dataset: { naverPurchaserBirthday: '20991231' }, expect: err('naver.purchaserBirthday', 'date_future') },
  { name: 'data-recurring-product-count letters', dataset: { recurringProductCount: 'two' }, expect: err('data-recurring-product-count', 'positive') },
  { name: 'data-recurring-customer-uid alone', dataset: { recurringCustomerUid: 'c1', buyerTel: '010-1234-5678' }, expect: err('recurring.productCode', 'required') },
  { name: 'data-recurring-action-type lowercase', dataset: { recurringCustomerUid: 'c', recurringProductCode: 'P', recurringActionType: 'change', buyerTel: '010-1234-5678' }, expect: err('recurring.actionType', 'enum') },
  { name: 'dataset with inherited impCode ignored', dataset: Object.create({ mode: 'sideways' }), expect: 'ok' },
  { name: 'dataset with JSON "__proto__"', dataset: JSON.parse('{"__proto__":{"minAmount":"abc","polluted":"1"}}'), expect: 'ok' },
  { name: 'dataset key "constructor"', dataset: { constructor: 'x' } as Record<string, string>, expect: 'ok' },
  { name: 'dataset value undefined', dataset: { impCode: undefined, minAmount: undefined }, expect: 'ok' },
  { name: 'dataset values of whitespace', dataset: { minAmount: '   ', mode: ' ' }, expect: 'ok' },
  // The cart script tag's JSON.
  { name: 'cart JSON empty', dataset: {}, cartJson: '', expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON whitespace', dataset: {}, cartJson: '\n   \n', expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON truncated', dataset: {}, cartJson: VALID_CART_JSON.slice(0, -3), expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON single quotes', dataset: {}, cartJson: "{'items':[]}", expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON trailing comma', dataset: {}, cartJson: '{"items":[1,]}', expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON comment', dataset: {}, cartJson: '{"items":[] /* todo */}', expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON unquoted keys', dataset: {}, cartJson: '{items:[]}', expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON NaN literal', dataset: {}, cartJson: '{"items":[{"price":NaN}]}', expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON with BOM', dataset: {}, cartJson: '\uFEFF' + VALID_CART_JSON, expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON HTML comment wrapper', dataset: {}, cartJson: `<!-- ${VALID_CART_JSON} -->`, expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON is JS, not JSON', dataset: {}, cartJson: `window.cart = ${VALID_CART_JSON}`, expect: err('data-cart', 'cart_json') },
  { name: 'cart JSON padded with whitespace', dataset: {}, cartJson: `\n  ${VALID_CART_JSON}\n  `, expect: 'ok' },
  { name: 'cart JSON null', dataset: {}, cartJson: 'null', expect: err('cart', 'required') },
  { name: 'cart JSON array', dataset: {}, cartJson: '[]', expect: err('cart', 'type') },
  { name: 'cart JSON string', dataset: {}, cartJson: '"cart"', expect: err('cart', 'type') },
  { name: 'cart JSON empty object', dataset: {}, cartJson: '{}', expect: err('cart.items', 'type') },
  { name: 'cart JSON empty items', dataset: {}, cartJson: '{"items":[]}', expect: err('cart.items', 'empty_cart') },
  { name: 'cart JSON price 1e400 (Infinity)', dataset: {}, cartJson: JSON.stringify({ items: [item()] }).replace('"price":1500', '"price":1e400'), expect: err(at('price'), 'whole_number') },
  { name: 'cart JSON price 2^53+1 (rounds)', dataset: {}, cartJson: JSON.stringify({ items: [item()] }).replace('"price":1500', '"price":9007199254740993'), expect: err(at('price'), 'unsafe_number') },
  { name: 'cart JSON price "1500"', dataset: {}, cartJson: JSON.stringify({ items: [item({ price: '1500' })] }), expect: err(at('price'), 'whole_number') },
  { name: 'cart JSON price 1500.0 is whole', dataset: {}, cartJson: JSON.stringify({ items: [item()] }).replace('"price":1500', '"price":1500.0'), expect: 'ok' },
  { name: 'cart JSON escaped control char in name', dataset: {}, cartJson: JSON.stringify({ items: [item({ name: 'a\u0007b' })] }), expect: err(at('name'), 'control_chars') },
  { name: 'cart JSON escaped </script> in name', dataset: {}, cartJson: JSON.stringify({ items: [item({ name: '<\\/script><script>window.__pwned=1</script>' })] }), expect: 'ok' },
  { name: 'cart JSON "__proto__" at the top', dataset: {}, cartJson: `{"__proto__":{"polluted":"yes"},"items":[${JSON.stringify(item())}]}`, expect: 'ok' },
  { name: 'cart JSON "__proto__" inside items array', dataset: {}, cartJson: `{"items":{"__proto__":[]}}`, expect: err('cart.items', 'type') },
  { name: 'cart JSON "constructor"/"prototype" keys', dataset: {}, cartJson: `{"constructor":{"prototype":{"polluted":"yes"}},"items":[${JSON.stringify(item())}]}`, expect: 'ok' },
  { name: 'cart JSON duplicate keys (last wins)', dataset: {}, cartJson: `{"items":[],"items":[${JSON.stringify(item())}]}`, expect: 'ok' },
  { name: 'cart JSON nested 5,000 deep', dataset: {}, cartJson: '['.repeat(5000) + ']'.repeat(5000), expect: err('cart', 'type') },
  { name: 'cart JSON 10,000 items', dataset: {}, cartJson: JSON.stringify(BIG_CART), expect: 'ok' },
]

// ── results: the popup callback and the landing query ─────────────────────────────────────────────────
const none = { status: 'none' } as const
export const resultCases: ResultCase[] = [
  { name: 'undefined', input: undefined, expect: none },
  { name: 'null', input: null, expect: none },
  { name: 'number', input: 42, expect: none },
  { name: 'NaN', input: NaN, expect: none },
  { name: 'boolean', input: true, expect: none },
  { name: 'symbol', input: Symbol('r'), expect: none },
  { name: 'function', input: () => ({ imp_uid: 'x' }), expect: none },
  { name: 'array of pairs', input: [['imp_uid', 'imp_1']], expect: none },
  { name: 'empty string', input: '', expect: none },
  { name: 'lone "?"', input: '?', expect: none },
  { name: 'garbage string', input: '%%%&&&===', expect: none },
  { name: 'empty object', input: {}, expect: none },
  { name: 'Date', input: new Date(), expect: none },
  { name: 'Map with the keys', input: new Map([['error_msg', 'x']]), expect: none },
  { name: 'String object', input: Object('?error_msg=x'), expect: none },
  { name: 'Proxy that throws', input: new Proxy({}, { ownKeys: () => { throw new Error('trap') }, getOwnPropertyDescriptor: () => { throw new Error('trap') }, get: () => { throw new Error('trap') } }), expect: none },
  { name: 'revoked Proxy', input: (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })(), expect: none },
  { name: 'getter that throws', input: Object.defineProperty({ imp_uid: 'imp_1' }, 'error_msg', { get: () => { throw new Error('boom') }, enumerable: true }), expect: none },
  { name: 'inherited error_msg ignored', input: Object.create({ error_msg: '잔액 부족' }), expect: none },
  { name: 'JSON "__proto__" holding a result', input: JSON.parse('{"__proto__":{"imp_uid":"imp_1","error_msg":"x"}}'), expect: none },
  { name: 'literal __proto__ holding a result', input: { __proto__: { imp_uid: 'imp_1' } }, expect: none },
  { name: 'callback success', input: { imp_uid: 'imp_1', merchant_uid: 'm_1', error_code: null, error_msg: null, success: true }, expect: { status: 'success', impUid: 'imp_1', merchantUid: 'm_1', errorMsg: null } },
  { name: 'callback failure with hostile message', input: { imp_uid: null, merchant_uid: 'm_1', error_code: 'F0005', error_msg: HOSTILE[0] }, expect: { status: 'failure', errorMsg: HOSTILE[0] } },
  { name: 'callback failure with control chars kept exactly', input: { error_msg: '잔액\u0000부족\n\t다시' }, expect: { status: 'failure', errorMsg: '잔액\u0000부족\n\t다시' } },
  { name: 'callback failure 100,000 characters', input: { error_msg: '가'.repeat(100_000) }, expect: { status: 'failure', errorMsg: '가'.repeat(100_000) } },
  { name: 'callback error_msg as number', input: { error_msg: 500 }, expect: { status: 'failure', errorMsg: '500' } },
  { name: 'callback error_msg as object ignored', input: { imp_uid: 'imp_1', error_msg: { toString: () => 'x' } }, expect: { status: 'success', errorMsg: null } },
  { name: 'callback imp_uid as array ignored', input: { imp_uid: ['imp_1'] }, expect: none },
  { name: 'callback success:false and no imp_uid', input: { merchant_uid: 'm_1', success: false }, expect: { status: 'failure', errorMsg: null } },
  { name: 'callback imp_success:"false" but imp_uid (deprecated flag)', input: { imp_uid: 'imp_1', imp_success: 'false' }, expect: { status: 'success' } },
  { name: 'callback status cancelled', input: { merchant_uid: 'm_1', status: 'cancelled' }, expect: { status: 'failure' } },
  { name: 'callback emoji message', input: { error_msg: '결제 실패 😢' }, expect: { status: 'failure', errorMsg: '결제 실패 😢' } },
  { name: 'callback key "constructor"', input: { constructor: 'x', imp_uid: 'imp_1' }, expect: { status: 'success', impUid: 'imp_1' } },
  { name: 'query success', input: '?imp_uid=imp_1&merchant_uid=m_1&imp_success=true', expect: { status: 'success', impUid: 'imp_1', merchantUid: 'm_1' } },
  { name: 'query without "?"', input: 'imp_uid=imp_1', expect: { status: 'success', impUid: 'imp_1' } },
  { name: 'query failure with script payload', input: '?imp_success=false&error_msg=' + encodeURIComponent(HOSTILE[1]), expect: { status: 'failure', errorMsg: HOSTILE[1] } },
  { name: 'query failure with svg payload', input: '?error_code=F0005&error_msg=' + encodeURIComponent(HOSTILE[2]), expect: { status: 'failure', errorCode: 'F0005', errorMsg: HOSTILE[2] } },
  { name: 'query failure with javascript: URL', input: '?error_msg=' + encodeURIComponent(HOSTILE[3]), expect: { status: 'failure', errorMsg: HOSTILE[3] } },
  { name: 'query raw (unencoded) markup', input: '?error_msg=<b>x</b>', expect: { status: 'failure', errorMsg: '<b>x</b>' } },
  { name: 'query broken percent-encoding', input: '?error_msg=%E0%A4%A', expect: { status: 'failure', errorMsg: '\uFFFD%A' } },
  { name: 'query lone "%"', input: '?error_msg=100%', expect: { status: 'failure', errorMsg: '100%' } },
  { name: 'query "+" is a space', input: '?error_msg=%EC%9E%94%EC%95%A1+%EB%B6%80%EC%A1%B1', expect: { status: 'failure', errorMsg: '잔액 부족' } },
  { name: 'query encoded "&" stays in the message', input: '?error_msg=' + encodeURIComponent('A & B = C'), expect: { status: 'failure', errorMsg: 'A & B = C' } },
  { name: 'query NUL kept', input: '?error_msg=a%00b', expect: { status: 'failure', errorMsg: 'a\u0000b' } },
  { name: 'query duplicate key: the last (PortOne\'s) wins', input: '?error_msg=shop&error_msg=pg', expect: { status: 'failure', errorMsg: 'pg' } },
  { name: 'query "__proto__" key', input: '?__proto__=x&constructor=y&imp_uid=imp_1', expect: { status: 'success', impUid: 'imp_1' } },
  { name: 'query "__proto__[error_msg]"', input: '?__proto__[error_msg]=x', expect: none },
  { name: 'query empty error_msg is absent', input: '?merchant_uid=m_1&imp_success=false&error_msg=', expect: { status: 'failure', errorMsg: null } },
  { name: 'query only unrelated parameters', input: '?utm_source=naver&page=2', expect: none },
  { name: 'query 100 KB', input: '?error_msg=' + 'a'.repeat(100_000), expect: { status: 'failure', errorMsg: 'a'.repeat(100_000) } },
  { name: 'URLSearchParams', input: new URLSearchParams({ imp_uid: 'imp_1', error_msg: '"><svg onload=x>' }), expect: { status: 'failure', impUid: 'imp_1', errorMsg: '"><svg onload=x>' } },
  { name: 'URLSearchParams empty', input: new URLSearchParams(), expect: none },
  { name: 'billing key registration', input: { customer_uid: 'c_1', merchant_uid: 'm_1' }, expect: { status: 'success', customerUid: 'c_1' } },
]
