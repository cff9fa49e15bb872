// A media's analyses: run one, follow it live, and see each result where it belongs — OCR lines and faces over the
// image, scene keyframes on a timeline, silences on the audio's length, the transcript with its times.
import { get, post } from './api.js';
import { h, attempt, seconds, whileShown } from './ui.js';
import { kindsOf, resolve, schemas } from './contract.js';
import { optionFields, valuesOf } from './forms.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function intelligenceSection(media) {
  const kinds = await kindsOf('CreateIntelligenceRequest');
  const tasks = h('ul', { class: 'tasks', id: 'analyses', 'aria-live': 'polite' });
  const refresh = async () => {
    const found = await get(`/intelligence?media_id=${media.id}&limit=50`);
    tasks.replaceChildren(...found.data.map((t) => h('li', { dataset: { task: t.id, status: t.status } },
      h('span', {}, t.kind), h('progress', { max: 1, value: t.progress ?? 0, 'aria-label': `Progress of ${t.id}` }),
      h('span', { class: `status ${t.status}` }, t.status), t.error ? h('span', { class: 'error' }, t.error.message) : null)));
  };
  await refresh();
  whileShown(tasks, 1000, () => {
    if (tasks.querySelector('[data-status="pending"], [data-status="processing"]')) refresh();
  });
  const kind = h('select', { id: 'analysis-kind', 'aria-label': 'Analysis' }, ...Object.keys(kinds).map((k) => h('option', { value: k }, k)));
  const fields = h('div', { class: 'fields' });
  const drawFields = () => {
    const options = resolve(schemas(), kinds[kind.value].properties.options);
    fields.replaceChildren(...(options?.properties ? optionFields(options, 'analysis-option') : []));
  };
  kind.addEventListener('change', drawFields);
  drawFields();
  const form = h('form', { id: 'analysis-form', onsubmit: async (e) => {
    e.preventDefault();
    const body = { media_id: media.id, kind: kind.value, options: valuesOf(fields) };
    if (await attempt(form, () => post('/intelligence', body))) refresh();
  } }, h('h3', {}, 'New analysis'), h('label', { for: 'analysis-kind' }, 'Kind'), kind, fields, h('button', { type: 'submit' }, 'Analyse'));
  const results = media.intelligence ?? {};
  return h('section', { 'aria-label': 'Intelligence' }, h('h2', {}, 'Intelligence'), form, tasks,
    ...Object.entries(results).map(([k, result]) => h('div', { class: 'result', dataset: { kind: k } }, h('h3', {}, k), drawn(media, k, result))));
}

function drawn(media, kind, result) {
  if ((kind === 'text' || kind === 'faces') && media.kind === 'image') return overImage(media, kind, result);
  if (kind === 'text') return h('pre', {}, result.text ?? '');
  if (kind === 'scenes') return timeline(media, result);
  if (kind === 'audio_levels') return levels(media, result);
  if (kind === 'speech') return h('ol', { class: 'transcript' }, ...(result.segments ?? []).map((s) => h('li', {}, h('time', {}, `${seconds(s.start)}–${seconds(s.end)}`), ` ${s.text}`)));
  return h('pre', {}, JSON.stringify(result, null, 2));
}

function overImage(media, kind, result) {
  const original = media.sources?.find((s) => s.label === 'original');
  const boxes = kind === 'faces' ? (result.faces ?? []).map((f) => ({ box: f.box })) : (result.lines ?? []);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${media.width} ${media.height}`);
  svg.setAttribute('class', 'overlay');
  for (const item of boxes) {
    const rect = document.createElementNS(SVG, 'rect');
    for (const [attribute, key] of [['x', 'left'], ['y', 'top'], ['width', 'width'], ['height', 'height']]) rect.setAttribute(attribute, item.box[key]);
    if (item.text) {
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = item.text;
      rect.append(tip);
    }
    svg.append(rect);
  }
  return h('figure', { class: 'boxes' }, h('img', { src: original?.url, alt: media.alt || '' }), svg,
    h('figcaption', {}, kind === 'faces' ? `${result.face_count ?? boxes.length} faces` : result.text ?? ''));
}

function timeline(media, result) {
  const source = result.source_id;
  return h('ol', { class: 'timeline' }, ...(result.scenes ?? []).map((scene) => h('li', {},
    scene.keyframe && source ? h('img', { src: `/files/${source}/${scene.keyframe}`, alt: `Scene at ${seconds(scene.start)}`, loading: 'lazy' }) : null,
    h('span', {}, `${seconds(scene.start)}–${seconds(scene.end)}`))));
}

function levels(media, result) {
  const length = media.duration || 1;
  const bar = document.createElementNS(SVG, 'svg');
  bar.setAttribute('viewBox', '0 0 1000 30');
  bar.setAttribute('class', 'levels');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', `${result.silence_count ?? 0} silences over ${seconds(length)}`);
  const sound = document.createElementNS(SVG, 'rect');
  sound.setAttribute('width', '1000');
  sound.setAttribute('height', '30');
  sound.setAttribute('class', 'sound');
  bar.append(sound);
  for (const silence of result.silences ?? []) {
    const quiet = document.createElementNS(SVG, 'rect');
    quiet.setAttribute('x', String((silence.start / length) * 1000));
    quiet.setAttribute('width', String(((silence.end - silence.start) / length) * 1000));
    quiet.setAttribute('height', '30');
    quiet.setAttribute('class', 'silence');
    bar.append(quiet);
  }
  return h('div', {}, bar, h('p', {}, `Loudness ${result.integrated_lufs} LUFS · range ${result.loudness_range_lu} LU · true peak ${result.true_peak_dbfs} dBFS${result.clipping ? ` · clipped ${seconds(result.clipped_seconds)}` : ''}`));
}
