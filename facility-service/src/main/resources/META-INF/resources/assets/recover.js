// 「管理用リンクを再送する」 on the form and the management page: asks for a new management link by mail. The answer
// is the same whether the address is registered or not, so the page shows it as it comes.
import { apiUrl, headers, readJson } from './common.js';

for (const form of document.querySelectorAll('form.recover-link')) {
  const input = form.querySelector('input[name=email]');
  const error = form.querySelector('.error');
  const status = form.querySelector('.recover-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    status.textContent = form.dataset.msgSending;
    try {
      const response = await fetch(apiUrl('/api/management-links'), {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ email: input.value }),
      });
      const body = await readJson(response);
      if (response.ok) {
        status.textContent = body.message;
        return;
      }
      status.textContent = '';
      const field = (body?.errors || []).find((e) => e.field === 'email');
      error.textContent = field ? field.message : (body?.detail || form.dataset.msgNetwork);
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } catch (e) {
      status.textContent = '';
      error.textContent = form.dataset.msgNetwork;
      error.hidden = false;
    }
  });
}
