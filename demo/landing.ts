// The demo's landing page (m_redirect_url): shows the payment result with the same view as the widget and
// verifies it against the demo's merchant server (demo/merchant-server.ts). The product page sends ?lang=en
// on the redirect URL when the shopper chose English, so the round trip comes back in the same language.
import { mountLanding, type CheckoutResult, type Locale } from '../src/index'
import { applyLanguage, langFrom, withLang } from './i18n'

const locale: Locale = langFrom(location.search) ?? (document.documentElement.lang === 'en' ? 'en' : 'ko')
applyLanguage(locale)
document.querySelector<HTMLAnchorElement>('#back-link')?.setAttribute('href', withLang('/', locale))

const target = document.querySelector('#npay-result')
if (!target) throw new Error('demo: #npay-result is missing from landing.html')

const log = document.querySelector('#log')
target.addEventListener('naverpay:result', (event) => {
  const entry = document.createElement('li')
  // Text only: error_msg and the server's message are never HTML.
  entry.textContent = JSON.stringify((event as CustomEvent<CheckoutResult>).detail)
  log?.prepend(entry)
})

mountLanding(target, { verifyUrl: '/api/payments/complete', locale })
