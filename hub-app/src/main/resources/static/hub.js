// The admin page: plain fetch calls to the REST API with the signed-in session (see README, "REST API").
const $ = (id) => document.getElementById(id);
const tenant = () => $('tenant').value || 'default';

async function api(path, options = {}) {
  const response = await fetch(`/api/v1${path}`, { credentials: 'same-origin', ...options });
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function text(value) {
  const span = document.createElement('span');
  span.textContent = value ?? '';
  return span.innerHTML;
}

async function loadTenants() {
  const tenants = await api('/tenants');
  $('tenant').innerHTML = tenants.map((t) => `<option value="${text(t.id)}">${text(t.name)}</option>`).join('');
  refresh();
}

async function refresh() {
  const t = tenant();
  api(`/tenants/${t}/balance`).then((b) => {
    $('balance').textContent = `${b.available} coins available (${b.balance} balance, ${b.held} held by open conversations)`
      + (b.available === 0 ? '. With no coins every conversation goes straight to a person: top up with POST /api/v1/tenants/'
        + t + '/topups.' : '');
  }).catch((e) => { $('balance').textContent = e.message; });
  api(`/tenants/${t}/sources`).then((sources) => {
    $('sources').innerHTML = sources.length === 0
      ? '<tr><td colspan="4" class="hint">No knowledge yet: upload a help-center article, PDF or FAQ page.</td></tr>'
      : sources.map((s) => `<tr><td>${text(s.title)}</td><td>${text(s.type)}</td>
          <td class="${s.status === 'failed' ? 'failed' : ''}">${text(s.status)}${s.error ? ': ' + text(s.error) : ''}</td>
          <td>${s.chunks}</td></tr>`).join('');
  }).catch((e) => { $('sources').innerHTML = `<tr><td colspan="4" class="failed">${text(e.message)}</td></tr>`; });
  document.querySelectorAll('.tenant-id').forEach((el) => { el.textContent = t; });
  $('zendesk-webhook').textContent = `${location.origin}/zendesk/webhook/${t}`;
  api(`/tenants/${t}/channels`).then((channels) => {
    $('channels').innerHTML = channels.length === 0
      ? '<tr><td colspan="2" class="hint">No channel connected yet: customers can only use the "try it" box. Connect one below.</td></tr>'
      : channels.map((c) => `<tr><td>${text(c.channel)}</td><td>${Object.entries(c.settings || {})
          .map(([k, v]) => `${text(k)}: ${text(v)}`).join(' · ')}</td></tr>`).join('');
  }).catch((e) => { $('channels').innerHTML = `<tr><td colspan="2" class="failed">${text(e.message)}</td></tr>`; });
  api(`/tenants/${t}/conversations`).then((items) => {
    const list = Array.isArray(items) ? items : [];
    const who = (u) => (u && (u.name || u.email || u.id)) || 'anonymous';
    $('inbox').innerHTML = list.length === 0
      ? '<tr><td colspan="6" class="hint">No conversations yet. They appear here as customers ask in Slack, Teams, Zendesk or the web channel.</td></tr>'
      : list.map((c) => `<tr><td>${text(c.channel)}</td><td>${text(who(c.user))}</td><td>${text(c.status)}</td>
          <td>${c.lastConfidence == null ? '' : Number(c.lastConfidence).toFixed(2)}</td>
          <td>${text(c.handoffReason)}</td><td>${text(c.ticket && c.ticket.id)}</td></tr>`).join('');
  }).catch((e) => { $('inbox').innerHTML = `<tr><td colspan="6" class="failed">${text(e.message)}</td></tr>`; });
}

$('ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('answer').innerHTML = '<p class="hint">Thinking…</p>';
  try {
    const a = await api(`/tenants/${tenant()}/ask`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: $('question').value }),
    });
    const sources = a.citations.map((c) => c.url
      ? `<li><a href="${text(c.url)}" target="_blank" rel="noopener">${text(c.title)}</a></li>`
      : `<li>${text(c.title)}</li>`).join('');
    $('answer').innerHTML = `<span class="decision">${text(a.decision)}${a.reason ? ' · ' + text(a.reason) : ''}
        · confidence ${a.confidence.toFixed(2)}</span><p class="answer-text">${text(a.text)}</p>
        ${sources ? `<p class="hint">Sources</p><ul>${sources}</ul>` : ''}`;
  } catch (e) {
    $('answer').innerHTML = `<p class="failed">${text(e.message)}</p>`;
  }
});

$('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const s = await api(`/tenants/${tenant()}/sources`, { method: 'POST', body: new FormData(event.target) });
    $('upload-result').textContent = `Added; indexing runs in the background (${s.status}).`;
    event.target.reset();
    refresh();
  } catch (e) {
    $('upload-result').textContent = e.message;
  }
});

$('add-web').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const s = await api(`/tenants/${tenant()}/sources`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: form.get('type'), url: form.get('url') }),
    });
    $('upload-result').textContent = `Added; the hub fetches and indexes it in the background (${s.status}).`;
    event.target.reset();
    refresh();
  } catch (e) {
    $('upload-result').textContent = e.message;
  }
});

$('tenant').addEventListener('change', refresh);
loadTenants();
setInterval(refresh, 5000);
