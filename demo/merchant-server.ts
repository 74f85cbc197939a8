// Development only: a stand-in for the merchant's server, as a Vite plugin (`npm run dev`). It never ships.
// PortOne's server knows every real payment; here the simulated SDK tells us of its simulated ones
// (window.__impSim.reportUrl → POST /api/sim/payments), and POST /api/payments/complete answers the widget's
// verification the way a merchant server should: {"status":"paid"} only for a payment it knows, for that order.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'

interface SimulatedPayment {
  merchantUid: string
  amount: number | null
  customerUid: string | null
}

const MAX_BODY = 16 * 1024

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
      if (body.length > MAX_BODY) req.destroy()
    })
    req.on('end', () => {
      try {
        const value: unknown = JSON.parse(body)
        resolve(typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined)
      } catch {
        resolve(undefined)
      }
    })
    req.on('error', () => resolve(undefined))
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** The answer to the widget's `POST {imp_uid, merchant_uid}`: paid only when that imp_uid was paid for that order. */
export function verifyAnswer(payments: ReadonlyMap<string, SimulatedPayment>, body: Record<string, unknown> | undefined): { status: 'paid' } | { status: 'failed'; message: string } {
  const impUid = text(body?.imp_uid)
  const merchantUid = text(body?.merchant_uid)
  if (!impUid || !merchantUid) return { status: 'failed', message: '결제 정보가 올바르지 않습니다. (imp_uid, merchant_uid 필요)' }
  const payment = payments.get(impUid)
  if (!payment) return { status: 'failed', message: '결제 내역을 찾을 수 없습니다.' }
  if (payment.merchantUid !== merchantUid) return { status: 'failed', message: '주문번호가 결제 내역과 일치하지 않습니다.' }
  return { status: 'paid' }
}

/** POST /api/sim/payments (from the simulator) and POST /api/payments/complete (the widget's verifyUrl). */
export function merchantServer(): Plugin {
  const payments = new Map<string, SimulatedPayment>()
  return {
    name: 'naverpay-demo-merchant-server',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/api/sim/payments', async (req, res, next) => {
        if (req.method !== 'POST') return next()
        const body = await readJson(req)
        const impUid = text(body?.imp_uid)
        const merchantUid = text(body?.merchant_uid)
        if (!impUid || !merchantUid) return send(res, 400, { error: 'imp_uid and merchant_uid are required' })
        payments.set(impUid, { merchantUid, amount: typeof body?.amount === 'number' ? body.amount : null, customerUid: text(body?.customer_uid) ?? null })
        send(res, 201, { ok: true })
      })
      server.middlewares.use('/api/payments/complete', async (req, res, next) => {
        if (req.method !== 'POST') return next()
        const answer = verifyAnswer(payments, await readJson(req))
        server.config.logger.info(`[merchant-server] verify → ${JSON.stringify(answer)}`, { timestamp: true })
        send(res, 200, answer)
      })
    },
  }
}
