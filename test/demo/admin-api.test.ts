// @vitest-environment node
// The orders page's endpoints (demo/admin-api.ts) over HTTP, against PortOne's double: refunds (full, partial, a
// second one on a stale page), charges, schedules, billing-key deletes, matching, and every refusal.
import { describe, expect, test } from 'vitest'
import { BOOK, CD, pay, register, startDemo, type Demo } from './harness'

interface OrderView {
  merchant_uid: string
  status: string
  amount: number
  refunded: number
  refundable: number
  imp_uid: string | null
  kind: string
  customer_uid: string | null
  schedule_status: string | null
  refunds: { amount: number; reason: string; requester: string }[]
  match: { differences: { field: string; ours: unknown; portone: unknown }[]; portone_status: string | null } | null
}

async function orderOf(demo: Demo, merchantUid: string): Promise<OrderView> {
  const state = await demo.call('/api/admin/state')
  const found = (state.body.orders as OrderView[]).find((o) => o.merchant_uid === merchantUid)
  if (!found) throw new Error(`no order ${merchantUid}`)
  return found
}

describe('refunds: reason and requester required, checksum = the refundable balance', () => {
  test('a partial refund leaves the rest refundable; PortOne received reason, extra.requester and checksum', async () => {
    const demo = await startDemo()
    const { merchantUid, impUid } = await pay(demo) // 13,500원
    const answer = await demo.call('/api/admin/refund', { merchant_uid: merchantUid, amount: 1500, reason: '한국사 품절', requester: 'customer', checksum: 13500 })
    expect(answer.status).toBe(200)
    expect(answer.body.message).toBe('1,500원을 환불했습니다. 남은 결제 금액 12,000원.')
    const sent = demo.server.double!.apiRequests().find((r) => r.path === '/payments/cancel')!
    expect(sent.body).toMatchObject({ imp_uid: impUid, amount: 1500, reason: '한국사 품절', checksum: 13500, extra: { requester: 'customer' } })
    const order = await orderOf(demo, merchantUid)
    expect(order).toMatchObject({ status: 'partially_refunded', refunded: 1500, refundable: 12000, refunds: [{ amount: 1500, reason: '한국사 품절', requester: 'customer' }] })
    expect(order.match?.differences).toEqual([])
  })

  test('a full refund (no amount) cancels the order', async () => {
    const demo = await startDemo()
    const { merchantUid } = await pay(demo, [CD])
    const answer = await demo.call('/api/admin/refund', { merchant_uid: merchantUid, reason: '단순 변심', requester: 'admin', checksum: 12000 })
    expect(answer.status).toBe(200)
    expect(await orderOf(demo, merchantUid)).toMatchObject({ status: 'cancelled', refunded: 12000, refundable: 0 })
    expect(demo.server.double!.apiRequests().find((r) => r.path === '/payments/cancel')!.body).not.toHaveProperty('amount')
  })

  test('the same refund sent twice from one page (same checksum) refunds once; the second shows PortOne\'s refusal exactly', async () => {
    const demo = await startDemo()
    const { merchantUid } = await pay(demo)
    const request = { merchant_uid: merchantUid, amount: 3000, reason: '부분 환불', requester: 'admin', checksum: 13500 }
    const [first, second] = await Promise.all([demo.call('/api/admin/refund', request), demo.call('/api/admin/refund', request)])
    const statuses = [first.status, second.status].sort()
    expect(statuses).toEqual([200, 409])
    const refused = first.status === 409 ? first : second
    // The double's words, as PortOne's would be shown: nothing added, nothing taken away.
    const cancels = demo.server.double!.state.payments
    expect(refused.body.message).toBe('[취소실패] 취소가능잔액(10500원)이 checksum(13500원)과 일치하지 않습니다.')
    expect([...cancels.values()][0].cancel_amount).toBe(3000)
    expect(await orderOf(demo, merchantUid)).toMatchObject({ refunded: 3000, refundable: 10500 })
  })

  test.each([
    ['no reason', { reason: undefined }, 'reason'],
    ['a blank reason', { reason: '   ' }, 'reason'],
    ['no requester', { requester: undefined }, 'requester'],
    ['another requester', { requester: 'shop' }, 'requester'],
    ['no checksum', { checksum: undefined }, 'checksum'],
    ['a string amount', { amount: '1000' }, 'amount'],
    ['a zero amount (PortOne would cancel everything)', { amount: 0 }, 'amount'],
    ['more than is refundable', { amount: 20000 }, 'amount'],
  ])('%s is refused naming the field, and nothing reaches PortOne', async (_name, change, field) => {
    const demo = await startDemo()
    const { merchantUid } = await pay(demo)
    const body = { merchant_uid: merchantUid, amount: 1000, reason: '사유', requester: 'admin', checksum: 13500, ...change }
    const answer = await demo.call('/api/admin/refund', body)
    expect(answer.status).toBe(400)
    expect(answer.body.field).toBe(field)
    expect(String(answer.body.message)).toContain(field)
    expect(demo.server.double!.apiRequests().some((r) => r.path === '/payments/cancel')).toBe(false)
  })

  test('an order that is not paid cannot be refunded', async () => {
    const demo = await startDemo()
    const order = await demo.call('/api/orders', { cart: { items: [BOOK] } })
    const answer = await demo.call('/api/admin/refund', { merchant_uid: order.body.merchant_uid, reason: '사유', requester: 'admin', checksum: 1500 })
    expect(answer).toEqual({ status: 409, body: { message: '환불할 수 있는 결제(결제 완료)가 아닙니다.' } })
  })
})

describe('registrations: charge now, schedule, unschedule, delete', () => {
  test('charge now: a new order number each time, each paid through the same verification', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_a')
    const first = await demo.call('/api/admin/charge', { customer_uid: 'cust_a' })
    const second = await demo.call('/api/admin/charge', { customer_uid: 'cust_a' })
    expect([first.status, second.status]).toEqual([200, 200])
    expect(first.body.message).toBe('9,900원을 청구했습니다.')
    expect(first.body.merchant_uid).not.toBe(second.body.merchant_uid)
    const charged = await orderOf(demo, first.body.merchant_uid as string)
    expect(charged).toMatchObject({ status: 'paid', amount: 9900, kind: 'charge', customer_uid: 'cust_a' })
    expect(charged.imp_uid).toMatch(/^imp_/)
    expect(demo.log.filter((l) => l.startsWith(`paid ${first.body.merchant_uid}`))).toHaveLength(1)
    // No contract setting: no naverUseCfm (Naver Pay: it must NOT be sent unless the contract requires it).
    const again = demo.server.double!.apiRequests().filter((r) => r.path === '/subscribe/payments/again')
    expect(again[0].body).not.toHaveProperty('extra')
  })

  test('with the contract setting on, charges and schedules carry naverUseCfm (yyyyMMdd)', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_b')
    expect((await demo.call('/api/admin/contract', { naver_use_cfm: true })).status).toBe(200)
    await demo.call('/api/admin/charge', { customer_uid: 'cust_b' })
    await demo.call('/api/admin/schedule', { customer_uid: 'cust_b' })
    const [again] = demo.server.double!.apiRequests().filter((r) => r.path === '/subscribe/payments/again')
    const [schedule] = demo.server.double!.apiRequests().filter((r) => r.path === '/subscribe/payments/schedule')
    expect((again.body.extra as { naverUseCfm: string }).naverUseCfm).toMatch(/^20\d{6}$/)
    const scheduled = (schedule.body.schedules as { extra: { naverUseCfm: string } }[])[0]
    expect(scheduled.extra.naverUseCfm).toMatch(/^20\d{6}$/)
  })

  test('a charge whose answer never arrives is looked up by its order number before anything else', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_c')
    demo.server.double!.failNext({ drop: true, path: '/subscribe/payments/again' })
    const answer = await demo.call('/api/admin/charge', { customer_uid: 'cust_c' })
    expect(answer.status).toBe(503)
    expect(answer.body.message).toContain('주문번호로 조회한 결과 결제되지 않았습니다')
    const calls = demo.server.double!.apiRequests().map((r) => `${r.method} ${r.path.split('/').slice(0, 3).join('/')}`)
    expect(calls.slice(-2)).toEqual(['POST /subscribe/payments', 'GET /payments/find'])
  })

  test('a charge answered by a 5xx (it may have gone through) is looked up by its order number, not marked failed', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_g')
    // PortOne charged, and a gateway in between answered 502 instead of PortOne's answer.
    demo.server.double!.failNext({ status: 502, path: '/subscribe/payments/again', afterProcessing: true })
    const answer = await demo.call('/api/admin/charge', { customer_uid: 'cust_g' })
    const calls = demo.server.double!.apiRequests().map((r) => `${r.method} ${r.path.split('/').slice(0, 3).join('/')}`)
    expect(calls).toContain('GET /payments/find')
    expect(answer.status).toBe(200)
    const charged = await orderOf(demo, answer.body.merchant_uid as string)
    expect(charged).toMatchObject({ status: 'paid', amount: 9900, kind: 'charge' })
    expect(demo.log.filter((l) => l.startsWith(`paid ${answer.body.merchant_uid}`))).toHaveLength(1)
  })

  test('a charge whose outcome stayed unknown is settled by the next check: paid once, as the message promises', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_h')
    const double = demo.server.double!
    // PortOne charged but its answer was lost, and the lookup by order number got no answer either (a GET is tried twice).
    double.failNext({ drop: true, path: '/subscribe/payments/again', afterProcessing: true })
    double.failNext({ drop: true, path: /^\/payments\/find\// })
    double.failNext({ drop: true, path: /^\/payments\/find\// })
    const answer = await demo.call('/api/admin/charge', { customer_uid: 'cust_h' })
    expect(answer.status).toBe(503)
    const pending = (await demo.call('/api/admin/state')).body.orders as OrderView[]
    const charge = pending.find((o) => o.kind === 'charge' && o.customer_uid === 'cust_h')!
    expect(charge.status).toBe('pending')
    await demo.call('/api/admin/check', { merchant_uid: charge.merchant_uid })
    const checked = await orderOf(demo, charge.merchant_uid)
    expect(checked).toMatchObject({ status: 'paid', amount: 9900 })
    expect(checked.match!.differences).toEqual([])
    await demo.call('/api/admin/check', {})
    expect(demo.log.filter((l) => l.startsWith(`paid ${charge.merchant_uid}`))).toHaveLength(1)
  })

  test('schedule the next period, cancel it; schedule again, and the simulated run pays it by webhook', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_d')
    const scheduled = await demo.call('/api/admin/schedule', { customer_uid: 'cust_d' })
    expect(scheduled.status).toBe(200)
    const first = scheduled.body.merchant_uid as string
    expect(await orderOf(demo, first)).toMatchObject({ status: 'pending', kind: 'schedule', schedule_status: 'scheduled' })
    const sentAt = (demo.server.double!.apiRequests().find((r) => r.path === '/subscribe/payments/schedule')!.body.schedules as { schedule_at: number }[])[0].schedule_at
    expect(sentAt * 1000 - Date.now()).toBeGreaterThan(27 * 24 * 3600 * 1000)

    const unscheduled = await demo.call('/api/admin/unschedule', { merchant_uid: first })
    expect(unscheduled.status).toBe(200)
    expect(demo.server.double!.state.schedules.get(first)?.schedule_status).toBe('revoked')
    expect(await orderOf(demo, first)).toMatchObject({ status: 'failed', schedule_status: 'revoked' })
    expect((await demo.call('/api/admin/unschedule', { merchant_uid: first })).status).toBe(409)

    const next = (await demo.call('/api/admin/schedule', { customer_uid: 'cust_d' })).body.merchant_uid as string
    const ran = await demo.call('/api/admin/run-schedules', {})
    expect(ran.body.message).toBe('예약 결제 1건을 실행했습니다. 결과는 웹훅으로 반영됩니다.')
    expect(demo.server.double!.state.webhooks.map((w) => w.result)).toEqual([200])
    expect(await orderOf(demo, next)).toMatchObject({ status: 'paid', schedule_status: 'executed', amount: 9900 })
  })

  test('a billing key with a scheduled payment is not deleted; without one it is, with reason and requester', async () => {
    const demo = await startDemo()
    await register(demo, 'cust_e')
    const scheduled = (await demo.call('/api/admin/schedule', { customer_uid: 'cust_e' })).body.merchant_uid
    const blocked = await demo.call('/api/admin/delete-billing-key', { customer_uid: 'cust_e', reason: '구독 해지', requester: 'customer' })
    expect(blocked.status).toBe(409)
    expect(demo.server.double!.state.billingKeys.has('cust_e')).toBe(true)

    await demo.call('/api/admin/unschedule', { merchant_uid: scheduled })
    const deleted = await demo.call('/api/admin/delete-billing-key', { customer_uid: 'cust_e', reason: '구독 해지', requester: 'customer' })
    expect(deleted.status).toBe(200)
    const sent = demo.server.double!.apiRequests().find((r) => r.method === 'DELETE')!
    expect(sent.query).toEqual({ reason: '구독 해지', 'extra[requester]': 'customer' })
    expect(demo.server.double!.state.billingKeys.has('cust_e')).toBe(false)
    // Gone: it can no longer be charged or deleted again.
    expect((await demo.call('/api/admin/charge', { customer_uid: 'cust_e' })).body.message).toBe('삭제된 빌링키입니다.')
    expect((await demo.call('/api/admin/delete-billing-key', { customer_uid: 'cust_e', reason: 'x', requester: 'admin' })).status).toBe(409)
  })

  test.each([
    ['charge', { customer_uid: 'nobody' }, 404],
    ['schedule', { customer_uid: 'nobody' }, 404],
    ['charge', {}, 400],
    ['delete-billing-key', { customer_uid: 'cust_f', requester: 'admin' }, 400],
    ['delete-billing-key', { customer_uid: 'cust_f', reason: '해지', requester: 'me' }, 400],
    ['unschedule', { merchant_uid: 'ord_unknown' }, 409],
    ['contract', { naver_use_cfm: 'yes' }, 400],
  ])('%s %j is refused (%i)', async (action, body, status) => {
    const demo = await startDemo()
    await register(demo, 'cust_f')
    const answer = await demo.call(`/api/admin/${action}`, body)
    expect(answer.status).toBe(status)
    expect(String(answer.body.message)).not.toBe('')
    expect(demo.server.double!.state.billingKeys.size).toBe(1)
  })
})

describe('matching the shop\'s orders with PortOne', () => {
  test('matched after paying; a cancel made at PortOne\'s console shows as a difference on the next check', async () => {
    const demo = await startDemo()
    const { merchantUid, impUid } = await pay(demo, [BOOK])
    await demo.call('/api/admin/check', { merchant_uid: merchantUid })
    expect((await orderOf(demo, merchantUid)).match).toMatchObject({ portone_status: 'paid', differences: [] })
    // Someone cancels it in PortOne's console (no webhook reaches localhost): the shop's order still says paid.
    demo.server.double!.state.cancel({ imp_uid: impUid, reason: '콘솔 취소' })
    const checked = await demo.call('/api/admin/check', {})
    const order = (checked.body.state as { orders: OrderView[] }).orders.find((o) => o.merchant_uid === merchantUid)!
    expect(order.match?.differences).toEqual([
      { field: 'status', ours: 'paid', portone: 'cancelled' },
      { field: 'cancel_amount', ours: 0, portone: 1500 },
    ])
  })
})

describe('only the demo\'s own pages may call these', () => {
  test.each([
    ['no X-Requested-With header (a cross-site form)', { 'x-requested-with': '' }],
    ['another site\'s Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  ])('%s → 403, nothing done', async (_name, headers) => {
    const demo = await startDemo()
    const { merchantUid } = await pay(demo)
    const answer = await demo.call('/api/admin/refund', { merchant_uid: merchantUid, reason: '사유', requester: 'admin', checksum: 13500 }, headers)
    expect(answer.status).toBe(403)
    expect(answer.body.message).toContain('X-Requested-With')
    expect((await demo.call('/api/admin/state', undefined, headers)).status).toBe(403)
    expect(demo.server.double!.apiRequests().some((r) => r.path === '/payments/cancel')).toBe(false)
  })

  test('its own origin with the header is served', async () => {
    const demo = await startDemo()
    const answer = await demo.call('/api/admin/state', undefined, { origin: demo.origin, 'sec-fetch-site': 'same-origin' })
    expect(answer.status).toBe(200)
    expect(answer.body.mode).toBe('simulated')
  })

  test.each([
    ['a form body', 'reason=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['broken JSON', '{"merchant_uid":', {}, 400],
    ['a __proto__ key', '{"__proto__":{"admin":true}}', {}, 400],
    ['a 1 MB body', JSON.stringify({ reason: 'x'.repeat(1024 * 1024) }), {}, 413],
  ])('%s is refused with a message', async (_name, body, headers, status) => {
    const demo = await startDemo()
    const answer = await demo.call('/api/admin/refund', body, headers)
    expect(answer.status).toBe(status)
    expect(typeof answer.body.message).toBe('string')
  })

  test('GET on an action and an unknown action are refused', async () => {
    const demo = await startDemo()
    expect((await demo.call('/api/admin/refund')).status).toBe(405)
    expect((await demo.call('/api/admin/drop-tables', {})).status).toBe(404)
    expect((await demo.call('/api/admin/run-schedules', {}, { 'x-requested-with': 'naverpay-demo' })).status).toBe(200)
  })
})
