// @vitest-environment node
// The demo's SQLite order store (demo/sqlite-store.ts): orders survive a reopen, and its compare-and-set holds when
// several connections in several threads race for the same transition at the same moment.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { build } from 'rolldown'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Order } from '../../src/server'
import { sqliteOrderStore } from '../../demo/sqlite-store'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'npay-orders-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function order(merchantUid: string, extra: Partial<Order> = {}): Order {
  return {
    merchantUid, status: 'pending', amount: 3000, name: '한국사', items: [{ uid: 'book-1', name: '한국사', count: 2, price: 1500 }],
    customerUid: null, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, impUid: null, paidAt: null,
    portoneStatus: null, failure: null, cancellations: [], ...extra,
  }
}

describe('sqliteOrderStore', () => {
  test('an order survives closing and reopening the file, every field intact', async () => {
    const file = join(dir, 'reopen.db')
    const first = sqliteOrderStore(file)
    await first.create(order('ord_a', { customerUid: 'cu_1' }))
    const cancellation = { pg_tid: 'npay_c1', amount: 10, cancelled_at: 1_700_000_100, reason: '금액 불일치', cancellation_id: 'c_1', receipt_url: null }
    expect(await first.update('ord_a', 'pending', { status: 'failed', impUid: 'imp_1', portoneStatus: 'cancelled', failure: '다름', cancellations: [cancellation] })).toBe(true)
    first.close()

    const again = sqliteOrderStore(file)
    const stored = await again.get('ord_a')
    expect(stored).toMatchObject({
      merchantUid: 'ord_a', status: 'failed', amount: 3000, name: '한국사', customerUid: 'cu_1', impUid: 'imp_1',
      portoneStatus: 'cancelled', failure: '다름', cancellations: [cancellation], createdAt: 1_700_000_000_000,
      items: [{ uid: 'book-1', name: '한국사', count: 2, price: 1500 }],
    })
    expect(stored!.updatedAt).toBeGreaterThan(1_700_000_000_000)
    expect(await again.get('ord_missing')).toBeNull()
    again.close()
  })

  test('update applies only from the expected status, and create refuses a duplicate order number', async () => {
    const store = sqliteOrderStore(join(dir, 'cas.db'))
    await store.create(order('ord_b'))
    await expect(store.create(order('ord_b', { amount: 1 }))).rejects.toThrow(/UNIQUE/)
    expect(await store.update('ord_b', 'paid', { status: 'cancelled' })).toBe(false)
    expect(await store.update('ord_b', 'pending', { status: 'paid', impUid: 'imp_x' })).toBe(true)
    expect(await store.update('ord_b', 'pending', { status: 'paid', impUid: 'imp_y' })).toBe(false)
    expect(await store.update('ord_none', 'pending', { status: 'paid' })).toBe(false)
    expect(await store.get('ord_b')).toMatchObject({ status: 'paid', impUid: 'imp_x', amount: 3000 })
    store.close()
  })

  test('list answers the newest orders first', async () => {
    const store = sqliteOrderStore(join(dir, 'list.db'))
    await store.create(order('ord_old', { createdAt: 1 }))
    await store.create(order('ord_new', { createdAt: 3 }))
    await store.create(order('ord_mid', { createdAt: 2 }))
    expect((await store.list()).map((o) => o.merchantUid)).toEqual(['ord_new', 'ord_mid', 'ord_old'])
    expect((await store.list({ limit: 1 })).map((o) => o.merchantUid)).toEqual(['ord_new'])
    store.close()
  })

  test('four connections in four threads race for pending → paid on 30 orders: each order is won exactly once', async () => {
    // The store's own code, bundled for the worker threads (they run plain JavaScript).
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true })
    // Inside the project, where the workers resolve better-sqlite3 from node_modules.
    const code = mkdtempSync(join(process.cwd(), '.tmp', 'sqlite-race-'))
    const bundle = join(code, 'sqlite-store.mjs')
    await build({ input: 'demo/sqlite-store.ts', external: ['better-sqlite3'], output: { file: bundle, format: 'esm' }, logLevel: 'silent' })
    const workerFile = join(code, 'racer.mjs')
    writeFileSync(workerFile, `
      import { parentPort, workerData } from 'node:worker_threads'
      const { sqliteOrderStore } = await import(workerData.storeUrl)
      const store = sqliteOrderStore(workerData.file)
      const flags = new Int32Array(workerData.flags)
      Atomics.add(flags, 1, 1)          // ready
      Atomics.wait(flags, 0, 0)         // until everyone is: then all at once
      const won = []
      for (const uid of workerData.uids) {
        if (await store.update(uid, 'pending', { status: 'paid', impUid: workerData.name })) won.push(uid)
      }
      store.close()
      parentPort.postMessage(won)
    `)
    const file = join(dir, 'race.db')
    const setup = sqliteOrderStore(file)
    const uids = Array.from({ length: 30 }, (_, i) => `ord_race_${i}`)
    for (const uid of uids) await setup.create(order(uid))

    const flags = new Int32Array(new SharedArrayBuffer(8))
    const names = ['w1', 'w2', 'w3', 'w4']
    const results = names.map((name) => {
      const worker = new Worker(pathToFileURL(workerFile), {
        // Each worker walks the orders in its own order, so that they collide all along the way.
        workerData: { storeUrl: pathToFileURL(bundle).href, file, flags: flags.buffer, name, uids: name === 'w2' || name === 'w4' ? [...uids].reverse() : uids },
      })
      return new Promise<{ name: string; won: string[] }>((resolve, reject) => {
        worker.once('message', (won: string[]) => resolve({ name, won }))
        worker.once('error', reject)
      })
    })
    let failed: unknown
    void Promise.all(results).catch((error: unknown) => (failed = error))
    while (Atomics.load(flags, 1) < names.length && failed === undefined) await new Promise((r) => setTimeout(r, 5))
    Atomics.store(flags, 0, 1)
    Atomics.notify(flags, 0)
    const outcomes = await Promise.all(results)

    const wins = outcomes.flatMap((o) => o.won)
    expect(wins.sort()).toEqual([...uids].sort()) // every order won, none twice
    for (const { name, won } of outcomes) {
      for (const uid of won) expect((await setup.get(uid))!.impUid).toBe(name) // and the winner's write is the one stored
    }
    setup.close()
    rmSync(code, { recursive: true, force: true })
  }, 30_000)
})
