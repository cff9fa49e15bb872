// One media: its player, sources, metadata, transforms with live progress, and a transform form built from the
// options the API's own contract (/q/openapi) documents for each kind.
import { get, post, patch, remove } from './api.js';
import { h, attempt, bytes, seconds, when, whileShown } from './ui.js';
import { kindsOf } from './contract.js';
import { optionFields, valuesOf } from './forms.js';
import { intelligenceSection } from './intelligence.js';

export async function detailSections(media) {
  return [
    h('h1', {}, media.title || media.id),
    h('p', { class: 'facts' }, `${media.kind ?? ''} · ${media.status} · ${media.width ?? '?'}×${media.height ?? '?'} · ${seconds(media.duration)} · ${bytes(media.filesize)}`),
    player(media),
    sources(media),
    metadataEditor(media),
    await transforms(media),
    await intelligenceSection(media),
  ];
}

function player(media) {
  const original = media.sources?.find((s) => s.label === 'original');
  if (media.kind === 'image' && original) return h('img', { class: 'player', src: original.url, alt: media.alt || '' });
  if (media.kind === 'audio' && original) return h('audio', { class: 'player', id: 'player', controls: true, src: original.url });
  if (media.kind !== 'video') return h('p', {}, 'Nothing to show yet.');
  const subtitles = media.sources?.find((s) => s.label === 'subtitles');
  const video = h('video', { class: 'player', id: 'player', controls: true, muted: true, playsinline: true },
    subtitles ? h('track', { kind: 'subtitles', label: 'Transcript', src: subtitles.url, default: true }) : null);
  if (media.playback_url) playHls(video, media.playback_url);
  else if (original) video.src = original.url;
  return video;
}

async function playHls(video, url) {
  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = url;
    return;
  }
  await hlsJs();
  const hls = new window.Hls();
  hls.loadSource(url);
  hls.attachMedia(video);
}

/** hls.js, from its webjar (pom.xml: org.webjars.npm:hls.js), for browsers that do not play HLS themselves. */
const HLS_JS = '/webjars/hls.js/1.4.12/dist/hls.min.js';

function hlsJs() {
  if (window.Hls) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = h('script', { src: HLS_JS });
    script.onload = resolve;
    script.onerror = () => reject(new Error('hls.js did not load.'));
    document.head.append(script);
  });
}

function sources(media) {
  const rows = (media.sources ?? []).map((s) =>
    h(
      'tr',
      { dataset: { source: s.id } },
      h('td', {}, s.label),
      h('td', {}, s.kind),
      h('td', {}, [s.container, s.video_codec, s.audio_codec].filter(Boolean).join(' / ')),
      h('td', {}, s.width ? `${s.width}×${s.height}` : ''),
      h('td', {}, bytes(s.filesize)),
      h('td', {}, s.status),
      h('td', {}, h('a', { href: s.url, download: '' }, 'Download'), ' ', signButton(s)),
    ),
  );
  return h(
    'section',
    { 'aria-label': 'Sources' },
    h('h2', {}, 'Sources'),
    h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ...['Label', 'Kind', 'Format', 'Size', 'Bytes', 'Status', ''].map((t) => h('th', {}, t)))), h('tbody', {}, ...rows))),
  );
}

function signButton(source) {
  const button = h('button', { type: 'button', onclick: () => attempt(button.parentElement, async () => {
    const signed = (await post(`/sources/${source.id}/signed-url`, { expires_in: 3600 })).data;
    button.replaceWith(h('input', { readonly: true, value: signed.url, 'aria-label': 'Signed URL', size: 40 }));
  }) }, 'Signed URL');
  return button;
}

function metadataEditor(media) {
  const text = h('textarea', { id: 'metadata', rows: 4 }, JSON.stringify(media.metadata ?? {}, null, 2));
  const form = h(
    'form',
    { 'aria-label': 'Metadata', onsubmit: async (e) => {
      e.preventDefault();
      await attempt(form, async () => {
        let metadata;
        try {
          metadata = JSON.parse(text.value);
        } catch (parse) {
          throw new Error(`Metadata must be a JSON object: ${parse.message}`);
        }
        await patch(`/media/${media.id}`, { metadata });
        form.append(h('p', { class: 'saved', role: 'status' }, 'Saved.'));
      });
    } },
    h('h2', {}, h('label', { for: 'metadata' }, 'Metadata')),
    text,
    h('button', { type: 'submit' }, 'Save metadata'),
  );
  return form;
}

async function transforms(media) {
  const list = h('ul', { class: 'tasks', id: 'tasks', 'aria-live': 'polite' });
  const refresh = async () => {
    const found = await get(`/transforms?media_id=${media.id}&limit=50`);
    list.replaceChildren(...found.data.map(taskRow));
  };
  await refresh();
  whileShown(list, 1000, () => {
    if (list.querySelector('[data-status="pending"], [data-status="processing"]')) refresh();
  });
  return h('section', { 'aria-label': 'Transforms' }, h('h2', {}, 'Transforms'), list, await transformForm(media, refresh));
}

function taskRow(task) {
  const running = task.status === 'pending' || task.status === 'processing';
  return h(
    'li',
    { dataset: { task: task.id, status: task.status } },
    h('span', {}, `${task.kind} → ${task.label}`),
    h('progress', { max: 1, value: task.progress ?? 0, 'aria-label': `Progress of ${task.id}` }),
    h('span', { class: `status ${task.status}` }, task.status),
    task.output?.url ? h('a', { href: task.output.url }, 'Output') : null,
    task.error ? h('span', { class: 'error' }, task.error.message) : null,
    running ? h('button', { type: 'button', onclick: () => remove(`/transforms/${task.id}`) }, 'Cancel') : null,
    h('small', {}, when(task.created)),
  );
}

async function transformForm(media, refresh) {
  const kinds = await kindsOf('CreateTransformRequest');
  const kind = h('select', { id: 'transform-kind', name: 'kind' }, ...Object.keys(kinds).map((k) => h('option', { value: k }, k)));
  const fields = h('div', { class: 'fields' });
  const drawFields = () => fields.replaceChildren(...optionFields(kinds[kind.value]));
  kind.addEventListener('change', drawFields);
  drawFields();
  const form = h(
    'form',
    { id: 'transform-form', 'aria-label': 'New transform', onsubmit: async (e) => {
      e.preventDefault();
      const body = { media_id: media.id, kind: kind.value, ...valuesOf(fields) };
      if (await attempt(form, () => post('/transforms', body))) await refresh();
    } },
    h('h3', {}, 'New transform'),
    h('label', { for: 'transform-kind' }, 'Kind'),
    kind,
    fields,
    h('button', { type: 'submit' }, 'Create transform'),
  );
  return form;
}
