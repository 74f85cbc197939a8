import { parsePaymentResult } from '../core/result'
import type { CheckoutOptions } from '../core/types'
import { createSdkClient } from '../sdk'
import { browserEnv } from './env'
import { renderLive } from './live'
import { emitter, prepareRoot, resolveTarget } from './mount'
import { createCheckoutStore } from './store'
import { ResultView } from './Widget'

export interface LandingHandle {
  destroy(): void
}

/** Reads the payment result from `location.search` (where `m_redirect_url` brings the shopper back) and shows it. */
export function mountLanding(target: string | Element, options: CheckoutOptions = {}): LandingHandle {
  const host = resolveTarget(target, 'NaverPayCheckout.mountLanding')
  const root = prepareRoot(host, 'NaverPayCheckout.mountLanding')
  const store = createCheckoutStore(options, { sdk: createSdkClient(options), env: browserEnv, emit: emitter(host, options) })
  // renderLive, not render: the IIFE re-renders only through its effect (see renderLive).
  const unmount = renderLive(() => (
    <div class="npay" part="container">
      <ResultView store={store} />
    </div>
  ), root)
  void store.settle(parsePaymentResult(location.search))
  return {
    destroy() {
      store.destroy()
      unmount()
    },
  }
}
