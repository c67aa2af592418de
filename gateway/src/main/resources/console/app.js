// The console's shell: reads where to sign in, finishes a login coming back from Keycloak, and shows the screen
// the address names (#/lookup, #/search, #/cases/new, #/cases, #/cases/12, #/notices/new, #/notices, #/notices/…, #/stats, #/audit).
import {completeLogin, configure, login, logout, user} from './auth.js';
import {fill, h} from './dom.js';
import {lang, t} from './i18n.js';
import {renderSearch} from './search.js';
import {
  leaveScreen, renderAudit, renderCase, renderCases, renderLogin, renderLookup, renderNewCase, whenLoginRequired,
} from './views.js';
import {renderStats} from './stats.js';
import {renderNewNotice, renderNotice, renderNotices} from './notices.js';

const main = document.getElementById('main');

function navigate(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

function showShell(me) {
  const nav = document.getElementById('nav');
  const links = [['#/lookup', 'nav-lookup', t('navLookup')], ['#/search', 'nav-search', t('navSearch')],
    ['#/cases/new', 'nav-new-case', t('navNewCase')], ['#/cases', 'nav-cases', t('navCases')],
    ['#/notices/new', 'nav-new-notice', t('navNewNotice')], ['#/notices', 'nav-notices', t('navNotices')],
    ['#/stats', 'nav-stats', t('navStats')]];
  if (me && me.roles.includes('approver')) {
    links.push(['#/audit', 'nav-audit', t('navAudit')]);
  }
  fill(nav, links.map(([href, id, text]) => h('a', {href, id}, text)));
  nav.hidden = !me;
  const roles = me ? me.roles.filter(role => role === 'staff' || role === 'approver')
      .map(role => t(role === 'staff' ? 'roleStaff' : 'roleApprover')) : [];
  const roleList = lang === 'en' ? ` (${roles.join(', ')})` : `（${roles.join('・')}）`;
  fill(document.getElementById('user'), me ? me.name + roleList : '');
  document.getElementById('logout').hidden = !me;
  const other = document.getElementById('lang-switch');
  other.textContent = t('otherLanguage');
  other.href = (lang === 'en' ? '/console/' : '/console/?lang=en') + location.hash;
  for (const link of nav.querySelectorAll('a')) {
    link.classList.toggle('current', location.hash.startsWith(link.getAttribute('href'))
        && !(link.id === 'nav-cases' && location.hash.startsWith('#/cases/new'))
        && !(link.id === 'nav-notices' && location.hash.startsWith('#/notices/new')));
  }
}

function route(message) {
  leaveScreen();
  const me = user();
  showShell(me);
  if (!me) {
    renderLogin(main, message, login);
    return;
  }
  const [path, search] = (location.hash.slice(1) || '/lookup').split('?');
  const query = new URLSearchParams(search || '');
  const caseMatch = /^\/cases\/(\d+)$/.exec(path);
  const noticeMatch = /^\/notices\/([0-9a-f-]{36})$/.exec(path);
  if (path === '/notices/new') {
    renderNewNotice(main, navigate);
  } else if (noticeMatch) {
    renderNotice(main, noticeMatch[1]);
  } else if (path === '/notices') {
    renderNotices(main);
  } else if (path === '/cases/new') {
    renderNewCase(main, query.get('code'), navigate);
  } else if (caseMatch) {
    renderCase(main, caseMatch[1]);
  } else if (path === '/cases') {
    renderCases(main, query.get('state'));
  } else if (path === '/search') {
    renderSearch(main, query, navigate);
  } else if (path === '/stats') {
    renderStats(main);
  } else if (path === '/audit') {
    renderAudit(main, {caseId: query.get('caseId'), user: query.get('user')}, navigate);
  } else {
    renderLookup(main, query.get('code'));
  }
}

async function start() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.getElementById('brand').textContent = t('title');
  const logoutButton = document.getElementById('logout');
  logoutButton.textContent = t('logout');
  logoutButton.addEventListener('click', logout);
  fill(main, h('p', {class: 'muted'}, t('loading')));
  const response = await fetch('config.json');
  configure(await response.json());
  const loggedIn = await completeLogin();
  whenLoginRequired(() => {
    sessionStorage.clear();
    route(t('sessionExpired'));
  });
  window.addEventListener('hashchange', () => route());
  route(loggedIn ? undefined : t('loginFailed'));
  // tests and screen readers know when the first screen is there
  document.documentElement.dataset.ready = lang;
}

start();
