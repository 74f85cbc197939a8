import type { BuildEnv } from '../core/types'

/** The browser facts core needs, read at the moment of the click. */
export function browserEnv(): BuildEnv {
  const nav = navigator as Navigator & { userAgentData?: { mobile?: boolean } }
  return {
    now: Date.now(),
    device: { userAgent: nav.userAgent, maxTouchPoints: nav.maxTouchPoints, mobile: nav.userAgentData?.mobile },
    pageUrl: location.href,
  }
}

/** sessionStorage that never throws (private modes and sandboxed frames refuse it). */
export const session = {
  get(key: string): string | null {
    try {
      return sessionStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string): void {
    try {
      sessionStorage.setItem(key, value)
    } catch {
      // Nothing to do: the landing page then shows the result without the order summary.
    }
  },
}
