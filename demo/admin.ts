// The demo's orders page: renders /api/admin/state and sends the merchant's actions (demo/admin-api.ts). Everything
// from outside — product names, reasons, PortOne's messages — is set as text, never HTML.
import type { Locale } from '../src/index'
import { applyLanguage, langFrom, withLang } from './i18n'

interface Difference {
  field: string
  ours: string | number | null
  portone: string | number | null
}
interface OrderView {
  merchant_uid: string
  name: string
  items: { name: string; count: number; price?: number }[]
  amount: number
  status: string
  refunded: number
  refundable: number
  imp_uid: string | null
  created_at: number
  paid_at: number | null
  failure: string | null
  kind: string
  customer_uid: string | null
  schedule_at: number | null
  schedule_status: string | null
  refunds: { amount: number; reason: string; requester: string; at: number }[]
  match: { checked_at: number; portone_status: string | null; differences: Difference[] } | null
}
interface RegistrationView {
  customer_uid: string
  registered_at: number
  deleted_at: number | null
  delete_reason: string | null
  scheduled: { merchant_uid: string; schedule_at: number }[]
}
interface State {
  mode: 'simulated' | 'sandbox'
  naver_use_cfm: boolean
  orders: OrderView[]
  registrations: RegistrationView[]
}

const WORDS = {
  ko: {
    status: { pending: '대기', paid: '결제 완료', partially_refunded: '부분 환불', cancelled: '취소(전액 환불)', failed: '실패', registered: '등록됨' } as Record<string, string>,
    kind: { order: '', registration: '정기결제 등록', charge: '빌링키 청구', schedule: '예약 결제' } as Record<string, string>,
    schedule: { scheduled: '예약됨', revoked: '예약 취소', executed: '실행됨' } as Record<string, string>,
    simulated: '시뮬레이션 모드 — PortOne의 대역(double)과 대조합니다',
    sandbox: 'PortOne 테스트 모드 — 실제 PortOne API와 대조합니다',
    matched: '일치',
    notChecked: '대조 전',
    diff: (d: Difference) => `${FIELD.ko[d.field] ?? d.field}: 가맹점 ${d.ours ?? '없음'} · PortOne ${d.portone ?? '없음'}`,
    refunded: (won: string) => `환불 ${won}`,
    refundable: (won: string) => `환불 가능 ${won}`,
    amount: '환불 금액 (비우면 전액)',
    reason: '사유 (필수)',
    requester: '요청자',
    customer: '구매자 (customer)',
    admin: '관리자 (admin)',
    refund: '환불',
    chargeNow: '지금 청구',
    scheduleNext: '다음 회차 예약',
    unschedule: '예약 취소',
    deleteKey: '빌링키 삭제',
    deleted: (reason: string) => `삭제됨 (${reason})`,
    none: '없음',
    working: '처리 중…',
    network: '서버에 연결하지 못했습니다.',
    won: (n: number) => `${n.toLocaleString('ko-KR')}원`,
  },
  en: {
    status: { pending: 'pending', paid: 'paid', partially_refunded: 'partially refunded', cancelled: 'cancelled (refunded)', failed: 'failed', registered: 'registered' } as Record<string, string>,
    kind: { order: '', registration: 'registration', charge: 'billing-key charge', schedule: 'scheduled payment' } as Record<string, string>,
    schedule: { scheduled: 'scheduled', revoked: 'schedule cancelled', executed: 'executed' } as Record<string, string>,
    simulated: "Simulation mode — orders are matched with PortOne's double",
    sandbox: "PortOne test mode — orders are matched with PortOne's real API",
    matched: 'matched',
    notChecked: 'not checked yet',
    diff: (d: Difference) => `${FIELD.en[d.field] ?? d.field}: shop ${d.ours ?? 'none'} · PortOne ${d.portone ?? 'none'}`,
    refunded: (won: string) => `refunded ${won}`,
    refundable: (won: string) => `refundable ${won}`,
    amount: 'Amount (empty: everything)',
    reason: 'Reason (required)',
    requester: 'Requested by',
    customer: 'customer',
    admin: 'admin',
    refund: 'Refund',
    chargeNow: 'Charge now',
    scheduleNext: 'Schedule next period',
    unschedule: 'Cancel schedule',
    deleteKey: 'Delete billing key',
    deleted: (reason: string) => `deleted (${reason})`,
    none: 'none',
    working: 'Working…',
    network: 'The server could not be reached.',
    won: (n: number) => `₩${n.toLocaleString('en-US')}`,
  },
}
const FIELD: Record<Locale, Record<string, string>> = {
  ko: { payment: '결제 내역', status: '상태', amount: '금액', cancel_amount: '취소 금액', merchant_uid: '주문번호', billing_key: '빌링키' },
  en: { payment: 'payment', status: 'status', amount: 'amount', cancel_amount: 'cancelled amount', merchant_uid: 'order number', billing_key: 'billing key' },
}

const $ = <T extends Element>(selector: string): T => {
  const found = document.querySelector<T>(selector)
  if (!found) throw new Error(`demo: ${selector} is missing from admin.html`)
  return found
}
const localeSelect = $<HTMLSelectElement>('#locale')
const statusBox = $<HTMLElement>('#admin-status')
const alertBox = $<HTMLElement>('#admin-alert')
const showPending = $<HTMLInputElement>('#show-pending')
let locale: Locale = langFrom(location.search) ?? 'ko'
let state: State | undefined
let keepTyped = true

function w() {
  return WORDS[locale]
}

// ---- talking to the server ----

async function call(path: string, body?: Record<string, unknown>): Promise<void> {
  statusBox.textContent = w().working
  alertBox.textContent = ''
  let answer: { message?: string; state?: State } & Partial<State>
  let ok: boolean
  try {
    const res = await fetch(`/api/admin/${path}?lang=${locale}`, {
      method: body ? 'POST' : 'GET',
      // A header a cross-site form cannot send: the server refuses requests without it.
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'naverpay-demo' },
      body: body ? JSON.stringify(body) : undefined,
    })
    ok = res.ok
    answer = (await res.json()) as typeof answer
  } catch {
    statusBox.textContent = ''
    alertBox.textContent = w().network
    return
  }
  const next = answer.state ?? (answer.orders ? (answer as State) : undefined)
  if (next) {
    state = next
    // An action that went through starts its forms afresh; a check or a refusal keeps what was typed.
    keepTyped = !(ok && body && path !== 'check')
    render()
    keepTyped = true
  }
  // PortOne's refusal is shown exactly as it was sent, as text.
  statusBox.textContent = ok && answer.message ? answer.message : ''
  alertBox.textContent = ok ? '' : (answer.message ?? '')
  // Refused: the page may be stale (another tab refunded meanwhile). Show what is true now; the refusal stays.
  if (!ok && body) await refresh()
}

async function refresh(): Promise<void> {
  try {
    const res = await fetch(`/api/admin/state?lang=${locale}`, { headers: { 'X-Requested-With': 'naverpay-demo' } })
    if (res.ok) {
      state = (await res.json()) as State
      render()
    }
  } catch {
    // The refusal already on screen says enough.
  }
}

// ---- rendering ----

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

function time(ms: number | null): string {
  return ms ? new Date(ms).toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'medium' }) : ''
}

function field(labelText: string, input: HTMLInputElement | HTMLSelectElement): HTMLLabelElement {
  const label = el('label')
  label.append(el('span', labelText), input)
  return label
}

function requesterSelect(): HTMLSelectElement {
  const select = el('select')
  select.name = 'requester'
  select.required = true
  for (const value of ['customer', 'admin'] as const) {
    const option = el('option', w()[value])
    option.value = value
    select.append(option)
  }
  return select
}

function reasonInput(): HTMLInputElement {
  const input = el('input')
  input.name = 'reason'
  input.required = true
  input.maxLength = 200
  return input
}

function refundForm(order: OrderView): HTMLFormElement {
  const form = el('form', undefined, 'row-form')
  const amount = el('input')
  amount.name = 'amount'
  amount.type = 'number'
  amount.min = '1'
  amount.max = String(order.refundable)
  amount.inputMode = 'numeric'
  const reason = reasonInput()
  const requester = requesterSelect()
  const submit = el('button', w().refund)
  submit.type = 'submit'
  form.append(field(w().amount, amount), field(w().reason, reason), field(w().requester, requester), submit)
  // The balance this page showed: if PortOne's differs by now (another tab, a double submit), PortOne refuses.
  const checksum = order.refundable
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void call('refund', {
      merchant_uid: order.merchant_uid,
      amount: amount.value === '' ? undefined : Number(amount.value),
      reason: reason.value,
      requester: requester.value,
      checksum,
    })
  })
  return form
}

/** What the merchant has typed into the row forms, so that a re-render (the check after loading) keeps it. */
function typed(body: HTMLElement): Map<string, string> {
  const values = new Map<string, string>()
  for (const input of body.querySelectorAll<HTMLInputElement | HTMLSelectElement>('tr[data-merchant-uid] input, tr[data-merchant-uid] select')) {
    values.set(`${input.closest<HTMLElement>('tr')?.dataset.merchantUid}/${input.name}`, input.value)
  }
  return values
}

function renderOrders(): void {
  const body = $<HTMLTableSectionElement>('#orders tbody')
  const kept = keepTyped ? typed(body) : new Map<string, string>()
  body.replaceChildren()
  if (!state) return
  for (const order of state.orders) {
    // Each widget mount asks for a fresh order: unpaid ones are noise unless asked for (a schedule stays listed).
    if (!showPending.checked && order.status === 'pending' && order.kind !== 'schedule' && !order.imp_uid) continue
    const row = el('tr')
    row.dataset.merchantUid = order.merchant_uid
    const number = el('td', order.merchant_uid, 'mono')
    if (w().kind[order.kind]) number.append(el('div', w().kind[order.kind], 'small'))
    const items = el('td', order.items.map((i) => `${i.name} × ${i.count}`).join(', '))
    const amount = el('td', w().won(order.amount), 'num')
    if (order.refunded > 0) amount.append(el('div', w().refunded(w().won(order.refunded)), 'small'))
    if (order.refundable > 0 && order.refunded > 0) amount.append(el('div', w().refundable(w().won(order.refundable)), 'small'))
    const status = el('td', w().status[order.status] ?? order.status, `status-${order.status}`)
    if (order.schedule_status) status.append(el('div', w().schedule[order.schedule_status] ?? order.schedule_status, 'small'))
    if (order.failure) status.append(el('div', order.failure, 'small'))
    for (const r of order.refunds) status.append(el('div', `${w().won(r.amount)} · ${r.reason} · ${r.requester}`, 'small'))
    const match = el('td')
    if (!order.match) match.textContent = w().notChecked
    else if (order.match.differences.length === 0) match.textContent = `${w().matched}${order.match.portone_status ? ` (${order.match.portone_status})` : ''}`
    else for (const d of order.match.differences) match.append(el('div', w().diff(d), 'diff'))
    const refund = el('td')
    if (order.refundable > 0) refund.append(refundForm(order))
    row.append(number, items, amount, status, el('td', order.imp_uid ?? '', 'mono'), el('td', time(order.paid_at ?? order.created_at)), match, refund)
    for (const input of row.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      const value = kept.get(`${order.merchant_uid}/${input.name}`)
      if (value !== undefined) input.value = value
    }
    body.append(row)
  }
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', text)
  b.type = 'button'
  b.addEventListener('click', onClick)
  return b
}

function renderRegistrations(): void {
  const body = $<HTMLTableSectionElement>('#registrations tbody')
  body.replaceChildren()
  if (!state) return
  for (const r of state.registrations) {
    const row = el('tr')
    row.dataset.customerUid = r.customer_uid
    const scheduled = el('td')
    for (const s of r.scheduled) {
      const line = el('div', time(s.schedule_at))
      line.append(' ', button(w().unschedule, () => void call('unschedule', { merchant_uid: s.merchant_uid })))
      scheduled.append(line)
    }
    if (r.scheduled.length === 0) scheduled.textContent = w().none
    const charge = el('td')
    const remove = el('td')
    if (r.deleted_at) {
      charge.textContent = w().deleted(r.delete_reason ?? '')
    } else {
      charge.append(
        button(w().chargeNow, () => void call('charge', { customer_uid: r.customer_uid })),
        ' ',
        button(w().scheduleNext, () => void call('schedule', { customer_uid: r.customer_uid })),
      )
      const form = el('form', undefined, 'row-form')
      const reason = reasonInput()
      const requester = requesterSelect()
      const submit = el('button', w().deleteKey)
      submit.type = 'submit'
      form.append(field(w().reason, reason), field(w().requester, requester), submit)
      form.addEventListener('submit', (event) => {
        event.preventDefault()
        void call('delete-billing-key', { customer_uid: r.customer_uid, reason: reason.value, requester: requester.value })
      })
      remove.append(form)
    }
    row.append(el('td', r.customer_uid, 'mono'), el('td', time(r.registered_at)), scheduled, charge, remove)
    body.append(row)
  }
}

function render(): void {
  if (!state) return
  const note = $<HTMLElement>('#mode-note')
  note.hidden = false
  note.textContent = state.mode === 'simulated' ? w().simulated : w().sandbox
  $<HTMLButtonElement>('#run-schedules').hidden = state.mode !== 'simulated'
  $<HTMLInputElement>('#use-cfm').checked = state.naver_use_cfm
  renderOrders()
  renderRegistrations()
}

// ---- wiring ----

function languageChanged(): void {
  locale = localeSelect.value as Locale
  applyLanguage(locale)
  $<HTMLAnchorElement>('#shop-link').href = withLang('/', locale)
  render()
}

localeSelect.value = locale
localeSelect.addEventListener('change', languageChanged)
showPending.addEventListener('change', renderOrders)
$('#recheck').addEventListener('click', () => void call('check', {}))
$('#run-schedules').addEventListener('click', () => void call('run-schedules', {}))
$('#contract').addEventListener('submit', (event) => {
  event.preventDefault()
  void call('contract', { naver_use_cfm: $<HTMLInputElement>('#use-cfm').checked })
})

languageChanged()
// Fast first (the shop's own records), then matched against PortOne.
void call('state').then(() => call('check', {}))
