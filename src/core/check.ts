import { isRealDate } from './dates'
import type { ErrorTexts, FieldErrorCode } from './errors'
import type { ValidationError } from './types'

// Generous limits: they exist to stop garbage (a megabyte of name), not to second-guess Naver Pay. Counted in code
// points after NFC (not UTF-16 units, so an emoji is one; not grapheme clusters, which Intl.Segmenter counts
// differently across engines and which a run of combining marks on one letter would shrink to one): the same count
// in every browser and on the merchant's server.
export const MAX_TEXT = 500
// C0, DEL and C1 (NEL U+0085 among them): invisible, and some systems read them as line breaks, as they do U+2028/9.
// Bidi embeddings, overrides and isolates (U+202A–E, U+2066–9) reorder what the shopper reads on Naver Pay's screen.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/
// Only characters that show nothing: spaces and default-ignorables (U+200B, U+2060, U+FEFF, Hangul fillers U+3164 …).
const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]*$/u
/** Whole milliseconds accepted for `verifyTimeout` and `sdkTimeout`: a second to two minutes. */
export const TIMEOUT_MIN = 1000
export const TIMEOUT_MAX = 120_000

/** Collects errors while reading untrusted input field by field. Never throws. */
export class Checker {
  readonly errors: ValidationError[] = []
  constructor(private readonly m: ErrorTexts) {}

  /** Records an input error: the developer's sentence names the field; the shopper's says what they can do. */
  fail(field: string, code: FieldErrorCode, detail?: string): undefined {
    const base = this.m.fieldError(field, this.m.expected[code])
    this.errors.push({ field, code, message: detail ? `${base} (${detail})` : base, shopperMessage: code === 'empty_cart' ? this.m.shopper.emptyCart : this.m.shopper.other })
    return undefined
  }

  /**
   * A string field. Absent (undefined, null, '') is fine unless required; a string `required` says why it is.
   * `shown`: text the shopper reads on Naver Pay's screen (names, an address), NFC-normalised; identifiers (uid,
   * order numbers, codes) are sent exactly as given — NFC would turn a CJK compatibility ideograph into another one.
   */
  text(value: unknown, field: string, opts: { required?: boolean | string; pattern?: RegExp; hint?: string; shown?: boolean } = {}): string | undefined {
    const why = typeof opts.required === 'string' ? opts.required : undefined
    if (value === undefined || value === null || value === '') {
      return opts.required ? this.fail(field, 'required', why) : undefined
    }
    if (typeof value !== 'string') return this.fail(field, 'type', `expected a string, got ${kindOf(value)}`)
    // Nothing visible (spaces, U+200B, Hangul fillers …) is no value: required, or left out.
    if (INVISIBLE.test(value)) return opts.required ? this.fail(field, 'required', why) : undefined
    if (CONTROL.test(value)) return this.fail(field, 'control_chars')
    const text = opts.shown ? value.normalize('NFC') : value
    // A code point is one or two UTF-16 units: past 2 × MAX_TEXT units the text is too long without counting.
    if (text.length > MAX_TEXT && (text.length > 2 * MAX_TEXT || [...text].length > MAX_TEXT)) return this.fail(field, 'too_long', `at most ${MAX_TEXT} characters`)
    // A lone surrogate cannot be sent: PortOne's encodeURIComponent throws on it.
    try {
      encodeURIComponent(text)
    } catch {
      return this.fail(field, 'format', 'a lone surrogate')
    }
    if (opts.pattern && !opts.pattern.test(text)) return this.fail(field, 'format', opts.hint)
    return text
  }

  /** `verifyTimeout` / `sdkTimeout`: whole milliseconds from TIMEOUT_MIN to TIMEOUT_MAX, or absent. */
  ms(value: unknown, field: string): number | undefined {
    if (isTimeout(value)) return value
    if (value !== undefined && value !== null) this.fail(field, 'timeout', `got ${kindOf(value)}`)
    return undefined
  }

  /** A whole number of at least `min`, given as a JS number (a numeric string is refused). */
  int(value: unknown, field: string, opts: { required?: boolean; min: 0 | 1 }): number | undefined {
    if (value === undefined || value === null) return opts.required ? this.fail(field, 'required') : undefined
    const code = opts.min === 1 ? 'positive' : 'whole_number'
    if (typeof value !== 'number') return this.fail(field, code, `got ${kindOf(value)}`)
    if (!Number.isInteger(value) || value < opts.min) return this.fail(field, code, `got ${value}`)
    if (!Number.isSafeInteger(value)) return this.fail(field, 'unsafe_number', `at most ${Number.MAX_SAFE_INTEGER}`)
    return value
  }

  /** A yyyyMMdd date; `notBefore` / `notAfter` are today (yyyyMMdd), `startDate` the start of a period. */
  date(value: unknown, field: string, opts: { notBefore?: string; notAfter?: string; startDate?: string } = {}): string | undefined {
    const text = this.text(value, field)
    if (text === undefined) return undefined
    if (!isRealDate(text)) return this.fail(field, 'invalid_date', `got "${text}"`)
    if (opts.startDate && text < opts.startDate) return this.fail(field, 'date_order', `startDate is ${opts.startDate}`)
    if (opts.notBefore && text < opts.notBefore) return this.fail(field, 'date_past', `today is ${opts.notBefore}`)
    if (opts.notAfter && text > opts.notAfter) return this.fail(field, 'date_future', `today is ${opts.notAfter}`)
    return text
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    return this.fail(field, 'enum', `expected one of ${allowed.join(', ')}`)
  }

  bool(value: unknown, field: string): boolean | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value === 'boolean') return value
    return this.fail(field, 'type', `expected true or false, got ${kindOf(value)}`)
  }

  /** A plain object (or absent). Arrays and other values are refused. */
  record(value: unknown, field: string, required = false): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return required ? this.fail(field, 'required') : undefined
    if (isRecord(value)) return ownFields(value)
    return this.fail(field, 'type', `expected an object, got ${kindOf(value)}`)
  }
}

export function isTimeout(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= TIMEOUT_MIN && (value as number) <= TIMEOUT_MAX
}

/** A timeout option as given when it is valid, else `fallback` (where input errors cannot be shown: the landing page). */
export function timeoutOr(value: unknown, fallback: number): number {
  return isTimeout(value) ? value : fallback
}

/** What went wrong, for a `reason` the developer reads: an Error's message, else the value as text. Never throws. */
export function reasonOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : safeText(cause)
}

/** `String(value)` for an error message, whatever the value is (a null-prototype object, a throwing `toString`). */
export function safeText(value: unknown): string {
  try {
    return String(value)
  } catch {
    return '(unprintable)'
  }
}

/**
 * `value`, with whatever another script planted on Object.prototype hidden: prototype pollution must not become a
 * redirect URL or a seller. Planting by assignment (the usual merge bug) leaves enumerable keys there, where the
 * built-ins are not; on a clean page (no such keys) `value` itself is returned. Only a key that Object.prototype
 * itself would supply is hidden: the merchant's values count, own or inherited from their own objects (and a value
 * shielded twice stays as it is).
 */
export function ownFields<T extends object>(value: T): T {
  // Assignment plants enumerable keys; defineProperty can plant hidden ones. Built-ins are non-enumerable methods (and
  // the __proto__ accessor): everything else there was planted.
  const planted = Object.getOwnPropertyNames(Object.prototype).filter((key) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, key) as PropertyDescriptor
    return d.enumerable || (typeof d.value !== 'function' && key !== '__proto__')
  })
  if (planted.length === 0) return value
  const hidden: PropertyDescriptorMap = {}
  for (const key of planted) if (!heldBelowObjectPrototype(value, key)) hidden[key] = { value: undefined }
  return Object.create(value, hidden) as T
}

function heldBelowObjectPrototype(value: object, key: string): boolean {
  for (let at: object | null = value; at !== null && at !== Object.prototype; at = Object.getPrototypeOf(at)) {
    if (hasOwn(at, key)) return true
  }
  return false
}

/** An own property, by the prototype's method: `Object.hasOwn` is newer than the browsers the IIFE supports. */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key)
}

/**
 * The one reader for values from objects the widget did not build (a server's answer, the SDK's callback, storage,
 * `env`): the value of an own property, else undefined. Whatever a prototype holds, planted or not, is never read.
 */
export function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value)
  if (typeof value === 'string') return `the string "${value.length > 20 ? value.slice(0, 20) + '…' : value}"`
  return `a ${typeof value}`
}
