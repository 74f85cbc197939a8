import { describe, expect, test } from 'vitest'
import { verifyAnswer } from '../../demo/merchant-server'

const payments = new Map([['imp_1', { merchantUid: 'm_1', amount: 13500, customerUid: null }]])

describe('the demo merchant server answers verification like a merchant server', () => {
  test.each<[string, Record<string, unknown> | undefined, string]>([
    ['known payment for that order', { imp_uid: 'imp_1', merchant_uid: 'm_1' }, 'paid'],
    ['unknown imp_uid', { imp_uid: 'imp_2', merchant_uid: 'm_1' }, 'failed'],
    ['another order number', { imp_uid: 'imp_1', merchant_uid: 'm_2' }, 'failed'],
    ['missing imp_uid (a redirect without one)', { merchant_uid: 'm_1' }, 'failed'],
    ['not JSON', undefined, 'failed'],
    ['a number where text belongs', { imp_uid: 1, merchant_uid: 'm_1' }, 'failed'],
  ])('%s → %s', (_name, body, status) => {
    const answer = verifyAnswer(payments, body)
    expect(answer.status).toBe(status)
    if (answer.status === 'failed') expect(answer.message).not.toBe('')
  })
})
