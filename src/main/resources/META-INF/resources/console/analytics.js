// Analytics: the project's figures day by day over a chosen span, drawn as bar charts (SVG, no library).
import { get } from './api.js';
import { h, show, attempt, bytes } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function analytics(days = 30) {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  const iso = (d) => d.toISOString().slice(0, 10);
  const found = await attempt(document.getElementById('main'), () => get(`/analytics?from=${iso(from)}&to=${iso(to)}`));
  if (!found) return;
  const report = found.data;
  const span = h('select', { id: 'analytics-span', 'aria-label': 'Span', onchange: () => analytics(Number(span.value)) },
    ...[7, 30, 90, 366].map((n) => h('option', { value: n, selected: n === days }, `Last ${n} days`)));
  show(
    h('h1', {}, 'Analytics'),
    span,
    h('p', { class: 'facts', id: 'analytics-totals' },
      `${report.media?.total ?? 0} media · ${bytes(report.sources?.storage_bytes)} stored · ${report.tasks?.total ?? 0} tasks · ${report.deliveries?.requests ?? 0} deliveries`),
    h('div', { class: 'charts' },
      chart('Uploads', report.days, (d) => d.uploads),
      chart('Processing seconds', report.days, (d) => d.processing_seconds),
      chart('Deliveries', report.days, (d) => d.requests),
      chart('Bytes delivered', report.days, (d) => d.bytes, bytes),
      chart('Media created', report.days, (d) => d.media_created)),
  );
}

function chart(title, days, value, format = (n) => String(Math.round(n * 10) / 10)) {
  const width = 360;
  const height = 120;
  const values = days.map((d) => Number(value(d) ?? 0));
  const max = Math.max(1, ...values);
  const bar = width / Math.max(values.length, 1);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}: ${format(values.reduce((a, b) => a + b, 0))} in all`);
  values.forEach((v, i) => {
    const rect = document.createElementNS(SVG, 'rect');
    const tall = (v / max) * (height - 4);
    rect.setAttribute('x', String(i * bar + 1));
    rect.setAttribute('y', String(height - tall));
    rect.setAttribute('width', String(Math.max(bar - 2, 1)));
    rect.setAttribute('height', String(tall));
    const tip = document.createElementNS(SVG, 'title');
    tip.textContent = `${days[i].date}: ${format(v)}`;
    rect.append(tip);
    svg.append(rect);
  });
  return h('figure', { class: 'chart' }, h('figcaption', {}, `${title} (max ${format(max)} a day)`), svg);
}
