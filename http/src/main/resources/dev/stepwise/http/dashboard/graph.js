// Renders the workflow's Mermaid flowchart (as the processor generated it) with each step's node
// coloured by the step's status in this run.

const STATUS_STYLES = {
  PENDING: 'fill:#f1f3f5,stroke:#adb5bd',
  QUEUED: 'fill:#e7f5ff,stroke:#74c0fc',
  RUNNING: 'fill:#d0ebff,stroke:#1c7ed6,stroke-width:2px',
  WAITING: 'fill:#fff3bf,stroke:#f59f00',
  SUSPENDED: 'fill:#ffe8cc,stroke:#e8590c,stroke-width:2px',
  SUCCEEDED: 'fill:#d3f9d8,stroke:#2b8a3e',
  FAILED: 'fill:#ffe3e3,stroke:#c92a2a,stroke-width:2px',
  SKIPPED: 'fill:#f8f9fa,stroke:#ced4da,stroke-dasharray:4',
  CANCELLED: 'fill:#e9ecef,stroke:#495057,stroke-dasharray:4',
  NOT_REACHED: 'fill:#f8f9fa,stroke:#dee2e6,stroke-dasharray:2',
};

let renders = 0;
let initialized = false;

/** Step id → Mermaid node id, read from the node lines (`  ship["ship<br/>when ..."]`). */
function nodeIds(source) {
  const ids = new Map();
  for (const line of source.split('\n')) {
    const match = /^\s*([A-Za-z0-9_]+)\["([^"<]+)/.exec(line);
    if (match) ids.set(match[2], match[1]);
  }
  return ids;
}

/** The flowchart with a class per status and each step's node in its status's class. */
export function colouredSource(source, steps) {
  const ids = nodeIds(source);
  const lines = [source.trimEnd()];
  for (const step of steps) {
    const node = ids.get(step.id) || step.id;
    if (!ids.has(step.id) && !new RegExp(`\\b${node}\\b`).test(source)) {
      lines.push(`  ${node}["${step.id}"]`); // a lone step the source does not mention
    }
  }
  for (const [status, style] of Object.entries(STATUS_STYLES)) {
    lines.push(`  classDef st_${status} ${style}`);
  }
  for (const step of steps) {
    lines.push(`  class ${ids.get(step.id) || step.id} st_${step.status}`);
  }
  return lines.join('\n');
}

/** Draws into `container`; where Mermaid is missing or fails, shows the source instead. */
export async function renderGraph(container, source, steps) {
  const text = colouredSource(source, steps);
  if (container.dataset.source === text) return; // nothing changed: spare the flicker
  container.dataset.source = text;
  const mermaid = window.mermaid;
  if (!mermaid) {
    container.replaceChildren(Object.assign(document.createElement('pre'), {textContent: text}));
    return;
  }
  if (!initialized) {
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme: 'neutral'});
    initialized = true;
  }
  try {
    const {svg} = await mermaid.render(`stepwise-graph-${++renders}`, text);
    // Mermaid's own output in strict mode (labels sanitised), built from step ids in code.
    container.innerHTML = svg;
  } catch (e) {
    container.replaceChildren(Object.assign(document.createElement('pre'), {textContent: text}));
  }
}
