// The venue's management page: reads the facility id and token from the URL fragment (never sent to a server).
import { apiUrl, downloadVenuePdf, fillCard, headers, local, readJson } from './common.js';

const root = document.getElementById('manage');
const status = document.getElementById('manage-status');
const content = document.getElementById('manage-content');
const params = new URLSearchParams(location.hash.slice(1));
const facilityId = params.get('facility');
let token = params.get('token');

// Keep the fragment when switching language, or the page would lose its token.
const langSwitch = document.getElementById('lang-switch');
langSwitch.href = `${langSwitch.getAttribute('href')}${location.hash}`;

function say(message) {
  status.textContent = message;
}

function auth(extra = {}) {
  return headers({ Authorization: `Bearer ${token}`, ...extra });
}

async function load() {
  if (!facilityId || !token) {
    say(root.dataset.msgMissing);
    return;
  }
  say(root.dataset.msgLoading);
  try {
    const response = await fetch(apiUrl(`/api/facilities/${encodeURIComponent(facilityId)}`), { headers: auth() });
    const body = await readJson(response);
    if (!response.ok) {
      say(body?.status === 404 ? root.dataset.msgNotFound : (body?.detail || root.dataset.msgNetwork));
      return;
    }
    render(body);
    say('');
  } catch (e) {
    say(root.dataset.msgNetwork);
  }
}

function render(facility) {
  document.getElementById('facility-name').textContent = facility.name;
  document.getElementById('facility-address').textContent =
    `〒${facility.postalCode} ${facility.address1} ${facility.address2}`.trim();
  document.getElementById('facility-phone').textContent = facility.phone;
  const cards = document.getElementById('manage-rooms');
  const template = document.getElementById('manage-card');
  cards.replaceChildren();
  for (const room of facility.rooms) {
    const card = template.content.firstElementChild.cloneNode(true);
    fillCard(card, room);
    card.querySelector('.status').textContent =
      room.status === 'ACTIVE' ? root.dataset.statusActive : root.dataset.statusRevoked;
    card.classList.toggle('revoked', room.status !== 'ACTIVE');
    const revoke = card.querySelector('.revoke');
    if (room.status === 'ACTIVE') {
      revoke.addEventListener('click', () => revokeCode(room));
    } else {
      revoke.remove();
    }
    cards.append(card);
  }
  content.hidden = false;
}

async function revokeCode(room) {
  const question = root.dataset.msgConfirm.replace('{0}', room.room).replace('{1}', room.code);
  if (!window.confirm(question)) {
    return;
  }
  const response = await fetch(
    apiUrl(`/api/facilities/${encodeURIComponent(facilityId)}/codes/${encodeURIComponent(room.code)}/revoke`),
    { method: 'POST', headers: auth() });
  if (!response.ok) {
    const body = await readJson(response);
    say(body?.detail || root.dataset.msgNetwork);
  }
  await load();
}

document.getElementById('add-rooms').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('new-room');
  const error = document.getElementById('new-room-error');
  error.hidden = true;
  const response = await fetch(apiUrl(`/api/facilities/${encodeURIComponent(facilityId)}/rooms`), {
    method: 'POST',
    headers: auth({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ rooms: [input.value] }),
  });
  const body = await readJson(response);
  if (response.status === 201) {
    input.value = '';
    await load();
  } else {
    error.textContent = body?.errors?.[0]?.message || body?.detail || root.dataset.msgNetwork;
    error.hidden = false;
  }
});

// A new token replaces the old one at once; the page keeps working with the new one, and the address bar (and so
// this history entry) no longer holds the dead token. The new link is shown here once and never again.
document.getElementById('rotate-token').addEventListener('click', async () => {
  if (!window.confirm(root.dataset.msgRotateConfirm)) {
    return;
  }
  try {
    const response = await fetch(
      apiUrl(`/api/facilities/${encodeURIComponent(facilityId)}/management-token`), { method: 'POST', headers: auth() });
    const body = await readJson(response);
    if (!response.ok) {
      say(body?.status === 404 ? root.dataset.msgNotFound : (body?.detail || root.dataset.msgNetwork));
      return;
    }
    token = body.managementToken;
    const fragment = new URL(body.managementUrl).hash;
    history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
    langSwitch.href = `${langSwitch.getAttribute('href').split('#')[0]}${fragment}`;
    const link = document.getElementById('new-manage-link');
    link.href = local(body.managementUrl) + fragment;
    link.textContent = body.managementUrl;
    document.getElementById('new-manage-token').textContent = body.managementToken;
    document.getElementById('rotated').hidden = false;
    document.getElementById('rotated-notice').focus();
  } catch (e) {
    say(root.dataset.msgNetwork);
  }
});

for (const [button, file] of [['all-posters', 'posters.pdf'], ['table-cards', 'table-cards.pdf']]) {
  document.getElementById(button).addEventListener('click',
    () => downloadVenuePdf(facilityId, token, file, (message) => say(message || root.dataset.msgNetwork)));
}

load();
