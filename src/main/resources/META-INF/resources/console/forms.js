// Form fields for a task's options, drawn from the schema the API's contract gives for its kind, and read back.
import { h } from './ui.js';
/** One labelled input per option of the schema (enums as selects, booleans as checkboxes, numbers as text). */
export function optionFields(schema, prefix = 'option') {
  return Object.entries(schema.properties)
    .filter(([name]) => !['media_id', 'source_id', 'kind'].includes(name))
    .map(([name, property]) => {
      const id = `${prefix}-${name}`;
      const types = [property.type, ...(property.oneOf ?? []).map((o) => o.type)].flat();
      let input;
      if (property.enum) {
        input = h('select', { id, name }, h('option', { value: '' }, `(default${property.default ? `: ${property.default}` : ''})`), ...property.enum.map((v) => h('option', { value: v }, v)));
      } else if (types.includes('boolean')) {
        input = h('input', { id, name, type: 'checkbox', checked: property.default !== 'false', onchange: () => (input.dataset.touched = '1') });
      } else {
        const numeric = types.includes('integer') || types.includes('number');
        input = h('input', { id, name, type: 'text', inputmode: numeric ? 'decimal' : null, placeholder: property.default ?? '', dataset: numeric ? { number: '1' } : {} });
      }
      return h('div', { class: 'field' }, h('label', { for: id, title: property.description ?? '' }, name), input);
    });
}

/** The options given in the fields (left-out ones are not sent), numbers as numbers. */
export function valuesOf(fields) {
  const values = {};
  for (const input of fields.querySelectorAll('[name]')) {
    const value = input.type === 'checkbox' ? input.checked : input.value.trim();
    if (value === '' || (input.type === 'checkbox' && !input.dataset.touched)) continue;
    values[input.name] = input.dataset.number && /^-?[\d.]+$/.test(value) ? Number(value) : value;
  }
  return values;
}
