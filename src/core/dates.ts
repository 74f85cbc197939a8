const KST_OFFSET_MS = 9 * 60 * 60 * 1000 // Korea has no daylight saving time

/** Today as yyyyMMdd in Asia/Seoul, which is Naver Pay's calendar whatever the browser's zone. */
export function todayInSeoul(now: number): string {
  return new Date(now + KST_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '')
}

/** True for a yyyyMMdd string naming a day that exists (no 20230230). */
export function isRealDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false
  const y = Number(value.slice(0, 4))
  const m = Number(value.slice(4, 6))
  const d = Number(value.slice(6, 8))
  const date = new Date(Date.UTC(y, m - 1, d))
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}
