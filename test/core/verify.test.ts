import { expect, test } from 'vitest'
import { interpretVerification } from '../../src/core'
import type { Verification } from '../../src/core'

test.each<[string, unknown, number | undefined, Verification]>([
  ['paid, HTTP 200', { status: 'paid' }, 200, { kind: 'paid' }],
  ['paid, HTTP 201', { status: 'paid' }, 201, { kind: 'paid' }],
  ['paid, from a verify function', { status: 'paid' }, undefined, { kind: 'paid' }],
  ['paid with extra fields', { status: 'paid', amount: 15000 }, 200, { kind: 'paid' }],
  ['failed with a message', { status: 'failed', message: '금액 불일치' }, 200, { kind: 'rejected', message: '금액 불일치' }],
  ['failed with an HTML-ish message, kept as is', { status: 'failed', message: '<b>위변조</b> & "x"' }, undefined, { kind: 'rejected', message: '<b>위변조</b> & "x"' }],
  ['failed without a message', { status: 'failed' }, 200, { kind: 'rejected', message: '' }],
  ['failed with a non-string message', { status: 'failed', message: 42 }, 200, { kind: 'rejected', message: '' }],
])('%s', (_label, body, httpStatus, expected) => {
  expect(interpretVerification(body, httpStatus)).toStrictEqual(expected)
})

test.each<[string, unknown, number | undefined, string]>([
  ['HTTP 500 even with a paid body', { status: 'paid' }, 500, 'HTTP 500'],
  ['HTTP 404', null, 404, 'HTTP 404'],
  ['HTTP 302', { status: 'paid' }, 302, 'HTTP 302'],
  ['HTTP 199', { status: 'paid' }, 199, 'HTTP 199'],
  ['null body', null, 200, 'not a JSON object'],
  ['string body', 'paid', 200, 'not a JSON object'],
  ['number body', 42, undefined, 'not a JSON object'],
  ['array body', [{ status: 'paid' }], 200, 'not a JSON object'],
  ['undefined from a verify function', undefined, undefined, 'not a JSON object'],
  ['unknown status', { status: 'ok' }, 200, '"ok"'],
  ['uppercase PAID', { status: 'PAID' }, 200, '"PAID"'],
  ['boolean status', { status: true }, 200, 'true'],
  ['no status', { message: 'done' }, 200, 'undefined'],
  ['success flag instead of status', { success: true }, 200, 'unexpected status'],
])('%s is a verification error', (_label, body, httpStatus, reason) => {
  const answer = interpretVerification(body, httpStatus)
  expect(answer.kind).toBe('error')
  expect(answer.kind === 'error' && answer.reason).toContain(reason)
})
