// The demo pages' own words in Korean (as written in the HTML) or English (each element's data-en). The widget
// translates itself; this only switches the shop's text around it. Text only, never HTML.
import type { Locale } from '../src/index'

/** `?lang=en` or `?lang=ko` from a query string; `undefined` for anything else. */
export function langFrom(search: string): Locale | undefined {
  const lang = new URLSearchParams(search).get('lang')
  return lang === 'en' || lang === 'ko' ? lang : undefined
}

/** Puts every `[data-en]` element (and its `data-en-label` aria-label) into `locale`, keeping the Korean to go back. */
export function applyLanguage(locale: Locale, root: ParentNode = document): void {
  document.documentElement.lang = locale
  for (const el of root.querySelectorAll<HTMLElement>('[data-en]')) {
    el.dataset.ko ??= el.textContent ?? ''
    el.textContent = (locale === 'en' ? el.dataset.en : el.dataset.ko) ?? ''
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-en-label]')) {
    el.dataset.koLabel ??= el.getAttribute('aria-label') ?? ''
    el.setAttribute('aria-label', (locale === 'en' ? el.dataset.enLabel : el.dataset.koLabel) ?? '')
  }
}

/** The same link with `?lang=` set to `locale` (the shop → orders page → shop links keep the language). */
export function withLang(href: string, locale: Locale): string {
  const url = new URL(href, location.href)
  url.searchParams.set('lang', locale)
  return url.pathname + url.search
}
