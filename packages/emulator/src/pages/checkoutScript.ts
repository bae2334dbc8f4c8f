// The hosted checkout's script (served at `/_emulator/checkout.js`): "Pay" asks the emulator to complete the
// session, then tells `@lavapayments/checkout` in the parent window; "Cancel" (or Escape) only tells it.
// Plain ES2020 for any browser; it reads its settings from the page's JSON block, never from the URL.
export const CHECKOUT_JS = `(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('checkout-config').textContent);
  const form = document.getElementById('pay-form');
  const pay = document.getElementById('pay');
  const cancel = document.getElementById('cancel');
  const error = document.getElementById('checkout-error');
  const result = document.getElementById('checkout-result');
  let finished = false;

  // Messages go to the session's origin_url only; in a top-level tab there is no parent to tell.
  const tell = (message) => {
    if (window.parent !== window) window.parent.postMessage(message, config.targetOrigin);
  };
  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
  };
  const finish = (title, text) => {
    finished = true;
    form.hidden = true;
    result.querySelector('h2').textContent = title;
    result.querySelector('p').textContent = text;
    result.hidden = false;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (finished) return;
    error.hidden = true;
    const body = {};
    for (const [key, value] of new FormData(form)) body[key] = String(value).trim();
    pay.disabled = true;
    cancel.disabled = true;
    pay.textContent = 'Paying…';
    try {
      const response = await fetch(config.completeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        const message = answer && answer.error && answer.error.message;
        showError(message || 'The emulator answered ' + response.status);
        // A session that is gone (completed or expired meanwhile) cannot be paid again.
        if (response.status === 409 || response.status === 410) {
          finished = true;
          cancel.disabled = false;
        }
        return;
      }
      finish('Payment complete', 'You can close this window.');
      tell({
        type: 'lava_checkout_success',
        checkoutSessionId: answer.checkout_session_id,
        connectionId: answer.customer_id,
      });
    } catch (failure) {
      showError('Could not reach the emulator: ' + (failure && failure.message ? failure.message : failure));
    } finally {
      pay.textContent = 'Pay';
      if (!finished) {
        pay.disabled = false;
        cancel.disabled = false;
      }
    }
  });

  const doCancel = () => {
    if (cancel.disabled) return;
    finish('Checkout cancelled', 'Nothing was charged.');
    tell({ type: 'lava_checkout_cancel', checkoutSessionId: config.checkoutSessionId });
  };
  cancel.addEventListener('click', doCancel);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !form.hidden) doCancel();
  });
  const first = form.querySelector('input');
  if (first) first.focus();
})();
`;
