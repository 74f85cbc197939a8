// The e2e test server: serves the built bundle (dist/), the test pages and the simulated SDK, with an
// optional strict Content-Security-Policy. Verification answers are stubbed per test with page.route.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const port = Number(process.env.PORT ?? 4321)
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' }
// No unsafe-inline, no unsafe-eval: what a careful shop sends. The SDK origin is allowed as the shop would allow it.
const STRICT_CSP = "default-src 'self'; script-src 'self' https://cdn.iamport.kr; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src https://service.iamport.kr; base-uri 'none'; object-src 'none'"

const hits = new Map()

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/health') return void res.end('ok')
  // A merchant endpoint that redirects (status and target from the query), and a foreign "verifier" that says paid to
  // anyone (CORS and all) and counts who reached it: the widget must never follow the first to the second.
  if (url.pathname === '/e2e/redirect') {
    res.writeHead(Number(url.searchParams.get('status')), { Location: url.searchParams.get('to') ?? '/', 'Cache-Control': 'no-store' })
    return void res.end()
  }
  if (url.pathname === '/e2e/foreign-paid') {
    const token = url.searchParams.get('token') ?? ''
    if (req.method !== 'OPTIONS') hits.set(token, (hits.get(token) ?? 0) + 1)
    const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Headers': 'content-type, accept', 'Access-Control-Allow-Methods': 'POST, GET', 'Access-Control-Allow-Credentials': 'true' }
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { ...cors, 'Content-Type': 'application/json' })
    return void res.end(req.method === 'OPTIONS' ? '' : '{"status":"paid","order":{"merchant_uid":"foreign","amount":27000},"merchant_uid":"foreign","amount":27000}')
  }
  if (url.pathname === '/e2e/foreign-hits') return void res.end(String(hits.get(url.searchParams.get('token') ?? '') ?? 0))
  const path = normalize(join(root, decodeURIComponent(url.pathname)))
  const allowed = ['dist', 'e2e/pages', 'e2e/sim'].some((dir) => path.startsWith(join(root, dir) + '/'))
  if (!allowed || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    return void res.end('not found')
  }
  const headers = { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }
  if (url.searchParams.has('csp')) headers['Content-Security-Policy'] = STRICT_CSP
  res.writeHead(200, headers)
  createReadStream(path).pipe(res)
}).listen(port, '127.0.0.1', () => console.log(`e2e server on http://127.0.0.1:${port}`))
