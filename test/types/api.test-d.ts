// Compiled by `npm run typecheck` (tsc --noEmit), never run: each @ts-expect-error fails the typecheck if the
// line below it ever compiles, i.e. if the public types stop catching a merchant's mistake.
import { buildRequestPayParams, mount, mountLanding, parsePaymentResult, version, type CheckoutOptions, type CheckoutResult } from '../../src/index'

const cart = { items: [{ uid: '1', name: '한국사', price: 1500, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }] }
const ok: CheckoutOptions = { impCode: 'imp00000000', cart, mode: 'popup', locale: 'en', minAmount: 10, onResult: (r: CheckoutResult) => void r.verification }
void ok

// @ts-expect-error price is a number of won, not a string
const badPrice: CheckoutOptions = { cart: { items: [{ ...cart.items[0], price: '1500' }] } }
// @ts-expect-error mode is 'auto' | 'popup' | 'redirect'
const badMode: CheckoutOptions = { mode: 'modal' }
// @ts-expect-error locale is 'ko' | 'en'
const badLocale: CheckoutOptions = { locale: 'ja' }
// @ts-expect-error minAmount is a number
const badMin: CheckoutOptions = { minAmount: '10' }
// @ts-expect-error an unknown option is a typo, not an extension
const typo: CheckoutOptions = { impcode: 'imp00000000' }
// @ts-expect-error cart items need uid, name, price, count, categoryType, categoryId
const missing: CheckoutOptions = { cart: { items: [{ uid: '1', name: 'x', price: 1, count: 1 }] } }
// @ts-expect-error merchantUid is a generator function, not a fixed string
const fixedUid: CheckoutOptions = { merchantUid: 'order-1' }
// @ts-expect-error recurring needs customerUid and productCode
const recurring: CheckoutOptions = { recurring: { customerUid: 'c1' } }
// Server orders: a URL, or a function of the cart resolving to { merchantUid, amount }.
const orders: CheckoutOptions[] = [{ orderUrl: '/api/orders' }, { createOrder: async (c, { customerUid }) => ({ merchantUid: `o-${c.items.length}-${customerUid ?? ''}`, amount: 1500 }) }]
// @ts-expect-error createOrder resolves to camelCase { merchantUid, amount }, not the wire's merchant_uid
const snakeOrder: CheckoutOptions = { createOrder: async () => ({ merchant_uid: 'o', amount: 1 }) }
// @ts-expect-error the order's amount is a number of won
const textAmount: CheckoutOptions = { createOrder: async () => ({ merchantUid: 'o', amount: '1500' }) }
void [badPrice, badMode, badLocale, badMin, typo, missing, fixedUid, recurring, orders, snakeOrder, textAmount]

const handle = mount('#npay', ok)
handle.setCart(cart)
// @ts-expect-error setCart takes a cart object
handle.setCart('[]')
// @ts-expect-error mount needs options
mount('#npay')
mountLanding('#npay-result').destroy()

const built = buildRequestPayParams(cart, ok)
if (built.ok) {
  const amount: number = built.params.amount
  void amount
  // @ts-expect-error on success there is no errors list: the union must be narrowed
  void built.errors
} else {
  const field: string = built.errors[0].field
  void field
}
// @ts-expect-error buildRequestPayParams needs a cart argument
buildRequestPayParams()

const result = parsePaymentResult('?imp_uid=x')
// @ts-expect-error status is a closed union
const wrong: typeof result.status = 'paid'
void wrong
const v: string = version
void v
