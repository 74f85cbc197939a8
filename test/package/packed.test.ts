// The package as a shop gets it: `npm pack` of the built tree, unpacked into a scratch app's node_modules (its
// dependencies linked from ours, so no network), then typechecked by the shop's TypeScript in each module
// resolution mode and loaded by Node. Runs after `npm run build` (`npm run test:package`).
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> }
const tsc = join(root, 'node_modules/typescript/bin/tsc')

// Lines ending in `// ✗ TSnnnn` must draw exactly that error; every other line of every file must draw none.
const FILES: Record<string, string> = {
  'main-ok.ts': `
import { buildRequestPayParams, mount, mountLanding, parsePaymentResult, version, type CartItem, type CheckoutOptions, type CheckoutResult } from 'naverpay-checkout'

const item: CartItem = { uid: '107922211', name: '한국사', price: 1500, count: 10, categoryType: 'BOOK', categoryId: 'GENERAL' }
const options: CheckoutOptions = {
  impCode: 'imp00000000', cart: { items: [item] }, mode: 'popup', locale: 'en',
  onResult: (result: CheckoutResult) => console.log(result.status),
}
const built = buildRequestPayParams(options.cart, options)
export const amount: number = built.ok ? built.params.amount : built.errors.length
export const status: 'success' | 'failure' | 'none' = parsePaymentResult('?imp_uid=imp_1&merchant_uid=m_1').status
export const v: string = version
export function show(target: HTMLElement, landing: HTMLElement): void {
  const handle = mount(target, options)
  handle.setCart({ items: [{ ...item, count: 2 }] })
  handle.destroy()
  mountLanding(landing, { verifyUrl: '/payments/complete' }).destroy()
}
`,
  'main-wrong.ts': `
import { buildRequestPayParams, mount, type CartItem } from 'naverpay-checkout'
import { notExported } from 'naverpay-checkout' // ✗ TS2305

export const item: CartItem = { uid: '1', name: '한국사', price: '1500', count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' } // ✗ TS2322
mount('#npay', { cart: { items: [item] }, mode: 'sideways' }) // ✗ TS2322
mount('#npay', { cart: { items: [item] } }).pay('now') // ✗ TS2554
export const params = buildRequestPayParams({ items: [item] }).params // ✗ TS2339
export { notExported }
`,
  'server-ok.ts': `
import { createCheckoutServer, createPortOneClient, memoryOrderStore, PortOneError, type Payment, type PortOneClient } from 'naverpay-checkout/server'

const portone: PortOneClient = createPortOneClient({ impKey: 'key', impSecret: 'secret', includeSandbox: true })
export async function paidAmount(impUid: string): Promise<number | null> {
  try {
    const payment: Payment | null = await portone.getPayment(impUid)
    return payment ? payment.amount - payment.cancel_amount : null
  } catch (error) {
    if (error instanceof PortOneError) return error.status
    throw error
  }
}
export const cancel = (impUid: string): Promise<Payment> => portone.cancelPayment({ impUid, reason: '재고 부족', requester: 'admin' })
const checkout = createCheckoutServer({
  portone, orders: memoryOrderStore(),
  priceCart: (cart) => ({ amount: cart.items.length * 1500, name: '한국사' }),
  onPaid: async (order, payment) => console.log(order.merchantUid, payment.amount),
})
export const verify: (request: Request) => Promise<Response> = checkout.verify
`,
  'server-wrong.ts': `
import { createCheckoutServer, createPortOneClient, memoryOrderStore } from 'naverpay-checkout/server'

export const portone = createPortOneClient({ impKey: 1, impSecret: 'secret' }) // ✗ TS2322
createCheckoutServer({ portone, orders: memoryOrderStore(), onPaid: () => {}, priceCart: () => ({ amount: '1500', name: 'x' }) }) // ✗ TS2322
portone.cancelPayment({ impUid: 'imp_1', reason: '재고 부족', requester: 'shopper' }) // ✗ TS2322
portone.getPayment(42) // ✗ TS2345
export const amount = async (): Promise<string> => (await portone.getPayment('imp_1'))!.amount // ✗ TS2322
`,
}

const MODES = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  // The legacy `node` resolution reads no "exports": "types" serves the main entry, "typesVersions" the server's.
  node10: { module: 'commonjs', moduleResolution: 'node10' },
} as const

let work: string
let app: string
let packed: string[]

beforeAll(() => {
  if (!existsSync(join(root, 'dist/types/index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` before `npm run test:package`')
  work = mkdtempSync(join(tmpdir(), 'naverpay-checkout-pack-'))
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const [{ filename, files }] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }]
  packed = files.map((f) => f.path)

  app = join(work, 'app')
  const target = join(app, 'node_modules/naverpay-checkout')
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', join(work, filename), '-C', target, '--strip-components=1'])
  for (const dep of ['preact', '@preact/signals', '@preact/signals-core']) {
    mkdirSync(dirname(join(app, 'node_modules', dep)), { recursive: true })
    symlinkSync(join(root, 'node_modules', dep), join(app, 'node_modules', dep), 'dir')
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }))
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(app, name), text)
})

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

interface Diagnostic { file: string; line: number; code: string; message: string }

function typecheck(mode: keyof typeof MODES, project: { lib?: string[]; types?: string[]; files?: string[]; skipLibCheck?: boolean } = {}): Diagnostic[] {
  const config = {
    compilerOptions: {
      ...MODES[mode], target: 'es2022', lib: project.lib ?? ['es2022', 'dom', 'dom.iterable'], strict: true, noEmit: true,
      // Off, so an unresolvable import inside our declarations is an error too, not a silent `any`.
      skipLibCheck: project.skipLibCheck ?? false, types: project.types ?? [],
    },
    ...(project.files ? { files: project.files } : { include: ['*.ts'] }),
  }
  const name = `tsconfig.${mode}${project.files ? '.server' : ''}.json`
  writeFileSync(join(app, name), JSON.stringify(config))
  const run = spawnSync(process.execPath, [tsc, '-p', name, '--pretty', 'false'], { cwd: app, encoding: 'utf8' })
  const lines = run.stdout.split('\n').filter((l) => /error TS\d+/.test(l))
  return lines.map((l) => {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(l)
    return m ? { file: m[1], line: Number(m[2]), code: m[3], message: m[4] } : { file: '?', line: 0, code: '?', message: l }
  })
}

function expected(file: string): Omit<Diagnostic, 'message'>[] {
  return FILES[file].split('\n').flatMap((text, i) => {
    const m = /\/\/ ✗ (TS\d+)$/.exec(text)
    return m ? [{ file, line: i + 1, code: m[1] }] : []
  })
}

describe.each(Object.keys(MODES) as (keyof typeof MODES)[])('the packed types under moduleResolution %s', (mode) => {
  test('a correct use typechecks and each wrong type is an error at its line', () => {
    const found = typecheck(mode)
    const wanted = Object.keys(FILES).flatMap(expected)
    expect(found.map(({ file, line, code }) => ({ file, line, code }))).toEqual(wanted)
    // The price line is the one from the issue: a string where the won amount goes.
    expect(found.find((d) => d.file === 'main-wrong.ts' && d.code === 'TS2322')?.message).toBe("Type 'string' is not assignable to type 'number'.")
    expect(found.find((d) => d.file === 'server-wrong.ts' && d.code === 'TS2322')?.message).toBe("Type 'number' is not assignable to type 'string'.")
  })
})

test('a Node server project (no DOM lib, @types/node) typechecks the server entry under nodenext', () => {
  mkdirSync(join(app, 'node_modules/@types'), { recursive: true })
  if (!existsSync(join(app, 'node_modules/@types/node'))) symlinkSync(join(root, 'node_modules/@types/node'), join(app, 'node_modules/@types/node'), 'dir')
  // skipLibCheck as most apps have it (our declarations are lib-checked above; @types/node alone takes seconds).
  const found = typecheck('nodenext', { lib: ['es2022'], types: ['node'], files: ['server-ok.ts', 'server-wrong.ts'], skipLibCheck: true })
  expect(found.map(({ file, line, code }) => ({ file, line, code }))).toEqual(expected('server-wrong.ts'))
})

describe('the packed runtime', () => {
  const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: app, encoding: 'utf8' })
  const cart = "{ items: [{ uid: '1', name: '한국사', price: 1500, count: 1, categoryType: 'BOOK', categoryId: 'GENERAL' }] }"

  test('an ES module import works in Node: the pure functions run without a browser', () => {
    const run = node(['--input-type=module', '-e', `
      import { buildRequestPayParams, version } from 'naverpay-checkout'
      const built = buildRequestPayParams(${cart}, { impCode: 'imp00000000', mode: 'popup' })
      console.log(JSON.stringify({ ok: built.ok, amount: built.params?.amount, version }))`])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, amount: 1500, version: pkg.version })
  })

  test('require() reaches the same ES module build through the default condition (Node ≥ 20.19 requires ES modules)', () => {
    const run = node(['--input-type=commonjs', '-e', `
      const { buildRequestPayParams } = require('naverpay-checkout')
      console.log(buildRequestPayParams(${cart}, { impCode: 'imp00000000', mode: 'popup' }).ok)`])
    expect(run.stdout.trim()).toBe('true')
  })

  test('the server entry loads by import and by require, with no browser and no dependencies', () => {
    const esm = node(['--input-type=module', '-e', `
      import { createPortOneClient, PortOneError } from 'naverpay-checkout/server'
      const client = createPortOneClient({ impKey: 'key', impSecret: 'secret' })
      console.log(typeof client.getPayment, new PortOneError('m', { status: 500, code: null, call: 'x' }) instanceof Error)`])
    expect(esm.stderr).toBe('')
    expect(esm.stdout.trim()).toBe('function true')
    const cjs = node(['--input-type=commonjs', '-e', `console.log(typeof require('naverpay-checkout/server').createPortOneClient)`])
    expect(cjs.stdout.trim()).toBe('function')
  })

  test('the script-tag bundle and its integrity value are exported, and the value is the bundle\'s SHA-384', () => {
    const run = node(['--input-type=module', '-e', `
      console.log(import.meta.resolve('naverpay-checkout/iife'))
      console.log(import.meta.resolve('naverpay-checkout/iife.sri'))`])
    const [iife, sri] = run.stdout.trim().split('\n').map((u) => fileURLToPath(u))
    expect(iife).toMatch(/node_modules\/naverpay-checkout\/dist\/naverpay-checkout\.iife\.js$/)
    const digest = createHash('sha384').update(readFileSync(iife)).digest('base64')
    expect(readFileSync(sri, 'utf8').trim()).toBe(`sha384-${digest}`)
  })

  test('the tarball carries the licence, the readme and the declarations, not the size-check build', () => {
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/types/index.d.ts', 'dist/naverpay-checkout.js', 'dist/server.js', 'dist/types/server/index.d.ts']))
    expect(packed.filter((p) => p.startsWith('dist/size/'))).toEqual([])
    expect(readFileSync(join(app, 'node_modules/naverpay-checkout/LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 naverpay-checkout contributors\n/)
  })
})
