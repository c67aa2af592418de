// The console's screens. Each one shows what the admin API answers and offers only actions the API has; the
// API decides (roles, four-eyes, states) and its refusals are shown next to the field or button that caused them.
import {api, ApiProblem, LoginRequired} from './api.js';
import {fill, h, localTime} from './dom.js';
import {t} from './i18n.js';

const POLL_MS = 2000;
const FINAL_STATES = ['DONE', 'FAILED', 'CANCELLED'];
let poller = null;

/** Stops live updates of the screen being left. */
export function leaveScreen() {
  if (poller) {
    clearTimeout(poller);
    poller = null;
  }
}

/** Shown instead of a screen when nobody is signed in or the session ended; set by app.js. */
let onLoginRequired = () => {};

export function whenLoginRequired(callback) {
  onLoginRequired = callback;
}

// ---- errors -------------------------------------------------------------------------------------------------

/**
 * Puts an API refusal next to what caused it: each field error in the slot of its field (`codes[1]` and
 * `codes` both go to the codes slot), everything else in the screen's general slot.
 */
export function showProblem(error, generalSlot, fieldSlots = {}) {
  if (error instanceof LoginRequired) {
    onLoginRequired();
    return;
  }
  if (!(error instanceof ApiProblem)) {
    throw error;
  }
  const unplaced = [];
  for (const fieldError of error.fieldErrors) {
    const slot = fieldSlots[fieldError.field] || fieldSlots[fieldError.field.replace(/\[\d+\]$/, '')]
        || fieldSlots[fieldError.field.split('.')[0]];
    if (slot) {
      slot.append(h('span', {class: 'error-line'}, fieldError.message));
      slot.hidden = false;
    } else {
      unplaced.push(fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message);
    }
  }
  const problem = error.problem;
  fill(generalSlot,
      h('strong', {}, problem.detail || problem.title),
      unplaced.map(line => h('span', {class: 'error-line'}, line)),
      problem.requestId ? h('span', {class: 'muted'}, `${t('requestId')}: ${problem.requestId}`) : null);
  generalSlot.hidden = false;
}

export function clearErrors(...slots) {
  for (const slot of slots) {
    fill(slot);
    slot.hidden = true;
  }
}

export function errorSlot(id) {
  return h('div', {id, class: 'error', role: 'alert', hidden: true});
}

export function field(label, input, slot, hint) {
  return h('div', {class: 'field'},
      h('label', {for: input.id}, label), input, hint ? h('small', {class: 'muted'}, hint) : null, slot);
}

export function title(text) {
  document.title = `${text} – ${t('title')}`;
  return h('h1', {}, text);
}

function stateBadge(state, id) {
  return h('span', {id, class: `badge state-${state.toLowerCase()}`, 'data-state': state}, t('state', state));
}

function windowsText(windows) {
  return (windows || []).map(w => `${localTime(w.from)} – ${localTime(w.to)}`).join(', ');
}

export function table(id, headers, rows) {
  return h('table', {id},
      h('thead', {}, h('tr', {}, headers.map(header => h('th', {}, header)))),
      h('tbody', {}, rows));
}

function definitions(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value, id]) => [h('dt', {}, label), h('dd', {id}, value)]));
}

// ---- login --------------------------------------------------------------------------------------------------

export function renderLogin(main, message, onLogin) {
  document.title = t('title');
  fill(main, h('section', {class: 'card narrow'},
      h('h1', {}, t('loginTitle')),
      h('p', {}, t('loginLead')),
      message ? h('div', {id: 'login-message', class: 'error', role: 'alert'}, message) : null,
      h('button', {type: 'button', id: 'login', class: 'primary', onclick: onLogin}, t('login'))));
}

// ---- code lookup --------------------------------------------------------------------------------------------

export function renderLookup(main, initialCode) {
  const input = h('input', {id: 'code', name: 'code', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'ABCD-EFGH-J', value: initialCode || ''});
  const codeError = errorSlot('error-code');
  const general = errorSlot('lookup-error');
  const result = h('div', {id: 'lookup-result'});
  const form = h('form', {class: 'card', id: 'lookup-form'},
      title(t('lookupTitle')),
      h('p', {class: 'muted'}, t('lookupLead')),
      h('div', {class: 'inline'}, field(t('code'), input, codeError),
          h('button', {type: 'submit', id: 'lookup', class: 'primary'}, t('lookup'))),
      general);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(codeError, general);
    fill(result);
    try {
      const found = await api.lookupCode(input.value);
      fill(result, lookupResult(found));
    } catch (error) {
      showProblem(error, general, {code: codeError});
    }
  });
  fill(main, form, result);
  input.focus();
  if (initialCode) {
    form.requestSubmit();
  }
}

function lookupResult(found) {
  const venue = found.facility || {};
  return h('section', {class: 'card'},
      h('h2', {id: 'result-code'}, found.code),
      definitions([
        [t('venue'), venue.name, 'result-venue'],
        [t('room'), found.room, 'result-room'],
        [t('address'), [venue.postalCode ? `〒${venue.postalCode}` : '', venue.address].join(' ').trim(),
          'result-address'],
        [t('phone'), venue.phone, 'result-phone'],
        [t('email'), venue.email, 'result-email'],
        [t('status'), h('span', {class: `badge code-${String(found.status).toLowerCase()}`},
            t('codeStatus', found.status)), 'result-status'],
        [t('issuedAt'), localTime(found.issuedAt)],
        [t('revokedAt'), localTime(found.revokedAt)],
      ]),
      h('a', {href: `#/cases/new?code=${encodeURIComponent(found.code)}`, id: 'use-in-case', class: 'button'},
          t('useInCase')));
}

// ---- new case -----------------------------------------------------------------------------------------------

function todayInIwate() {
  // sv-SE formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('sv-SE', {timeZone: 'Asia/Tokyo'}).format(new Date());
}

export async function renderNewCase(main, prefillCode, navigate) {
  const codes = h('textarea', {id: 'codes', rows: 3, spellcheck: 'false', placeholder: 'ABCD-EFGH-J'});
  codes.value = prefillCode || '';
  const byDates = h('input', {type: 'radio', name: 'mode', id: 'mode-dates', value: 'dates', checked: true});
  const byWindow = h('input', {type: 'radio', name: 'mode', id: 'mode-window', value: 'window'});
  const dates = h('input', {id: 'dates', autocomplete: 'off', value: todayInIwate()});
  const from = h('input', {id: 'window-from', autocomplete: 'off', placeholder: '2026-11-20T18:00'});
  const to = h('input', {id: 'window-to', autocomplete: 'off', placeholder: '2026-11-20T22:00'});
  const message = h('textarea', {id: 'message', rows: 10});
  const template = h('select', {id: 'template'});
  let templates = [];
  const note = h('input', {id: 'note', autocomplete: 'off'});
  const slots = {
    codes: errorSlot('error-codes'), dates: errorSlot('error-dates'), window: errorSlot('error-window'),
    'window.from': errorSlot('error-window-from'), 'window.to': errorSlot('error-window-to'),
    message: errorSlot('error-message'), extraText: errorSlot('error-message'), note: errorSlot('error-note'),
    template: errorSlot('error-template'),
  };
  const general = errorSlot('form-error');
  const datesField = field(t('dates'), dates, slots.dates);
  const windowFields = h('div', {class: 'inline', hidden: true},
      field(t('windowFrom'), from, slots['window.from']), field(t('windowTo'), to, slots['window.to']));
  const showMode = () => {
    datesField.hidden = !byDates.checked;
    windowFields.hidden = byDates.checked;
  };
  byDates.addEventListener('change', showMode);
  byWindow.addEventListener('change', showMode);
  const submit = h('button', {type: 'submit', id: 'create', class: 'primary'}, t('createDraft'));
  const form = h('form', {class: 'card', id: 'case-form'},
      title(t('newCaseTitle')),
      h('p', {class: 'muted'}, t('newCaseLead')),
      field(t('codes'), codes, slots.codes),
      h('fieldset', {},
          h('legend', {}, t('target')),
          h('label', {class: 'choice'}, byDates, t('byDates')),
          h('label', {class: 'choice'}, byWindow, t('byWindow')),
          datesField, windowFields, slots.window),
      field(t('template'), template, slots.template),
      field(t('message'), message, slots.message),
      field(t('note'), note, slots.note),
      general,
      submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(general, ...new Set(Object.values(slots)));
    const request = {
      codes: codes.value.split(/[\n,、]+/).map(code => code.trim()).filter(code => code),
      template: template.value || undefined,
      message: message.value,
      note: note.value,
    };
    if (byDates.checked) {
      request.dates = dates.value.split(/[\s,、]+/).filter(date => date);
    } else {
      request.window = {from: from.value.trim(), to: to.value.trim()};
    }
    submit.disabled = true;
    try {
      const created = await api.createCase(request);
      navigate(`#/cases/${created.id}`);
    } catch (error) {
      showProblem(error, general, slots);
    } finally {
      submit.disabled = false;
    }
  });
  fill(main, form);
  (prefillCode ? note : codes).focus();
  try {
    // the configured notices (the seed's 注意喚起 first), as the service would send them, for editing
    const offered = await api.caseTemplate();
    templates = offered.templates || [];
    fill(template, templates.map(each => h('option', {value: each.id}, each.title)));
    message.value = offered.message;
    // choosing another template replaces the text: staff edit after choosing, not before
    template.addEventListener('change', () => {
      const chosen = templates.find(each => each.id === template.value);
      if (chosen) {
        message.value = chosen.text;
      }
    });
  } catch (error) {
    showProblem(error, general, {});
  }
}

// ---- case list ----------------------------------------------------------------------------------------------

const STATES = ['DRAFT', 'SENDING', 'PAUSED', 'DONE', 'FAILED', 'CANCELLED'];

export async function renderCases(main, state) {
  const general = errorSlot('cases-error');
  const tabs = h('nav', {class: 'tabs', id: 'state-tabs'},
      h('a', {href: '#/cases', class: state ? '' : 'current', id: 'tab-all'}, t('allStates')),
      STATES.map(s => h('a', {href: `#/cases?state=${s}`, id: `tab-${s.toLowerCase()}`,
        class: state === s ? 'current' : ''}, t('state', s))));
  const list = h('div', {id: 'cases-list'}, h('p', {class: 'muted'}, t('loading')));
  fill(main, h('section', {class: 'card'}, title(t('casesTitle')), tabs, general, list));
  try {
    const cases = await api.listCases(state);
    if (cases.length === 0) {
      fill(list, h('p', {class: 'muted', id: 'no-cases'}, t('noCases')));
      return;
    }
    fill(list, table('cases-table',
        [t('id'), t('status'), t('code'), t('window'), t('createdBy'), t('createdAt'), t('recipients')],
        cases.map(c => h('tr', {'data-case': c.id},
            h('td', {}, h('a', {href: `#/cases/${c.id}`, class: 'case-link'}, `#${c.id}`)),
            h('td', {}, stateBadge(c.state)),
            h('td', {class: 'code'}, c.codes.join(', ')),
            h('td', {}, windowsText(c.windows)),
            h('td', {}, c.createdBy),
            h('td', {}, localTime(c.createdAt)),
            h('td', {class: 'number'}, c.recipients ?? '')))));
  } catch (error) {
    fill(list);
    showProblem(error, general);
  }
}

// ---- one case -----------------------------------------------------------------------------------------------

export async function renderCase(main, id) {
  const general = errorSlot('case-error');
  fill(main, h('section', {class: 'card'}, h('p', {class: 'muted'}, t('loading'))), general);
  let view;
  try {
    view = await api.getCase(id);
  } catch (error) {
    fill(main, h('p', {}, h('a', {href: '#/cases'}, t('back'))), general);
    showProblem(error, general);
    return;
  }
  showCase(main, view);
}

function showCase(main, view) {
  const actionError = errorSlot('action-error');
  const reportSection = h('section', {class: 'card', id: 'report', hidden: true});
  fill(main,
      h('p', {}, h('a', {href: '#/cases', id: 'back'}, t('back'))),
      h('section', {class: 'card'},
          title(`${t('caseTitle')} #${view.id}`),
          h('p', {}, stateBadge(view.state, 'case-state')),
          view.state === 'PAUSED' && view.pause ? pauseNotice(view.pause) : null,
          definitions([
            [t('code'), view.codes.join(', '), 'case-codes'],
            [t('window'), windowsText(view.windows), 'case-windows'],
            [t('matchRule'), view.rule ? t('matchRuleText', view.rule) : null, 'case-rule'],
            [t('note'), view.note],
            [t('createdBy'), `${view.createdBy} (${localTime(view.createdAt)})`, 'case-created-by'],
            [t('approvedBy'), view.approvedBy ? `${view.approvedBy} (${localTime(view.approvedAt)})` : null,
              'case-approved-by'],
            [t('cancelledBy'), view.cancelledBy ? `${view.cancelledBy} (${localTime(view.cancelledAt)})` : null],
          ]),
          h('h2', {}, t('message')),
          view.notice ? noticeBubble(view.notice) : h('pre', {class: 'message', id: 'case-message'}, view.message),
          actions(view, actionError, main),
          actionError),
      view.preview ? previewSection(view.preview) : null,
      view.quota ? quotaSection(view.quota) : null,
      reportSection);
  if (view.state !== 'DRAFT') {
    followReport(view.id, reportSection, main);
  }
}

/**
 * Approve and cancel, as the API says this reader may (its `actions`: approve only for the approver role,
 * never the case's creator, only a draft; cancel until the case has ended). A refused approve stays visible,
 * disabled, with the API's reason next to it.
 */
function actions(view, actionError, main) {
  const allowed = view.actions;
  if (!allowed) {
    return null;
  }
  const buttons = h('div', {class: 'actions'});
  if (allowed.approve.reason !== 'not-draft') {
    buttons.append(...primaryAction('approve', allowed.approve, t('confirmApprove'), () => api.approveCase(view.id),
        actionError, main));
  }
  if (allowed.resume && allowed.resume.reason !== 'not-paused') {
    buttons.append(...primaryAction('resume', allowed.resume, t('confirmResume'), () => api.resumeCase(view.id),
        actionError, main));
  }
  if (allowed.cancel.allowed) {
    const cancel = h('button', {type: 'button', id: 'cancel', class: 'danger'}, t('cancel'));
    cancel.addEventListener('click', () => act(cancel, t('confirmCancel'), () => api.cancelCase(view.id),
        actionError, main));
    buttons.append(cancel);
  }
  return buttons.childElementCount ? buttons : null;
}

/** The button of a four-eyes step (approve, resume); refused, it stays visible, disabled, with the API's reason. */
function primaryAction(name, allowed, question, call, actionError, main) {
  const button = h('button', {type: 'button', id: name, class: 'primary', disabled: !allowed.allowed,
    'aria-describedby': allowed.allowed ? null : `${name}-reason`}, t(name));
  button.addEventListener('click', () => act(button, question, call, actionError, main));
  return allowed.allowed ? [button] : [button, h('span', {id: `${name}-reason`, class: 'reason'}, allowed.message)];
}

async function act(button, question, call, actionError, main) {
  if (!confirm(question)) {
    return;
  }
  clearErrors(actionError);
  button.disabled = true;
  try {
    const changed = await call();
    // read the case again: its preview and what may be done next come with a fresh read
    renderCase(main, changed.id);
  } catch (error) {
    button.disabled = false;
    showProblem(error, actionError);
  }
}

/**
 * The notice as the resident's LINE shows it: the Flex bubble's text and its buttons (a call to the consultation
 * centre, the prefecture's page), and the alt text LINE shows in the chat list and the notification.
 */
function noticeBubble(notice) {
  return h('div', {class: 'line-chat', id: 'notice-preview'},
      h('p', {class: 'muted'}, t('noticeLead')),
      h('div', {class: 'flex-bubble'},
          h('pre', {class: 'message', id: 'case-message'}, notice.body),
          h('div', {class: 'flex-footer'}, notice.buttons.map((button, index) =>
            h('a', {class: index === 0 ? 'flex-button primary' : 'flex-button', href: button.uri,
              'data-uri': button.uri, rel: 'noopener noreferrer', target: '_blank'}, button.label)))),
      h('p', {class: 'muted'}, `${t('altText')}: `, h('span', {id: 'notice-alt-text'}, notice.altText)));
}

function previewSection(preview) {
  return h('section', {class: 'card', id: 'preview'},
      h('h2', {}, t('preview')),
      h('p', {class: 'muted'}, t('previewLead')),
      h('div', {class: 'figures'},
          figure(t('previewRecipients'), preview.recipients, 'preview-recipients', true),
          figure(t('previewResidents'), preview.residents, 'preview-residents'),
          figure(t('previewVisits'), preview.visits, 'preview-visits'),
          figure(t('previewUnreachable'), preview.unreachable, 'preview-unreachable'),
          figure(t('previewRecent'), preview.recentlyNotified, 'preview-recent')),
      h('h3', {}, t('perCode')),
      table('preview-codes', [t('code'), t('venue'), t('room'), t('status'), t('visits'), t('residents'),
        t('stay'), t('scannedInWindow'), t('stayOverlaps')],
          preview.codes.map(code => h('tr', {'data-code': code.code},
              h('td', {class: 'code'}, code.code),
              h('td', {}, code.facilityName || ''),
              h('td', {}, code.room || ''),
              h('td', {}, code.codeStatus ? t('codeStatus', code.codeStatus) : ''),
              h('td', {class: 'number'}, code.visits),
              h('td', {class: 'number preview-code-residents'}, code.residents),
              h('td', {class: 'number'}, stayText(code.stayMinutes)),
              h('td', {class: 'number preview-code-scanned'}, code.scannedInWindow),
              h('td', {class: 'number preview-code-stay'}, code.stayOverlaps)))),
      h('p', {class: 'muted'}, `${t('countedAt')}: ${localTime(preview.countedAt)}`));
}

/** Why sending stopped and what to fix before resuming; LINE's own answer as it came. */
function pauseNotice(pause) {
  return h('div', {class: 'notice', id: 'pause', role: 'status'},
      h('strong', {}, t('paused')),
      h('p', {id: 'pause-cause', 'data-cause': pause.cause}, t('pauseCause', pause.cause)),
      definitions([
        [t('pauseReason'), pause.reason, 'pause-reason'],
        [t('pausedAt'), localTime(pause.pausedAt)],
        [t('resumedAt'), pause.resumedAt ? localTime(pause.resumedAt) : null],
      ]));
}

/** This month's message quota as LINE reports it, and whether what the case still needs fits. */
function quotaSection(quota) {
  const unknown = quota.status === 'unknown';
  const limited = quota.status === 'fits' || quota.status === 'exceeds';
  return h('section', {class: 'card', id: 'quota', 'data-status': quota.status},
      h('h2', {}, t('quota')),
      h('div', {class: 'figures'},
          figure(t('quotaUses'), quota.caseUses, 'quota-case-uses', true),
          figure(t('quotaRemaining'), unknown ? t('quotaUnknown') : limited ? quota.remaining : t('quotaUnlimited'),
              'quota-remaining'),
          limited ? figure(t('quotaLimit'), quota.limit, 'quota-limit') : null,
          quota.used != null ? figure(t('quotaUsed'), quota.used, 'quota-used') : null),
      quota.status === 'exceeds' ? h('p', {class: 'reason', id: 'quota-exceeds'}, t('quotaExceeds')) : null);
}

/** A stay of whole hours as hours, otherwise in minutes. */
function stayText(minutes) {
  return minutes % 60 === 0 ? `${minutes / 60}${t('hourUnit')}` : `${minutes}${t('minuteUnit')}`;
}

function figure(label, value, id, main) {
  return h('div', {class: main ? 'figure main' : 'figure'},
      h('span', {class: 'value', id}, value), h('span', {class: 'label'}, label));
}

/** Shows the delivery report; while the case is sending, re-reads it every two seconds (live progress). */
async function followReport(id, section, main) {
  let report;
  try {
    report = await api.report(id);
  } catch (error) {
    section.hidden = false;
    const slot = errorSlot('report-error');
    fill(section, h('h2', {}, t('report')), slot);
    showProblem(error, slot);
    return;
  }
  if (!section.isConnected) {
    return; // the staff member went elsewhere meanwhile
  }
  section.hidden = false;
  fill(section, reportContent(report));
  const badge = document.getElementById('case-state');
  if (badge && badge.dataset.state !== report.state) {
    // the case finished (or was cancelled) while watched: show the case as it is now
    if (FINAL_STATES.includes(report.state) || report.state === 'PAUSED') {
      poller = setTimeout(() => renderCase(main, id), 0);
      return;
    }
  }
  if (report.state === 'SENDING') {
    poller = setTimeout(() => followReport(id, section, main), POLL_MS);
  }
}

function reportContent(report) {
  const r = report.recipients;
  const b = report.batches;
  // Residents who asked for erasure before their batch left are settled too: they are not sent it.
  const erased = r.erasedBeforeSending ?? 0;
  const done = r.delivered + r.failed + r.cancelled + r.unconfirmed + erased;
  return [
    h('h2', {}, report.state === 'SENDING' ? t('progress') : t('report')),
    report.state === 'SENDING' ? h('p', {class: 'live', id: 'progress-live'}, t('progressLive')) : null,
    h('progress', {id: 'progress', max: Math.max(r.planned, 1), value: done}),
    h('div', {class: 'figures'},
        figure(t('delivered'), r.delivered, 'report-delivered', true),
        figure(t('planned'), r.planned, 'report-planned'),
        figure(t('failed'), r.failed, 'report-failed'),
        figure(t('pending'), r.pending, 'report-pending'),
        figure(t('cancelled'), r.cancelled, 'report-cancelled'),
        figure(t('unconfirmed'), r.unconfirmed, 'report-unconfirmed'),
        figure(t('erasedBeforeSending'), erased, 'report-erased'),
        figure(t('previewUnreachable'), r.skippedUnreachable ?? 0, 'report-unreachable'),
        figure(t('previewRecent'), r.skippedRecentlyNotified ?? 0, 'report-recent')),
    definitions([
      [t('batches'), `${b.sent} / ${b.total}`, 'report-batches'],
      [t('retries'), b.retries],
      [t('firstSentAt'), localTime(report.firstSentAt)],
      [t('finishedAt'), localTime(report.finishedAt), 'report-finished'],
      [t('failureReason'), report.failureReason],
    ]),
    (report.failures || []).length ? table('report-failures', ['#', t('recipients'), t('retries'), t('details')],
        report.failures.map(f => h('tr', {}, h('td', {}, f.seq), h('td', {class: 'number'}, f.recipients),
            h('td', {class: 'number'}, f.attempts), h('td', {}, f.error)))) : null,
  ];
}

// ---- audit log ----------------------------------------------------------------------------------------------

export async function renderAudit(main, filter, navigate) {
  const caseInput = h('input', {id: 'audit-case', inputmode: 'numeric', autocomplete: 'off',
    value: filter.caseId || ''});
  const userInput = h('input', {id: 'audit-user', autocomplete: 'off', value: filter.user || ''});
  const slots = {caseId: errorSlot('error-audit-case'), user: errorSlot('error-audit-user')};
  const general = errorSlot('audit-error');
  const list = h('div', {id: 'audit-list'}, h('p', {class: 'muted'}, t('loading')));
  const form = h('form', {class: 'card', id: 'audit-form'},
      title(t('auditTitle')),
      h('div', {class: 'inline'},
          field(t('caseId'), caseInput, slots.caseId),
          field(t('user'), userInput, slots.user),
          h('button', {type: 'submit', id: 'audit-filter', class: 'primary'}, t('filter'))),
      general);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (caseInput.value.trim()) {
      query.set('caseId', caseInput.value.trim());
    }
    if (userInput.value.trim()) {
      query.set('user', userInput.value.trim());
    }
    const search = query.toString();
    navigate(`#/audit${search ? `?${search}` : ''}`);
  });
  fill(main, form, list);
  try {
    const entries = await api.audit(filter);
    if (entries.length === 0) {
      fill(list, h('p', {class: 'muted', id: 'no-audit'}, t('noAudit')));
      return;
    }
    fill(list, h('section', {class: 'card'}, table('audit-table',
        [t('at'), t('actor'), t('action'), t('caseId'), t('details')],
        entries.map(entry => h('tr', {'data-action': entry.action},
            h('td', {}, localTime(entry.at)),
            h('td', {}, entry.actor),
            h('td', {}, t('auditAction', entry.action)),
            h('td', {}, entry.caseId ? h('a', {href: `#/cases/${entry.caseId}`}, `#${entry.caseId}`) : ''),
            h('td', {class: 'details'}, Object.entries(entry.details || {})
                .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(' ') : value}`)
                .join(', ')))))));
  } catch (error) {
    fill(list);
    showProblem(error, general, slots);
  }
}
