// The venue registration form: room rows, field-level errors from the API, and the completion screen.
import { apiUrl, downloadVenuePdf, fillCard, headers, lang, local, readJson } from './common.js';

const form = document.getElementById('registration');
const rooms = document.getElementById('rooms');
const rowTemplate = document.getElementById('room-row');
const summary = document.getElementById('error-summary');
const submit = document.getElementById('submit');
const status = document.getElementById('form-status');
const businessType = document.getElementById('businessType');
const businessTypeHint = document.getElementById('businessType-hint');

function roomRows() {
  return [...rooms.querySelectorAll('.room-row')];
}

/** Keeps ids, labels and the remove buttons right after rows are added or removed. */
function renumberRooms() {
  const rows = roomRows();
  rows.forEach((row, i) => {
    const input = row.querySelector('input');
    const label = row.querySelector('label');
    input.id = `room-${i}`;
    label.htmlFor = input.id;
    label.textContent = form.dataset.msgRowLabel.replace('{0}', String(i + 1));
    row.querySelector('.remove-room').disabled = rows.length === 1;
  });
}

function addRoom() {
  const row = rowTemplate.content.firstElementChild.cloneNode(true);
  rooms.append(row);
  renumberRooms();
  row.querySelector('input').focus();
}

rooms.addEventListener('click', (event) => {
  const button = event.target.closest('.remove-room');
  if (button && roomRows().length > 1) {
    button.closest('.room-row').remove();
    renumberRooms();
  }
});
document.getElementById('add-room').addEventListener('click', addRoom);

businessType.addEventListener('change', () => {
  const examples = businessType.selectedOptions[0]?.dataset.examples;
  businessTypeHint.textContent = examples || businessTypeHint.dataset.default;
});

function clearErrors() {
  form.querySelectorAll('.error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  summary.hidden = true;
  summary.querySelector('ul').replaceChildren();
  status.hidden = true;
}

/** Places each message beside its field (rooms[2] → the third room row) and lists them all at the top. */
function showErrors(problem) {
  const list = summary.querySelector('ul');
  for (const error of problem.errors || []) {
    const room = /^rooms\[(\d+)\]$/.exec(error.field);
    let target;
    let input;
    if (room) {
      const row = roomRows()[Number(room[1])];
      target = row?.querySelector('.error');
      input = row?.querySelector('input');
    } else {
      target = document.getElementById(`${error.field}-error`);
      input = document.getElementById(error.field);
    }
    if (target) {
      target.textContent = error.message;
      target.hidden = false;
    }
    input?.setAttribute('aria-invalid', 'true');
    const item = document.createElement('li');
    if (input) {
      const link = document.createElement('a');
      link.href = `#${input.id}`;
      link.textContent = error.message;
      item.append(link);
    } else {
      item.textContent = error.message;
    }
    list.append(item);
  }
  if (!list.children.length) {
    const item = document.createElement('li');
    item.textContent = problem.detail;
    list.append(item);
  }
  summary.hidden = false;
  summary.focus();
}

function formData() {
  const value = (id) => document.getElementById(id).value;
  return {
    businessType: value('businessType'),
    scale: value('scale'),
    name: value('name'),
    postalCode: value('postalCode'),
    address1: value('address1'),
    address2: value('address2'),
    phone: value('phone'),
    email: value('email'),
    termsAccepted: document.getElementById('termsAccepted').checked,
    receiveNotices: document.getElementById('receiveNotices').checked,
    rooms: roomRows().map((row) => row.querySelector('input').value),
  };
}

function showDone(result) {
  document.getElementById('registration-section').hidden = true;
  const done = document.getElementById('done-section');
  const title = document.getElementById('done-title');
  title.textContent = title.dataset.template.replace('{0}', result.name);
  const cards = document.getElementById('done-rooms');
  const cardTemplate = document.getElementById('room-card');
  for (const room of result.rooms) {
    const card = cardTemplate.content.firstElementChild.cloneNode(true);
    fillCard(card, room);
    cards.append(card);
  }
  const manageLink = document.getElementById('manage-link');
  manageLink.href = local(result.managementUrl) + new URL(result.managementUrl).hash;
  manageLink.textContent = result.managementUrl;
  document.getElementById('manage-token').textContent = result.managementToken;
  for (const [button, file] of [['all-posters', 'posters.pdf'], ['table-cards', 'table-cards.pdf']]) {
    document.getElementById(button).addEventListener('click', () => downloadVenuePdf(result.facilityId,
      result.managementToken, file, (message) => window.alert(message || form.dataset.msgNetwork)));
  }
  document.getElementById('lang-switch').hidden = true; // switching language would lose this one-time page
  done.hidden = false;
  window.scrollTo(0, 0);
  title.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const label = submit.textContent;
  submit.disabled = true;
  submit.textContent = form.dataset.msgSubmitting;
  try {
    const response = await fetch(apiUrl('/api/facilities'), {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(formData()),
    });
    const body = await readJson(response);
    if (response.status === 201 && body) {
      showDone(body);
    } else if (body) {
      showErrors(body);
    } else {
      throw new Error(`HTTP ${response.status}`);
    }
  } catch (e) {
    status.textContent = form.dataset.msgNetwork;
    status.hidden = false;
  } finally {
    submit.disabled = false;
    submit.textContent = label;
  }
});

renumberRooms();
document.documentElement.dataset.ready = lang; // lets tests know the module ran
