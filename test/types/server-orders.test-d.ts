// Compiled by `npm run typecheck` (tsc --noEmit), never run: the order handlers' public types catch a shop's mistakes.
import {
  createCheckoutServer, createPortOneClient, memoryOrderStore, toNodeHandler, type CheckoutServer, type Order, type OrderStatus, type OrderStore,
} from '../../src/server'

const portone = createPortOneClient({ impKey: 'k', impSecret: 's' })
const orders: OrderStore = memoryOrderStore()
const checkout: CheckoutServer = createCheckoutServer({
  portone,
  orders,
  priceCart: async (cart, { customerUid }) => ({ amount: cart.items.length * 1000 + (customerUid ? 0 : 0), name: cart.items[0].name }),
  onPaid: async (order: Order, payment) => void [order.merchantUid, payment.imp_uid, order.cancellations[0]?.cancellation_id],
})
const handler: (request: Request) => Promise<Response> = checkout.verify
void handler
void toNodeHandler(checkout.webhook)
const statuses: OrderStatus[] = ['pending', 'paid', 'registered', 'failed', 'cancelled']
void statuses

// A refusal is a value too.
createCheckoutServer({ portone, orders, priceCart: () => ({ refused: '품절' }), onPaid: () => undefined })
// @ts-expect-error amount is a number of won, not a string
createCheckoutServer({ portone, orders, priceCart: () => ({ amount: '1000', name: 'x' }), onPaid: () => undefined })
// @ts-expect-error onPaid is required: without it nothing is fulfilled
createCheckoutServer({ portone, orders, priceCart: () => ({ amount: 1000, name: 'x' }) })
// @ts-expect-error 'shipped' is not an order status
const badStatus: OrderStatus = 'shipped'
void badStatus
// @ts-expect-error update needs the status it moves from (the compare-and-set)
void orders.update('ord_1', { status: 'paid' })
