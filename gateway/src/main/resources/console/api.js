// Every action of the console is one of these calls to the admin API on the same origin, with the staff
// member's bearer token. Refusals come back as problem+json in the staff member's language (Accept-Language).
import {accessToken} from './auth.js';
import {lang, t} from './i18n.js';

/** A refusal from the API (or the gateway), with its per-field errors. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    // every problem of the house (services and gateway) has errors: [{field, message}], empty when no field is to
    // blame; a body that is no problem at all (an intermediary's page) has none
    this.fieldErrors = problem.errors ?? [];
  }
}

/** The session has ended (no token, or the API refused it): the page asks the staff member to log in again. */
export class LoginRequired extends Error {
}

export async function call(method, path, body) {
  const token = await accessToken();
  if (!token) {
    throw new LoginRequired();
  }
  const headers = {
    'Authorization': `Bearer ${token}`,
    'Accept': 'application/json, application/problem+json',
    'Accept-Language': lang === 'en' ? 'en' : 'ja',
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (networkError) {
    throw new ApiProblem(0, {detail: t('networkError')});
  }
  if (response.status === 401) {
    throw new LoginRequired();
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, json || {detail: `HTTP ${response.status}`});
  }
  return json;
}

export const api = {
  lookupCode: code => call('GET', `/admin/codes/${encodeURIComponent(code.trim())}`),
  searchFacilities: criteria => call('GET', `/admin/facilities?${new URLSearchParams(criteria)}`),
  visitCounts: codes => call('GET', `/admin/visit-counts?${new URLSearchParams(codes.map(code => ['code', code]))}`),
  caseTemplate: () => call('GET', '/admin/cases/template'),
  createCase: request => call('POST', '/admin/cases', request),
  listCases: state => call('GET', `/admin/cases${state ? `?state=${encodeURIComponent(state)}` : ''}`),
  getCase: id => call('GET', `/admin/cases/${encodeURIComponent(id)}`),
  createNotice: request => call('POST', '/admin/notices', request),
  listNotices: () => call('GET', '/admin/notices'),
  getNotice: id => call('GET', `/admin/notices/${encodeURIComponent(id)}`),
  approveNotice: id => call('POST', `/admin/notices/${encodeURIComponent(id)}/approve`),
  approveCase: id => call('POST', `/admin/cases/${encodeURIComponent(id)}/approve`),
  resumeCase: id => call('POST', `/admin/cases/${encodeURIComponent(id)}/resume`),
  cancelCase: id => call('POST', `/admin/cases/${encodeURIComponent(id)}/cancel`),
  report: id => call('GET', `/admin/cases/${encodeURIComponent(id)}/report`),
  stats: which => call('GET', `/admin/stats/${encodeURIComponent(which)}`),
  audit: filter => {
    const query = new URLSearchParams();
    if (filter.caseId) {
      query.set('caseId', filter.caseId);
    }
    if (filter.user) {
      query.set('user', filter.user);
    }
    const search = query.toString();
    return call('GET', `/admin/audit${search ? `?${search}` : ''}`);
  },
};
