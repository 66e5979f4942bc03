// The runs table: filters by workflow, status and run id prefix (kept in the address, so a view
// can be shared), and a page that re-reads itself every two seconds while the tab is shown.

import {h, fill, badge, when} from './dom.js';
import * as api from './api.js';
import {schemaForm} from './schema-form.js';

const STATUSES = ['PENDING', 'QUEUED', 'RUNNING', 'WAITING', 'SUSPENDED', 'SUCCEEDED', 'FAILED',
  'CANCELLED'];
const LIMIT = 50;
const REFRESH_MS = 2000;

function query(filters, after) {
  const params = new URLSearchParams({limit: String(LIMIT)});
  if (filters.status) params.set('status', filters.status);
  if (filters.prefix) params.set('prefix', filters.prefix);
  if (after) params.set('after', after);
  return params.toString();
}

/** One workflow's page, or the newest runs of every workflow merged when none is chosen. */
async function load(workflows, filters, after) {
  if (filters.workflow) {
    return api.get(`/workflows/${encodeURIComponent(filters.workflow)}/runs?${query(filters, after)}`);
  }
  const pages = await Promise.all(workflows.map((w) =>
    api.get(`/workflows/${encodeURIComponent(w.name)}/runs?${query(filters)}`)));
  const runs = pages.flatMap((p) => p.runs)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, LIMIT);
  return {runs, next: null};
}

/** An operator's form to start a run of the chosen workflow, from its input's schema. */
async function startCard(workflowName) {
  const workflow = await api.get(`/workflows/${encodeURIComponent(workflowName)}`);
  const runId = h('input', {id: 'start-run-id', type: 'text', placeholder: 'optional'});
  const form = schemaForm({
    name: 'start',
    schema: workflow.schemas.input,
    submitLabel: 'Start run',
    onSubmit: async (value) => {
      const id = runId.value.trim();
      const query = id ? `?runId=${encodeURIComponent(id)}` : '';
      const started = await api.post(`/workflows/${encodeURIComponent(workflowName)}/runs${query}`,
          value);
      location.hash = `#/runs/${encodeURIComponent(workflowName)}/${encodeURIComponent(started.runId)}`;
    },
  });
  return h('details', {class: 'card', id: 'start-run'}, h('summary', {}, `Start a run of ${workflowName}`),
      h('div', {class: 'field'}, h('label', {for: 'start-run-id'}, 'run id'), runId), form);
}

export function runsPage(main, params, access) {
  const filters = {
    workflow: params.get('workflow') || '',
    status: params.get('status') || '',
    prefix: params.get('prefix') || '',
  };
  let workflows = [];
  let after = null;
  let timer = null;
  let stopped = false;
  let shown = null;

  const workflowSelect = h('select', {id: 'filter-workflow', name: 'workflow'});
  const statusSelect = h('select', {id: 'filter-status', name: 'status'},
      h('option', {value: ''}, 'any status'), STATUSES.map((s) => h('option', {value: s}, s)));
  const prefixInput = h('input', {id: 'filter-prefix', name: 'prefix', type: 'search',
    placeholder: 'run id starts with', value: filters.prefix});
  statusSelect.value = filters.status;
  const form = h('form', {class: 'filters', id: 'filters'},
      h('label', {}, 'Workflow ', workflowSelect), h('label', {}, 'Status ', statusSelect),
      h('label', {}, 'Run id ', prefixInput), h('button', {type: 'submit'}, 'Filter'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (workflowSelect.value) next.set('workflow', workflowSelect.value);
    if (statusSelect.value) next.set('status', statusSelect.value);
    if (prefixInput.value.trim()) next.set('prefix', prefixInput.value.trim());
    location.hash = `#/?${next}`;
  });

  const body = h('tbody');
  const message = h('p', {class: 'muted', id: 'runs-message'});
  const older = h('button', {type: 'button', hidden: true}, 'Older runs');
  const newest = h('button', {type: 'button', hidden: true}, 'Newest runs');
  older.addEventListener('click', () => { after = older.dataset.next; refresh(); });
  newest.addEventListener('click', () => { after = null; refresh(); });
  const start = h('div', {id: 'start'});
  fill(main, h('h1', {}, 'Runs'), form, start,
      h('table', {class: 'runs', id: 'runs'},
          h('thead', {}, h('tr', {}, ['Run', 'Workflow', 'Status', 'Failed step', 'Created',
            'Updated'].map((c) => h('th', {}, c)))), body),
      message, h('div', {class: 'paging'}, newest, older));

  function row(run) {
    const link = h('a', {href: `#/runs/${encodeURIComponent(run.workflow)}/${encodeURIComponent(run.runId)}`},
        run.runId);
    return h('tr', {'data-run': run.runId}, h('td', {}, link), h('td', {}, run.workflow),
        h('td', {}, badge(run.status)), h('td', {}, run.failedStep || ''),
        h('td', {}, when(run.createdAt)), h('td', {}, when(run.updatedAt)));
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const page = await load(workflows, filters, after);
      if (stopped) return;
      const text = JSON.stringify(page.runs);
      if (text !== shown) fill(body, page.runs.map(row)); // unchanged rows stay, links clickable
      shown = text;
      message.textContent = page.runs.length ? '' : 'No runs match.';
      older.hidden = !page.next;
      older.dataset.next = page.next || '';
      newest.hidden = !after;
    } catch (e) {
      message.textContent = e.message;
    }
    if (!stopped) timer = setTimeout(tick, REFRESH_MS);
  }

  function tick() {
    if (document.hidden) timer = setTimeout(tick, REFRESH_MS);
    else refresh();
  }

  (async () => {
    try {
      workflows = (await api.get('/workflows')).workflows;
    } catch (e) {
      message.textContent = e.message;
      return;
    }
    fill(workflowSelect, h('option', {value: ''}, 'all workflows'),
        workflows.map((w) => h('option', {value: w.name}, w.name)));
    workflowSelect.value = filters.workflow;
    refresh();
    if (filters.workflow && access.role === 'operator') {
      startCard(filters.workflow).then((card) => fill(start, card),
          (e) => fill(start, h('p', {class: 'error'}, e.message)));
    }
  })();

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
