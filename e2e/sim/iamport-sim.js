/*
 * A simulated PortOne V1 SDK (window.IMP) for the demo and the e2e tests. It is never part of the
 * production bundle. It behaves like the real one where the widget can tell:
 * - popup mode (naverPopupMode: true) opens a window named IMP_NAVERPAY with window.open, so a call outside a
 *   user gesture is blocked exactly as in real browsers, and answers the callback;
 * - redirect mode navigates to m_redirect_url with imp_uid, merchant_uid, imp_success and, on failure,
 *   error_code + error_msg in the query.
 * - IMP.init builds PortOne's frame as the real SDK does (a div.imp-dialog holding an iframe.imp-frame, at about:blank
 *   first, then at PortOne's server), again on every init; request_pay waits until that frame has loaded and only then
 *   opens the window, so a slow frame outlives the click's user activation and the window is blocked (with the real
 *   SDK's alert). Served as the SDK (from cdn.iamport.kr) the frame loads from https://service.iamport.kr, which the
 *   e2e tests answer, with a delay they choose; served from elsewhere (the demo) from portone-frame.html beside it.
 * The person (or the test) chooses: pay, cancel, or fail with a message such as 잔액 부족.
 * Hooks for tests: window.__impSim = { inits, calls, ready (the frame has loaded), auto?: { outcome, message },
 * throwOnRequest?, answerAfterClose? (ms), reportUrl? (where a payment is recorded before the page hears of it) }.
 */
;(function () {
  var sim = (window.__impSim = window.__impSim || {})
  sim.inits = sim.inits || []
  sim.calls = sim.calls || []
  var CANCEL_MSG = '[결제포기] 사용자가 결제를 취소하셨습니다'
  var BLOCKED_MSG = '팝업차단을 해제해주셔야 결제창이 나타납니다.'
  var seq = 0
  var here = document.currentScript && document.currentScript.src
  var frameBase = here && new URL(here).host === 'cdn.iamport.kr' ? 'https://service.iamport.kr/payments/ready/' : new URL('portone-frame.html?', here || location.href).href
  var frame = null
  var frameLoaded = false
  var reserved = null // like the real SDK: one request waits for the frame, the latest

  function newImpUid() {
    seq += 1
    return 'imp_sim_' + Date.now().toString(36) + seq.toString(36) + Math.random().toString(36).slice(2, 6)
  }

  function answer(params, outcome, message) {
    var impUid = newImpUid()
    var rsp = { merchant_uid: params.merchant_uid, pg_provider: 'naverpay', pay_method: 'naverpay', name: params.name }
    if (params.customer_uid) rsp.customer_uid = params.customer_uid
    if (outcome === 'pay') {
      rsp.success = true
      rsp.imp_success = true
      rsp.imp_uid = impUid
      rsp.status = 'paid'
      rsp.paid_amount = params.customer_uid ? 0 : params.amount
      rsp.error_code = null
      rsp.error_msg = null
    } else {
      rsp.success = false
      rsp.imp_success = false
      rsp.imp_uid = outcome === 'cancel' ? null : impUid
      rsp.status = 'failed'
      rsp.error_code = outcome === 'cancel' ? 'F1002' : 'F0005'
      rsp.error_msg = outcome === 'cancel' ? CANCEL_MSG : message
    }
    return rsp
  }

  // The outcome, then `deliver(rsp)`. With sim.reportUrl (the demo's dev server) the simulator first tells the merchant
  // server's PortOne stand-in of a payment, the way PortOne's server has recorded a real one before the browser hears
  // of it; when PortOne refuses it (an amount other than the one pre-registered with /payments/prepare), the payment
  // ends with PortOne's message, as the real SDK reports it.
  function settle(params, outcome, message, deliver) {
    var rsp = answer(params, outcome, message)
    if (outcome !== 'pay' || !sim.reportUrl) return deliver(rsp)
    var report = { imp_uid: rsp.imp_uid, merchant_uid: params.merchant_uid, amount: params.amount, customer_uid: params.customer_uid || null }
    fetch(sim.reportUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report) })
      .then(function (res) {
        if (res.ok) return deliver(rsp)
        return res.json().catch(function () { return {} }).then(function (body) {
          deliver(answer(params, 'fail', (body && typeof body.message === 'string' && body.message) || '결제를 진행할 수 없습니다.'))
        })
      })
      .catch(function () { deliver(rsp) })
  }

  function redirectTo(url, rsp) {
    var pairs = ['imp_uid', 'merchant_uid', 'customer_uid', 'error_code', 'error_msg']
      .filter(function (k) { return rsp[k] !== undefined && rsp[k] !== null })
      .map(function (k) { return k + '=' + encodeURIComponent(rsp[k]) })
    pairs.push('imp_success=' + (rsp.imp_success ? 'true' : 'false'))
    location.href = url + (url.indexOf('?') === -1 ? '?' : url.slice(-1) === '?' ? '' : '&') + pairs.join('&')
  }

  function el(doc, tag, text, style) {
    var node = doc.createElement(tag)
    if (text) node.textContent = text
    if (style) for (var k in style) node.style[k] = style[k]
    return node
  }

  // Builds the simulated Naver Pay screen with DOM calls only (no inline script or style): works under a strict CSP.
  function screen(doc, container, params, choose) {
    var registering = !!params.customer_uid
    var card = el(doc, 'div', '', { fontFamily: 'system-ui, sans-serif', maxWidth: '420px', margin: '0 auto', padding: '24px', background: '#fff', color: '#1e1e23', borderRadius: '12px' })
    card.setAttribute('role', 'dialog')
    card.setAttribute('aria-label', '네이버페이 (시뮬레이션)')
    card.appendChild(el(doc, 'p', 'SIMULATION — 실제 결제가 아닙니다', { color: '#b00', fontWeight: '700', margin: '0 0 8px' }))
    card.appendChild(el(doc, 'h1', registering ? 'N Pay 정기결제 등록' : 'N Pay 결제', { color: '#03c75a', fontSize: '22px', margin: '0 0 12px' }))
    card.appendChild(el(doc, 'p', params.name, { margin: '0 0 4px' }))
    card.appendChild(el(doc, 'p', String(params.amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '원', { fontSize: '20px', fontWeight: '700', margin: '0 0 16px' }))
    var pay = el(doc, 'button', registering ? '등록하기' : '결제하기', { display: 'block', width: '100%', padding: '12px', margin: '0 0 8px', background: '#03c75a', color: '#fff', border: '0', borderRadius: '8px', fontSize: '16px' })
    var cancel = el(doc, 'button', '취소', { display: 'block', width: '100%', padding: '12px', margin: '0 0 16px', fontSize: '16px' })
    var label = el(doc, 'label', '실패 메시지 ', { display: 'block', margin: '0 0 4px' })
    var input = el(doc, 'input', '', { width: '100%', boxSizing: 'border-box', padding: '8px', margin: '4px 0 8px' })
    input.value = '잔액 부족'
    label.appendChild(input)
    var fail = el(doc, 'button', '실패시키기', { display: 'block', width: '100%', padding: '12px', fontSize: '16px' })
    ;[pay, cancel, fail].forEach(function (b) { b.type = 'button' })
    pay.addEventListener('click', function () { choose('pay') })
    cancel.addEventListener('click', function () { choose('cancel') })
    fail.addEventListener('click', function () { choose('fail', input.value) })
    card.appendChild(pay)
    card.appendChild(cancel)
    card.appendChild(label)
    card.appendChild(fail)
    container.appendChild(card)
  }

  function buildFrame(code) {
    // PortOne clears its frames and builds them again on every init, once the DOM is ready (a task later).
    frameLoaded = sim.ready = false
    setTimeout(function () {
      var old = document.querySelector('.imp-dialog')
      if (old) old.remove()
      var dialog = el(document, 'div', '', { display: 'none' })
      dialog.className = 'imp-dialog'
      var iframe = document.createElement('iframe')
      iframe.className = 'imp-frame imp-frame-pc imp-frame-default'
      iframe.src = 'about:blank'
      dialog.appendChild(iframe)
      document.body.appendChild(dialog)
      frame = iframe
      iframe.addEventListener('load', function () {
        if (frame !== iframe || iframe.getAttribute('src') === 'about:blank') return
        frameLoaded = sim.ready = true
        var waiting = reserved
        reserved = null
        if (waiting) request(waiting.params, waiting.callback)
      })
      iframe.setAttribute('src', frameBase + encodeURIComponent(code))
    })
  }

  function request(params, callback) {
    var done = false
    if (params.naverPopupMode === false) {
      if (!params.m_redirect_url) return alert('m_redirect_url 이 필요합니다.')
      var finish = function (outcome, message) {
        if (done) return
        done = true
        settle(params, outcome, message, function (rsp) { redirectTo(params.m_redirect_url, rsp) })
      }
      if (sim.auto) return setTimeout(function () { finish(sim.auto.outcome, sim.auto.message) }, 0)
      var overlay = el(document, 'div', '', { position: 'fixed', inset: '0', background: 'rgba(0,0,0,.5)', zIndex: '2147483647', paddingTop: '40px', overflow: 'auto' })
      overlay.id = 'imp-sim-overlay'
      screen(document, overlay, params, finish)
      document.body.appendChild(overlay)
      return
    }
    var win = window.open('', 'IMP_NAVERPAY', 'width=480,height=640')
    if (!win) {
      // The real SDK alerts, and the payment ends with this message.
      alert(BLOCKED_MSG)
      return setTimeout(function () { callback(answer(params, 'fail', BLOCKED_MSG)) }, 0)
    }
    var reply = function (outcome, message) {
      if (done) return
      done = true
      settle(params, outcome, message, function (rsp) {
        // sim.answerAfterClose (ms): the window closes first and PortOne's answer follows (its server round trip).
        if (sim.answerAfterClose != null) return win.close(), setTimeout(function () { callback(rsp) }, sim.answerAfterClose)
        callback(rsp)
        setTimeout(function () { try { win.close() } catch (e) {} }, 0)
      })
    }
    if (sim.auto) return setTimeout(function () { reply(sim.auto.outcome, sim.auto.message) }, 0)
    var doc = win.document
    doc.title = '네이버페이 (시뮬레이션)'
    while (doc.body.firstChild) doc.body.removeChild(doc.body.firstChild)
    doc.body.style.background = '#f5f6f7'
    screen(doc, doc.body, params, reply)
  }

  window.IMP = {
    init: function (code) {
      sim.inits.push(code)
      buildFrame(code)
    },
    request_pay: function (params, callback) {
      sim.calls.push(JSON.parse(JSON.stringify(params)))
      if (sim.throwOnRequest) throw new Error('simulated request_pay failure')
      if (!frame) return alert('판매자 코드가 설정되지 않았습니다. IMP.init()함수를 먼저 호출하세요.')
      // Queued until PortOne's frame has loaded, as in the real SDK.
      if (!frameLoaded) return void (reserved = { params: params, callback: callback })
      request(params, callback)
    },
  }
})()
