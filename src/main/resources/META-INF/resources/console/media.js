// Media: the grid with filters and paging, uploads with progress, ingest from a URL, and one media's detail.
import { get, post, pathOf, upload } from './api.js';
import { h, show, attempt, seconds, whileShown } from './ui.js';
import { detailSections } from './media-detail.js';

export async function mediaGrid(path = '/media?limit=24') {
  const list = await attempt(document.getElementById('main'), () => get(path));
  if (!list) return;
  const kind = new URLSearchParams(path.split('?')[1]).get('kind') ?? '';
  const filter = h(
    'select',
    { id: 'kind-filter', 'aria-label': 'Kind', onchange: () => mediaGrid(`/media?limit=24${filter.value ? `&kind=${filter.value}` : ''}`) },
    ...['', 'video', 'image', 'audio'].map((k) => h('option', { value: k, selected: k === kind }, k || 'All kinds')),
  );
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', disabled: !list.links.prev, onclick: () => mediaGrid(pathOf(list.links.prev)) }, 'Previous'),
    h('span', {}, `${list.meta.total} media`),
    h('button', { type: 'button', disabled: !list.links.next, onclick: () => mediaGrid(pathOf(list.links.next)) }, 'Next'),
  );
  const grid = h('ul', { class: 'grid', id: 'media-grid' }, ...list.data.map(card));
  show(h('h1', {}, 'Media'), uploader(), h('div', { class: 'toolbar' }, filter, pager), grid);
  // statuses change without a reload while any media on the page is still on its way
  whileShown(grid, 2000, async () => {
    if (grid.querySelector('[data-status="pending"], [data-status="processing"]')) {
      grid.replaceChildren(...(await get(path)).data.map(card));
    }
  });
}

function card(media) {
  return h(
    'li',
    { class: 'card', dataset: { id: media.id, status: media.status } },
    h('a', { href: `#/media/${media.id}` }, poster(media), h('strong', {}, media.title || media.id)),
    h('span', { class: `status ${media.status}` }, media.status),
    h('span', {}, [media.kind, seconds(media.duration)].filter(Boolean).join(' · ')),
  );
}

export function poster(media) {
  const picture = media.sources?.find((s) => s.kind === 'image' && s.status === 'ready');
  if (picture) return h('img', { src: picture.url, alt: media.alt || '', loading: 'lazy' });
  const video = media.sources?.find((s) => s.kind === 'video' && s.container !== 'hls' && s.status === 'ready');
  const stream = media.playback_url && document.createElement('video').canPlayType('application/vnd.apple.mpegurl');
  const frameOf = stream ? media.playback_url : video?.url;
  if (frameOf) return h('video', { src: `${frameOf}#t=1`, preload: 'metadata', muted: true, 'aria-hidden': 'true' });
  return h('div', { class: 'no-poster', 'aria-hidden': 'true' }, media.kind ?? '…');
}

function uploader() {
  const input = h('input', {
    id: 'file-picker',
    type: 'file',
    multiple: true,
    onchange: () => {
      send([...input.files]);
      input.value = '';
    },
  });
  const progress = h('ul', { class: 'uploads', id: 'uploads', 'aria-live': 'polite' });
  const zone = h(
    'section',
    {
      class: 'drop',
      'aria-label': 'Upload',
      ondragover: (e) => e.preventDefault(),
      ondrop: (e) => {
        e.preventDefault();
        send(e.dataTransfer.files);
      },
    },
    h('label', { for: 'file-picker' }, 'Upload files (or drop them here)'),
    input,
    ingestForm(),
    progress,
  );
  function send(files) {
    for (const file of files) {
      const bar = h('progress', { max: 100, value: 0, 'aria-label': `Upload of ${file.name}` });
      const row = h('li', { dataset: { file: file.name } }, h('span', {}, file.name), bar);
      progress.append(row);
      attempt(row, async () => {
        const media = await upload(file, (sent, total) => (bar.value = total ? Math.round((sent * 100) / total) : 100));
        row.dataset.media = media.id;
        row.append(h('a', { href: `#/media/${media.id}` }, `${media.id} · ${media.status}`));
        document.getElementById('media-grid')?.prepend(card(media));
      });
    }
  }
  return zone;
}

function ingestForm() {
  const url = h('input', { id: 'ingest-url', type: 'url', required: true, placeholder: 'https://…' });
  const form = h(
    'form',
    {
      class: 'inline',
      onsubmit: async (e) => {
        e.preventDefault();
        const created = await attempt(form, () => post('/media', { url: url.value }));
        if (created) location.hash = `#/media/${created.data.id}`;
      },
    },
    h('label', { for: 'ingest-url' }, 'Or ingest from a URL'),
    url,
    h('button', { type: 'submit' }, 'Ingest'),
  );
  return form;
}

export async function mediaDetail(id) {
  const found = await attempt(document.getElementById('main'), () => get(`/media/${id}`));
  if (!found) return;
  show(h('p', { class: 'back' }, h('a', { href: '#/media' }, '← Media')), ...(await detailSections(found.data)));
}
