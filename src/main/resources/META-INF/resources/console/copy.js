// Copy buttons: a button with data-copy="ID" copies the value of the field with that id and says so in the status
// element with data-copied="ID" (its data-text, in the page's language). Without JavaScript the field stays
// selectable and readable.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var field = document.getElementById(button.dataset.copy);
  var status = document.querySelector('[data-copied="' + button.dataset.copy + '"]');
  field.select();
  navigator.clipboard.writeText(field.value).then(function () {
    if (status) {
      status.textContent = status.dataset.text;
    }
  });
});
