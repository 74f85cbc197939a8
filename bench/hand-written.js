// A shop's hand-written integration (`npm run bench`), no framework: PortOne's guide made to read the same cart
// as the embed. A button from the cart, IMP.request_pay inside the click, the PG's error_msg shown as text.
;(function () {
  var script = document.currentScript
  var cart = JSON.parse(document.querySelector(script.dataset.cart).textContent)
  var target = document.querySelector(script.dataset.target)
  var button = document.createElement('button')
  button.type = 'button'
  button.textContent = '네이버페이 결제'
  var message = document.createElement('p')
  message.setAttribute('role', 'alert')
  target.append(button, message)
  var amount = cart.items.reduce(function (sum, item) { return sum + item.price * item.count }, 0)
  button.addEventListener('click', function () {
    IMP.init(script.dataset.impCode)
    IMP.request_pay({
      pg: 'naverpay',
      merchant_uid: 'order_' + Date.now(),
      name: cart.items[0].name + (cart.items.length > 1 ? ' 외 ' + (cart.items.length - 1) + '건' : ''),
      amount: amount,
      naverPopupMode: true,
      naverProducts: cart.items.map(function (item) {
        return { categoryType: item.categoryType, categoryId: item.categoryId, uid: item.uid, name: item.name, count: item.count }
      }),
    }, function (rsp) {
      message.textContent = rsp.error_msg || ''
    })
  })
})()
