// The editors' desk: compose a draft (or drop a text file), preview what the pipeline
// finds in it, submit it, and follow every recent article to publication, live.
// Plain DOM code on purpose: text from drafts is only ever set as textContent.
import { fetchWithKey } from '/pressline/key.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['headline', 'byline', 'section', 'embargoUntil', 'note', 'body'];
const TYPE_NAMES = { PERSON: 'person', ORGANIZATION: 'organisation', LOCATION: 'place', DATE: 'date', MONEY: 'amount' };
const articles = new Map();
let editing = null;

function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null) continue;
		if (name === 'class') node.className = value;
		else if (name.startsWith('data')) node.setAttribute(name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), value);
		else node.setAttribute(name, value);
	}
	node.append(...children.filter((c) => c !== null && c !== undefined));
	return node;
}

// ---- the draft form -------------------------------------------------------------------

function draftFromForm() {
	const value = (id) => $(id).value.trim() || undefined;
	const embargo = $('embargoUntil').value;
	return {
		headline: $('headline').value.trim(),
		body: $('body').value,
		byline: value('byline'),
		section: value('section'),
		embargoUntil: embargo ? new Date(embargo).toISOString() : undefined,
		legalHold: $('legalHold').checked || undefined,
		note: editing ? value('note') : undefined,
	};
}

function clearErrors() {
	for (const field of [...FIELDS, 'file', 'form']) {
		$(field + '-error').textContent = '';
		$(field)?.removeAttribute('aria-invalid');
	}
}

// Puts each refusal next to the field it names, as the API reports it (RFC 9457).
function showProblem(problem) {
	const errors = problem.errors ?? [{ field: problem.field, message: problem.detail }];
	let first = null;
	for (const { field, message } of errors) {
		const target = FIELDS.includes(field) ? field : 'form';
		const line = $(target + '-error');
		// Field messages read on from the field's name: "Headline is missing: ...".
		const label = target === 'form' ? null : document.querySelector(`label[for="${target}"]`)?.firstChild.textContent.trim();
		const text = label ? `${label} ${message}` : message;
		line.textContent = line.textContent ? line.textContent + ' ' + text : text;
		if (target !== 'form') {
			$(target).setAttribute('aria-invalid', 'true');
			first ??= $(target);
		}
	}
	first?.focus();
}

async function call(method, url, body) {
	const response = await fetchWithKey(url, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const type = response.headers.get('Content-Type') ?? '';
	const data = type.includes('json') ? await response.json() : await response.text();
	return { ok: response.ok, status: response.status, data };
}

function failed(result) {
	if (typeof result.data === 'object' && result.data !== null) showProblem(result.data);
	else $('form-error').textContent = `The service answered ${result.status}. Nothing was lost: try again.`;
}

async function busy(button, work) {
	button.disabled = true;
	try {
		await work();
	} catch (error) {
		$('form-error').textContent = `No answer from the desk (${error.message}). Your draft is still here.`;
	} finally {
		button.disabled = false;
	}
}

async function submit(event) {
	event.preventDefault();
	clearErrors();
	await busy($('submit-button'), async () => {
		const draft = draftFromForm();
		const result = editing
			? await call('PUT', `/api/v1/articles/${encodeURIComponent(editing.id)}`, draft)
			: await call('POST', '/api/v1/articles', draft);
		if (!result.ok) return failed(result);
		$('receipt').textContent = `Submitted ${draft.headline} as version ${result.data.version}.`;
		$('receipt').dataset.id = result.data.id;
		resetForm();
	});
}

function resetForm() {
	$('draft').reset();
	editing = null;
	$('editing').hidden = true;
	$('note-field').hidden = true;
	$('compose-title').textContent = 'New article';
	$('submit-button').textContent = 'Submit';
	$('preview').hidden = true;
}

// A dropped or chosen file is read by the same rules as a text submission.
async function loadFile(file) {
	clearErrors();
	if (!file) return;
	if (file.type && !file.type.startsWith('text/')) {
		$('file-error').textContent = `${file.name} is not a text file; drop a .txt file.`;
		return;
	}
	const text = await file.text();
	const response = await fetchWithKey('/api/v1/drafts/check', {
		method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text,
	});
	const data = await response.json();
	if (!response.ok) {
		$('body').value = text;
		$('file-error').textContent = `${file.name}: ${data.detail}`;
		return showProblem(data);
	}
	$('headline').value = data.headline;
	$('body').value = data.body;
	if (data.byline) $('byline').value = data.byline;
}

// ---- the enrichment preview -----------------------------------------------------------

async function preview() {
	clearErrors();
	await busy($('preview-button'), async () => {
		const draft = draftFromForm();
		const result = await call('POST', '/api/v1/drafts/preview', draft);
		if (!result.ok) return failed(result);
		renderPreview(draft, result.data);
	});
}

function renderPreview(draft, enrichment) {
	const text = draft.headline + '\n\n' + draft.body;
	const marks = [];
	for (const entity of enrichment.entities) {
		for (const mention of entity.mentions) marks.push({ ...mention, entity });
	}
	marks.sort((a, b) => a.start - b.start || b.end - a.end);
	const target = $('preview-text');
	target.replaceChildren();
	let at = 0;
	for (const mark of marks) {
		if (mark.start < at) continue; // overlaps one already shown
		target.append(text.slice(at, mark.start));
		const entity = mark.entity;
		target.append(el('mark', {
			class: entity.type, title: `${TYPE_NAMES[entity.type] ?? entity.type}: ${entity.name} (${entity.id})`,
			dataId: entity.id, dataType: entity.type,
		}, text.slice(mark.start, mark.end)));
		at = mark.end;
	}
	target.append(text.slice(at));

	const facts = $('preview-facts');
	facts.replaceChildren();
	const fact = (name, value) => value && facts.append(el('dt', {}, name), el('dd', {}, value));
	fact('Reading time', `${Math.max(1, Math.round(enrichment.readingTimeSeconds / 60))} min (${enrichment.wordCount} words)`);
	fact('Language', enrichment.language);
	fact('Topics', enrichment.topics.map((t) => t.label).join(', '));
	fact('Keywords', enrichment.keywords.map((k) => k.text).join(', '));
	fact('Dateline', enrichment.dateline);
	fact('Summary', enrichment.summary);

	$('preview-quotes').replaceChildren(...enrichment.quotes.map((quote) => el('li', {},
		`“${quote.text}” `, el('span', { class: 'speaker' }, '— ' + (quote.speaker ?? 'speaker not found')))));
	if (enrichment.quotes.length === 0) $('preview-quotes').append(el('li', { class: 'quiet' }, 'No quotes.'));

	const named = enrichment.entities.filter((e) => ['PERSON', 'ORGANIZATION', 'LOCATION'].includes(e.type));
	$('preview-entities').replaceChildren(...named.map((entity) => el('li', { dataType: entity.type },
		el('mark', { class: entity.type }, entity.name), ' ',
		entity.uri ? el('a', { href: entity.uri, target: '_blank', rel: 'noopener' }, entity.id) : el('code', {}, entity.id),
		mapLink(entity))));
	$('preview').hidden = false;
}

function mapLink(entity) {
	if (entity.latitude == null || entity.longitude == null) return null;
	const { latitude: lat, longitude: lon } = entity;
	return el('span', {}, ' · ', el('a', {
		href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=9/${lat}/${lon}`,
		target: '_blank', rel: 'noopener', class: 'map',
	}, 'map'));
}

// ---- following articles ---------------------------------------------------------------

function when(instant) {
	return instant ? new Date(instant).toLocaleString() : '';
}

function stageBadge(stage, reason) {
	const name = (stage ?? 'unknown').toLowerCase();
	return el('span', {}, el('span', { class: 'stage', dataStage: name }, name),
		reason ? el('span', { class: 'reason' }, reason) : null);
}

function articleRow(article) {
	const live = article.stage !== 'RETRACTED';
	const actions = el('td', { class: 'row-actions' });
	if (live) {
		actions.append(
			el('button', { type: 'button', class: 'quiet', dataAction: 'edit' }, 'New version'),
			el('button', { type: 'button', class: 'quiet danger', dataAction: 'retract' }, 'Retract'));
	}
	return el('tr', { class: 'article', dataId: article.id },
		el('td', {}, article.headline ?? '(headline arriving)'),
		el('td', {}, article.section ?? ''),
		el('td', {}, String(article.version)),
		el('td', { class: 'stage-cell' }, stageBadge(article.stage, article.reason)),
		el('td', {}, when(article.updatedAt)),
		actions);
}

function versionsRow(article) {
	const list = el('ol', { class: 'version-list' }, ...article.versions.map((v) => el('li', {},
		`v${v.version} ${v.kind.toLowerCase()} · `, stageBadge(v.stage, v.reason),
		` · submitted ${when(v.submittedAt)}`, v.note ? ` · “${v.note}”` : '')));
	return el('tr', { class: 'versions', dataFor: article.id }, el('td', { colspan: '6' }, list));
}

function renderArticles(fresh) {
	const rows = $('article-rows');
	const open = new Set([...rows.querySelectorAll('tr.versions')].map((r) => r.dataset.for));
	rows.replaceChildren();
	const sorted = [...articles.values()].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
	for (const article of sorted) {
		const row = articleRow(article);
		if (article.id === fresh) row.classList.add('fresh');
		rows.append(row);
		if (open.has(article.id)) rows.append(versionsRow(article));
	}
	$('no-articles').hidden = articles.size > 0;
}

async function follow() {
	// The live stream cannot ask for a key itself: make sure one is kept first.
	await fetchWithKey('/api/v1/articles?limit=1');
	const source = new EventSource('/api/v1/articles/events');
	source.addEventListener('open', () => {
		$('live').textContent = 'live';
		$('live').classList.add('on');
	});
	source.addEventListener('error', () => {
		$('live').textContent = 'reconnecting';
		$('live').classList.remove('on');
	});
	source.addEventListener('snapshot', (event) => {
		articles.clear();
		for (const article of JSON.parse(event.data)) articles.set(article.id, article);
		renderArticles();
	});
	source.addEventListener('article', (event) => {
		const article = JSON.parse(event.data);
		articles.set(article.id, article);
		renderArticles(article.id);
	});
}

async function startVersion(id) {
	const result = await call('GET', `/api/v1/articles/${encodeURIComponent(id)}/draft`);
	if (!result.ok) return failed(result);
	resetForm();
	clearErrors();
	const draft = result.data;
	editing = { id, version: draft.version };
	$('headline').value = draft.headline;
	$('body').value = draft.body;
	$('byline').value = draft.byline ?? '';
	$('section').value = draft.section ?? '';
	$('editing-headline').textContent = draft.headline;
	$('editing').hidden = false;
	$('note-field').hidden = false;
	$('compose-title').textContent = `Version ${draft.version + 1}`;
	$('submit-button').textContent = 'Submit new version';
	$('headline').focus();
}

function askRetraction(id) {
	const dialog = $('retract-dialog');
	$('retract-headline').textContent = articles.get(id)?.headline ?? id;
	$('retract-reason').value = '';
	dialog.onclose = async () => {
		if (dialog.returnValue !== 'retract') return;
		const reason = $('retract-reason').value.trim();
		const query = reason ? `?reason=${encodeURIComponent(reason)}` : '';
		const result = await call('DELETE', `/api/v1/articles/${encodeURIComponent(id)}${query}`);
		if (!result.ok) failed(result);
	};
	dialog.showModal();
}

function onArticleClick(event) {
	const row = event.target.closest('tr.article');
	if (!row) return;
	const id = row.dataset.id;
	const action = event.target.closest('button')?.dataset.action;
	if (action === 'edit') return startVersion(id);
	if (action === 'retract') return askRetraction(id);
	const shown = row.nextElementSibling;
	if (shown?.classList.contains('versions')) shown.remove();
	else row.after(versionsRow(articles.get(id)));
}

// ---- wiring ---------------------------------------------------------------------------

$('draft').addEventListener('submit', submit);
$('preview-button').addEventListener('click', preview);
$('cancel-edit').addEventListener('click', resetForm);
$('file').addEventListener('change', (event) => loadFile(event.target.files[0]));
$('article-rows').addEventListener('click', onArticleClick);
const drop = $('drop');
drop.addEventListener('dragover', (event) => {
	event.preventDefault();
	drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
	event.preventDefault();
	drop.classList.remove('over');
	loadFile(event.dataTransfer.files[0]);
});
follow();
