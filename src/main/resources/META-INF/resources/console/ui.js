// Small DOM helpers shared by the views: element building, errors shown with the API's message, formatting.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Replaces the main area with the given nodes, marked with the page's address (`data-page`). */
export function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes);
  main.dataset.page = location.hash;
  main.focus();
}

/** A message box (role alert) with the API's error message, or nothing. */
export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, error.param ? `${error.message} (${error.param})` : error.message);
}

/** Runs an action from a form or button, showing its failure next to `where`. */
export async function attempt(where, action) {
  where.querySelectorAll(':scope > .error').forEach((old) => old.remove());
  try {
    return await action();
  } catch (e) {
    where.append(errorBox(e));
    return undefined;
  }
}

export const bytes = (n) =>
  n == null ? '' : n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
export const seconds = (s) => (s == null ? '' : `${Number(s).toFixed(1)} s`);
export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

/** Calls refresh every `ms` while the element is in the page; stops once it is gone. */
export function whileShown(element, ms, refresh) {
  const timer = setInterval(() => {
    if (!element.isConnected) clearInterval(timer);
    else refresh();
  }, ms);
}
