// Sends the page's CSRF token with every htmx request (forms carry it as a hidden field as well).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  if (token) {
    event.detail.headers[token.dataset.header] = token.content;
  }
});
// Long work: a form with data-working="ID" says, while its request runs, that it is working: its buttons are disabled
// (a second click would send it again), the form is marked busy and shows its indicator, and the live status element
// with that id reads out its data-text. The browser's own navigation carries the request, so the page that answers
// (the result, or the refused lines) replaces this one as for any form.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.dataset || !form.dataset.working || event.defaultPrevented) {
    return;
  }
  var status = document.getElementById(form.dataset.working);
  form.classList.add('htmx-request');
  form.setAttribute('aria-busy', 'true');
  form.querySelectorAll('button').forEach(function (button) {
    button.disabled = true;
  });
  if (status) {
    status.textContent = status.dataset.text;
  }
});
// A page brought back from the browser's cache after such a submission is usable again.
window.addEventListener('pageshow', function (event) {
  if (!event.persisted) {
    return;
  }
  document.querySelectorAll('form[data-working]').forEach(function (form) {
    form.classList.remove('htmx-request');
    form.removeAttribute('aria-busy');
    form.querySelectorAll('button').forEach(function (button) {
      button.disabled = false;
    });
    var status = document.getElementById(form.dataset.working);
    if (status) {
      status.textContent = '';
    }
  });
});
