import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals'
import { buildRequestPayParams } from '../core/params'
import { messages, type Messages } from '../core/messages'
import { checkOrderAmount, type OrderAnswer, type ServerOrder } from '../core/order'
import { outcomeView, verifiedOutcome } from '../core/outcome'
import { parsePaymentResult } from '../core/result'
import type { BuildEnv, CheckoutOptions, CheckoutResult, PaymentResult, RequestPayParams, ValidationError } from '../core/types'
import type { Imp, SdkClient } from '../sdk'
import { SdkLoadError } from '../sdk'
import { requestOrder } from './order'
import { verifyPayment } from './verify'

/** What the widget shows. `alert` text is shown exactly as given: the PG's error_msg or the server's message. */
export type View =
  | { kind: 'idle' }
  | { kind: 'progress'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'alert'; text: string; retry?: boolean; input?: boolean }
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

/** The merchant server's order for one cart: asked for, and once answered, the answer. */
interface OrderSlot {
  cart: unknown
  answer: Promise<OrderAnswer>
  done?: OrderAnswer
}

/** Takes a payment's answer: the parsed callback and the order number it was for. */
type Answer = (result: PaymentResult, merchantUid: string) => void

export interface StoreDeps {
  sdk: SdkClient
  env: () => BuildEnv
  emit: (result: CheckoutResult) => void
  /** Called just before the page leaves for Naver Pay (redirect path). */
  beforeRedirect?: (params: RequestPayParams) => void
  /** The element the widget is mounted on: presses inside another widget are not this one's shopper coming back. */
  host?: Element
  /** A payment's answer is still verified and reported after `destroy` (the widget). A landing page mounted again
   *  asks and reports by itself, so a destroyed one stays silent. */
  reportWhenGone?: boolean
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

// How long after the shopper's last sign of being back on the page, without an answer, before the button is given
// back. PortOne's answer can follow the window's closing by seconds (its server confirms the payment with Naver Pay
// first); a button given back before that invites a second payment while the first is being approved.
export const LATE_ANSWER_MS = 10_000
const warned = new Set<string>()
// Every widget's host: a press inside another widget says nothing about this one's Naver Pay window.
const hosts = new WeakSet<EventTarget>()
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
  if (deps.host) hosts.add(deps.host)
  let lastOutcome = carried?.outcome
  let outcomeShown = lastOutcome && outcomeView(lastOutcome, wordsFor(lastOutcome))
  const view = signal<View>(outcomeShown ?? { kind: 'idle' })
  // A payment is in flight exactly while the view shows its progress: one state, the busy flag derived from it.
  const busy = computed(() => view.value.kind === 'progress')
  let destroyed = false
  let lastSuccess = carried?.lastSuccess
  let successor: Answer | undefined // where a late answer goes once this widget has been replaced
  let stopWatching = (): void => {}

  const show = (next: View): void => void (view.value = next)

  // ── orders from the merchant's server (orderUrl / createOrder) ──
  // Asked for ahead of the click (at mount, after setCart, after every attempt), never on the click's path: the popup
  // must open inside the click. One question per cart; a failed one is asked again (by the next click), like the SDK.
  const serverOrders = !!(options.orderUrl || options.createOrder)
  let slot: OrderSlot | undefined
  /** The options with a given order number instead of the merchant's generator (which must not run for a check). */
  const withUid = (uid: string): CheckoutOptions => Object.create(options, { merchantUid: { value: () => uid } }) as CheckoutOptions

  /** This cart's order: the question already out (or answered), or a new one. Undefined for a cart that cannot pay. */
  function orderFor(current: unknown): Promise<OrderAnswer> | undefined {
    if (!serverOrders || destroyed) return
    const asked = slot
    if (asked && asked.cart === current && asked.done?.ok !== false) return asked.answer
    const checked = buildRequestPayParams(current, withUid('-'), deps.env())
    if (!checked.ok) return void (slot = undefined)
    const next: OrderSlot = { cart: current, answer: requestOrder(options, current, checked.params.customer_uid) }
    next.answer.then((done) => (next.done = done))
    return (slot = next).answer
  }
  /** Each attempt pays with an order of its own: once one has been used, the next is asked for. */
  const nextOrder = (): void => void orderFor(cart.peek())

  /** The payment's parameters, or undefined once the problem is on screen. With a server order, its number and amount. */
  function paramsFor(current: unknown, order?: ServerOrder): RequestPayParams | undefined {
    const built = buildRequestPayParams(current, order ? withUid(order.merchantUid) : serverOrders ? withUid('-') : options, { ...deps.env(), usedMerchantUids: sent })
    if (!built.ok) return void showErrors(built.errors)
    built.warnings.forEach(warnOnce)
    const disputed = order && checkOrderAmount(order, built.params.amount, options.locale)
    if (!disputed) return built.params
    slot = undefined // the next click asks the server again
    showErrors([disputed])
  }

  function pay(): void {
    if (destroyed || busy.value) return
    if (blocked.length > 0) return showErrors(blocked)
    const current = cart.value
    const done = slot && slot.cart === current ? slot.done : undefined
    const ready = done?.ok ? done.order : undefined
    const params = paramsFor(current, ready)
    if (!params) return
    const imp = deps.sdk.ready()
    if (imp && (!serverOrders || ready)) return launch(imp, params)
    // The popup path must reach request_pay inside the click (browsers block a window opened later), so a click
    // that beats the SDK (or the order) cannot wait for it. The redirect path opens no window: it may wait. So when
    // the page can come back (a redirectUrl is set), the click goes on by the redirect path; otherwise the shopper
    // is told to press again once Naver Pay is ready. Either way the click is never silently lost.
    const redirect = !params.naverPopupMode || !!params.m_redirect_url
    show(redirect ? { kind: 'progress', text: m.loading } : { kind: 'notice', text: m.sdkNotReady })
    Promise.all([deps.sdk.load(), orderFor(current)]).then(([loaded, answer]) => {
      if (destroyed) return
      if (answer && !answer.ok) {
        console.error(`[naverpay-checkout] the order could not be created: ${answer.reason}`)
        return show({ kind: 'alert', text: answer.message ?? m.orderFailed })
      }
      const final = answer ? paramsFor(current, answer.order) : params
      if (!final) return
      if (redirect) launch(loaded, { ...final, naverPopupMode: false })
      else show({ kind: 'notice', text: m.sdkReady })
    }, sdkFailed)
  }

  function launch(imp: Imp, params: RequestPayParams): void {
    const popup = params.naverPopupMode
    show({ kind: 'progress', text: popup ? m.waiting : m.redirecting })
    if (!popup) deps.beforeRedirect?.(params)
    sent.add(params.merchant_uid)
    slot = undefined // this cart's order is used: the next attempt asks for a new one
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
      show({ kind: 'alert', text: m.sdkThrew })
      return nextOrder()
    }
    if (popup) watchForReturn()
  }

  function answer(result: PaymentResult, merchantUid: string): void {
    // Replaced meanwhile: the new widget shows and reports it. Without one (the widget was removed, or mounted over),
    // a payment is still verified and reported by this widget's event and onResult, with nothing shown: a payment
    // that reached Naver Pay is never dropped. A failure has nothing to verify and no view to tell.
    if (destroyed && successor) return successor(result, merchantUid)
    if (destroyed && (result.status !== 'success' || !deps.reportWhenGone)) return
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
   * switch back), or a pointer/key press here — but not inside another widget, which has its own payment. Headless and
   * some embedded browsers fire no `focus` when a popup closes, so the input events are what keeps the button from
   * staying disabled forever there. Back, the shopper is told the answer is awaited, and the button stays busy for
   * LATE_ANSWER_MS after the last such sign: an answer then still on its way must not meet a second payment. An answer
   * arriving after that still wins over "closed": the callback stays registered and settles the payment.
   */
  function watchForReturn(): void {
    stopWatching()
    let timer: ReturnType<typeof setTimeout> | undefined
    const onReturn = (event: Event): void => {
      if (document.visibilityState === 'hidden' || event.composedPath().some((node) => node !== deps.host && hosts.has(node))) return
      show({ kind: 'progress', text: m.awaiting })
      clearTimeout(timer)
      timer = setTimeout(() => {
        stopWatching()
        if (destroyed || !busy.value) return
        show({ kind: 'notice', text: m.windowClosed })
        nextOrder()
      }, LATE_ANSWER_MS)
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
    show({ kind: 'progress', text: wordsFor(result).verifying })
    const answer = await verifyPayment(options, result)
    if (destroyed && !deps.reportWhenGone) return
    if (answer.kind === 'error') console.error(`[naverpay-checkout] verification failed: ${answer.reason}`)
    finish(verifiedOutcome(result, answer))
  }

  /** Shows a final outcome and reports it: after settle, or again after a reload (the landing page's replay). */
  function finish(outcome: CheckoutResult): void {
    if (!destroyed) {
      show((outcomeShown = outcomeView((lastOutcome = outcome), wordsFor(outcome))))
      nextOrder()
    }
    deps.emit(outcome)
  }

  // A data-min-amount of "ten" must not become the default 10 won at the click: mount-time problems stop payment.
  let blocked: ValidationError[] = []
  function showErrors(errors: ValidationError[], blocking = false): void {
    if (blocking) blocked = errors
    if (errors.some((e) => e.code !== 'min_amount')) console.error('[naverpay-checkout] invalid input:', errors)
    // The shopper reads sentences in their language; field paths and details went to the console above.
    show({ kind: 'alert', text: [...new Set(errors.map((e) => e.shopperMessage ?? e.message))].join('\n'), input: true })
  }

  // A new cart: its order is asked for now, and input errors on screen are checked again, so a cart that setCart has
  // fixed clears them (and a cart that is still wrong shows its own). A broken cart source (data-cart's JSON) no
  // longer blocks once a cart has been given; the attributes' problems still do.
  let mounted = false
  const stopCart = cart.subscribe((current) => {
    if (mounted) {
      blocked = blocked.filter((e) => e.code !== 'cart_json' && e.field !== 'data-cart')
      const shown = view.peek()
      if (!busy.peek() && shown.kind === 'alert' && shown.input) {
        const checked = buildRequestPayParams(current, withUid('-'), deps.env())
        if (blocked.length > 0) showErrors(blocked)
        else if (checked.ok) show({ kind: 'idle' })
        else showErrors(checked.errors)
      }
    }
    mounted = true
    orderFor(current)
  })

  return {
    cart,
    view,
    busy,
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
      if (!busy.value) return
      if (outcome) return finish(outcome)
      show({ kind: 'idle' })
      nextOrder()
    },
    retryVerify: () => lastSuccess && !busy.value && void settle(lastSuccess),
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
      stopCart()
    },
  }
}
