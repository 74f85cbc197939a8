import { timeoutOr } from '../core/check'
import type { RequestPayParams } from '../core/types'

/** The part of PortOne V1's `window.IMP` the widget uses. */
export interface Imp {
  init(impCode: string): void
  request_pay(params: RequestPayParams, callback: (response: unknown) => void): void
}

declare global {
  interface Window {
    IMP?: Imp
  }
}

export const DEFAULT_SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js'
export const DEFAULT_SDK_TIMEOUT = 15_000
/** The Trusted Types policy the SDK's `<script src>` is created through: a shop allows it with
 *  `Content-Security-Policy: require-trusted-types-for 'script'; trusted-types naverpay-checkout`. */
export const TRUSTED_TYPES_POLICY = 'naverpay-checkout'

/** Why the SDK is not there. Separate kinds, because "blocked or offline", "wrong URL" and "the page's Trusted Types
 *  policy refused us" call for different fixes. */
export class SdkLoadError extends Error {
  constructor(
    readonly kind: 'load_failed' | 'no_global' | 'timeout' | 'trusted_types',
    readonly url: string,
  ) {
    super(
      kind === 'load_failed'
        ? `PortOne SDK ${url} failed to load (offline, blocked or not found)`
        : kind === 'no_global'
          ? `${url} loaded but defined no window.IMP: check sdkUrl`
          : kind === 'trusted_types'
            ? `Trusted Types blocked ${url}: allow "trusted-types ${TRUSTED_TYPES_POLICY}"`
            : `PortOne SDK ${url} timed out`,
    )
    this.name = 'SdkLoadError'
  }
}

const loads = new Map<string, Promise<Imp>>()
// Shop tags that timed out: never waited for again. And how many loads of a URL timed out: a retry asks for the URL
// with a new query, because Chromium's HTTP cache queues a second request for a URL behind the one still hanging.
const abandoned = new Set<string>()
const timeouts = new Map<string, number>()

/**
 * Loads the SDK once per URL and shares the promise. A failed or timed-out load is forgotten, so the next call
 * really retries (the stripe-js loader's rule). An `IMP` already on the page is reused, and so is a
 * `<script src>` of the same URL the shop put there itself and that is still loading.
 */
export function loadSdk(url: string = DEFAULT_SDK_URL, timeout: number = DEFAULT_SDK_TIMEOUT): Promise<Imp> {
  if (window.IMP) return Promise.resolve(window.IMP)
  let load = loads.get(url)
  if (!load) {
    load = inject(url, timeout)
    loads.set(url, load)
    load.catch(() => loads.delete(url))
  }
  return load
}

// One policy per page (a second createPolicy of the same name throws unless the page allows duplicates); null once
// refused, and then the plain URL is tried: it works wherever Trusted Types are not enforced for scripts.
let policy: { createScriptURL(url: string): string } | null | undefined
function scriptUrl(url: string): string {
  const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes
  if (tt && policy === undefined) {
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (given: string) => given })
    } catch {
      policy = null // refused by the page's trusted-types directive; SdkLoadError says so if the assignment throws
    }
  }
  return policy ? policy.createScriptURL(url) : url
}

function inject(url: string, timeout: number, adopt = true): Promise<Imp> {
  return new Promise((resolve, reject) => {
    // PortOne's guides put the SDK's <script src> in the page. While the shop's own tag may still run, wait for it: a
    // second copy would run the SDK over the first (and over the shop's IMP.init). Until the page's load event, every
    // tag the parser met (sync, async or defer) is still to run or has failed; after it, a tag whose request has
    // ended (a resource-timing entry, kept for errors too) without an IMP failed.
    const href = new URL(url, document.baseURI).href
    const pageLoaded = document.readyState === 'complete'
    const shops = adopt && !abandoned.has(href) && !(pageLoaded && performance.getEntriesByName?.(href).length > 0) ? Array.from(document.scripts).find((s) => s.src === href) : undefined
    const retries = timeouts.get(href) ?? 0
    let script: HTMLScriptElement
    if (shops) script = shops
    else {
      script = document.createElement('script')
      script.async = true
      try {
        script.src = scriptUrl(retries ? `${url}${url.includes('?') ? '&' : '?'}retry=${retries}` : url)
      } catch {
        // Only Trusted Types make this assignment throw: say exactly that, not "check your connection".
        return reject(new SdkLoadError('trusted_types', url))
      }
    }
    const settle = (error?: SdkLoadError): void => {
      clearTimeout(timer)
      script.removeEventListener('load', onLoad)
      script.removeEventListener('error', onError)
      window.removeEventListener('load', onPageLoad)
      if (!error && window.IMP) return resolve(window.IMP)
      // The shop's tag failed (before or after we found it): that was not our attempt yet, so make it.
      if (shops && error?.kind === 'load_failed') return resolve(inject(url, timeout, false))
      // A stalled request is forgotten like a failed one: the next attempt injects a fresh tag, never waits on this one.
      if (error?.kind === 'timeout') {
        if (shops) abandoned.add(href)
        else timeouts.set(href, retries + 1)
      }
      // Ours goes, so that a retry injects a fresh element; the shop's stays (removing it would not stop it running).
      if (!shops) script.remove()
      reject(error ?? new SdkLoadError('no_global', url))
    }
    const onLoad = (): void => settle()
    const onError = (): void => settle(new SdkLoadError('load_failed', url))
    // The page's load event comes after every parser-met tag has run or failed: if the shop's tag has not answered
    // us by then, it had answered before we listened — taken as a failure, so a tag that had loaded without IMP (a
    // wrong URL) runs once more as ours before "no IMP" is said. (On a page past its 250-entry timing buffer, a tag
    // that failed before the load event looks pending after it: sdkTimeout ends that wait.)
    const onPageLoad = (): void => settle(window.IMP ? undefined : new SdkLoadError('load_failed', url))
    const timer = setTimeout(() => settle(new SdkLoadError('timeout', url)), timeout)
    script.addEventListener('load', onLoad)
    script.addEventListener('error', onError)
    if (shops && !pageLoaded) window.addEventListener('load', onPageLoad)
    if (!shops) document.head.appendChild(script)
  })
}

/** What the widget needs from the SDK; tests inject their own. */
export interface SdkClient {
  /** Starts the load (once), calls `IMP.init` (once, unless the page did), and resolves once PortOne is ready. */
  load(): Promise<Imp>
  /** The SDK if it has arrived and PortOne is ready: lets the click reach `request_pay` in the same task. */
  ready(): Imp | undefined
  /** `IMP.request_pay`, synchronously. */
  requestPay(imp: Imp, params: RequestPayParams, callback: (response: unknown) => void): void
}

/*
 * When PortOne is ready. Read from public copies of iamport.js (1.1.5 to 1.3.0): `IMP.init` builds, inside a
 * `div.imp-dialog`, one `iframe.imp-frame` per PG channel, first at about:blank and then at service.iamport.kr; until
 * that page has loaded, `request_pay` is only queued, and the Naver Pay window it then opens comes too late for the
 * click's user activation (about 5 s in Chromium): the SDK alerts that the popup was blocked. The SDK exposes no
 * "ready" of its own, so we watch that DOM, which is public: PortOne is ready when every `iframe.imp-frame` has
 * loaded something other than about:blank. An SDK that builds no frame (a test double) is ready once it has loaded.
 */
const FRAMES = 'iframe.imp-frame'
const loadedFrames = new WeakSet<Element>()

let listening = false

function frameLoaded(frame: Element): boolean {
  return loadedFrames.has(frame) && frame.getAttribute('src') !== 'about:blank'
}

/** Starts watching PortOne's frames, once per page. */
function watchFrames(): void {
  if (listening) return
  listening = true
  // load events do not bubble, but pass the document in the capture phase: one listener sees every frame.
  document.addEventListener('load', onFrameLoad, true)
  // A frame that loaded before we listened (the page's own init, long ago) left a resource-timing entry. Only then:
  // a frame PortOne rebuilds later at the same URL must be seen loading again, not pass on its predecessor's entry.
  document.querySelectorAll<HTMLIFrameElement>(FRAMES).forEach((frame) => performance.getEntriesByName?.(frame.src).length > 0 && loadedFrames.add(frame))
}

function onFrameLoad(event: Event): void {
  const frame = event.target as Element
  if (frame.matches?.(FRAMES) && frame.getAttribute('src') !== 'about:blank') loadedFrames.add(frame)
}

function portOneReady(): boolean {
  return Array.prototype.every.call(document.querySelectorAll(FRAMES), frameLoaded) as boolean
}

/** Resolves once PortOne's frames have loaded (looked at every 100 ms, the first time a task after init, when the SDK
 *  builds them); rejects after `timeout` like a stalled SDK load. */
function whenReady(url: string, timeout: number): Promise<void> {
  const end = Date.now() + timeout
  return new Promise((resolve, reject) => {
    const check = (): unknown => (portOneReady() ? resolve() : Date.now() > end ? reject(new SdkLoadError('timeout', url)) : setTimeout(check, 100))
    setTimeout(check)
  })
}

const initialized = new WeakSet<Imp>()
// Set by our IMP.init until the task in which the SDK builds its frames has passed.
let framesDue = false

export function createSdkClient(options: { sdkUrl?: string; impCode?: string; sdkTimeout?: number }): SdkClient {
  const url = options.sdkUrl ?? DEFAULT_SDK_URL
  const timeout = timeoutOr(options.sdkTimeout, DEFAULT_SDK_TIMEOUT)
  let arrived: Imp | undefined
  return {
    load() {
      watchFrames()
      return loadSdk(url, timeout)
        .then((imp) => {
          // IMP.init once, here, before any click: PortOne rebuilds its frames on every init, so an init inside the
          // click would make request_pay wait for them. Never over a page's own init (its frames are there already),
          // and without a code it is the page's business: an init('') would undo the shop's init('imp…').
          const code = options.impCode
          if (code && !initialized.has(imp) && !document.querySelector(FRAMES)) {
            imp.init(code)
            framesDue = true
            setTimeout(() => (framesDue = false))
          }
          initialized.add(imp)
          return whenReady(url, timeout).then(() => imp)
        })
        .then((imp) => (arrived = imp))
    },
    ready() {
      // "Not ready" is answered like "not loaded": the popup path then asks the shopper to press again. An IMP the page
      // had already is ready at once, unless IMP.init is still ours to call.
      const imp = arrived ?? window.IMP
      return imp && (!options.impCode || initialized.has(imp)) && !framesDue && portOneReady() ? imp : undefined
    },
    requestPay(imp, params, callback) {
      imp.request_pay(params, callback)
    },
  }
}
