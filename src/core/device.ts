import { own } from './check'
import type { DeviceFacts, Mode } from './types'

// In-app browsers lose or block the popup window, so they take the redirect path.
const IN_APP = /KAKAOTALK|NAVER\(inapp|FBAN|FBAV|FB_IAB|Instagram|\bLine\/|DaumApps|everytimeApp|BAND\/|Twitter|wv\)/i
const MOBILE = /Android|iPhone|iPod|iPad|Mobile|Windows Phone|BlackBerry|Opera Mini|IEMobile|Silk|Kindle/i

/** Where the browser is a phone, a tablet or an in-app browser: these take the redirect path. */
export function needsRedirect(device: DeviceFacts): boolean {
  // Own properties only: a `mobile` or `userAgent` planted on Object.prototype must not choose the path.
  const ua = String(own(device, 'userAgent') ?? '')
  if (own(device, 'mobile') === true) return true
  if (MOBILE.test(ua) || IN_APP.test(ua)) return true
  // iPadOS Safari presents itself as a Mac, and Chrome on Android tablets as desktop Linux (its default "desktop
  // site"); only the touch points give them away — and, for Linux, no mouse or touchpad, which touch-screen
  // laptops have. (Chromebooks say CrOS: they stay desktops.)
  const touch = Number(own(device, 'maxTouchPoints')) > 1
  return touch && (/Macintosh/.test(ua) || (/X11; Linux/.test(ua) && !own(device, 'finePointer')))
}

/** The path a payment takes: `auto` chooses by device; no device facts means a desktop. */
export function resolveMode(mode: Mode, device: DeviceFacts | undefined): 'popup' | 'redirect' {
  if (mode !== 'auto') return mode
  return device && needsRedirect(device) ? 'redirect' : 'popup'
}
