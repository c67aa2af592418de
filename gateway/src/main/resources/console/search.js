// 施設検索: staff find a venue by name, phone, address, postal code or part of a printed code (facility-service,
// GET /admin/facilities; every search is audited there), see its rooms and codes, how many check-ins each code had
// per day (notification-service, GET /admin/visit-counts: counts only), and open a case with a code.
import {api, LoginRequired} from './api.js';
import {fill, h, localTime} from './dom.js';
import {BUSINESS_TYPES, t} from './i18n.js';
import {errorSlot, field, showProblem} from './views.js';

/** Renders the search form for the criteria in the address (#/search?q=…&page=2) and, if any, their results. */
export function renderSearch(main, criteria, navigate) {
  const q = h('input', {id: 'search-q', name: 'q', autocomplete: 'off', value: criteria.get('q') || '',
    placeholder: t('searchPlaceholder')});
  const type = h('select', {id: 'search-type', name: 'businessType'},
      h('option', {value: ''}, t('allTypes')),
      BUSINESS_TYPES.map(value => h('option', {value, selected: criteria.get('businessType') === value},
          t('businessType', value))));
  const municipality = h('input', {id: 'search-municipality', name: 'municipality', autocomplete: 'off',
    value: criteria.get('municipality') || '', placeholder: t('municipalityPlaceholder')});
  const slots = {q: errorSlot('error-search-q'), businessType: errorSlot('error-search-type'),
    municipality: errorSlot('error-search-municipality')};
  const general = errorSlot('search-error');
  const results = h('div', {id: 'search-results'});
  const form = h('form', {class: 'card', id: 'search-form'},
      h('h1', {}, t('searchTitle')),
      h('p', {class: 'muted'}, t('searchLead')),
      h('div', {class: 'inline'},
          field(t('searchText'), q, slots.q), field(t('businessTypeLabel'), type, slots.businessType),
          field(t('municipality'), municipality, slots.municipality),
          h('button', {type: 'submit', id: 'search', class: 'primary'}, t('search'))),
      general);
  form.addEventListener('submit', event => {
    event.preventDefault();
    navigate(`#/search?${query({q: q.value.trim(), businessType: type.value, municipality: municipality.value.trim()})}`);
  });
  document.title = `${t('searchTitle')} – ${t('title')}`;
  fill(main, form, results);
  q.focus();
  if ([...criteria.keys()].length > 0) {
    show(results, criteria, navigate, general, slots);
  }
}

async function show(results, criteria, navigate, general, slots) {
  try {
    const page = await api.searchFacilities(criteria);
    const counts = await visitCounts(page.results.flatMap(venue => venue.codes.map(code => code.code)));
    fill(results,
        page.results.length === 0 ? h('p', {id: 'search-none', class: 'card'}, t('searchNone')) : null,
        page.results.map(venue => venueCard(venue, counts)),
        pager(page, criteria, navigate));
  } catch (error) {
    showProblem(error, general, slots);
  }
}

/**
 * Check-ins per day of each code ({code: [{day, checkins}]}), asked in chunks of the 200 codes notification-service
 * takes at once; null when it cannot answer (the venues are shown anyway).
 */
async function visitCounts(codes) {
  const counts = {};
  try {
    for (let first = 0; first < codes.length; first += 200) {
      Object.assign(counts, (await api.visitCounts(codes.slice(first, first + 200))).codes);
    }
    return counts;
  } catch (error) {
    if (error instanceof LoginRequired) {
      throw error;
    }
    return null;
  }
}

function venueCard(venue, counts) {
  return h('section', {class: 'card venue', 'data-venue': venue.id},
      h('h2', {class: 'venue-name'}, venue.name),
      h('dl', {class: 'facts'},
          h('dt', {}, t('businessTypeLabel')), h('dd', {}, t('businessType', venue.businessType)),
          h('dt', {}, t('address')), h('dd', {class: 'venue-address'},
              `〒${venue.postalCode} ${venue.address}`),
          h('dt', {}, t('municipality')), h('dd', {class: 'venue-municipality'}, venue.municipality || '—'),
          h('dt', {}, t('phone')), h('dd', {class: 'venue-phone'}, venue.phone),
          h('dt', {}, t('email')), h('dd', {}, venue.email)),
      h('table', {class: 'venue-codes'},
          h('thead', {}, h('tr', {}, [t('code'), t('room'), t('status'), t('checkinsPerDay'), ''].map(
              text => h('th', {}, text)))),
          h('tbody', {}, venue.codes.map(code => h('tr', {'data-code': code.code},
              h('td', {class: 'code-value'}, code.code),
              h('td', {}, code.room),
              h('td', {}, h('span', {class: `badge code-${code.status.toLowerCase()}`}, t('codeStatus', code.status)),
                  code.revokedAt ? h('small', {class: 'muted'}, ` ${localTime(code.revokedAt)}`) : null),
              h('td', {class: 'code-checkins'}, checkins(counts, code.code)),
              h('td', {}, h('a', {class: 'button search-use-in-case',
                href: `#/cases/new?code=${encodeURIComponent(code.code)}`}, t('useInCase'))))))));
}

/** The code's check-ins per day, newest first ("11-25: 3"); days without any are left out. */
function checkins(counts, code) {
  if (counts === null) {
    return h('span', {class: 'muted'}, t('countsUnavailable'));
  }
  const days = (counts[code] || []).filter(day => day.checkins > 0);
  if (days.length === 0) {
    return h('span', {class: 'muted'}, t('noCheckins'));
  }
  return h('ul', {class: 'day-counts'}, days.slice().reverse().map(day => h('li', {'data-day': day.day},
      `${day.day.slice(5)}: ${day.checkins}`)));
}

function pager(page, criteria, navigate) {
  const go = number => () => {
    const next = new URLSearchParams(criteria);
    next.set('page', String(number));
    navigate(`#/search?${next}`);
  };
  return h('div', {class: 'inline pager'},
      page.page > 1 ? h('button', {type: 'button', id: 'search-previous', class: 'secondary', onclick: go(page.page - 1)},
          t('previousPage')) : null,
      h('span', {class: 'muted', id: 'search-page'}, t('pageNumber').replace('{0}', page.page)),
      page.hasMore ? h('button', {type: 'button', id: 'search-next', class: 'secondary', onclick: go(page.page + 1)},
          t('nextPage')) : null);
}

function query(values) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value) {
      params.set(name, value);
    }
  }
  return params.toString();
}
