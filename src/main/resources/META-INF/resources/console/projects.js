// Projects of the organisation (an org key): create, rename, delete, delivery and playback settings, and each
// project's keys (a new key shown once, with a copy button; revoke).
import { get, post, patch, remove } from './api.js';
import { h, show, attempt, when } from './ui.js';

export async function projects() {
  const main = document.getElementById('main');
  const list = await attempt(main, () => get('/projects?limit=100'));
  if (!list) return;
  show(h('h1', {}, 'Projects'), createForm(), h('ul', { class: 'projects', id: 'projects' }, ...list.data.map(item)));
}

function createForm() {
  const name = h('input', { id: 'project-name', required: true });
  const form = h(
    'form',
    { id: 'project-form', 'aria-label': 'New project', onsubmit: async (e) => {
      e.preventDefault();
      if (await attempt(form, () => post('/projects', { name: name.value }))) projects();
    } },
    h('label', { for: 'project-name' }, 'New project'),
    name,
    h('button', { type: 'submit' }, 'Create project'),
  );
  return form;
}

function item(project) {
  const keys = h('ul', { class: 'keys', dataset: { project: project.id } });
  const row = h(
    'li',
    { dataset: { project: project.id } },
    h('strong', {}, project.name),
    h('small', {}, ` ${project.id}`),
    settings(project),
    h('button', { type: 'button', onclick: () => rename(project, row) }, 'Rename'),
    h('button', { type: 'button', onclick: async () => {
      if (confirm(`Delete ${project.name} and everything in it?`) && (await attempt(row, () => remove(`/projects/${project.id}`)))) projects();
    } }, 'Delete'),
    h('h3', {}, 'Keys'),
    keys,
    h('button', { type: 'button', class: 'new-key', onclick: () => newKey(project, keys) }, 'New key'),
  );
  listKeys(project, keys);
  return row;
}

function settings(project) {
  const toggle = (label, checked, body) => {
    const box = h('input', { type: 'checkbox', checked, onchange: () => attempt(box.parentElement, () => patch(`/projects/${project.id}`, body(box.checked))) });
    return h('label', { class: 'toggle' }, box, label);
  };
  return h(
    'span',
    { class: 'settings' },
    toggle('Private delivery', project.private_delivery, (on) => ({ private_delivery: on })),
    toggle('Playback streams', project.playback?.auto, (on) => ({ playback: { auto: on } })),
  );
}

async function rename(project, row) {
  const name = prompt('New name', project.name);
  if (name && (await attempt(row, () => patch(`/projects/${project.id}`, { name })))) projects();
}

async function listKeys(project, keys) {
  const found = await attempt(keys, () => get(`/projects/${project.id}/keys?limit=100`));
  if (!found) return;
  keys.replaceChildren(
    ...found.data.map((key) =>
      h(
        'li',
        { dataset: { key: key.id, status: key.status } },
        `${key.name} · ${key.prefix}… · ${key.status} · ${when(key.created)} `,
        key.status === 'active'
          ? h('button', { type: 'button', onclick: async () => {
              if (await attempt(keys, () => remove(`/projects/${project.id}/keys/${key.id}`))) listKeys(project, keys);
            } }, 'Revoke')
          : null,
      ),
    ),
  );
}

async function newKey(project, keys) {
  const created = await attempt(keys, () => post(`/projects/${project.id}/keys`, { name: 'console' }));
  if (!created) return;
  await listKeys(project, keys);
  const value = h('input', { class: 'new-key-value', readonly: true, value: created.data.key, size: 50, 'aria-label': 'New key' });
  keys.after(
    h(
      'div',
      { class: 'once', role: 'status' },
      h('p', {}, 'The new key, shown this once:'),
      value,
      h('button', { type: 'button', onclick: () => navigator.clipboard?.writeText(created.data.key) }, 'Copy'),
    ),
  );
}
