// The demo's OrderStore: one SQLite table, through better-sqlite3. Written to be copied: swap the SQL for your
// database's and keep the one rule that matters — `update` changes a row only while it is still in the status
// the caller expects (`UPDATE … WHERE merchant_uid = ? AND status = ?`), inside a transaction. That is what lets
// the widget's verification, PortOne's webhooks and their retries race without fulfilling an order twice, even
// from several server processes sharing the file.
import Database from 'better-sqlite3'
import type { Order, OrderStatus, OrderStore } from '../src/server'

export interface SqliteOrderStore extends OrderStore {
  list(options?: { limit?: number }): Promise<Order[]>
  /** Closes the database connection. */
  close(): void
}

interface Row {
  merchant_uid: string
  status: OrderStatus
  amount: number
  name: string
  items: string
  customer_uid: string | null
  created_at: number
  updated_at: number
  imp_uid: string | null
  paid_at: number | null
  portone_status: Order['portoneStatus']
  failure: string | null
  cancellations: string
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS orders (
    merchant_uid   TEXT PRIMARY KEY,
    status         TEXT NOT NULL,          -- pending | paid | registered | failed | cancelled
    amount         INTEGER NOT NULL,       -- won, as the shop priced it
    name           TEXT NOT NULL,
    items          TEXT NOT NULL,          -- JSON: [{ uid, name, count, price? }]
    customer_uid   TEXT,                   -- set for billing-key registrations
    created_at     INTEGER NOT NULL,       -- milliseconds since 1970
    updated_at     INTEGER NOT NULL,
    imp_uid        TEXT,                   -- PortOne's payment number, once one is seen
    paid_at        INTEGER,
    portone_status TEXT,                   -- the payment status PortOne last reported
    failure        TEXT,                   -- why it failed, as the shopper was told
    cancellations  TEXT NOT NULL           -- JSON: PortOne's cancel_history
  );
  CREATE INDEX IF NOT EXISTS orders_created_at ON orders (created_at);`

const COLUMNS = 'merchant_uid, status, amount, name, items, customer_uid, created_at, updated_at, imp_uid, paid_at, portone_status, failure, cancellations'

function toRow(order: Order): Row {
  return {
    merchant_uid: order.merchantUid,
    status: order.status,
    amount: order.amount,
    name: order.name,
    items: JSON.stringify(order.items),
    customer_uid: order.customerUid,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    imp_uid: order.impUid,
    paid_at: order.paidAt,
    portone_status: order.portoneStatus,
    failure: order.failure,
    cancellations: JSON.stringify(order.cancellations),
  }
}

function fromRow(row: Row): Order {
  return {
    merchantUid: row.merchant_uid,
    status: row.status,
    amount: row.amount,
    name: row.name,
    items: JSON.parse(row.items) as Order['items'],
    customerUid: row.customer_uid,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    impUid: row.imp_uid,
    paidAt: row.paid_at,
    portoneStatus: row.portone_status,
    failure: row.failure,
    cancellations: JSON.parse(row.cancellations) as Order['cancellations'],
  }
}

/** Orders in the SQLite file `file` (created if missing; its folder must exist). One connection per call. */
export function sqliteOrderStore(file: string): SqliteOrderStore {
  const db = new Database(file)
  // WAL: readers never wait for the writer. busy_timeout: a second connection (another process) waits for the
  // write lock instead of failing at once.
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)

  const insert = db.prepare<Row>(`INSERT INTO orders (${COLUMNS}) VALUES (${COLUMNS.replace(/(\w+)/g, '@$1')})`)
  const select = db.prepare<[string], Row>('SELECT * FROM orders WHERE merchant_uid = ?')
  const newest = db.prepare<[number], Row>('SELECT * FROM orders ORDER BY created_at DESC LIMIT ?')
  const save = db.prepare<Row & { expected: OrderStatus }>(
    `UPDATE orders SET ${COLUMNS.split(', ').slice(1).map((c) => `${c} = @${c}`).join(', ')}
     WHERE merchant_uid = @merchant_uid AND status = @expected`,
  )

  // The compare-and-set. `immediate` takes the write lock before the read, so no other connection can change the
  // row between this read and this write; the `AND status = @expected` in the UPDATE says the same thing again
  // in SQL, for anyone who copies this without the transaction.
  const compareAndSet = db.transaction((merchantUid: string, expected: OrderStatus, changes: Partial<Order>): boolean => {
    const row = select.get(merchantUid)
    if (!row || row.status !== expected) return false
    const next: Order = { ...fromRow(row), ...changes, merchantUid, createdAt: row.created_at, updatedAt: changes.updatedAt ?? Date.now() }
    return save.run({ ...toRow(next), expected }).changes === 1
  })

  return {
    async create(order) {
      insert.run(toRow(order)) // the PRIMARY KEY refuses a second order with the same number
    },
    async get(merchantUid) {
      const row = select.get(merchantUid)
      return row ? fromRow(row) : null
    },
    async update(merchantUid, expected, changes) {
      return compareAndSet.immediate(merchantUid, expected, changes)
    },
    async list(options = {}) {
      return newest.all(options.limit ?? 100).map(fromRow)
    },
    close() {
      db.close()
    },
  }
}
