// The inspection rules the client enforces before any request: each refusal is a TypeError naming the field.
// The text, number and date rules are core's (the widget checks the same things in the browser).
import { Checker } from '../core/check'
import { todayInSeoul } from '../core/dates'
import { errorTexts } from '../core/errors'
import type { Requester } from './types'

const REQUESTERS: readonly Requester[] = ['customer', 'admin']
// Anything past the year 9999 is not UNIX seconds: most likely Date.now() milliseconds.
const MAX_UNIX_SECONDS = 253_402_300_799

/** Reads one call's parameters; `done()` throws a TypeError listing every problem, or returns nothing. */
export class Rules {
  private readonly c = new Checker(errorTexts('en'))
  constructor(
    private readonly call: string,
    private readonly now: number,
  ) {}

  /** An id that goes into a URL path (percent-encoded there). */
  id(value: unknown, field: string): string {
    const id = this.text(value, field)
    // URLs resolve "." and ".." segments, even percent-encoded: /payments/.. would be sent as GET /.
    if (id === '.' || id === '..') return this.c.fail(field, 'format', `"${id}" would name another path`) as never
    return id
  }

  text(value: unknown, field: string): string {
    // core's text rule also refuses half a surrogate pair, on which encodeURIComponent would throw a URIError.
    return this.c.text(value, field, { required: true }) as string
  }

  requester(value: unknown, field = 'requester'): Requester {
    if (value === undefined || value === null || value === '') return this.c.fail(field, 'required', "'customer' or 'admin'") as never
    return this.c.oneOf(value, field, REQUESTERS) as Requester
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
    return this.c.oneOf(value, field, allowed)
  }

  /** A positive whole number of won. 0 is refused: PortOne reads a cancel of 0 as "cancel everything". */
  amount(value: unknown, field = 'amount', required = true): number {
    return this.c.int(value, field, { required, min: 1 }) as number
  }

  /** An optional positive whole number (e.g. a timeout in milliseconds). */
  int(value: unknown, field: string): number | undefined {
    return this.c.int(value, field, { min: 1 })
  }

  /** A whole number of won, 0 or more (e.g. `checksum`, the balance that can still be cancelled). */
  wholeWon(value: unknown, field: string): number | undefined {
    return this.c.int(value, field, { min: 0 })
  }

  /** yyyyMMdd, not before `notBefore` (a yyyyMMdd day in Korea: today, or the day a schedule runs). */
  naverUseCfm(value: unknown, field: string, notBefore = todayInSeoul(this.now)): string | undefined {
    const day = this.c.date(value, field)
    if (day !== undefined && day < notBefore) {
      return this.c.fail(field, 'date_past', `it must not be before ${notBefore}, the Korean date the payment is made`)
    }
    return day
  }

  /** A `Date` or UNIX seconds, in the future; answered as UNIX seconds. */
  scheduleAt(value: unknown, field: string): number {
    const seconds = value instanceof Date ? value.getTime() / 1000 : value
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || (typeof value === 'number' && !Number.isInteger(value))) {
      return this.c.fail(field, 'type', 'expected a Date or whole UNIX seconds') as never
    }
    if (seconds > MAX_UNIX_SECONDS) return this.c.fail(field, 'format', 'expected UNIX seconds, not milliseconds') as never
    if (seconds * 1000 <= this.now) return this.c.fail(field, 'date_past', 'it must be in the future') as never
    return Math.floor(seconds)
  }

  bool(value: unknown, field: string): boolean | undefined {
    return this.c.bool(value, field)
  }

  /** Where PortOne is: https, or plain http only on this machine (a double), since the API secret travels there. */
  baseUrl(value: unknown, field: string): string | undefined {
    if (value === undefined) return undefined
    const text = this.text(value, field)
    let url: URL | undefined
    try {
      url = new URL(text)
    } catch {
      url = undefined
    }
    const loopback = url !== undefined && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)
    if (text !== undefined && !(url?.protocol === 'https:' || (url?.protocol === 'http:' && loopback))) {
      return this.c.fail(field, 'format', 'expected https://… (plain http:// only for a PortOne double on this machine)')
    }
    return text
  }

  fn(value: unknown, field: string): void {
    if (value !== undefined && typeof value !== 'function') this.c.fail(field, 'type', 'expected a function')
  }

  /** `value` was already used under `earlier` in this call. */
  repeated(field: string, value: string, earlier: string): void {
    this.c.fail(field, 'format', `"${value}" is already ${earlier}'s: PortOne keeps one schedule per order number`)
  }

  list(value: unknown, field: string): unknown[] {
    if (Array.isArray(value) && value.length > 0) return value
    this.c.fail(field, 'required', 'expected a non-empty array')
    return []
  }

  record(value: unknown, field: string): Record<string, unknown> {
    return this.c.record(value, field, true) ?? {}
  }

  done(): void {
    if (this.c.errors.length > 0) {
      throw new TypeError(`${this.call}: ${this.c.errors.map((e) => e.message).join('; ')}`)
    }
  }
}

/** The Korean calendar day (yyyyMMdd) of UNIX seconds: a schedule's naverUseCfm is measured from it. */
export function koreanDay(unixSeconds: number): string {
  return todayInSeoul(unixSeconds * 1000)
}
