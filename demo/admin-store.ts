// What the demo's orders page knows beyond the orders themselves (those are in the OrderStore): the billing keys
// registered, the charges and schedules made on them, who asked for each refund, when each order was last matched
// against PortOne, and the demo's Naver Pay contract setting. SQLite (better-sqlite3), beside the order store's file.
import Database from 'better-sqlite3'
import type { Requester } from '../src/server'

export interface Registration {
  customerUid: string
  /** The registration's order. */
  merchantUid: string
  registeredAt: number
  customerTel: string | null
  deletedAt: number | null
  deleteReason: string | null
  deleteRequester: Requester | null
}

/** A payment the shop made on a billing key: charged at once, or scheduled at PortOne. */
export interface BillingCharge {
  merchantUid: string
  customerUid: string
  kind: 'charge' | 'schedule'
  /** UNIX milliseconds, for a schedule. */
  scheduleAt: number | null
  scheduleStatus: 'scheduled' | 'revoked' | 'executed' | null
  createdAt: number
}

export interface RefundRecord {
  merchantUid: string
  amount: number
  reason: string
  requester: Requester
  at: number
}

/** The last comparison of an order with PortOne's payment: `differences` empty means "matched". */
export interface MatchRecord {
  merchantUid: string
  checkedAt: number
  portoneStatus: string | null
  differences: string[]
}

export interface AdminLedger {
  addRegistration(r: Omit<Registration, 'deletedAt' | 'deleteReason' | 'deleteRequester'>): void
  registrations(): Registration[]
  registration(customerUid: string): Registration | null
  markDeleted(customerUid: string, reason: string, requester: Requester, at: number): void
  addCharge(c: BillingCharge): void
  charges(): BillingCharge[]
  charge(merchantUid: string): BillingCharge | null
  setScheduleStatus(merchantUid: string, status: NonNullable<BillingCharge['scheduleStatus']>): void
  addRefund(r: RefundRecord): void
  refunds(merchantUid: string): RefundRecord[]
  setMatch(m: MatchRecord): void
  match(merchantUid: string): MatchRecord | null
  /** The demo's contract: does Naver Pay require 이용완료일 (naverUseCfm) on recurring charges? */
  naverUseCfm(): boolean
  setNaverUseCfm(value: boolean): void
  close(): void
}

/** The ledger in SQLite: a file path (created with its tables), or ':memory:' for tests. */
export function sqliteAdminLedger(file: string): AdminLedger {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec(`
    CREATE TABLE IF NOT EXISTS registrations (
      customer_uid TEXT PRIMARY KEY, merchant_uid TEXT NOT NULL, registered_at INTEGER NOT NULL, customer_tel TEXT,
      deleted_at INTEGER, delete_reason TEXT, delete_requester TEXT);
    CREATE TABLE IF NOT EXISTS billing_charges (
      merchant_uid TEXT PRIMARY KEY, customer_uid TEXT NOT NULL, kind TEXT NOT NULL, schedule_at INTEGER,
      schedule_status TEXT, created_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS refunds (
      id INTEGER PRIMARY KEY AUTOINCREMENT, merchant_uid TEXT NOT NULL, amount INTEGER NOT NULL, reason TEXT NOT NULL,
      requester TEXT NOT NULL, at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS matches (
      merchant_uid TEXT PRIMARY KEY, checked_at INTEGER NOT NULL, portone_status TEXT, differences TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `)
  type Row = Record<string, unknown>
  const toRegistration = (r: Row): Registration => ({
    customerUid: r.customer_uid as string,
    merchantUid: r.merchant_uid as string,
    registeredAt: r.registered_at as number,
    customerTel: (r.customer_tel as string | null) ?? null,
    deletedAt: (r.deleted_at as number | null) ?? null,
    deleteReason: (r.delete_reason as string | null) ?? null,
    deleteRequester: (r.delete_requester as Requester | null) ?? null,
  })
  const toCharge = (r: Row): BillingCharge => ({
    merchantUid: r.merchant_uid as string,
    customerUid: r.customer_uid as string,
    kind: r.kind as BillingCharge['kind'],
    scheduleAt: (r.schedule_at as number | null) ?? null,
    scheduleStatus: (r.schedule_status as BillingCharge['scheduleStatus']) ?? null,
    createdAt: r.created_at as number,
  })
  return {
    addRegistration(r) {
      // Registering the same customer again replaces the key at PortOne: the row starts over.
      db.prepare(
        `INSERT INTO registrations (customer_uid, merchant_uid, registered_at, customer_tel) VALUES (?, ?, ?, ?)
         ON CONFLICT (customer_uid) DO UPDATE SET merchant_uid = excluded.merchant_uid, registered_at = excluded.registered_at,
           customer_tel = excluded.customer_tel, deleted_at = NULL, delete_reason = NULL, delete_requester = NULL`,
      ).run(r.customerUid, r.merchantUid, r.registeredAt, r.customerTel)
    },
    registrations: () => (db.prepare('SELECT * FROM registrations ORDER BY registered_at DESC').all() as Row[]).map(toRegistration),
    registration(customerUid) {
      const row = db.prepare('SELECT * FROM registrations WHERE customer_uid = ?').get(customerUid) as Row | undefined
      return row ? toRegistration(row) : null
    },
    markDeleted(customerUid, reason, requester, at) {
      db.prepare('UPDATE registrations SET deleted_at = ?, delete_reason = ?, delete_requester = ? WHERE customer_uid = ?').run(at, reason, requester, customerUid)
    },
    addCharge(c) {
      db.prepare('INSERT INTO billing_charges VALUES (?, ?, ?, ?, ?, ?)').run(c.merchantUid, c.customerUid, c.kind, c.scheduleAt, c.scheduleStatus, c.createdAt)
    },
    charges: () => (db.prepare('SELECT * FROM billing_charges ORDER BY created_at DESC').all() as Row[]).map(toCharge),
    charge(merchantUid) {
      const row = db.prepare('SELECT * FROM billing_charges WHERE merchant_uid = ?').get(merchantUid) as Row | undefined
      return row ? toCharge(row) : null
    },
    setScheduleStatus(merchantUid, status) {
      db.prepare('UPDATE billing_charges SET schedule_status = ? WHERE merchant_uid = ?').run(status, merchantUid)
    },
    addRefund(r) {
      db.prepare('INSERT INTO refunds (merchant_uid, amount, reason, requester, at) VALUES (?, ?, ?, ?, ?)').run(r.merchantUid, r.amount, r.reason, r.requester, r.at)
    },
    refunds: (merchantUid) =>
      (db.prepare('SELECT * FROM refunds WHERE merchant_uid = ? ORDER BY id').all(merchantUid) as Row[]).map((r) => ({
        merchantUid: r.merchant_uid as string,
        amount: r.amount as number,
        reason: r.reason as string,
        requester: r.requester as Requester,
        at: r.at as number,
      })),
    setMatch(m) {
      db.prepare('INSERT OR REPLACE INTO matches VALUES (?, ?, ?, ?)').run(m.merchantUid, m.checkedAt, m.portoneStatus, JSON.stringify(m.differences))
    },
    match(merchantUid) {
      const row = db.prepare('SELECT * FROM matches WHERE merchant_uid = ?').get(merchantUid) as Row | undefined
      if (!row) return null
      return { merchantUid, checkedAt: row.checked_at as number, portoneStatus: (row.portone_status as string | null) ?? null, differences: JSON.parse(row.differences as string) as string[] }
    },
    naverUseCfm: () => (db.prepare("SELECT value FROM settings WHERE key = 'naver_use_cfm'").get() as Row | undefined)?.value === 'true',
    setNaverUseCfm(value) {
      db.prepare("INSERT OR REPLACE INTO settings VALUES ('naver_use_cfm', ?)").run(String(value))
    },
    close: () => db.close(),
  }
}
