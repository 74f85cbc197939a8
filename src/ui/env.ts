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

/**
 * Web Storage that never throws, backed by this page's memory where storage refuses (private modes, sandboxed
 * frames, a full quota): a view mounted again still replays what it decided instead of asking the server again.
 */
function safeStorage(area: () => Storage): { get(key: string): string | null; set(key: string, value: string): void } {
  const memory = new Map<string, string>()
  return {
    get(key) {
      try {
        const stored = area().getItem(key)
        if (stored !== null) return stored
      } catch {
        // refused: this page's memory may still know
      }
      return memory.get(key) ?? null
    },
    set(key, value) {
      try {
        area().setItem(key, value)
      } catch {
        memory.set(key, value) // only this page remembers: a landing page elsewhere shows no order summary
      }
    },
  }
}

/** This tab's sessionStorage: the pending order, and final outcomes for a reload or the back button. */
export const session = safeStorage(() => sessionStorage)

/**
 * The origin's localStorage: final outcomes shared by the shop's tabs, so the landing URL opened again in another tab
 * replays its outcome instead of verifying (and reporting) it again. Storage refusing costs only that.
 */
export const shared = safeStorage(() => localStorage)

/** Drops this widget's outcomes that can no longer be replayed, so localStorage never holds more than a day's orders. */
export function sweepShared(now: number): void {
  try {
    for (let i = localStorage.length; i--; ) {
      const key = localStorage.key(i)
      if (key?.startsWith(RESULT_PREFIX) && !readFinalOutcome(localStorage.getItem(key), {}, now)) localStorage.removeItem(key)
    }
  } catch {
    // refused: nothing stored there either
  }
}
