// Naver Pay's button guide: Naver green #03C75A, the white "N Pay" wordmark, a rounded rectangle. The label is
// near-black, not white: white on #03C75A is 2.3:1, under WCAG AA's 4.5:1 (the wordmark is a logotype, exempt;
// it is generated content of an aria-hidden span, so assistive tech and contrast checkers skip it).
// Korean wraps between words (keep-all: 있습/니다 never splits); a word longer than the line (an order number, a URL)
// still breaks anywhere rather than overflow.
// Every colour is a custom property and every piece a ::part, so shops theme it from outside the shadow root.
export const css = `
:host{display:block;word-break:keep-all;overflow-wrap:anywhere;font-family:var(--npay-font,system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic",sans-serif);color:var(--npay-text,#1e1e23)}
.npay{display:flex;flex-direction:column;gap:8px}
.npay-button{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:48px;padding:0 20px;border:0;border-radius:var(--npay-radius,8px);background:var(--npay-bg,#03c75a);color:var(--npay-fg,#111);font:inherit;font-size:16px;font-weight:700;cursor:pointer}
.npay-button:hover{background:var(--npay-bg-hover,#02b350)}
.npay-button:focus-visible,.npay-retry:focus-visible{outline:3px solid var(--npay-focus,#1e1e23);outline-offset:2px}
.npay-button[aria-disabled=true]{opacity:.6;cursor:progress}
.npay-logo::before{content:"N Pay";color:var(--npay-logo,#fff);font-weight:900;font-size:17px;white-space:nowrap}
.npay-status:empty,.npay-alert:empty{display:none}
.npay-status{font-size:14px}
.npay-order dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0;font-size:14px}.npay-order dd{margin:0}
.npay-alert{font-size:14px;color:var(--npay-error,#c00);white-space:pre-line}
.npay-retry{align-self:flex-start;font:inherit;font-size:14px;padding:6px 12px;border:1px solid currentColor;border-radius:6px;background:transparent;color:inherit;cursor:pointer}
`
