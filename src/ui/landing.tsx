/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (h), not the automatic runtime: preact/jsx-runtime is a second element factory beside the h that
// render already carries, about 0.4 KB gzip of the script-tag bundle for nothing.
import { h } from 'preact'
import { isFinal, PENDING_PREFIX, planLanding, readPendingOrder, RESULT_PREFIX, type PendingOrder } from '../core/landing'
import { ownFields } from '../core/check'
import { formatWon } from '../core/errors'
import { messages, type Messages } from '../core/messages'
import { parsePaymentResult } from '../core/result'
import type { CheckoutOptions, CheckoutResult } from '../core/types'
import { createSdkClient } from '../sdk'
import { browserEnv, session, shared, sweepShared } from './env'
import { renderLive } from './live'
import { claim, emitter, prepareRoot, resolveTarget } from './mount'
import { createCheckoutStore } from './store'
import { ResultView } from './Widget'

export interface LandingHandle {
  destroy(): void
}

/** Reads the payment result from `location.search` (where `m_redirect_url` brings the shopper back) and shows it. */
export function mountLanding(target: string | Element, given: CheckoutOptions = {}): LandingHandle {
  const options = ownFields(given) // see mountWidget
  const host = resolveTarget(target, 'NaverPayCheckout.mountLanding')
  const root = prepareRoot(host, 'NaverPayCheckout.mountLanding')
  const emit = emitter(host, options)
  const store = createCheckoutStore(options, {
    sdk: createSdkClient(options),
    env: browserEnv,
    emit(outcome: CheckoutResult) {
      // Kept per order number so a reload, the back button or another tab shows the same outcome without a second POST.
      if (!outcome.replayed && outcome.merchantUid !== null && isFinal(outcome)) {
        // With the time it was decided: another tab replays it for RESULT_TTL_MS.
        const now = Date.now()
        const saved = JSON.stringify({ ...outcome, time: now })
        sweepShared(now)
        session.set(RESULT_PREFIX + outcome.merchantUid, saved)
        shared.set(RESULT_PREFIX + outcome.merchantUid, saved)
      }
      emit(outcome)
    },
  })
  const result = parsePaymentResult(location.search)
  const order = result.merchantUid === null ? undefined : readPendingOrder(session.get(PENDING_PREFIX + result.merchantUid), result.merchantUid)
  // A billing-key registration, when PortOne's query leaves customer_uid out: the saved order says so. The store
  // then uses registration texts, and the verification and the result event carry the customer_uid.
  if (result.customerUid === null && order?.customerUid) result.customerUid = order.customerUid
  // For a registration the summary's amount is what will be charged later, and says so.
  const m = messages(options.locale, result.customerUid !== null)
  // renderLive, not render: the IIFE re-renders only through its effect (see renderLive).
  const unmount = renderLive(() => (
    <div class="npay" part="container">
      {order && <OrderSummary order={order} m={m} />}
      <ResultView store={store} />
    </div>
  ), root)
  // A reload runs this again and replays the stored outcome. A page restored from the back/forward cache runs
  // nothing: it keeps its view and script state, so it shows the same outcome and sends nothing either.
  const plan = planLanding(result, session.get, shared.get, Date.now())
  if (plan.kind === 'replay') store.replay(plan.outcome)
  else void store.settle(result)
  // A second mount on this host (a route entered again) replaces this one; the question to the server is shared.
  return claim(host, () => {
    store.destroy()
    unmount()
  })
}

/** What was ordered, from the record the shop page saved before leaving. Every value is rendered as text. */
function OrderSummary({ order, m }: { order: PendingOrder; m: Messages }) {
  const more = order.items.length > 1 ? m.andMore(order.items.length - 1) : ''
  return (
    <section class="npay-order" part="order" aria-label={m.orderSummary}>
      <dl>
        <dt>{m.orderName}</dt>
        <dd>{order.name + more}</dd>
        <dt>{m.amount}</dt>
        <dd>{m.won(formatWon(order.amount))}</dd>
        <dt>{m.orderNumber}</dt>
        <dd>{order.merchantUid}</dd>
      </dl>
    </section>
  )
}
