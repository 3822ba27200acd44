// Sends the page's CSRF token with every htmx request (forms carry it as a hidden field as well).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  if (token) {
    event.detail.headers[token.dataset.header] = token.content;
  }
});
