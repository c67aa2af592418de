// The 統計 screen: each service's counts from /admin/stats/... drawn as charts (Chart.js, bundled with the console
// and loaded from /console/vendor, so the page's script-src 'self' holds) and listed as tables, each with a CSV
// download. Counts only; a cell too small to publish comes as null and reads 「5未満」.
import {api} from './api.js';
import {fill, h} from './dom.js';
import {lang, t} from './i18n.js';
import {errorSlot, showProblem, table, title} from './views.js';

/** Which service answers what: venues from facility-service, the rest from notification-service. */
const SOURCES = ['venues', 'checkins', 'friends', 'cases'];
const COLOURS = ['#1f6fb2', '#d9822b', '#3c9a5f', '#b23c5a'];
const DAILY = /^\d{4}-\d{2}-\d{2}$/;

let chartLibrary = null;

/** Chart.js is a classic script: added once, on the first visit of this screen. */
function loadChartJs() {
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = 'vendor/chart.umd.min.js';
      script.addEventListener('load', () => resolve(window.Chart));
      script.addEventListener('error', () => {
        chartLibrary = null;
        reject(new Error('the chart library did not load'));
      });
      document.head.append(script);
    });
  }
  return chartLibrary;
}

export async function renderStats(main) {
  const error = errorSlot('stats-error');
  const sections = h('div', {id: 'stats'});
  fill(main, h('section', {class: 'card'}, title(t('statsTitle')), h('p', {class: 'muted'}, t('statsLead')), error),
      sections);
  let Chart;
  let answers;
  try {
    [Chart, ...answers] = await Promise.all([loadChartJs(), ...SOURCES.map(source => api.stats(source))]);
  } catch (problem) {
    showProblem(problem, error);
    return;
  }
  for (const answer of answers) {
    for (const stats of answer.tables) {
      sections.append(statsSection(Chart, stats, answer.suppressedBelow));
    }
  }
  sections.dataset.ready = 'true';
}

function statsSection(Chart, stats, suppressedBelow) {
  const canvas = h('canvas', {id: `chart-${stats.id}`, role: 'img', 'aria-label': t('statsTable', stats.id)});
  const section = h('section', {class: 'card stats', id: `stats-${stats.id}`},
      h('h2', {}, t('statsTable', stats.id)),
      h('div', {class: 'chart'}, canvas),
      h('p', {},
          h('a', {id: `csv-${stats.id}`, class: 'button', download: `${stats.id}.csv`,
            href: `data:text/csv;charset=utf-8,${encodeURIComponent(csv(stats, suppressedBelow))}`}, t('downloadCsv')),
          suppressedBelow > 0 ? h('small', {class: 'muted'}, ` ${t('suppressedNote')(suppressedBelow)}`) : null),
      h('details', {},
          h('summary', {}, t('showTable')),
          table(`table-${stats.id}`, stats.columns.map(columnLabel),
              stats.rows.map(row => h('tr', {}, row.map((value, i) => h('td', {class: i === 0 ? '' : 'number'},
                  i === 0 ? categoryLabel(stats.columns[0], value) : shown(value, suppressedBelow))))))));
  new Chart(canvas, chartConfig(stats));
  return section;
}

function chartConfig(stats) {
  const daily = stats.rows.length > 0 && DAILY.test(String(stats.rows[0][0]));
  return {
    type: daily ? 'line' : 'bar',
    data: {
      labels: stats.rows.map(row => categoryLabel(stats.columns[0], row[0])),
      datasets: stats.columns.slice(1).map((column, i) => ({
        label: columnLabel(column),
        data: stats.rows.map(row => row[i + 1]),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {y: {beginAtZero: true, ticks: {precision: 0}}},
    },
  };
}

/** The table as CSV (RFC 4180), with a byte order mark so that spreadsheet software reads the Japanese. */
function csv(stats, suppressedBelow) {
  const lines = [stats.columns.map(columnLabel)];
  for (const row of stats.rows) {
    lines.push(row.map((value, i) => i === 0 ? categoryLabel(stats.columns[0], value) : shown(value, suppressedBelow)));
  }
  return '\ufeff' + lines.map(cells => cells.map(quoted).join(',')).join('\r\n') + '\r\n';
}

function quoted(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function shown(value, suppressedBelow) {
  return value === null ? t('suppressed')(suppressedBelow) : value;
}

function columnLabel(column) {
  return t('statsColumn', column);
}

function categoryLabel(column, value) {
  if (column === 'hour') {
    return lang === 'en' ? `${value}:00` : `${value}時`;
  }
  return value;
}
