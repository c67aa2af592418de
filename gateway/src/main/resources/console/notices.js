// The prefecture's notices to venues (facility-service /admin/notices): compose with the audience's size, a
// second person approves, then the delivery report. As elsewhere, the API decides and its refusals are shown
// next to the field or button they are about.
import {api} from './api.js';
import {fill, h} from './dom.js';
import {BUSINESS_TYPES, t} from './i18n.js';
import {clearErrors, errorSlot, field, showProblem} from './views.js';

export function renderNewNotice(main, navigate) {
  document.title = `${t('noticeNewTitle')} – ${t('title')}`;
  const subject = h('input', {id: 'notice-subject', maxlength: 100});
  const body = h('textarea', {id: 'notice-body', rows: 8});
  const survey = h('input', {id: 'notice-survey', type: 'url', placeholder: 'https://'});
  const types = h('select', {id: 'notice-types', multiple: true, size: 5},
      BUSINESS_TYPES.map(type => h('option', {value: type}, t('businessType', type))));
  const towns = h('input', {id: 'notice-municipalities', placeholder: t('noticeMunicipalitiesHint')});
  const slots = {subject: errorSlot('error-subject'), body: errorSlot('error-body'),
    surveyUrl: errorSlot('error-surveyUrl'), businessTypes: errorSlot('error-businessTypes'),
    municipalities: errorSlot('error-municipalities')};
  const general = errorSlot('notice-error');
  const form = h('form', {class: 'card', id: 'notice-form'},
      h('h1', {}, t('noticeNewTitle')),
      h('p', {class: 'muted'}, t('noticeNewLead')),
      field(t('noticeSubject'), subject, slots.subject),
      field(t('noticeBody'), body, slots.body),
      field(t('noticeSurvey'), survey, slots.surveyUrl),
      field(t('noticeTypes'), types, slots.businessTypes),
      field(t('noticeMunicipalities'), towns, slots.municipalities),
      general,
      h('button', {type: 'submit', id: 'notice-create', class: 'primary'}, t('noticeCreate')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(general, ...Object.values(slots));
    try {
      const created = await api.createNotice({
        subject: subject.value, body: body.value, surveyUrl: survey.value || null,
        businessTypes: [...types.selectedOptions].map(option => option.value),
        municipalities: towns.value.split(/[,、\s]+/).filter(Boolean),
      });
      navigate(`#/notices/${created.id}`);
    } catch (error) {
      showProblem(error, general, slots);
    }
  });
  fill(main, form);
  subject.focus();
}

export async function renderNotices(main) {
  document.title = `${t('navNotices')} – ${t('title')}`;
  const general = errorSlot('notices-error');
  fill(main, h('section', {class: 'card'}, h('h1', {}, t('navNotices')), general));
  try {
    const notices = await api.listNotices();
    main.firstChild.append(h('table', {id: 'notices'},
        h('thead', {}, h('tr', {}, [t('noticeSubject'), t('status'), t('noticeAudience')].map(x => h('th', {}, x)))),
        h('tbody', {}, notices.map(notice => h('tr', {},
            h('td', {}, h('a', {href: `#/notices/${notice.id}`}, notice.subject)),
            h('td', {}, t('noticeState', notice.state)), h('td', {}, String(notice.audience)))))));
  } catch (error) {
    showProblem(error, general);
  }
}

export async function renderNotice(main, id) {
  const general = errorSlot('notice-error');
  const card = h('section', {class: 'card', id: 'notice'});
  fill(main, card);
  let notice;
  try {
    notice = await api.getNotice(id);
  } catch (error) {
    fill(card, general);
    showProblem(error, general);
    return;
  }
  document.title = `${notice.subject} – ${t('title')}`;
  const approveError = errorSlot('approve-error');
  const approve = h('button', {type: 'button', id: 'notice-approve', class: 'primary'}, t('noticeApprove'));
  approve.addEventListener('click', async () => {
    clearErrors(approveError);
    try {
      await api.approveNotice(id);
      renderNotice(main, id);
    } catch (error) {
      showProblem(error, approveError);
    }
  });
  const delivery = notice.delivery || {};
  fill(card,
      h('h1', {}, notice.subject),
      h('dl', {class: 'facts'},
          h('dt', {}, t('status')), h('dd', {id: 'notice-state', 'data-state': notice.state},
              t('noticeState', notice.state)),
          h('dt', {}, t('noticeAudience')), h('dd', {id: 'notice-audience'}, String(notice.audience)),
          h('dt', {}, t('noticeCreatedBy')), h('dd', {}, notice.createdBy),
          notice.approvedBy ? [h('dt', {}, t('noticeApprovedBy')), h('dd', {}, notice.approvedBy)] : null),
      h('pre', {class: 'notice-body'}, notice.body),
      notice.surveyUrl ? h('p', {}, notice.surveyUrl) : null,
      notice.state === 'DRAFT' ? [approve, approveError] : h('table', {id: 'notice-report'},
          h('tbody', {}, ['SENT', 'PENDING', 'BOUNCED', 'REFUSED'].map(status => h('tr', {},
              h('th', {}, t('noticeDelivery', status)),
              h('td', {id: `delivery-${status.toLowerCase()}`}, String(delivery[status] || 0)))))));
}

