// The shop mounts the widget while the page is still being parsed (before its deferred SDK tag has run).
NaverPayCheckout.mount('#npay', {
  impCode: 'imp00000000',
  mode: 'popup',
  cart: JSON.parse(document.getElementById('npay-cart').textContent),
})
