import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals'
import { buildRequestPayParams } from '../core/params'
import { messages, type Messages } from '../core/messages'
import { outcomeView, verifiedOutcome } from '../core/outcome'
import { parsePaymentResult } from '../core/result'
import type { BuildEnv, CheckoutOptions, CheckoutResult, PaymentResult, RequestPayParams, ValidationError } from '../core/types'
import type { Imp, SdkClient } from '../sdk'
import { SdkLoadError } from '../sdk'
import { verifyPayment } from './verify'

/** What the widget shows. `alert` text is shown exactly as given: the PG's error_msg or the server's message. */
export type View =
  | { kind: 'idle' }
  | { kind: 'progress'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'alert'; text: string; retry?: boolean }
  | { kind: 'success'; text: string }

/** What a widget hands to the one that replaces it: the payment outcome on screen (not an input error, which the
 *  change may have fixed; shown again in the new widget's words), the payment "check again" re-checks, and
 *  (`follow`) the answer to a Naver Pay window still open after the shopper came back without a result. */
export interface HandOver {
  outcome?: CheckoutResult
  lastSuccess?: PaymentResult
  /** Whether those were registrations (a billing key) rather than payments. */
  registering?: boolean
  follow?: (successor: Answer) => void
}

/** Takes a payment's answer: the parsed callback and the order number it was for. */
type Answer = (result: PaymentResult, merchantUid: string) => void

export interface StoreDeps {
  sdk: SdkClient
  env: () => BuildEnv
  emit: (result: CheckoutResult) => void
  /** Called just before the page leaves for Naver Pay (redirect path). */
  beforeRedirect?: (params: RequestPayParams) => void
}

export interface CheckoutStore {
  readonly cart: Signal<unknown>
  readonly view: ReadonlySignal<View>
  /** A payment is in flight: the button ignores clicks. */
  readonly busy: ReadonlySignal<boolean>
  /** The button's text: payment or registration wording. */
  readonly label: string
  /** The verification-retry button's text; follows a registration result that arrives on the landing page. */
  readonly retryLabel: string
  pay(): void
  settle(result: PaymentResult): Promise<void>
  /** Shows and reports an outcome decided before, without verifying again. */
  replay(outcome: CheckoutResult): void
  /** The page is shown again after it left for Naver Pay (back/forward cache): shows the outcome the landing page
   *  decided, or, without one, gives the button back. Does nothing unless a redirect is in flight. */
  resume(outcome: CheckoutResult | undefined): void
  retryVerify(): void
  /** For a replacement widget (`<naverpay-checkout>` after its attributes change): what this one shows now. */
  handOver(): HandOver
  /** Shows input errors. `blocking`: problems found at mount (script-tag attributes, the cart's JSON) that no click
   *  can fix, so every click shows them again instead of paying with defaults in their place. */
  showErrors(errors: ValidationError[], blocking?: boolean): void
  destroy(): void
}

// How long after the shopper is back on the page without a callback before the button is given back.
const RETURN_GRACE_MS = 1500
const warned = new Set<string>()
// Order numbers this page has sent to Naver Pay, by any widget: a merchantUid() that repeats one is caught.
const sent = new Set<string>()

/** Console warnings for the merchant's developer, once per page each. */
export function warnOnce(text: string): void {
  if (warned.has(text)) return
  warned.add(text)
  console.warn(`[naverpay-checkout] ${text}`)
}

export function createCheckoutStore(options: CheckoutOptions, deps: StoreDeps, carried?: HandOver): CheckoutStore {
  // This widget's kind — a payment, or a billing-key registration when the options say so — words its button and
  // what it says until Naver Pay answers.
  const registering = options.recurring != null
  const m = messages(options.locale, registering)
  // A result is worded as what it is: a registration when it carries customer_uid (the landing page knows no more)
  // or came from a registration widget — this one, or, carried over after a re-mount, the one it replaced.
  const carriedUids = [carried?.outcome?.merchantUid, carried?.lastSuccess?.merchantUid]
  const isRegistration = (result: PaymentResult): boolean =>
    result.customerUid != null || (result.merchantUid !== null && carriedUids.includes(result.merchantUid) ? carried?.registering === true : registering)
  const wordsFor = (result: PaymentResult): Messages => messages(options.locale, isRegistration(result))
  const cart = signal<unknown>(options.cart)
  let lastOutcome = carried?.outcome
  let outcomeShown = lastOutcome && outcomeView(lastOutcome, wordsFor(lastOutcome))
  const view = signal<View>(outcomeShown ?? { kind: 'idle' })
  const inFlight = signal(false)
  let destroyed = false
  let lastSuccess = carried?.lastSuccess
  let successor: Answer | undefined // where a late answer goes once this widget has been replaced
  let stopWatching = (): void => {}

  const show = (next: View, busy = false): void =>
    batch(() => {
      view.value = next
      inFlight.value = busy
    })

  function pay(): void {
    if (destroyed || inFlight.value) return
    if (blocked.length > 0) return showErrors(blocked)
    const built = buildRequestPayParams(cart.value, options, { ...deps.env(), usedMerchantUids: sent })
    if (!built.ok) return showErrors(built.errors)
    built.warnings.forEach(warnOnce)
    const imp = deps.sdk.ready()
    if (imp) return launch(imp, built.params)
    // The popup path must reach request_pay inside the click (browsers block a window opened later), so a click
    // that beats the SDK cannot wait for it. The redirect path opens no window: it may wait. So when the page can
    // come back (a redirectUrl is set), the click goes on by the redirect path; otherwise the shopper is told to
    // press again once Naver Pay is ready. Either way the click is never silently lost.
    if (!built.params.naverPopupMode || built.params.m_redirect_url) {
      const params = { ...built.params, naverPopupMode: false }
      show({ kind: 'progress', text: m.loading }, true)
      deps.sdk.load().then((loaded) => !destroyed && launch(loaded, params), sdkFailed)
      return
    }
    show({ kind: 'notice', text: m.sdkNotReady })
    deps.sdk.load().then(() => !destroyed && show({ kind: 'notice', text: m.sdkReady }), sdkFailed)
  }

  function launch(imp: Imp, params: RequestPayParams): void {
    const popup = params.naverPopupMode
    show({ kind: 'progress', text: popup ? m.waiting : m.redirecting }, true)
    if (!popup) deps.beforeRedirect?.(params)
    sent.add(params.merchant_uid)
    let answered = false
    try {
      deps.sdk.requestPay(imp, params, (response) => {
        // One payment, one outcome: a second call of the same callback (an SDK or PG quirk) is not a second result.
        if (answered) return
        answered = true
        stopWatching()
        answer(parsePaymentResult(response), params.merchant_uid)
      })
    } catch (cause) {
      console.error('[naverpay-checkout] IMP.request_pay threw', cause)
      return show({ kind: 'alert', text: m.sdkThrew })
    }
    if (popup) watchForReturn()
  }

  function answer(result: PaymentResult, merchantUid: string): void {
    if (destroyed) return successor?.(result, merchantUid) // replaced meanwhile: the new widget shows and reports it
    // A callback holding no result still ends this attempt: not "no result on this page" (the landing page's words)
    // and silence, but "not completed", reported with the order number the server can look up.
    if (result.status === 'none') finish({ ...result, merchantUid, verification: 'skipped' })
    else void settle(result)
  }
  carried?.follow?.(answer)

  /**
   * The shopper may close Naver Pay's window without any callback: once they are back on the page, give the button back.
   * We hold no handle on the SDK's window (polling `closed` would need one), so "back" is any sign of the shopper on
   * this page: `focus` (desktop browsers focus the opener when the popup closes), `visibilitychange` to visible (a tab
   * switch back), or a pointer/key press here. Headless and some embedded browsers fire no `focus` when a popup closes,
   * so the input events are what keeps the button from staying disabled forever there. A false "closed" (a press on the
   * page while the window is still open) costs nothing: the callback stays registered and still settles the payment.
   */
  function watchForReturn(): void {
    stopWatching()
    let timer: ReturnType<typeof setTimeout> | undefined
    const onReturn = (): void => {
      if (document.visibilityState === 'hidden') return
      clearTimeout(timer)
      timer = setTimeout(() => {
        stopWatching()
        if (!destroyed && inFlight.value) show({ kind: 'notice', text: m.windowClosed })
      }, RETURN_GRACE_MS)
    }
    const targets: [EventTarget, string][] = [[window, 'focus'], [document, 'visibilitychange'], [document, 'pointerdown'], [document, 'keydown']]
    for (const [target, type] of targets) target.addEventListener(type, onReturn, true)
    stopWatching = () => {
      clearTimeout(timer)
      for (const [target, type] of targets) target.removeEventListener(type, onReturn, true)
      stopWatching = () => {}
    }
  }

  function sdkFailed(error: unknown): void {
    if (destroyed) return
    console.error('[naverpay-checkout]', error)
    const kind = error instanceof SdkLoadError && error.kind
    show({ kind: 'alert', text: kind === 'no_global' ? m.sdkMissing : kind === 'trusted_types' ? m.sdkBlocked : m.sdkLoadFailed })
  }

  async function settle(result: PaymentResult): Promise<void> {
    if (result.status === 'none') return show({ kind: 'notice', text: m.noResult })
    if (result.status === 'failure') return finish({ ...result, verification: 'skipped' })
    lastSuccess = result
    if (!options.verifyUrl && !options.verify) {
      warnOnce("No verifyUrl or verify is set: Naver Pay's inspection requires the merchant server to verify every payment before success is shown.")
      return finish(verifiedOutcome(result, undefined))
    }
    show({ kind: 'progress', text: wordsFor(result).verifying }, true)
    const answer = await verifyPayment(options, result)
    if (destroyed) return
    if (answer.kind === 'error') console.error(`[naverpay-checkout] verification failed: ${answer.reason}`)
    finish(verifiedOutcome(result, answer))
  }

  /** Shows a final outcome and reports it: after settle, or again after a reload (the landing page's replay). */
  function finish(outcome: CheckoutResult): void {
    if (destroyed) return
    show((outcomeShown = outcomeView((lastOutcome = outcome), wordsFor(outcome))))
    deps.emit(outcome)
  }

  // A data-min-amount of "ten" must not become the default 10 won at the click: mount-time problems stop payment.
  let blocked: ValidationError[] = []
  function showErrors(errors: ValidationError[], blocking = false): void {
    if (blocking) blocked = errors
    if (errors.some((e) => e.code !== 'min_amount')) console.error('[naverpay-checkout] invalid input:', errors)
    // The shopper reads sentences in their language; field paths and details went to the console above.
    show({ kind: 'alert', text: [...new Set(errors.map((e) => e.shopperMessage ?? e.message))].join('\n') })
  }

  return {
    cart,
    view,
    busy: computed(() => inFlight.value),
    get label() {
      return m.pay
    },
    get retryLabel() {
      return (lastSuccess ? wordsFor(lastSuccess) : m).retryVerify
    },
    pay,
    settle,
    replay: finish,
    resume(outcome) {
      if (!inFlight.value) return
      if (outcome) finish(outcome)
      else show({ kind: 'idle' })
    },
    retryVerify: () => lastSuccess && !inFlight.value && void settle(lastSuccess),
    handOver: () => {
      const latest = lastOutcome ?? lastSuccess
      return {
        outcome: view.peek() === outcomeShown ? lastOutcome : undefined,
        lastSuccess,
        registering: latest ? isRegistration(latest) : registering,
        follow: (next) => (successor = next),
      }
    },
    showErrors,
    destroy() {
      destroyed = true
      stopWatching()
    },
  }
}
