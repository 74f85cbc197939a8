// The demo's landing page (m_redirect_url): shows the payment result with the same view as the widget and
// verifies it against the development merchant server (demo/merchant-server.ts).
import { mountLanding, type CheckoutResult, type Locale } from '../src/index'

const lang = new URLSearchParams(location.search).get('lang')
const locale: Locale = lang === 'en' || lang === 'ko' ? lang : document.documentElement.lang === 'en' ? 'en' : 'ko'
if (locale === 'en') document.documentElement.lang = 'en'

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
