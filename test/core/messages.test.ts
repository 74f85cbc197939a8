import { describe, expect, test } from 'vitest'
import { errorTexts } from '../../src/core/errors'
import { messages } from '../../src/core/messages'

type Table = Record<string, unknown>

/** Every leaf of a message table by its path; a function text is called with sample arguments. */
function leaves(table: Table, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(table)) {
    const path = prefix + key
    if (typeof value === 'function') out.set(path, (value as (...args: string[]) => unknown)('1', '2'))
    else if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value as Table, path + '.')) out.set(k, v)
    else out.set(path, value)
  }
  return out
}

// The UI texts and the input-error texts: both must be complete in both languages.
const both = (locale: 'ko' | 'en'): Table => ({ ui: messages(locale), errors: errorTexts(locale) }) as unknown as Table
const ko = leaves(both('ko'))
const en = leaves(both('en'))

describe('ko and en message tables', () => {
  test('have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...ko.keys()].sort())
  })

  // The developer's half of an input error (fieldError, expected, why) goes to the console and the error objects, never
  // to the shopper: one English text for every locale. Everything else is read by the shopper and is translated.
  const developer = (key: string): boolean => /^errors\.(fieldError|expected\.|why\.)/.test(key)

  test.each([...ko.keys()].filter((key) => !developer(key)))('%s is a non-empty text in both languages, and they differ', (key) => {
    for (const value of [ko.get(key), en.get(key)]) {
      expect(typeof value).toBe('string')
      expect((value as string).trim()).not.toBe('')
    }
    // Same text in both tables would mean a translation was forgotten (field names aside, no text is shared).
    expect(en.get(key)).not.toBe(ko.get(key))
  })

  test.each([...ko.keys()].filter(developer))('%s (developer text) is one non-empty English text for both locales', (key) => {
    expect(typeof en.get(key)).toBe('string')
    expect((en.get(key) as string).trim()).not.toBe('')
    expect(ko.get(key)).toBe(en.get(key))
    expect(String(ko.get(key))).not.toMatch(/[\uac00-\ud7a3]/)
  })

  test('locale picks the table: en for "en", Korean otherwise', () => {
    expect(messages('en').pay).toBe('Pay with Naver Pay')
    expect(messages('ko').pay).toContain('네이버페이')
    expect(messages(undefined).pay).toContain('네이버페이')
  })

  test('the English table holds no Hangul, so no Korean text was left untranslated', () => {
    const hangul = [...en].filter(([, v]) => /[\uac00-\ud7a3]/.test(String(v)))
    expect(hangul).toEqual([])
  })
})

describe('a check that could not be made (issue 12 item 14)', () => {
  // The shopper may well have paid: the text must not call the payment incomplete, and must stop a second payment.
  test.each([
    ['ko', false, /아직 확인하지 못했습니다/, /다시 결제하지 마세요/],
    ['ko', true, /아직 확인하지 못했습니다/, /다시 등록하지 마세요/],
    ['en', false, /could not be confirmed yet/, /do not pay twice/],
    ['en', true, /could not be confirmed yet/, /do not register twice/],
  ] as const)('%s (registration: %s) says it is not confirmed yet, to check again, and not to pay twice', (locale, registering, notYet, once) => {
    const text = messages(locale, registering).verifyError
    expect(text).toMatch(notYet)
    expect(text).toMatch(once)
    expect(text).not.toMatch(/완료되지 않은|not shown as complete|incomplete/)
  })
})
