// The live view: one EventSource on /events; each event type (PageEvents on the server) updates its panel.
// Text is always set with textContent: event data comes from the stores and is never interpreted as HTML.
'use strict';

const MAX_TRADES = 50;
const MAX_ALERTS = 30;
const CHART_WINDOW_MS = 3 * 60 * 1000;

const state = {
  prices: new Map(),      // symbol -> {price, quote, at, open, ticks: [times]}
  series: new Map(),      // symbol -> [[atMillis, price]]
  candles: new Map(),     // symbol -> {interval, candles}
  selected: null,
  tradeCount: 0,
  alertCount: 0,
  trades: [],
};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child === null || child === undefined ? '' : String(child)));
  }
  return node;
}

function formatNumber(text, digits) {
  if (text === null || text === undefined) return '–';
  const value = Number(text);
  if (!Number.isFinite(value)) return String(text);
  const magnitude = Math.abs(value);
  const decimals = digits !== undefined ? digits : magnitude >= 1000 ? 2 : magnitude >= 1 ? 4 : 8;
  return value.toLocaleString('en-US', {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
}

function formatPrice(text) {
  const value = Number(text);
  if (!Number.isFinite(value)) return String(text);
  // Enough significant digits that a tick shows: the server sends the exact decimal.
  return value.toPrecision(value >= 1 ? 9 : 7).replace(/(\.\d*?[1-9])0+$/, '$1');
}

function time(millis) {
  return new Date(millis).toISOString().substring(11, 23);
}

function signClass(text) {
  const value = Number(text);
  return value > 0 ? 'pos' : value < 0 ? 'neg' : '';
}

// ---- prices

function priceRow(symbol) {
  let row = document.getElementById('row-' + symbol);
  if (!row) {
    const spark = el('canvas', {width: 140, height: 22, id: 'spark-' + symbol});
    row = el('tr', {id: 'row-' + symbol, 'data-symbol': symbol},
      el('td', {}, symbol),
      el('td', {class: 'num price', id: 'price-' + symbol}, '–'),
      el('td', {class: 'num', id: 'change-' + symbol}, '–'),
      el('td', {class: 'num', id: 'rate-' + symbol}, '–'),
      el('td', {}, spark));
    row.addEventListener('click', () => select(symbol));
    const body = document.getElementById('prices-body');
    const rows = Array.from(body.children);
    const after = rows.find(other => other.dataset.symbol > symbol);
    body.insertBefore(row, after || null);
    if (!state.selected || symbol === 'SOL') select(symbol);
  }
  return row;
}

function select(symbol) {
  state.selected = symbol;
  for (const row of document.querySelectorAll('#prices-body tr')) {
    row.classList.toggle('selected', row.dataset.symbol === symbol);
  }
  document.getElementById('chart-symbol').textContent = symbol;
  drawCharts();
}

function onPrice(data) {
  priceRow(data.symbol);
  const now = Date.now();
  let entry = state.prices.get(data.symbol);
  if (!entry) {
    entry = {open: Number(data.price), ticks: [], since: now};
    state.prices.set(data.symbol, entry);
  }
  const previous = entry.price;
  entry.price = Number(data.price);
  entry.quote = data.quote;
  entry.ticks.push(now);
  while (entry.ticks.length && entry.ticks[0] < now - 5000) entry.ticks.shift();
  const cell = document.getElementById('price-' + data.symbol);
  cell.textContent = formatPrice(data.price);
  cell.dataset.price = data.price;
  cell.title = data.price + ' ' + data.quote + ' · slot ' + data.slot + ' · ' + data.source;
  cell.classList.toggle('flash-up', previous !== undefined && entry.price > previous);
  cell.classList.toggle('flash-down', previous !== undefined && entry.price < previous);
  const change = (entry.price / entry.open - 1) * 100;
  const changeCell = document.getElementById('change-' + data.symbol);
  changeCell.textContent = (change >= 0 ? '+' : '') + change.toFixed(3) + '%';
  changeCell.className = 'num ' + (change > 0 ? 'pos' : change < 0 ? 'neg' : '');
  const seconds = Math.min(5, Math.max(1, (now - entry.since) / 1000));
  document.getElementById('rate-' + data.symbol).textContent = (entry.ticks.length / seconds).toFixed(1);
  addPoint(data.symbol, data.at, Number(data.price));
}

function addPoint(symbol, at, price) {
  let series = state.series.get(symbol);
  if (!series) {
    series = [];
    state.series.set(symbol, series);
  }
  if (series.length && series[series.length - 1][0] >= at) return;
  series.push([at, price]);
  const oldest = at - CHART_WINDOW_MS;
  while (series.length && series[0][0] < oldest) series.shift();
}

function onHistory(data) {
  priceRow(data.symbol);
  const live = state.series.get(data.symbol) || [];
  const first = live.length ? live[0][0] : Infinity;
  const points = data.points.filter(point => point[0] < first).map(point => [point[0], Number(point[1])]);
  state.series.set(data.symbol, points.concat(live));
}

// ---- charts

function drawLine(canvas, series, options) {
  const context = canvas.getContext('2d');
  const width = canvas.width;
  const height = canvas.height;
  context.clearRect(0, 0, width, height);
  if (!series || series.length < 2) {
    if (options.axes) {
      context.fillStyle = '#7d8a97';
      context.font = '12px system-ui';
      context.fillText('waiting for prices…', 10, 20);
    }
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (const [, price] of series) {
    min = Math.min(min, price);
    max = Math.max(max, price);
  }
  if (max === min) { max += max * 1e-6 || 1; min -= min * 1e-6 || 1; }
  const left = options.axes ? 70 : 1;
  const bottom = options.axes ? 18 : 1;
  const start = series[0][0];
  const end = series[series.length - 1][0];
  const x = at => left + (width - left - 2) * (at - start) / Math.max(1, end - start);
  const top = options.axes ? 10 : 2;
  const y = price => top + (height - bottom - top - 2) * (1 - (price - min) / (max - min));
  if (options.axes) {
    context.strokeStyle = '#26303b';
    context.fillStyle = '#7d8a97';
    context.font = '11px system-ui';
    for (let i = 0; i <= 4; i++) {
      const price = min + (max - min) * i / 4;
      const py = y(price);
      context.beginPath(); context.moveTo(left, py); context.lineTo(width, py); context.stroke();
      context.fillText(formatPrice(price), 4, py + 4);
    }
    context.fillText(time(start).substring(0, 8), left, height - 4);
    context.fillText(time(end).substring(0, 8), width - 56, height - 4);
  }
  const rising = series[series.length - 1][1] >= series[0][1];
  context.strokeStyle = rising ? '#3fb97a' : '#e5534b';
  context.lineWidth = options.axes ? 1.5 : 1;
  context.beginPath();
  series.forEach(([at, price], i) => (i ? context.lineTo(x(at), y(price)) : context.moveTo(x(at), y(price))));
  context.stroke();
}

function drawCandles(canvas, candles) {
  const context = canvas.getContext('2d');
  const width = canvas.width;
  const height = canvas.height;
  context.clearRect(0, 0, width, height);
  context.fillStyle = '#7d8a97';
  context.font = '12px system-ui';
  if (!candles || !candles.candles.length) {
    context.fillText('no trades in this token yet', 10, 20);
    return;
  }
  const rows = candles.candles.map(c => ({start: c.start, open: +c.open, high: +c.high, low: +c.low, close: +c.close, trades: c.trades}));
  const min = Math.min(...rows.map(c => c.low));
  const max = Math.max(...rows.map(c => c.high));
  const span = max - min || max * 1e-6 || 1;
  const left = 70;
  const slot = (width - left) / Math.max(rows.length, 20);
  const y = price => 4 + (height - 22) * (1 - (price - min) / span);
  context.font = '11px system-ui';
  context.fillText(formatPrice(max), 4, 12);
  context.fillText(formatPrice(min), 4, height - 20);
  context.fillText(time(rows[0].start).substring(0, 8), left, height - 4);
  rows.forEach((c, i) => {
    const cx = left + slot * i + slot / 2;
    const color = c.close >= c.open ? '#3fb97a' : '#e5534b';
    context.strokeStyle = color;
    context.fillStyle = color;
    context.beginPath(); context.moveTo(cx, y(c.high)); context.lineTo(cx, y(c.low)); context.stroke();
    const top = y(Math.max(c.open, c.close));
    context.fillRect(cx - slot * 0.3, top, slot * 0.6, Math.max(1, y(Math.min(c.open, c.close)) - top));
  });
}

function drawCharts() {
  const symbol = state.selected;
  drawLine(document.getElementById('chart'), state.series.get(symbol), {axes: true});
  const series = state.series.get(symbol);
  document.getElementById('chart-range').textContent =
    series && series.length > 1 ? 'last ' + Math.round((series[series.length - 1][0] - series[0][0]) / 1000) + ' s' : '';
  const candles = state.candles.get(symbol);
  document.getElementById('candle-interval').textContent = candles ? candles.interval + ' candles in ' + candles.quote : '';
  drawCandles(document.getElementById('candles'), candles);
  for (const [name, points] of state.series) {
    const spark = document.getElementById('spark-' + name);
    if (spark) drawLine(spark, points.slice(-600), {axes: false});
  }
}

function onCandles(data) {
  state.candles.set(data.symbol, {interval: data.interval, quote: data.quote, candles: data.candles});
}

// ---- trades

function onTrades(data) {
  state.tradeCount += data.count;
  document.getElementById('trade-count').textContent = state.tradeCount.toLocaleString('en-US');
  const body = document.getElementById('trades-body');
  const rows = data.trades.slice().reverse().map(trade => el('tr', {title: trade.id + ' · ' + trade.mode + ' · ' + trade.commitment},
    el('td', {class: 'dim'}, time(trade.at)),
    el('td', {}, trade.trader),
    el('td', {class: 'side-' + trade.side}, trade.side),
    el('td', {}, trade.token + '/' + trade.quote),
    el('td', {class: 'num'}, formatNumber(trade.amount)),
    el('td', {class: 'num', title: trade.quote_amount + ' ' + trade.quote}, formatNumber(trade.quote_amount, 2)),
    el('td', {class: 'num'}, formatPrice(trade.price)),
    el('td', {class: 'mev-' + trade.mev}, trade.mev)));
  for (const row of rows) body.insertBefore(row, body.firstChild);
  while (body.children.length > MAX_TRADES) body.removeChild(body.lastChild);
}

// ---- positions

function onPositions(data) {
  const container = document.getElementById('positions');
  if (container.querySelector('p')) container.textContent = '';
  const id = 'trader-' + data.trader;
  let block = document.getElementById(id);
  const fresh = el('div', {class: 'trader', id: id},
    el('h3', {}, data.trader + '  ', ...data.totals.map(total => el('span', {class: 'dim'},
      ' realized ', el('span', {class: signClass(total.realized)}, formatNumber(total.realized, 2)),
      ' · unrealized ', el('span', {class: signClass(total.unrealized)}, formatNumber(total.unrealized, 2)), ' ' + total.quote))),
    el('table', {},
      el('thead', {}, el('tr', {}, ...['token', 'quantity', 'avg entry', 'mark', 'realized', 'unrealized', 'fills']
        .map((name, i) => el('th', {class: i ? 'num' : ''}, name)))),
      el('tbody', {}, ...data.positions.map(p => el('tr', {},
        el('td', {}, p.token + '/' + p.quote),
        el('td', {class: 'num'}, formatNumber(p.quantity)),
        el('td', {class: 'num'}, Number(p.quantity) === 0 ? '–' : formatPrice(p.average_entry)),
        el('td', {class: 'num'}, p.mark === null ? '–' : formatPrice(p.mark)),
        el('td', {class: 'num ' + signClass(p.realized)}, formatNumber(p.realized, 2)),
        el('td', {class: 'num ' + signClass(p.unrealized)}, p.unrealized === null ? '–' : formatNumber(p.unrealized, 2)),
        el('td', {class: 'num'}, p.fills))))));
  if (block) container.replaceChild(fresh, block); else container.append(fresh);
}

// ---- alerts

function onAlert(data) {
  const list = document.getElementById(data.mev ? 'alerts' : 'notices');
  const attributes = Object.entries(data.attributes).map(([k, v]) => k + '=' + v).join(' ');
  list.insertBefore(el('li', {class: data.mev ? 'mev' : ''},
    el('span', {class: 'when'}, time(data.at)), el('strong', {}, data.kind + ' '), data.message + ' ',
    el('span', {class: 'dim'}, attributes)), list.firstChild);
  while (list.children.length > MAX_ALERTS) list.removeChild(list.lastChild);
  if (data.mev) document.getElementById('alert-count').textContent = String(++state.alertCount);
}

// ---- health and system

function onHealth(data) {
  const body = document.getElementById('health-body');
  body.replaceChildren(...data.backends.map(b => el('tr', {title: b.error || ''},
    el('td', {}, b.backend),
    el('td', {}, el('span', {class: 'badge state-' + b.state}, b.state)),
    el('td', {class: 'num'}, b.latency_ms.toFixed(2) + ' ms'),
    el('td', {class: b.circuit === 'CLOSED' ? 'dim' : 'neg'}, b.circuit))));
}

function bar(label, value, cap) {
  const share = cap > 0 ? Math.min(1, value / cap) : 0;
  const fill = el('div', {class: 'fill'});
  fill.style.width = (share * 100).toFixed(1) + '%';
  return el('div', {class: 'bar'}, fill, el('div', {class: 'label'}, label));
}

function onSystem(data) {
  const writer = document.getElementById('writer');
  if (data.writer) {
    writer.className = '';
    writer.replaceChildren(bar(data.writer.outstanding.toLocaleString('en-US') + ' rows waiting of '
      + data.writer.capacity.toLocaleString('en-US'), data.writer.outstanding, data.writer.capacity));
  }
  document.getElementById('streams').replaceChildren(...data.streams.map(s =>
    bar(s.name + '  ' + s.length.toLocaleString('en-US') + ' / ' + s.cap.toLocaleString('en-US'), s.length, s.cap)));
  document.getElementById('caches').replaceChildren(...data.caches.map(c =>
    bar(c.name + '  ' + (c.hit_ratio * 100).toFixed(1) + '% hits (' + c.hits.toLocaleString('en-US') + ' hits, '
      + c.misses.toLocaleString('en-US') + ' misses' + (c.errors ? ', ' + c.errors + ' errors' : '') + ')', c.hit_ratio, 1)));
}

function onHello(data) {
  document.getElementById('backends').textContent = 'backends: ' + data.backends.join(', ');
  document.getElementById('feed-rate').textContent = 'live feed, up to ' + data.feed_rate_hz + ' Hz';
}

// ---- the connection

const handlers = {
  hello: onHello, price: onPrice, history: onHistory, candles: onCandles, trades: onTrades,
  positions: onPositions, alert: onAlert, health: onHealth, system: onSystem,
};

function connect() {
  const status = document.getElementById('connection');
  const source = new EventSource('events');
  source.onopen = () => { status.textContent = 'live'; status.className = 'badge up'; };
  source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'badge warn'; };
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, message => {
      try {
        handle(JSON.parse(message.data));
      } catch (error) {
        console.error('live view: bad ' + type + ' event', error);
      }
    });
  }
}

setInterval(() => {
  document.getElementById('clock').textContent = new Date().toISOString().substring(0, 19).replace('T', ' ') + ' UTC';
  drawCharts();
}, 250);
connect();
