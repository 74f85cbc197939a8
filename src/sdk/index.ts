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

/** Why the SDK is not there. Separate kinds, because "blocked or offline" and "wrong URL" call for different fixes. */
export class SdkLoadError extends Error {
  constructor(
    readonly kind: 'load_failed' | 'no_global' | 'timeout',
    readonly url: string,
  ) {
    super(
      kind === 'load_failed'
        ? `PortOne SDK ${url} failed to load (offline, blocked or not found)`
        : kind === 'no_global'
          ? `${url} loaded but defined no window.IMP: check sdkUrl`
          : `PortOne SDK ${url} timed out`,
    )
    this.name = 'SdkLoadError'
  }
}

const loads = new Map<string, Promise<Imp>>()

/**
 * Loads the SDK once per URL and shares the promise. A failed load is forgotten, so the next call
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

function inject(url: string, timeout: number, adopt = true): Promise<Imp> {
  return new Promise((resolve, reject) => {
    // PortOne's guides put the SDK's <script src> in the page. While the shop's own tag may still run, wait for it: a
    // second copy would run the SDK over the first (and over the shop's IMP.init). Until the page's load event, every
    // tag the parser met (sync, async or defer) is still to run or has failed; after it, a tag whose request has
    // ended (a resource-timing entry, kept for errors too) without an IMP failed.
    const href = new URL(url, document.baseURI).href
    const pageLoaded = document.readyState === 'complete'
    const shops = adopt && !(pageLoaded && performance.getEntriesByName?.(href).length > 0) ? Array.from(document.scripts).find((s) => s.src === href) : undefined
    const script = shops ?? Object.assign(document.createElement('script'), { src: url, async: true })
    const settle = (error?: SdkLoadError): void => {
      clearTimeout(timer)
      script.removeEventListener('load', onLoad)
      script.removeEventListener('error', onError)
      window.removeEventListener('load', onPageLoad)
      if (!error && window.IMP) return resolve(window.IMP)
      // The shop's tag failed (before or after we found it): that was not our attempt yet, so make it.
      if (shops && error?.kind === 'load_failed') return resolve(inject(url, timeout, false))
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

/** Opens the connection to the SDK's host early, so the load after mount is shorter. */
export function preconnect(url: string = DEFAULT_SDK_URL): void {
  let origin: string
  try {
    origin = new URL(url, document.baseURI).origin
  } catch {
    return
  }
  if (origin === location.origin || document.querySelector(`link[rel="preconnect"][href="${origin}"]`)) return
  const link = document.createElement('link')
  link.rel = 'preconnect'
  link.href = origin
  link.crossOrigin = 'anonymous'
  document.head.appendChild(link)
}

/** What the widget needs from the SDK; tests inject their own. */
export interface SdkClient {
  /** Starts the load (once) and resolves with the SDK. */
  load(): Promise<Imp>
  /** The SDK if it has already arrived: lets the click reach `request_pay` in the same task. */
  ready(): Imp | undefined
  /** `IMP.init` (once per code) and `IMP.request_pay`, synchronously. */
  requestPay(imp: Imp, params: RequestPayParams, callback: (response: unknown) => void): void
}

const initialized = new WeakMap<Imp, string>()

export function createSdkClient(options: { sdkUrl?: string; impCode?: string; sdkTimeout?: number }): SdkClient {
  const url = options.sdkUrl ?? DEFAULT_SDK_URL
  let arrived: Imp | undefined
  return {
    load() {
      return loadSdk(url, options.sdkTimeout).then((imp) => (arrived = imp))
    },
    ready() {
      return arrived ?? window.IMP
    },
    requestPay(imp, params, callback) {
      // Without a code, IMP.init is the page's own business: an init('') here would undo the shop's init('imp…').
      const code = options.impCode
      if (code && initialized.get(imp) !== code) {
        imp.init(code)
        initialized.set(imp, code)
      }
      imp.request_pay(params, callback)
    },
  }
}
