// The inspector's script (served at `/_emulator/inspector.js`). It renders the JSON of `/_emulator/state`
// with DOM calls only (text nodes, never innerHTML, so user data stays text) and re-renders on every
// server-sent `state` event from `/_emulator/events`, falling back to polling where EventSource is missing.
export const INSPECTOR_JS = `(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('inspector-config').textContent);
  const app = document.getElementById('app');
  const live = document.getElementById('live');
  const SVG = 'http://www.w3.org/2000/svg';
  const openDetails = new Set();
  let chartMetric = 'charge';
  let current = config.initial;

  document.getElementById('base-url').textContent = location.origin + config.basePath;

  function build(el, props, children) {
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'class') el.setAttribute('class', value);
        else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
        else el.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }
  const h = (tag, props, ...children) => build(document.createElement(tag), props, children);
  const s = (tag, props, ...children) => build(document.createElementNS(SVG, tag), props, children);

  const usd = (amount) => (amount === null || amount === undefined ? '—' : '$' + amount);
  const count = (n) => Number(n).toLocaleString('en-US');
  const when = (iso) => (iso ? iso.replace('T', ' ').slice(0, 19) : '—');
  const mono = (text) => h('span', { class: 'mono' }, text);
  const sub = (...children) => h('span', { class: 'sub' }, ...children);
  const badge = (text, tone) => h('span', { class: 'badge' + (tone ? ' ' + tone : '') }, text);

  // Tables show their newest rows; "Show all" keeps a table open across re-renders.
  const ROWS = 10;
  const expanded = new Set();
  function table(columns, rows, empty, key) {
    if (rows.length === 0) return h('p', { class: 'empty' }, empty);
    const all = expanded.has(key);
    const shown = all ? rows : rows.slice(0, ROWS);
    const toggle = rows.length > ROWS
      ? h('div', { class: 'more' }, h('button', { type: 'button', onclick: () => {
          if (all) expanded.delete(key); else expanded.add(key);
          render(current);
        } }, all ? 'Show the newest ' + ROWS : 'Show all ' + count(rows.length)))
      : null;
    return h('div', { class: 'scroll' }, h('table', null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.num ? 'num' : null, scope: 'col' }, c.label)))),
      h('tbody', null, shown.map((row) => h('tr', { 'data-id': row.id }, columns.map((c) =>
        h('td', { class: c.num ? 'num' : c.wide ? 'wide' : c.nowrap ? 'nowrap' : null }, c.cell(row))))))), toggle);
  }

  function panel(id, title, total, content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': id + '-title' },
      h('h2', { id: id + '-title' }, title, total === null ? null : badge(count(total))), content);
  }

  function stats(state) {
    const stat = (label, value, note) =>
      h('div', { class: 'stat' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value),
        note ? h('div', { class: 'muted' }, note) : null);
    return h('section', { class: 'stats', 'aria-label': 'Totals' },
      stat('Merchant wallet', usd(state.merchant.balance), state.merchant.wallet_id),
      stat('Customers', count(state.totals.customers)),
      stat('Requests', count(state.totals.requests)),
      stat('Charged to customers', usd(state.totals.charged)),
      stat('Webhook deliveries', count(state.totals.deliveries),
        state.totals.failed_deliveries ? count(state.totals.failed_deliveries) + ' failed' : null));
  }

  function customers(state) {
    return panel('customers', 'Customers', state.customers.length, table([
      { label: 'Customer', cell: (c) => [c.name || '—', sub(mono(c.customer_id)), c.reference_id ? sub('ref ', mono(c.reference_id)) : null] },
      { label: 'Contact', cell: (c) => [c.email || '—', sub(c.phone || '')] },
      { label: 'Plan', cell: (c) => (c.plan ? [c.plan.name, sub('renews ' + when(c.plan.cycle_end_at).slice(0, 10))] : badge('no plan')) },
      { label: 'Credit remaining', num: true, cell: (c) => (c.credit ? [usd(c.credit.total), sub('cycle ' + usd(c.credit.cycle) + ' · bundles ' + usd(c.credit.bundle))] : '—') },
      { label: 'Metadata', wide: true, cell: (c) => (c.metadata ? mono(JSON.stringify(c.metadata)) : '—') },
      { label: 'Created', nowrap: true, cell: (c) => when(c.created_at) },
    ], state.customers.map((c) => ({ ...c, id: c.customer_id })), 'No customers yet: create one with createCustomer() or through a checkout.', 'customers'));
  }

  function requests(state) {
    return panel('requests', 'Request log', state.totals.requests, table([
      { label: 'Time', nowrap: true, cell: (r) => when(r.created_at) },
      { label: 'Request', cell: (r) => [mono(r.request_id), sub(r.status)] },
      { label: 'Customer', cell: (r) => (r.customer_id ? mono(r.customer_id) : badge('merchant')) },
      { label: 'Endpoint', wide: true, cell: (r) => [mono(r.endpoint),
        sub([r.model, r.provider, r.meter_slug ? 'meter ' + r.meter_slug : null].filter(Boolean).join(' · ')),
        r.raw_url ? sub('arrived as ', mono(r.raw_url)) : null] },
      { label: 'Tokens', num: true, cell: (r) => count(r.tokens) },
      { label: 'Cost', num: true, cell: (r) => usd(r.cost) },
      { label: 'Charge', num: true, cell: (r) => usd(r.charge) },
    ], state.requests.map((r) => ({ ...r, id: r.request_id })), 'No requests yet: gateway calls and createRequest() show up here.', 'requests'));
  }

  function chart(state) {
    const metrics = { charge: 'Charge ($)', tokens: 'Tokens', requests: 'Requests' };
    const value = (d) => Number(d[chartMetric]);
    const max = Math.max(0, ...state.usage.map(value));
    const width = 80;
    const height = 120;
    const svg = s('svg', { viewBox: '0 0 ' + state.usage.length * width + ' 150', role: 'img',
      'aria-label': metrics[chartMetric] + ' by day' },
      state.usage.map((d, i) => {
        const v = value(d);
        const bar = max > 0 ? Math.max(v > 0 ? 2 : 0, (v / max) * (height - 14)) : 0;
        const x = i * width + 12;
        return s('g', null,
          s('title', null, d.date + ': ' + count(d.requests) + ' requests, ' + count(d.tokens) + ' tokens, cost $' + d.cost + ', charge $' + d.charge),
          s('rect', { class: v > 0 ? 'bar' : 'bar zero', x, y: height - Math.max(bar, 1), width: width - 24, height: Math.max(bar, 1), rx: 3 }),
          v > 0 ? s('text', { x: x + (width - 24) / 2, y: height - bar - 4, 'text-anchor': 'middle' },
            chartMetric === 'charge' ? '$' + d.charge : count(v)) : null,
          s('text', { x: x + (width - 24) / 2, y: 140, 'text-anchor': 'middle' }, d.date.slice(5)));
      }));
    const buttons = Object.entries(metrics).map(([key, label]) =>
      h('button', { type: 'button', 'aria-pressed': String(key === chartMetric), class: key === chartMetric ? 'primary' : null,
        onclick: () => { chartMetric = key; render(current); } }, label));
    return panel('usage', 'Usage by day (UTC, last ' + state.usage.length + ' days)', null,
      h('div', { class: 'chart' }, h('div', { class: 'actions' }, buttons), svg));
  }

  function checkouts(state) {
    const tone = { open: 'ok', completed: null, expired: 'warn' };
    return panel('checkouts', 'Checkout sessions', state.checkout_sessions.length, table([
      { label: 'Session', cell: (c) => [mono(c.checkout_session_id), sub(when(c.created_at))] },
      { label: 'Mode', cell: (c) => c.checkout_mode },
      { label: 'For', cell: (c) => c.plan || c.credit_bundle || '—' },
      { label: 'Customer', cell: (c) => (c.customer_id ? mono(c.customer_id) : 'new customer') },
      { label: 'Origin', wide: true, cell: (c) => mono(c.origin_url) },
      { label: 'Status', cell: (c) => [badge(c.status, tone[c.status]), sub(c.status === 'open' ? 'expires ' + when(c.expires_at) : c.completed_at ? when(c.completed_at) : '')] },
      { label: 'Hosted page', cell: (c) => (c.hosted_page ? h('a', { href: c.hosted_page, target: '_blank', rel: 'noopener' }, 'Open checkout') : '—') },
    ], state.checkout_sessions.map((c) => ({ ...c, id: c.checkout_session_id })), 'No checkout sessions: createCheckoutSession() makes one.', 'checkouts'));
  }

  function payload(d) {
    let text = d.body;
    try { text = JSON.stringify(JSON.parse(d.body), null, 2); } catch (e) { /* not JSON: shown as sent */ }
    const details = h('details', { open: openDetails.has(d.delivery_id),
      ontoggle: () => (details.open ? openDetails.add(d.delivery_id) : openDetails.delete(d.delivery_id)) },
      h('summary', null, 'Payload'), h('pre', null, text));
    return details;
  }

  function deliveries(state) {
    const statusTone = { delivered: 'ok', failed: 'bad', pending: 'warn' };
    const signatureTone = { valid: 'ok', invalid: 'bad', pending: 'warn', unknown: null };
    return panel('deliveries', 'Webhook deliveries', state.totals.deliveries, table([
      { label: 'Time', nowrap: true, cell: (d) => when(d.created_at) },
      { label: 'Event', cell: (d) => mono(d.event) },
      { label: 'Receiver', wide: true, cell: (d) => mono(d.url) },
      { label: 'Status', cell: (d) => [badge(d.status + (d.response_status ? ' ' + d.response_status : ''), statusTone[d.status]), d.error ? sub(d.error) : null] },
      { label: 'Signature', cell: (d) => [badge(d.signature_status, signatureTone[d.signature_status]), d.signature ? sub(mono(d.signature.slice(0, 16) + '…')) : null] },
      { label: 'Payload', wide: true, cell: payload },
    ], state.deliveries.map((d) => ({ ...d, id: d.delivery_id })),
      state.webhooks.length ? 'No deliveries yet.' : 'No webhooks registered: createWebhook() adds a receiver.', 'deliveries'));
  }

  function plans(state) {
    return panel('plans', 'Plans', state.plans.length, table([
      { label: 'Plan', cell: (p) => [p.name, sub(mono(p.plan_id))] },
      { label: 'Price', num: true, cell: (p) => [usd(p.period_amount), sub('per ' + p.billing_interval)] },
      { label: 'Included credit', num: true, cell: (p) => [usd(p.included_credit), sub('rollover ' + p.rollover_type)] },
      { label: 'Meters', cell: (p) => (p.meters.length ? p.meters.join(', ') : 'all') },
      { label: 'Credit bundles', cell: (p) => (p.credit_bundles.length
        ? p.credit_bundles.map((b) => h('div', null, b.name + ': ' + usd(b.credit_amount) + ' for ' + usd(b.cost))) : '—') },
    ], state.plans.map((p) => ({ ...p, id: p.plan_id })), 'No plans yet: createPlan() makes one.', 'plans'));
  }

  const UNIT = { tokens_1m: '1M tokens', characters_1m: '1M characters', minutes: 'minute', requests: 'request' };
  const START = { tokens_1m: 'tokens', characters_1m: 'characters', minutes: 'minutes', requests: 'requests' };
  function meters(state) {
    return panel('meters', 'Meters', state.meters.length, table([
      { label: 'Meter', cell: (m) => [m.name, sub(mono(m.meter_slug))] },
      { label: 'Pricing', cell: (m) => m.rate_type + ' · ' + m.tier_type },
      { label: 'Tiers', cell: (m) => m.tiers.map((t) => h('div', null, 'from ' + count(t.start) + ' ' + START[m.tier_type] + ': ' +
        (m.rate_type === 'percentage' ? 'cost + ' + t.rate + '%' : '$' + t.rate + ' per ' + UNIT[m.tier_type]))) },
    ], state.meters.map((m) => ({ ...m, id: m.meter_id })), 'No meters yet: createMeter() makes one.', 'meters'));
  }

  function render(state) {
    current = state;
    app.replaceChildren(stats(state), customers(state), chart(state), requests(state), checkouts(state),
      deliveries(state), h('div', { class: 'grid2' }, plans(state), meters(state)));
  }

  function setLive(state, text) {
    live.dataset.state = state;
    live.textContent = text;
  }

  function poll() {
    fetch(config.stateUrl, { cache: 'no-store' })
      .then((response) => response.json())
      .then((state) => { setLive('live', 'Live (polling)'); render(state); })
      .catch(() => setLive('offline', 'Emulator unreachable'))
      .finally(() => setTimeout(poll, 2000));
  }

  render(current);
  if (typeof EventSource === 'function') {
    const events = new EventSource(config.eventsUrl);
    events.addEventListener('open', () => setLive('live', 'Live'));
    events.addEventListener('state', (event) => render(JSON.parse(event.data)));
    events.addEventListener('error', () => setLive('offline', 'Reconnecting…'));
  } else {
    poll();
  }
})();
`;
