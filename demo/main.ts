// The demo shop: a product page that mounts the widget through the ESM API, the way a merchant's bundle would.
// Everything here is demo code; nothing of it ships in the library.
import { mount, type Cart, type CheckoutHandle, type CheckoutOptions, type CheckoutResult, type Locale, type Mode } from '../src/index'
import { MAX_QTY, PLAN, PRODUCTS } from './catalogue'
import { applyLanguage, langFrom, withLang } from './i18n'

const env = import.meta.env
const simulated = !env.VITE_IMP_CODE

const won = new Intl.NumberFormat('ko-KR')
const $ = <T extends Element>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector)
  if (!found) throw new Error(`demo: ${selector} is missing from index.html`)
  return found
}

// Without a PortOne code, the simulated SDK stands in (it reports "payments" to the dev server, which plays
// PortOne's server for /api/payments/complete). It is loaded as the SDK URL, never imported, so no bundle holds it.
const connection: Pick<CheckoutOptions, 'impCode' | 'channelKey' | 'pg' | 'sdkUrl'> = simulated
  ? { impCode: 'imp00000000', sdkUrl: '/e2e/sim/iamport-sim.js' }
  : { impCode: env.VITE_IMP_CODE, channelKey: env.VITE_CHANNEL_KEY || undefined, pg: env.VITE_CHANNEL_KEY ? undefined : env.VITE_PG || undefined }

if (simulated) {
  ;(window as unknown as { __impSim?: object }).__impSim = { reportUrl: '/api/sim/payments' }
}
// Which mode the page is in, said where a person sees it first.
$<HTMLElement>(simulated ? '#sim-banner' : '#sandbox-banner').hidden = false
$('#sdk-info').textContent = simulated
  ? 'VITE_IMP_CODE가 없어 시뮬레이션 SDK(/e2e/sim/iamport-sim.js)를 사용합니다.'
  : `PortOne SDK · ${env.VITE_IMP_CODE}${env.VITE_CHANNEL_KEY ? ' · channelKey' : env.VITE_PG ? ` · pg ${env.VITE_PG}` : ''}`

// ---- Cart: quantities → cart → total, and handle.setCart on every change ----

const rows = [...document.querySelectorAll<HTMLElement>('#products .product')]

function quantity(row: HTMLElement): number {
  const value = Number($<HTMLInputElement>('.qty-input', row).value)
  return Number.isInteger(value) ? Math.min(Math.max(value, 0), MAX_QTY) : 0
}

function currentCart(): Cart {
  // Items at zero are left out: Naver Pay takes only positive counts.
  const items = rows.flatMap((row) => {
    const count = quantity(row)
    return count > 0 ? [{ ...PRODUCTS[row.dataset.uid ?? ''], count }] : []
  })
  return { items }
}

function renderTotals(): void {
  let total = 0
  for (const row of rows) {
    const line = PRODUCTS[row.dataset.uid ?? ''].price * quantity(row)
    total += line
    $('.line-total', row).textContent = `${won.format(line)}원`
  }
  $('#total').textContent = `${won.format(total)}원`
}

let shop: CheckoutHandle | undefined
let subscription: CheckoutHandle | undefined

function cartChanged(): void {
  renderTotals()
  shop?.setCart(currentCart())
}

for (const row of rows) {
  const input = $<HTMLInputElement>('.qty-input', row)
  for (const button of row.querySelectorAll<HTMLButtonElement>('.qty-btn')) {
    button.addEventListener('click', () => {
      input.value = String(Math.min(Math.max(quantity(row) + Number(button.dataset.step), 0), MAX_QTY))
      cartChanged()
    })
  }
  input.addEventListener('input', cartChanged)
  // Show the clamped number once the shopper leaves the field (typing "120" means 99).
  input.addEventListener('change', () => {
    input.value = String(quantity(row))
    cartChanged()
  })
}

// ---- Widgets ----

const modeSelect = $<HTMLSelectElement>('#mode')
const localeSelect = $<HTMLSelectElement>('#locale')
const telInput = $<HTMLInputElement>('#sub-tel')

function common(): CheckoutOptions {
  return {
    ...connection,
    mode: modeSelect.value as Mode,
    locale: localeSelect.value as Locale,
    // The landing page reads ?lang= so a shopper who paid in English comes back to English.
    redirectUrl: localeSelect.value === 'en' ? '/landing.html?lang=en' : '/landing.html',
    verifyUrl: '/api/payments/complete',
    // The server prices the cart and numbers the order ahead of the click (demo/merchant-server.ts → priceCart).
    orderUrl: '/api/orders',
  }
}

// One customer per browser tab, so re-registering the same plan looks like what it is.
function customerUid(): string {
  const key = 'naverpay-demo:customer-uid'
  try {
    const saved = sessionStorage.getItem(key)
    if (saved) return saved
    const fresh = `demo_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    sessionStorage.setItem(key, fresh)
    return fresh
  } catch {
    return `demo_${Date.now().toString(36)}`
  }
}

function mountAll(): void {
  shop?.destroy()
  subscription?.destroy()
  shop = mount('#npay', { ...common(), cart: currentCart() })
  subscription = mount('#npay-sub', {
    ...common(),
    cart: { items: [{ ...PLAN, count: 1 }] },
    buyer: { tel: telInput.value.trim() || undefined },
    recurring: { customerUid: customerUid(), productCode: 'PLAN_MONTHLY' },
  })
}

// The shop's own words follow the language too, and the link to the orders page carries it.
function languageChanged(): void {
  const locale = localeSelect.value as Locale
  applyLanguage(locale)
  $<HTMLAnchorElement>('#admin-link').href = withLang('/admin.html', locale)
}

// The options are fixed at mount, so a new mode, language or phone number means a new widget.
modeSelect.addEventListener('change', mountAll)
localeSelect.addEventListener('change', () => {
  languageChanged()
  mountAll()
})
telInput.addEventListener('change', mountAll)

// ---- The merchant's view of the outcome ----

const log = $<HTMLOListElement>('#log')
for (const host of ['#npay', '#npay-sub']) {
  $(host).addEventListener('naverpay:result', (event) => {
    const result = (event as CustomEvent<CheckoutResult>).detail
    const entry = document.createElement('li')
    // Rendered as text: error_msg and everything else from outside is never HTML.
    entry.textContent = `${host} · ${JSON.stringify(result)}`
    log.prepend(entry)
  })
}

// ?lang=en (e.g. coming back from the orders page) opens the shop in English.
const initial = langFrom(location.search)
if (initial) localeSelect.value = initial
languageChanged()
renderTotals()
mountAll()
