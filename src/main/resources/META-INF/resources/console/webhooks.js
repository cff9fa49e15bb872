// Webhooks: the project's endpoints, a new one (its secret shown once), each one's delivery log with every attempt,
// resend and secret rotation.
import { get, post, remove } from './api.js';
import { h, show, attempt, when } from './ui.js';

export async function webhooks() {
  const main = document.getElementById('main');
  const list = await attempt(main, () => get('/webhooks?limit=100'));
  if (!list) return;
  show(h('h1', {}, 'Webhooks'), createForm(), h('ul', { class: 'webhooks', id: 'webhooks' }, ...list.data.map(item)));
}

function createForm() {
  const url = h('input', { id: 'webhook-url', type: 'url', required: true, placeholder: 'https://example.com/hooks' });
  const events = h('input', { id: 'webhook-events', placeholder: 'all events (or e.g. media.ready, transform.*)' });
  const form = h(
    'form',
    { id: 'webhook-form', 'aria-label': 'New webhook', onsubmit: async (e) => {
      e.preventDefault();
      const body = { url: url.value };
      if (events.value.trim()) body.events = events.value.split(',').map((s) => s.trim()).filter(Boolean);
      const created = await attempt(form, () => post('/webhooks', body));
      if (!created) return;
      await webhooks();
      document.getElementById('main').prepend(secretNotice(created.data));
    } },
    h('h2', {}, 'New webhook'),
    h('label', { for: 'webhook-url' }, 'URL'),
    url,
    h('label', { for: 'webhook-events' }, 'Events'),
    events,
    h('button', { type: 'submit' }, 'Create webhook'),
  );
  return form;
}

function secretNotice(webhook) {
  const value = h('input', { id: 'webhook-secret', readonly: true, value: webhook.secret, size: 50, 'aria-label': 'Signing secret' });
  return h(
    'div',
    { class: 'once', role: 'status' },
    h('p', {}, `The signing secret of ${webhook.url}, shown this once:`),
    value,
    h('button', { type: 'button', onclick: () => navigator.clipboard?.writeText(webhook.secret) }, 'Copy'),
  );
}

function item(webhook) {
  const log = h('ul', { class: 'deliveries', dataset: { webhook: webhook.id } });
  const open = h('details', { ontoggle: () => open.open && deliveries(webhook, log) }, h('summary', {}, 'Deliveries'), log);
  return h(
    'li',
    { dataset: { webhook: webhook.id } },
    h('strong', {}, webhook.url),
    h('span', {}, ` ${webhook.status} · ${(webhook.events ?? []).join(', ')}`),
    h('button', { type: 'button', onclick: async (e) => {
      const rotated = await attempt(e.target.parentElement, () => post(`/webhooks/${webhook.id}/rotate-secret`, {}));
      if (rotated) e.target.parentElement.append(secretNotice(rotated.data));
    } }, 'Rotate secret'),
    h('button', { type: 'button', onclick: async (e) => {
      if (await attempt(e.target.parentElement, () => remove(`/webhooks/${webhook.id}`))) webhooks();
    } }, 'Delete'),
    open,
  );
}

async function deliveries(webhook, log) {
  const found = await attempt(log, () => get(`/webhooks/${webhook.id}/deliveries?limit=50`));
  if (!found) return;
  log.replaceChildren(
    ...(found.data.length ? found.data : [null]).map((d) =>
      d === null
        ? h('li', {}, 'No deliveries yet.')
        : h(
            'li',
            { dataset: { delivery: d.id, status: d.status } },
            h('strong', {}, d.event_type),
            ` ${d.status} · ${when(d.created)}`,
            h('ol', {}, ...(d.attempts ?? []).map((a) => h('li', {}, `${when(a.attempted)}: ${a.status_code ?? a.error ?? ''} (${a.duration_ms ?? '?'} ms)`))),
            h('button', { type: 'button', onclick: async () => {
              if (await attempt(log, () => post(`/webhooks/${webhook.id}/deliveries/${d.id}/resend`))) deliveries(webhook, log);
            } }, 'Resend'),
          ),
    ),
  );
}
