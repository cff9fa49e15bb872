// Custom domains: add one, the DNS or HTTP instructions to verify it, its status, and verify now.
import { get, post, remove } from './api.js';
import { h, show, attempt, when } from './ui.js';

export async function domains() {
  const found = await attempt(document.getElementById('main'), () => get('/domains?limit=100'));
  if (!found) return;
  const hostname = h('input', { id: 'domain-hostname', required: true, placeholder: 'media.example.com' });
  const form = h('form', { id: 'domain-form', 'aria-label': 'New domain', onsubmit: async (e) => {
    e.preventDefault();
    if (await attempt(form, () => post('/domains', { hostname: hostname.value }))) domains();
  } }, h('label', { for: 'domain-hostname' }, 'Add a domain'), hostname, h('button', { type: 'submit' }, 'Add domain'));
  show(h('h1', {}, 'Custom domains'), form, h('ul', { class: 'domains', id: 'domains' }, ...found.data.map(item)));
}

function item(domain) {
  const row = h(
    'li',
    { dataset: { domain: domain.id, status: domain.status } },
    h('strong', {}, domain.hostname),
    h('span', { class: `status ${domain.status}` }, ` ${domain.status}`),
    domain.last_error ? h('p', { class: 'error' }, domain.last_error) : null,
    domain.status !== 'active' ? instructions(domain) : h('p', {}, `Verified by ${domain.verified_by} ${when(domain.verified)}.`),
    h('button', { type: 'button', onclick: async () => {
      if (await attempt(row, () => post(`/domains/${domain.id}/verify`))) domains();
    } }, 'Verify now'),
    h('button', { type: 'button', onclick: async () => {
      if (await attempt(row, () => remove(`/domains/${domain.id}`))) domains();
    } }, 'Delete'),
  );
  return row;
}

function instructions(domain) {
  const dns = domain.verification?.dns;
  const http = domain.verification?.http;
  return h(
    'div',
    { class: 'instructions' },
    h('p', {}, 'Prove the domain is yours in one of two ways, then verify:'),
    dns ? h('p', {}, 'A DNS record: ', h('code', {}, `${dns.name} ${dns.type} "${dns.value}"`)) : null,
    http ? h('p', {}, 'Or serve ', h('code', {}, http.body), ' at ', h('code', {}, http.url)) : null,
    domain.check_until ? h('p', { class: 'hint' }, `Checked by itself until ${when(domain.check_until)}.`) : null,
  );
}
