// Workflows: the list, a JSON editor whose validation errors point at their path, and runs with each step's status.
import { get, post, patch } from './api.js';
import { h, show, attempt, when } from './ui.js';

const EXAMPLE = { name: 'Thumbnail every upload', steps: [{ kind: 'image', label: 'thumbnail', options: { width: 320, format: 'webp' } }] };

export async function workflows() {
  const found = await attempt(document.getElementById('main'), () => get('/workflows?limit=100'));
  if (!found) return;
  show(h('h1', {}, 'Workflows'), editor(null), h('ul', { class: 'workflows', id: 'workflows' }, ...found.data.map(item)));
}

function editor(workflow) {
  const initial = workflow
    ? { name: workflow.name, description: workflow.description ?? undefined, status: workflow.status, steps: workflow.steps }
    : EXAMPLE;
  const text = h('textarea', { id: workflow ? `workflow-json-${workflow.id}` : 'workflow-json', rows: 10, spellcheck: 'false' }, JSON.stringify(initial, null, 2));
  const problem = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'workflow-editor', 'aria-label': workflow ? `Edit ${workflow.name}` : 'New workflow', onsubmit: async (e) => {
    e.preventDefault();
    problem.hidden = true;
    let body;
    try {
      body = JSON.parse(text.value);
    } catch (parse) {
      return fail(`Not JSON: ${parse.message}`);
    }
    try {
      await (workflow ? patch(`/workflows/${workflow.id}`, body) : post('/workflows', body));
      workflows();
    } catch (error) {
      fail(error.message, error.param);
    }
  } },
  h('label', { for: text.id }, workflow ? 'Definition' : 'New workflow (JSON)'), text, problem,
  h('button', { type: 'submit' }, workflow ? 'Save workflow' : 'Create workflow'));
  function fail(message, path) {
    problem.replaceChildren(path ? h('code', { class: 'path' }, path) : '', path ? ': ' : '', message);
    problem.hidden = false;
    if (path) highlight(text, path);
  }
  return form;
}

/** Selects the first occurrence of the path's last key in the editor, so the error shows where it is. */
function highlight(text, path) {
  const key = String(path).split(/[.[\]]/).filter(Boolean).pop();
  const at = text.value.indexOf(`"${key}"`);
  if (at >= 0) {
    text.focus();
    text.setSelectionRange(at, at + key.length + 2);
  }
}

function item(workflow) {
  const runs = h('ul', { class: 'runs' });
  const details = h('details', { ontoggle: () => details.open && listRuns(workflow, runs) }, h('summary', {}, 'Runs'), runs);
  return h(
    'li',
    { dataset: { workflow: workflow.id, status: workflow.status } },
    h('strong', {}, workflow.name),
    ` ${workflow.status} · ${(workflow.steps ?? []).length} steps · ${when(workflow.updated)}`,
    h('details', {}, h('summary', {}, 'Edit'), editor(workflow)),
    details,
  );
}

async function listRuns(workflow, runs) {
  const found = await attempt(runs, () => get(`/workflows/${workflow.id}/runs?limit=20`));
  if (!found) return;
  runs.replaceChildren(...(found.data.length ? found.data : [null]).map((run) => run === null
    ? h('li', {}, 'No runs yet.')
    : h('li', { dataset: { run: run.id, status: run.status } },
        h('a', { href: `#/media/${run.media_id}` }, run.media_id), ` ${run.status} · ${when(run.created)}`,
        h('ol', {}, ...(run.steps ?? []).map((step) =>
          h('li', { dataset: { status: step.status } }, `${step.label ?? step.step} (${step.kind}): ${step.status}`,
            step.error ? h('span', { class: 'error' }, ` ${step.error.message}`) : null))))));
}
