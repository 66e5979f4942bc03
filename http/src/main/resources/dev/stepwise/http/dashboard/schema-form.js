// A form built from a JSON Schema (the one the processor generated for a resume or event payload):
// a field per property of an object, a single field for anything else. The server's validator has
// the last word: its violations are shown under the field their JSON path names.

import {h, fill} from './dom.js';
import {ApiError} from './api.js';

/** Follows a local "$ref": "#/$defs/Name" within the same document. */
function resolve(schema, root) {
  let current = schema || {};
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce((node, key) => (node ? node[key] : undefined), root) || {};
  }
  return current;
}

function typeOf(schema) {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.enum) return 'enum';
  return type || 'json';
}

/** One input for one value; read() gives the value to send, or throws a message. */
function field(path, label, schema, required) {
  const type = typeOf(schema);
  const id = `field-${path.replace(/[^a-zA-Z0-9]/g, '_')}`;
  let input;
  let read;
  if (type === 'enum') {
    input = h('select', {id, name: path},
        h('option', {value: ''}, '—'), schema.enum.map((v) => h('option', {value: String(v)}, v)));
    read = () => (input.value === '' ? undefined : schema.enum.find((v) => String(v) === input.value));
  } else if (type === 'boolean') {
    input = h('input', {id, name: path, type: 'checkbox'});
    read = () => input.checked;
  } else if (type === 'integer' || type === 'number') {
    input = h('input', {id, name: path, type: 'number', step: type === 'integer' ? '1' : 'any'});
    read = () => (input.value === '' ? undefined : Number(input.value));
  } else if (type === 'string') {
    input = h('input', {id, name: path, type: 'text'});
    read = () => input.value;
  } else {
    input = h('textarea', {id, name: path, rows: 4, placeholder: 'JSON'});
    read = () => {
      if (input.value.trim() === '') return undefined;
      try {
        return JSON.parse(input.value);
      } catch (e) {
        throw new Error('is not valid JSON');
      }
    };
  }
  const messages = h('div', {class: 'violations', 'data-path': path});
  const row = h('div', {class: 'field'},
      h('label', {for: id}, label, required ? h('span', {class: 'required'}, ' *') : null),
      input, schema.description ? h('div', {class: 'muted'}, schema.description) : null, messages);
  return {path, row, input, read, messages};
}

/**
 * The form. onSubmit(value) sends it and resolves when the server took it; a 400 shows its
 * violations inline, any other refusal its message.
 */
export function schemaForm({schema, submitLabel, onSubmit, name}) {
  const root = schema || {};
  const top = resolve(root, root);
  const properties = typeOf(top) === 'object' && top.properties ? top.properties : null;
  const required = new Set(top.required || []);
  const fields = properties
    ? Object.entries(properties).map(([key, s]) =>
        field(`$.${key}`, key, resolve(s, root), required.has(key)))
    : [field('$', 'value', top, true)];
  const general = h('div', {class: 'violations', 'data-path': ''});
  const result = h('div', {class: 'form-result'});
  const button = h('button', {type: 'submit'}, submitLabel);

  function clear() {
    fields.forEach((f) => fill(f.messages));
    fill(general);
    fill(result);
  }

  function show(violations) {
    for (const v of violations) {
      const target = fields.find((f) => v.path === f.path || v.path.startsWith(`${f.path}.`)
          || v.path.startsWith(`${f.path}[`));
      (target ? target.messages : general).append(
          h('div', {class: 'violation'}, target ? v.message : `${v.path} ${v.message}`));
    }
  }

  function value() {
    if (!properties) return fields[0].read();
    const out = {};
    for (const f of fields) {
      const v = f.read();
      if (v !== undefined) out[f.path.slice(2)] = v;
    }
    return out;
  }

  const form = h('form', {class: 'schema-form', 'data-form': name},
      fields.map((f) => f.row), general, h('div', {class: 'actions'}, button, result));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    let payload;
    try {
      payload = value();
    } catch (e) {
      general.append(h('div', {class: 'violation'}, e.message));
      return;
    }
    button.disabled = true;
    try {
      await onSubmit(payload);
      result.append(h('span', {class: 'ok'}, 'Sent'));
    } catch (e) {
      if (e instanceof ApiError && e.violations.length) {
        general.prepend(h('div', {class: 'error'}, e.message));
        show(e.violations);
      } else {
        general.append(h('div', {class: 'error'}, e.message));
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
