// Builds elements without innerHTML: every value from the API is set as text, never parsed as
// markup, so a run's output or error message cannot inject script into the page.

/** h('td', {class: 'x', onclick: f}, 'text', childNode, ...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces everything inside `parent`. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) parent.append(child);
  }
  return parent;
}

/** A status as a coloured badge; the data-status attribute lets tests and CSS find it. */
export function badge(status) {
  return h('span', {class: `badge status-${status}`, 'data-status': status}, status);
}

/** An instant as the browser's local date and time, or a dash. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '–';
}

/** Milliseconds as "840 ms", "3.2 s" or "4 min 10 s". */
export function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** JSON, indented, in a <pre>. */
export function json(value) {
  return h('pre', {class: 'json'}, JSON.stringify(value, null, 2));
}
