// The console: a client of the public API only. Routes are hashes (#/media, #/media/<id>, #/webhooks, #/projects).
import { get, session } from './api.js';
import { h, show, attempt } from './ui.js';
import { mediaGrid, mediaDetail } from './media.js';
import { webhooks } from './webhooks.js';
import { projects } from './projects.js';
import { analytics } from './analytics.js';
import { domains } from './domains.js';
import { workflows } from './workflows.js';

const routes = [
  [/^#\/media\/([\w-]+)$/, (id) => mediaDetail(id)],
  [/^#\/media$/, () => mediaGrid()],
  [/^#\/webhooks$/, () => webhooks()],
  [/^#\/projects$/, () => projects()],
  [/^#\/workflows$/, () => workflows()],
  [/^#\/analytics$/, () => analytics()],
  [/^#\/domains$/, () => domains()],
];

/** Whether the key is an org key (it may list projects); asked once per sign-in. */
let orgKey = null;

function signInPage() {
  const field = h('input', { id: 'api-key', name: 'key', type: 'password', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { class: 'sign-in', onsubmit: (e) => signIn(e, form, field) },
    h('h1', {}, 'Sign in'),
    h('label', { for: 'api-key' }, 'API key'),
    field,
    h('button', { type: 'submit' }, 'Sign in'),
    h('p', { class: 'hint' }, 'A project key works on its project; an org key also manages projects and keys.'),
  );
  show(form);
  field.focus();
}

async function signIn(event, form, field) {
  event.preventDefault();
  session.signIn(field.value);
  const ok = await attempt(form, async () => {
    orgKey = await isOrgKey();
    return true;
  });
  if (!ok) {
    session.signOut();
    return;
  }
  go(orgKey ? '#/projects' : '#/media');
}

/** Shows the page of `hash` once: through hashchange when it changes, at once when it is already there. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function isOrgKey() {
  try {
    await get('/projects?limit=1');
    return true;
  } catch (e) {
    if (e.status === 403) return false;
    throw e;
  }
}

function navigation() {
  const links = orgKey ? [['#/projects', 'Projects']] : [['#/media', 'Media'], ['#/workflows', 'Workflows'], ['#/webhooks', 'Webhooks'], ['#/analytics', 'Analytics'], ['#/domains', 'Domains']];
  document.getElementById('nav').replaceChildren(
    ...links.map(([href, label]) => h('a', { href, 'aria-current': location.hash.startsWith(href) ? 'page' : null }, label)),
  );
  const out = document.getElementById('sign-out');
  out.hidden = false;
  out.onclick = () => {
    session.signOut();
    orgKey = null;
    document.getElementById('nav').replaceChildren();
    out.hidden = true;
    go('');
  };
}

async function route() {
  if (!session.key()) {
    signInPage();
    return;
  }
  if (orgKey === null) {
    try {
      orgKey = await isOrgKey();
    } catch (e) {
      session.signOut();
      signInPage();
      return;
    }
  }
  navigation();
  const hash = location.hash || (orgKey ? '#/projects' : '#/media');
  for (const [pattern, view] of routes) {
    const match = hash.match(pattern);
    if (match) {
      await view(...match.slice(1));
      return;
    }
  }
  show(h('p', {}, 'No such page.'));
}

window.addEventListener('hashchange', route);
route();
