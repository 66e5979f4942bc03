// One run: its status and actions, the graph coloured by step status, a timeline of the steps'
// attempts, outputs and errors, and forms to resume a suspended step or send an awaited event.
// It follows the run's event stream and re-reads the run after each change.

import {h, fill, badge, when, duration, json} from './dom.js';
import * as api from './api.js';
import {renderGraph} from './graph.js';
import {schemaForm} from './schema-form.js';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function runPage(main, workflowName, runId, access) {
  const path = api.runPath(workflowName, runId);
  const operator = access.role === 'operator';
  let workflow = null;
  let stopFollowing = null;
  let pending = null;
  let stopped = false;
  let shown = null; // the run as last drawn, to skip redrawing what did not change
  const forms = new Map(); // kept across re-reads so that typing is not wiped by a change

  const header = h('section', {id: 'run-header'});
  const actions = h('div', {id: 'run-actions', class: 'actions'});
  const notice = h('div', {id: 'run-notice', class: 'error'});
  const formsSection = h('section', {id: 'run-forms'});
  const graph = h('div', {id: 'graph', class: 'graph'});
  const timeline = h('tbody');
  const steps = h('section', {id: 'steps'});
  fill(main,
      h('p', {}, h('a', {href: `#/?workflow=${encodeURIComponent(workflowName)}`}, '← runs')),
      header, actions, notice, formsSection,
      h('h2', {}, 'Graph'), graph,
      h('h2', {}, 'Timeline'),
      h('table', {id: 'timeline', class: 'timeline'},
          h('thead', {}, h('tr', {}, ['Step', 'Status', 'Attempts', 'Started', 'Duration', '']
              .map((c) => h('th', {}, c)))), timeline),
      h('h2', {}, 'Steps'), steps);

  function renderHeader(run) {
    fill(header,
        h('h1', {}, run.runId, ' ', h('span', {id: 'run-status'}, badge(run.status))),
        h('p', {class: 'muted'}, `${run.workflow} · created ${when(run.createdAt)} · updated `
            + when(run.updatedAt)),
        run.error ? h('p', {class: 'error', id: 'run-error'},
            `${run.failedStep ? `Step ${run.failedStep} failed: ` : ''}${run.error.type}: `
            + (run.error.message || '')) : null);
  }

  function renderActions(run) {
    fill(actions);
    if (!operator) return;
    if (!FINISHED.has(run.status)) {
      actions.append(action('cancel-run', 'Cancel run', `Cancel run ${run.runId}?`, 'cancel'));
    }
    if (run.status === 'FAILED' || run.status === 'CANCELLED') {
      actions.append(action('retry-run', 'Retry run', null, 'retry'));
    }
  }

  function action(id, label, question, route) {
    return h('button', {id, type: 'button', onclick: async (event) => {
      if (question && !window.confirm(question)) return;
      event.target.disabled = true;
      notice.textContent = '';
      try {
        await api.post(`${path}/${route}`);
        follow(); // afresh: the stream of a run that had finished has ended, and a retry goes on
        schedule();
      } catch (e) {
        notice.textContent = e.message;
        event.target.disabled = false;
      }
    }}, label);
  }

  function renderForms(run) {
    const wanted = new Map();
    if (operator && !FINISHED.has(run.status)) {
      for (const step of run.steps) {
        const resumeSchema = workflow.schemas.resume[step.id];
        if (step.status === 'SUSPENDED') {
          wanted.set(`resume-${step.id}`, () => section(`Resume ${step.id}`, step.suspendReason,
              schemaForm({name: `resume-${step.id}`, schema: resumeSchema, submitLabel: 'Resume',
                onSubmit: (value) => api.post(`${path}/steps/${encodeURIComponent(step.id)}/resume`,
                    value)})));
        }
        const spec = workflow.steps.find((s) => s.id === step.id);
        if (spec && spec.event && !FINISHED.has(step.status) && step.status !== 'SKIPPED') {
          const event = spec.event;
          wanted.set(`event-${event}`, () => section(`Send event ${event}`,
              `step ${step.id} waits for it`,
              schemaForm({name: `event-${event}`, schema: workflow.schemas.events[event],
                submitLabel: 'Send', onSubmit: (value) =>
                  api.post(`${path}/events/${encodeURIComponent(event)}`, value)})));
        }
      }
    }
    for (const [key, element] of forms) {
      if (!wanted.has(key)) {
        element.remove();
        forms.delete(key);
      }
    }
    for (const [key, build] of wanted) {
      if (!forms.has(key)) {
        const element = build();
        forms.set(key, element);
        formsSection.append(element);
      }
    }
  }

  function section(title, subtitle, form) {
    return h('div', {class: 'card'}, h('h2', {}, title),
        subtitle ? h('p', {class: 'muted'}, subtitle) : null, form);
  }

  function renderTimeline(run) {
    const starts = run.steps.map((s) => s.startedAt).filter(Boolean).map((t) => Date.parse(t));
    const from = starts.length ? Math.min(...starts) : 0;
    const ends = run.steps.map((s) => (s.finishedAt ? Date.parse(s.finishedAt) : Date.now()));
    const span = Math.max(1, Math.max(from, ...ends) - from);
    fill(timeline, run.steps.map((step) => {
      const start = step.startedAt ? Date.parse(step.startedAt) : null;
      const end = step.finishedAt ? Date.parse(step.finishedAt) : Date.now();
      const left = ((start - from) / span) * 100;
      const bar = start === null ? null : h('div', {class: 'lane'}, h('div', {
        class: `bar status-${step.status}`,
        style: `left:${left}%;width:${Math.min(100 - left, Math.max(0.5, ((end - start) / span) * 100))}%`,
      }));
      return h('tr', {'data-step': step.id}, h('td', {}, step.id), h('td', {}, badge(step.status)),
          h('td', {}, String(step.attempts)), h('td', {}, when(step.startedAt)),
          h('td', {}, duration(step.durationMs)), h('td', {class: 'track'}, bar));
    }));
  }

  function renderSteps(run) {
    const open = new Set([...steps.querySelectorAll('details[open]')].map((d) => d.dataset.step));
    fill(steps, run.steps.map((step) => {
      const parts = [];
      if (step.output !== null && step.output !== undefined) parts.push(h('h3', {}, 'Output'), json(step.output));
      if (step.error) {
        parts.push(h('h3', {}, 'Error'),
            h('p', {class: 'error'}, `${step.error.type}: ${step.error.message || ''}`));
      }
      if (step.attemptErrors && step.attemptErrors.length) {
        parts.push(h('h3', {}, 'Failed attempts'), h('ol', {}, step.attemptErrors.map((a) =>
          h('li', {}, `attempt ${a.attempt} at ${when(a.failedAt)}: ${a.error.type}: `
              + (a.error.message || '')))),
        traces(step));
      }
      if (!parts.length) parts.push(h('p', {class: 'muted'}, 'No output yet.'));
      return h('details', {'data-step': step.id, open: open.has(step.id)},
          h('summary', {}, step.id, ' ', badge(step.status)), parts);
    }));
  }

  function traces(step) {
    const box = h('div', {class: 'traces'});
    const button = h('button', {type: 'button', onclick: async () => {
      button.disabled = true;
      try {
        const errors = await api.get(`${path}/steps/${encodeURIComponent(step.id)}/errors`);
        fill(box, errors.attempts.map((a) => h('div', {},
            h('h4', {}, `attempt ${a.attempt}`), h('pre', {class: 'trace'}, a.error.stackTrace || ''))));
      } catch (e) {
        fill(box, h('p', {class: 'error'}, e.message));
      }
    }}, 'Show stack traces');
    box.append(button);
    return box;
  }

  async function refresh() {
    pending = null;
    try {
      if (!workflow) workflow = await api.get(`/workflows/${encodeURIComponent(workflowName)}`);
      const run = await api.get(path);
      if (stopped) return;
      const text = JSON.stringify(run);
      if (text === shown) return;
      shown = text;
      notice.textContent = '';
      renderHeader(run);
      renderActions(run);
      renderForms(run);
      renderTimeline(run);
      renderSteps(run);
      await renderGraph(graph, workflow.mermaid, run.steps);
    } catch (e) {
      notice.textContent = e.message;
    }
  }

  /** Re-reads soon: several changes in a burst cost one read. */
  function schedule() {
    if (pending === null && !stopped) pending = setTimeout(refresh, 100);
  }

  function follow() {
    if (stopFollowing) stopFollowing();
    stopFollowing = api.follow(`${path}/events-stream`, schedule);
  }

  refresh().then(follow);
  return () => {
    stopped = true;
    clearTimeout(pending);
    if (stopFollowing) stopFollowing();
  };
}
