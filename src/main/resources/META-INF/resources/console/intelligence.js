// A media's analyses: run one, follow it live, and see each result where it belongs — OCR lines and faces over the
// image or the video's keyframes, scene keyframes on a timeline, the audio's level over time with its silences, the
// transcript with its times. A time in a result seeks the player there.
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
  if (kind === 'text' || kind === 'faces') return media.kind === 'image' ? overImage(media, kind, result) : overKeyframes(kind, result);
  if (kind === 'scenes') return timeline(result);
  if (kind === 'audio_levels') return levels(media, result);
  if (kind === 'speech') return transcript(result);
  return h('pre', {}, JSON.stringify(result, null, 2));
}

/** Seeks the page's player to `time` and plays it. */
function seek(time) {
  const player = document.getElementById('player');
  if (!player || time == null) return;
  player.currentTime = time;
  player.play().catch(() => {});
}

const at = (time) => h('button', { type: 'button', class: 'seek', onclick: () => seek(time), 'aria-label': `Play from ${seconds(time)}` }, seconds(time));

function overImage(media, kind, result) {
  const original = media.sources?.find((s) => s.label === 'original');
  const items = kind === 'faces' ? result.faces ?? [] : result.lines ?? [];
  return boxed(original?.url, media.alt || '', items,
    kind === 'faces' ? `${result.face_count ?? items.length} faces` : result.text ?? '');
}

/** A video's text lines or faces, drawn over the keyframe each was found in, in time order. */
function overKeyframes(kind, result) {
  const frames = kind === 'faces'
    ? (result.frames ?? []).map((f) => ({ time: f.time, keyframe: f.keyframe, items: f.faces ?? [] }))
    : [...byKeyframe(result.lines ?? []).values()].map((lines) => ({ time: lines[0].time, keyframe: lines[0].keyframe, items: lines }));
  const found = frames.filter((f) => f.keyframe && f.items.length);
  if (!found.length) return h('p', {}, kind === 'faces' ? 'No faces found.' : 'No text found.');
  return h('ol', { class: 'keyframes' }, ...found.map((f) => h('li', {},
    boxed(`/files/${result.source_id}/${f.keyframe}`, `Frame at ${seconds(f.time)}`, f.items,
      kind === 'faces' ? `${f.items.length} faces` : f.items.map((line) => line.text).join(' · ')),
    at(f.time))));
}

function byKeyframe(lines) {
  const groups = new Map();
  for (const line of lines) groups.set(line.keyframe, [...(groups.get(line.keyframe) ?? []), line]);
  return groups;
}

/** An image with a box drawn over it for each item (`item.box` in the image's pixels; `item.text` as its tooltip). */
function boxed(src, alt, items, caption) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'overlay');
  for (const item of items) {
    const rect = document.createElementNS(SVG, 'rect');
    for (const [attribute, key] of [['x', 'left'], ['y', 'top'], ['width', 'width'], ['height', 'height']]) rect.setAttribute(attribute, item.box[key]);
    if (item.text) {
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = item.text;
      rect.append(tip);
    }
    svg.append(rect);
  }
  const image = h('img', { src, alt, loading: 'lazy', onload: () => svg.setAttribute('viewBox', `0 0 ${image.naturalWidth} ${image.naturalHeight}`) });
  return h('figure', { class: 'boxes' }, h('div', { class: 'frame' }, image, svg), h('figcaption', {}, caption));
}

function timeline(result) {
  const source = result.source_id;
  return h('ol', { class: 'timeline' }, ...(result.scenes ?? []).map((scene) => h('li', {},
    scene.keyframe && source ? h('img', { src: `/files/${source}/${scene.keyframe}`, alt: `Scene at ${seconds(scene.start)}`, loading: 'lazy' }) : null,
    at(scene.start), h('span', {}, `– ${seconds(scene.end)}`))));
}

function transcript(result) {
  return h('ol', { class: 'transcript' }, ...(result.segments ?? []).map((s) => h('li', {}, at(s.start), h('span', {}, ` ${s.text}`))));
}

const FLOOR_DB = -60;

/** Peak and RMS level over time as two areas (0 dBFS at the top, -60 at the bottom), silences shaded behind. */
function levels(media, result) {
  const curve = result.levels ?? { step: 1, peak_dbfs: [], rms_dbfs: [] };
  const length = Math.max(media.duration || 0, curve.step * curve.peak_dbfs.length) || 1;
  const x = (time) => ((time / length) * 1000).toFixed(1);
  const y = (db) => (db == null ? 100 : (Math.min(Math.max(db, FLOOR_DB), 0) / FLOOR_DB) * 100).toFixed(1);
  const area = (values) => `M0,100 ${values.map((db, i) => `L${x(i * curve.step)},${y(db)} L${x((i + 1) * curve.step)},${y(db)}`).join(' ')} L${x(values.length * curve.step)},100 Z`;
  const chart = document.createElementNS(SVG, 'svg');
  chart.setAttribute('viewBox', '0 0 1000 100');
  chart.setAttribute('preserveAspectRatio', 'none');
  chart.setAttribute('class', 'levels');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `Level over ${seconds(length)}: peak and RMS from 0 to ${FLOOR_DB} dBFS, ${result.silence_count ?? 0} silences`);
  for (const silence of result.silences ?? []) {
    const quiet = document.createElementNS(SVG, 'rect');
    quiet.setAttribute('x', x(silence.start));
    quiet.setAttribute('width', x(silence.end - silence.start));
    quiet.setAttribute('height', '100');
    quiet.setAttribute('class', 'silence');
    chart.append(quiet);
  }
  for (const [name, values] of [['peak', curve.peak_dbfs], ['rms', curve.rms_dbfs]]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', area(values));
    path.setAttribute('class', name);
    chart.append(path);
  }
  return h('div', {}, chart,
    h('p', { class: 'legend' }, h('span', { class: 'key peak' }, 'peak'), ' ', h('span', { class: 'key rms' }, 'RMS'), ' ', h('span', { class: 'key silence' }, 'silence'), ` · 0 to ${FLOOR_DB} dBFS over ${seconds(length)}`),
    h('p', {}, `Loudness ${result.integrated_lufs ?? '–'} LUFS · range ${result.loudness_range_lu ?? '–'} LU · true peak ${result.true_peak_dbfs ?? '–'} dBFS${result.clipping ? ` · clipped ${seconds(result.clipped_seconds)}` : ''}`));
}
