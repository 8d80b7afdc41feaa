// The results page: evaluations, per-task rewards, and a trajectory viewer, all from the REST API.
// Text from results (messages, ids, errors) is only ever set with textContent, never as HTML.
'use strict';

const state = { key: sessionStorage.getItem('tau2obs.apiKey') || '', files: new Map() };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function api(path) {
  const headers = state.key ? { Authorization: 'Bearer ' + state.key } : {};
  const response = await fetch(path, { headers });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    throw new Error(message);
  }
  return response.json();
}

const fmt = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const rewardClass = (r) => (r === null || r === undefined ? '' : r >= 1 - 1e-6 ? 'r-full' : r > 0 ? 'r-part' : 'r-zero');
// " Resumed 2 times from a checkpoint; 1 failed attempt retried." (empty when neither happened)
const recovery = (resumptions, retried) =>
  (resumptions > 0 ? ` Resumed ${resumptions} time${resumptions === 1 ? '' : 's'} from a checkpoint.` : '') +
  (retried > 0 ? ` ${retried} failed attempt${retried === 1 ? '' : 's'} retried.` : '');
const setStatus = (text) => { document.getElementById('status').textContent = text; };

async function showList() {
  const { evaluations } = await api('/api/evaluations');
  const body = document.querySelector('#evaluations tbody');
  body.replaceChildren(...evaluations.map((e) => el('tr', { 'data-id': e.evaluation_id },
    el('td', {}, el('a', { href: `#/evaluations/${encodeURIComponent(e.evaluation_id)}`, text: e.evaluation_id })),
    el('td', { class: 'status-' + e.status, text: e.status }),
    el('td', { text: e.domain ?? '' }),
    el('td', { text: e.agent_endpoint ?? '' }),
    el('td', { text: `${e.completed_simulations}/${e.total_simulations}` + (e.cancelled_simulations > 0 ? `, ${e.cancelled_simulations} cancelled` : '') }),
    el('td', { class: 'reward ' + rewardClass(e.avg_reward), text: fmt(e.avg_reward) }),
    el('td', { text: Object.entries(e.pass_hat_k ?? {}).map(([k, v]) => `pass^${k} ${fmt(v)}`).join(', ') }),
    el('td', { text: (e.created_at ?? '').replace('T', ' ').slice(0, 19) }))));
  if (evaluations.length === 0) body.append(el('tr', {}, el('td', { colspan: '8', text: 'No evaluations yet.' })));
}

async function showEvaluation(id) {
  const doc = await api(`/api/evaluations/${encodeURIComponent(id)}`);
  document.getElementById('detail-view').hidden = false;
  document.getElementById('detail-title').textContent = `${doc.evaluation_id} (${doc.status})`;
  const s = doc.summary;
  document.getElementById('detail-summary').textContent = s
    ? `${doc.domain} domain, agent ${doc.agent_endpoint}: average reward ${fmt(s.avg_reward)} over ${s.total_simulations} simulations of ${s.total_tasks} tasks; ` +
      `${s.successful_simulations} fully successful.` + recovery(s.total_resumptions, s.total_retried_failures) + (doc.error ? ` Error: ${doc.error}` : '')
    : `${doc.domain} domain, agent ${doc.agent_endpoint}: ${doc.simulations.length} simulations finished so far.`;
  const download = document.getElementById('download');
  download.href = doc.results_file;
  download.setAttribute('download', `${doc.evaluation_id}.json`);

  const trials = Math.max(1, ...doc.simulations.map((x) => x.trial + 1));
  const head = el('tr', {}, el('th', { text: 'Task' }), ...Array.from({ length: trials }, (_, t) => el('th', { text: `Trial ${t}` })));
  document.querySelector('#rewards thead').replaceChildren(head);
  const rows = doc.tasks.map(({ task_id }) => {
    const cells = Array.from({ length: trials }, (_, t) => {
      const sim = doc.simulations.find((x) => x.task_id === task_id && x.trial === t);
      if (!sim) return el('td', { class: 'reward', text: '…' });
      const link = el('a', {
        href: `#/evaluations/${encodeURIComponent(id)}/simulations/${encodeURIComponent(task_id)}/${t}`,
        title: sim.termination_reason + recovery(sim.resumptions, sim.retried_failures), text: fmt(sim.reward),
      });
      const cell = el('td', { class: 'reward ' + rewardClass(sim.reward), 'data-task': task_id, 'data-trial': String(t) }, link);
      // a run that was resumed or retried is marked, so a reward that took a crash to get is visible
      if (sim.resumptions > 0 || sim.retried_failures > 0) cell.append(el('span', { class: 'recovered', text: `↻${sim.resumptions + sim.retried_failures}` }));
      return cell;
    });
    return el('tr', {}, el('th', { text: task_id }), ...cells);
  });
  document.querySelector('#rewards tbody').replaceChildren(...rows);
  return doc;
}

async function showTrajectory(id, taskId, trial) {
  let file = state.files.get(id);
  if (!file) { file = await api(`/api/evaluations/${encodeURIComponent(id)}/results`); state.files.set(id, file); }
  const sim = (file.simulations ?? []).find((x) => x.task_id === taskId && Number(x.trial) === trial);
  document.getElementById('trajectory-view').hidden = false;
  document.getElementById('trajectory-title').textContent = `Trajectory: task ${taskId}, trial ${trial}`;
  const list = document.getElementById('trajectory');
  if (!sim) { list.replaceChildren(); document.getElementById('trajectory-summary').textContent = 'This simulation is not in the results file yet.'; return; }
  document.getElementById('trajectory-summary').textContent =
    `reward ${fmt(sim.reward_info?.reward)}, ${sim.termination_reason}, ${(sim.messages ?? []).length} messages`;
  list.replaceChildren(...(sim.messages ?? []).map((m) => {
    const item = el('li', { class: 'message ' + m.role }, el('span', { class: 'role', text: m.role + (m.role === 'tool' && m.id ? ` (${m.id})` : '') }));
    if (m.content) item.append(el('span', { class: 'content', text: m.content }));
    for (const call of m.tool_calls ?? []) item.append(el('div', { class: 'tool-call', text: `→ ${call.name}(${JSON.stringify(call.arguments)})` }));
    return item;
  }));
}

async function route() {
  setStatus('');
  document.getElementById('detail-view').hidden = true;
  document.getElementById('trajectory-view').hidden = true;
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  try {
    await showList();
    if (parts[0] === 'evaluations' && parts[1]) {
      await showEvaluation(parts[1]);
      if (parts[2] === 'simulations' && parts[3] !== undefined) await showTrajectory(parts[1], parts[3], Number(parts[4] ?? 0));
    }
    document.body.dataset.ready = 'true';
  } catch (e) {
    setStatus(`Could not load results: ${e.message}`);
    document.body.dataset.ready = 'error';
  }
}

document.getElementById('api-key').value = state.key;
document.getElementById('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.key = document.getElementById('api-key').value.trim();
  sessionStorage.setItem('tau2obs.apiKey', state.key);
  route();
});
window.addEventListener('hashchange', route);
route();
