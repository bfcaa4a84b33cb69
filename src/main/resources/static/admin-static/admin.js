// htmx requests carry the CSRF token from the page's meta tags (Spring Security checks every POST).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Destructive actions ask first: forms with data-confirm="question".
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Chats show their newest message: scroll to the bottom on load and after each refresh.
function scrollChats() {
  document.querySelectorAll('.chat').forEach(function (chat) { chat.scrollTop = chat.scrollHeight; });
}
document.addEventListener('DOMContentLoaded', scrollChats);
document.addEventListener('htmx:afterSwap', scrollChats);

// Case gallery viewer: the modal shows the clicked photo (served by the panel behind the login).
document.addEventListener('show.bs.modal', function (event) {
  var link = event.relatedTarget;
  if (event.target.id !== 'viewer' || !link) {
    return;
  }
  var image = document.getElementById('viewer-image');
  image.src = link.getAttribute('data-src');
  image.alt = link.getAttribute('data-title') || '';
  document.getElementById('viewer-title').textContent = link.getAttribute('data-title') || '';
});

// Live transcripts: the server pushes an event per message in or out (SSE, fed by Redis Pub/Sub) and the
// panel then fetches the rendered transcript; EventSource reconnects by itself after a drop.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.EventSource) {
    return;
  }
  document.querySelectorAll('[data-events]').forEach(function (panel) {
    var source = new EventSource(panel.getAttribute('data-events'));
    var refresh = function () { htmx.trigger(panel, 'live-refresh'); };
    var connected = false;
    // The page was rendered just now; after a reconnect, fetch what may have been missed while away.
    source.addEventListener('ready', function () {
      if (connected) {
        refresh();
      }
      connected = true;
    });
    source.addEventListener('transcript', refresh);
    window.addEventListener('pagehide', function () { source.close(); });
  });
});

// Forms marked data-reset-after-send are cleared once htmx posted them successfully (the simulator's
// message box). A listener here, not an hx-on attribute: the CSP allows no inline or eval'd script.
document.addEventListener('htmx:afterRequest', function (event) {
  var form = event.detail.elt;
  if (event.detail.successful && form && form.hasAttribute && form.hasAttribute('data-reset-after-send')) {
    form.reset();
  }
});

// Forms marked data-swap-errors show the panel's refusal (an HTML fragment with 4xx, e.g. the simulator's
// "file too large") in their target instead of htmx's default of dropping error responses.
document.addEventListener('htmx:beforeSwap', function (event) {
  var form = event.detail.requestConfig && event.detail.requestConfig.elt;
  var status = event.detail.xhr.status;
  var type = event.detail.xhr.getResponseHeader('Content-Type') || '';
  if (form && form.hasAttribute && form.hasAttribute('data-swap-errors') && status >= 400 && status < 500
      && type.indexOf('text/html') === 0) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// File inputs with data-max-bytes refuse a larger file before it is uploaded (the server checks again).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
    return;
  }
  var file = input.files && input.files[0];
  var tooLarge = file && file.size > Number(input.getAttribute('data-max-bytes'));
  input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
  if (tooLarge) {
    input.reportValidity();
  }
});
