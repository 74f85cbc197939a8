import { readFinalOutcome, RESULT_PREFIX } from '../core/landing'
import type { BuildEnv } from '../core/types'

/** The browser facts core needs, read at the moment of the click. */
export function browserEnv(): BuildEnv {
  const nav = navigator as Navigator & { userAgentData?: { mobile?: boolean } }
  return {
    now: Date.now(),
    device: { userAgent: nav.userAgent, maxTouchPoints: nav.maxTouchPoints, mobile: nav.userAgentData?.mobile, finePointer: window.matchMedia?.('(any-pointer: fine)').matches },
    pageUrl: location.href,
  }
}

// Where sessionStorage refuses (private modes, sandboxed frames, a full quota), this page at least remembers: a view
// mounted again replays what it decided instead of asking the server again. Another page load cannot see it.
const memory = new Map<string, string>()

/** sessionStorage that never throws, backed by this page's memory where storage refuses. */
export const session = {
  get(key: string): string | null {
    try {
      const stored = sessionStorage.getItem(key)
      if (stored !== null) return stored
    } catch {
      // refused: this page's memory may still know
    }
    return memory.get(key) ?? null
  },
  set(key: string, value: string): void {
    try {
      sessionStorage.setItem(key, value)
    } catch {
      memory.set(key, value) // only this page remembers: a landing page elsewhere shows no order summary
    }
  },
}

/**
 * localStorage that never throws: final outcomes, shared by this origin's tabs, so the landing URL opened again in
 * another tab replays its outcome instead of verifying (and reporting) it again. Storage refusing costs only that.
 * Writing also drops this widget's expired entries, so it never grows past a day's orders.
 */
export const shared = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string, now: number): void {
    try {
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const old = localStorage.key(i)
        if (old?.startsWith(RESULT_PREFIX) && !readFinalOutcome(localStorage.getItem(old), {}, now)) localStorage.removeItem(old)
      }
      localStorage.setItem(key, value)
    } catch {
      // refused or full: this tab's sessionStorage still remembers
    }
  },
}
