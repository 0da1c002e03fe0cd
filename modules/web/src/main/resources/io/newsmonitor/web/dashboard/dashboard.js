// The newsmonitor dashboard. Every text that comes from a source or a user is put in the page with textContent or as
// an attribute value, never as markup; links are followed only when they are http(s) addresses.
'use strict';

const FEED_LIMIT = 200;
const stories = new Map();          // storyId -> Set of sourceIds seen in the feed
const seen = new Set();             // feed item keys already shown

// ---- small DOM helpers ------------------------------------------------------------------------------------------

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.entries(props || {}).forEach(([key, value]) => {
    if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node[key] = value;
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return el('a', {href: parsed.href, target: '_blank', rel: 'noopener noreferrer'}, text);
    }
  } catch (e) {
    // not an address: shown as text
  }
  return el('span', {}, text);
}

function chips(values, kind) {
  return el('span', {className: 'chips'}, values.map(value => el('span', {className: 'chip ' + kind}, value)));
}

function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'no date';
}

function list(text) {
  return text.split(',').map(value => value.trim()).filter(value => value.length > 0);
}

// ---- API --------------------------------------------------------------------------------------------------------

async function api(method, path, body) {
  const headers = {'Accept': 'application/json'};
  const token = sessionStorage.getItem('newsmonitor.token');
  if (token) {
    headers['Authorization'] = 'Bearer ' + token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  if (response.status === 204) {
    return null;
  }
  const answer = await response.json();
  if (!response.ok) {
    const where = answer.parameter ? answer.parameter + ': ' : '';
    throw new Error(where + answer.error);
  }
  return answer;
}

function partialNote(listing, note) {
  if (listing.partial) {
    note.textContent = 'Partial answer: ' + listing.unreachable.join('; ');
  }
}

// ---- live feed --------------------------------------------------------------------------------------------------

function storyNote(storyId, sourceId) {
  const sources = stories.get(storyId) || new Set();
  const others = [...sources].filter(source => source !== sourceId).length;
  return others > 0 ? 'also reported by ' + others + (others === 1 ? ' source' : ' sources') : '';
}

function remember(storyId, sourceId) {
  if (!stories.has(storyId)) {
    stories.set(storyId, new Set());
  }
  stories.get(storyId).add(sourceId);
  document.querySelectorAll('.feed li').forEach(item => {
    if (item.dataset.story === storyId) {
      item.querySelector('.story').textContent = storyNote(storyId, item.dataset.source);
    }
  });
}

function announcementItem(a) {
  return el('li', {className: 'item announcement' + (a.aiCooperation ? ' cooperation' : ''),
      dataset: {story: a.storyId, source: a.sourceId, time: a.publishedAt || a.classifiedAt || ''}},
    el('span', {className: 'kind'}, a.aiCooperation ? 'AI cooperation' : 'announcement'),
    el('h3', {className: 'title'}, safeLink(a.url, a.title || a.id)),
    el('p', {className: 'meta'}, when(a.publishedAt) + ' · ' + a.sourceId + ' · ' + a.language),
    chips(a.actors.map(actor => actor.name || actor.id), 'actor'),
    chips(a.themes.map(theme => theme.id), 'theme'),
    a.cooperation.parties.length ? el('p', {className: 'parties'}, 'Parties: ' + a.cooperation.parties.join(', '))
        : null,
    el('p', {className: 'story'}, storyNote(a.storyId, a.sourceId)));
}

function alertItem(alert) {
  return el('li', {className: 'item alert',
      dataset: {story: alert.storyId, source: alert.sourceId, time: alert.alertedAt || ''}},
    el('span', {className: 'kind'}, 'alert · ' + alert.subscriptionId),
    el('h3', {className: 'title'}, safeLink(alert.url, alert.title || alert.announcementId)),
    el('p', {className: 'meta'}, when(alert.publishedAt) + ' · ' + alert.sourceId + ' · alerted '
        + when(alert.alertedAt)),
    chips(alert.actors, 'actor'),
    chips(alert.themes, 'theme'),
    el('ul', {className: 'reasons'}, alert.reasons.map(reason => el('li', {},
        el('span', {className: 'condition'}, reason.condition),
        reason.terms.length ? ' — ' + reason.terms.join(', ') : ''))),
    el('p', {className: 'evidence'}, 'Evidence: ', safeLink(alert.url, alert.url || 'no address')),
    el('p', {className: 'story'}, storyNote(alert.storyId, alert.sourceId)));
}

function show(item, key, atTop) {
  if (seen.has(key)) {
    return;
  }
  seen.add(key);
  const feed = document.getElementById('feed');
  if (atTop) {
    feed.prepend(item);
  } else {
    feed.append(item);
  }
  while (feed.children.length > FEED_LIMIT) {
    feed.lastElementChild.remove();
  }
  applyFilters();
}

function addAnnouncement(a, atTop) {
  remember(a.storyId, a.sourceId);
  show(announcementItem(a), 'announcement/' + a.id, atTop);
}

function addAlert(alert, atTop) {
  show(alertItem(alert), 'alert/' + alert.alertId, atTop);
}

function applyFilters() {
  const alertsOnly = document.getElementById('only-alerts').checked;
  const cooperationOnly = document.getElementById('only-cooperation').checked;
  document.querySelectorAll('#feed > li').forEach(item => {
    const isAlert = item.classList.contains('alert');
    item.hidden = (alertsOnly && !isAlert) || (cooperationOnly && !isAlert && !item.classList.contains('cooperation'));
  });
}

async function loadFeed() {
  const [alerts, announcements] = await Promise.all([api('GET', '/api/alerts?limit=50'),
    api('GET', '/api/announcements?limit=100')]);
  const items = [];
  announcements.items.forEach(a => {
    remember(a.storyId, a.sourceId);
    items.push({time: a.publishedAt || a.classifiedAt, add: () => addAnnouncement(a, false)});
  });
  alerts.items.forEach(alert => items.push({time: alert.alertedAt, add: () => addAlert(alert, false)}));
  items.sort((x, y) => String(y.time).localeCompare(String(x.time))).forEach(item => item.add());
}

function connect() {
  const status = document.getElementById('connection');
  const source = new EventSource('/events');
  source.onopen = () => {
    status.textContent = 'live';
    status.className = 'status on';
  };
  source.onerror = () => {
    status.textContent = 'reconnecting…';
    status.className = 'status off';
  };
  source.addEventListener('announcement', event => addAnnouncement(JSON.parse(event.data), true));
  source.addEventListener('alert', event => addAlert(JSON.parse(event.data), true));
}

// ---- charts -----------------------------------------------------------------------------------------------------

function tooltip() {
  // Drawn in the canvas: no markup built from data.
  return {trigger: 'item', renderMode: 'richText'};
}

async function drawChart(event) {
  if (event) {
    event.preventDefault();
  }
  const note = document.getElementById('chart-note');
  note.textContent = '';
  const name = document.getElementById('chart-dimension').value + '.'
      + document.getElementById('chart-granularity').value;
  const from = document.getElementById('chart-period').value;
  const keys = list(document.getElementById('chart-keys').value);
  try {
    const listings = keys.length === 0
        ? [await api('GET', '/api/aggregates/' + name + '?from=' + from)]
        : await Promise.all(keys.map(key => api('GET', '/api/aggregates/' + name + '?from=' + from + '&key='
            + encodeURIComponent(key))));
    listings.forEach(listing => partialNote(listing, note));
    const counts = listings.flatMap(listing => listing.items);
    const totals = new Map();
    counts.forEach(count => totals.set(count.key, (totals.get(count.key) || 0) + count.count));
    const shown = keys.length > 0 ? keys
        : [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(entry => entry[0]);
    const series = shown.map(key => ({
      name: key, type: 'line', showSymbol: true, symbolSize: 6,
      data: counts.filter(count => count.key === key).map(count => [count.windowStart, count.count])
          .sort((a, b) => Date.parse(a[0]) - Date.parse(b[0]))
    }));
    if (counts.length === 0) {
      note.textContent = 'Nothing counted in ' + name + ' over the last ' + from + '.';
    }
    echarts.init(document.getElementById('chart')).setOption({
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      legend: {type: 'scroll'},
      xAxis: {type: 'time'},
      yAxis: {type: 'value', minInterval: 1},
      series
    }, true);
  } catch (e) {
    note.textContent = 'Cannot draw: ' + e.message;
  }
}

async function loadTrends() {
  const target = document.getElementById('trends');
  try {
    const listing = await api('GET', '/api/trends');
    target.replaceChildren(...listing.items.filter(trend => trend.trending).map(trend => el('li', {},
        el('span', {className: 'chip ' + trend.dimension}, trend.key),
        ' ' + trend.count + ' in ' + when(trend.windowStart) + ' – ' + when(trend.windowEnd) + ', baseline '
        + trend.baseline.toFixed(1) + ', score ' + trend.score.toFixed(1))));
    if (target.children.length === 0) {
      target.append(el('li', {className: 'note'}, 'Nothing trending now.'));
    }
  } catch (e) {
    target.replaceChildren(el('li', {className: 'note'}, 'Trends unavailable: ' + e.message));
  }
}

// ---- cooperation network ----------------------------------------------------------------------------------------
// Computed from the classified announcements of AI cooperation in the period (the newest 1000), so that it can be
// filtered by theme: each pair of parties is an edge weighted by the announcements naming it.

async function drawNetwork(event) {
  if (event) {
    event.preventDefault();
  }
  const note = document.getElementById('network-note');
  note.textContent = '';
  const theme = document.getElementById('network-theme').value.trim();
  const since = document.getElementById('network-period').value;
  try {
    const listing = await api('GET', '/api/announcements?aiCooperation=true&limit=1000&since=' + since
        + (theme ? '&theme=' + encodeURIComponent(theme) : ''));
    partialNote(listing, note);
    const nodes = new Map();
    const edges = new Map();
    listing.items.forEach(a => {
      const names = new Map(a.actors.map(actor => [actor.id, actor]));
      a.cooperation.parties.forEach(party => {
        const actor = names.get(party) || {id: party, name: party, type: 'ORGANISATION'};
        const node = nodes.get(party) || {id: party, name: actor.name || party, type: actor.type, value: 0};
        node.value += 1;
        nodes.set(party, node);
      });
      a.cooperation.pairs.forEach(([source, target]) => {
        // Keyed by the JSON of the pair: an actor id may hold any character, a '+' included.
        const key = JSON.stringify([source, target]);
        const edge = edges.get(key) || {source, target, weight: 0};
        edge.weight += 1;
        edges.set(key, edge);
      });
    });
    const categories = [...new Set([...nodes.values()].map(node => node.type))];
    note.textContent = note.textContent + ' ' + listing.items.length + ' announcements, ' + nodes.size
        + ' parties, ' + edges.size + ' pairs.';
    echarts.init(document.getElementById('graph')).setOption({
      tooltip: tooltip(),
      legend: {data: categories},
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        force: {repulsion: 200, edgeLength: 120},
        categories: categories.map(name => ({name})),
        label: {show: true},
        data: [...nodes.values()].map(node => ({id: node.id, name: node.name, value: node.value,
          category: categories.indexOf(node.type), symbolSize: 10 + Math.min(40, 4 * node.value)})),
        links: [...edges.values()].map(({source, target, weight}) =>
          ({source, target, value: weight, lineStyle: {width: Math.min(12, weight)}}))
      }]
    }, true);
  } catch (e) {
    note.textContent = 'Cannot draw: ' + e.message;
  }
}

// ---- subscriptions ----------------------------------------------------------------------------------------------

function conditions(s) {
  const parts = [];
  if (s.actors.length) parts.push('all of ' + s.actors.join(', '));
  if (s.anyActors.length) parts.push('any of ' + s.anyActors.join(', '));
  if (s.themes.length) parts.push('themes ' + s.themes.join(', '));
  if (s.languages.length) parts.push('languages ' + s.languages.join(', '));
  if (s.aiCooperation) parts.push('AI cooperation');
  if (Object.keys(s.rule).length) parts.push('rule ' + JSON.stringify(s.rule));
  if (s.trendAlerts) parts.push('trend alerts');
  return parts.length ? parts.join('; ') : 'everything';
}

function deliveryText(s, states) {
  if (!s.webhook) {
    return 'no webhook';
  }
  const state = states.get(s.id);
  const head = s.webhook.url + (s.webhook.hasSecret ? ' (signed)' : '');
  if (!state) {
    return head + ': nothing delivered yet';
  }
  return head + ': ' + state.delivered + ' delivered, backlog ' + state.backlog + ', ' + state.deadLettered
      + ' given up; last success ' + when(state.lastSuccess)
      + (state.lastError ? '; last error ' + state.lastError + ' at ' + when(state.lastErrorAt) : '');
}

async function loadSubscriptions() {
  const rows = document.getElementById('subscription-rows');
  try {
    const [subscriptions, delivery] = await Promise.all([api('GET', '/api/subscriptions'),
      api('GET', '/api/delivery')]);
    const states = new Map(delivery.items.map(state => [state.subscriptionId, state]));
    rows.replaceChildren(...subscriptions.items.map(s => el('tr', {dataset: {id: s.id}},
        el('td', {className: 'id'}, s.id), el('td', {}, s.name), el('td', {}, conditions(s)),
        el('td', {}, deliveryText(s, states)),
        el('td', {className: 'actions'},
            el('a', {href: '/subscriptions/' + encodeURIComponent(s.id) + '.atom'}, 'Atom'),
            el('button', {type: 'button', onclick: () => edit(s)}, 'Edit'),
            el('button', {type: 'button', onclick: () => remove(s.id)}, 'Delete')))));
  } catch (e) {
    message('Cannot list the subscriptions: ' + e.message, true);
  }
}

function edit(s) {
  document.getElementById('form-title').textContent = 'Edit ' + s.id;
  const form = document.getElementById('subscription-form');
  form.elements.id.value = s.id;
  form.elements.id.readOnly = true;
  form.elements.name.value = s.name;
  form.elements.actors.value = s.actors.join(', ');
  form.elements.anyActors.value = s.anyActors.join(', ');
  form.elements.themes.value = s.themes.join(', ');
  form.elements.languages.value = s.languages.join(', ');
  form.elements.aiCooperation.checked = s.aiCooperation;
  form.elements.trendAlerts.checked = s.trendAlerts;
  form.elements.backfill.value = s.backfill === 'PT0S' ? '' : s.backfill;
  form.elements.rule.value = Object.keys(s.rule).length ? JSON.stringify(s.rule, null, 2) : '';
  form.elements.webhook.value = s.webhook ? s.webhook.url : '';
  form.elements.secret.value = '';
  form.scrollIntoView();
}

function formSubscription() {
  const form = document.getElementById('subscription-form');
  const value = name => form.elements[name].value.trim();
  const subscription = {
    id: value('id'), name: value('name') || value('id'),
    actors: list(value('actors')), anyActors: list(value('anyActors')), themes: list(value('themes')),
    languages: list(value('languages')), aiCooperation: form.elements.aiCooperation.checked,
    trendAlerts: form.elements.trendAlerts.checked
  };
  if (value('backfill')) {
    subscription.backfill = value('backfill');
  }
  if (value('rule')) {
    try {
      subscription.rule = JSON.parse(value('rule'));
    } catch (e) {
      throw new Error('rule: not JSON (' + e.message + ')');
    }
  }
  if (value('webhook')) {
    subscription.webhook = {url: value('webhook')};
    if (value('secret')) {
      subscription.webhook.secret = value('secret');
    }
  }
  return subscription;
}

function message(text, error) {
  const target = document.getElementById('form-message');
  target.textContent = text;
  target.className = 'message' + (error ? ' error' : '');
}

async function save(event) {
  event.preventDefault();
  try {
    const subscription = formSubscription();
    await api('PUT', '/api/subscriptions/' + encodeURIComponent(subscription.id), subscription);
    message('Saved ' + subscription.id + '.', false);
    await waitListed(subscription.id);
    resetForm();
  } catch (e) {
    message('Not saved: ' + e.message, true);
  }
}

// The sink reads the subscriptions topic: the new subscription shows in the list once it has (within seconds).
async function waitListed(id) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await loadSubscriptions();
    if ([...document.querySelectorAll('#subscription-rows tr')].some(row => row.dataset.id === id)) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

async function remove(id) {
  if (!window.confirm('Delete the subscription ' + id + '?')) {
    return;
  }
  try {
    await api('DELETE', '/api/subscriptions/' + encodeURIComponent(id));
    message('Deleted ' + id + '.', false);
    setTimeout(loadSubscriptions, 1000);
  } catch (e) {
    message('Not deleted: ' + e.message, true);
  }
}

async function preview() {
  const target = document.getElementById('preview');
  try {
    const answer = await api('POST', '/api/subscriptions/preview?period=30d&limit=50', formSubscription());
    target.replaceChildren(
        el('p', {}, answer.matches.length + ' matches among ' + answer.scanned + ' announcements of the last '
            + answer.period),
        el('ol', {className: 'feed'}, answer.matches.map(match => {
          const item = announcementItem(match.announcement);
          item.append(el('ul', {className: 'reasons'}, match.reasons.map(reason => el('li', {},
              el('span', {className: 'condition'}, reason.condition),
              reason.terms.length ? ' — ' + reason.terms.join(', ') : ''))));
          return item;
        })));
    message('', false);
  } catch (e) {
    target.replaceChildren();
    message('No preview: ' + e.message, true);
  }
}

function resetForm() {
  const form = document.getElementById('subscription-form');
  form.reset();
  form.elements.id.readOnly = false;
  document.getElementById('form-title').textContent = 'New subscription';
}

// ---- start ------------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  const token = document.getElementById('token');
  token.value = sessionStorage.getItem('newsmonitor.token') || '';
  token.addEventListener('change', () => sessionStorage.setItem('newsmonitor.token', token.value.trim()));
  document.getElementById('only-alerts').addEventListener('change', applyFilters);
  document.getElementById('only-cooperation').addEventListener('change', applyFilters);
  document.getElementById('chart-form').addEventListener('submit', drawChart);
  document.getElementById('network-form').addEventListener('submit', drawNetwork);
  document.getElementById('subscription-form').addEventListener('submit', save);
  document.getElementById('subscription-form').addEventListener('reset', () => setTimeout(resetForm));
  document.getElementById('preview-button').addEventListener('click', preview);
  connect();
  loadFeed().catch(e => message('Cannot load the feed: ' + e.message, true));
  loadSubscriptions();
  loadTrends();
  drawChart();
  drawNetwork();
});
