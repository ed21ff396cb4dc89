// The operators' status page: asks /api/v1/ops/pipeline (and /api/v1/ops/reenrichment)
// every two seconds and redraws.
import { fetchWithKey } from '/pressline/key.js';

const REFRESH_MS = 2000;

const text = (value) => document.createTextNode(value == null ? '' : String(value));

function cell(content, className) {
	const td = document.createElement('td');
	if (className) td.className = className;
	if (content instanceof Node) td.append(content); else td.append(text(content));
	return td;
}

function row(...cells) {
	const tr = document.createElement('tr');
	tr.append(...cells);
	return tr;
}

function fill(tableId, rows) {
	document.querySelector(`#${tableId} tbody`).replaceChildren(...rows);
}

const millis = (ms) => ms == null ? '–' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;

function stageBadge(stage) {
	const span = document.createElement('span');
	span.className = `stage ${stage ?? ''}`;
	span.textContent = stage ?? '–';
	return span;
}

function render(view) {
	fill('stages', view.stages
		.filter((s) => s.total > 0 || ['RECEIVED', 'ENRICHED', 'PUBLISHED'].includes(s.stage))
		.map((s) => {
			const tr = row(cell(stageBadge(s.stage)), cell(s.lastMinute, 'number'),
				cell((s.lastMinute / 60).toFixed(1), 'number'), cell(s.total, 'number'));
			tr.dataset.stage = s.stage;
			return tr;
		}));
	fill('lag', view.groups.map((g) => {
		const parts = document.createElement('span');
		parts.className = 'partitions';
		parts.textContent = g.partitions.map((p) => `${p.topic}-${p.partition}: ${p.records}`).join(', ');
		const tr = row(cell(g.group), cell(g.records == null ? 'not known yet' : g.records,
			g.records > 0 ? 'number alert' : 'number'), cell(parts));
		tr.dataset.group = g.group;
		return tr;
	}));
	const topics = Object.entries(view.deadLetters);
	document.getElementById('no-dead-letters').hidden = topics.length > 0;
	fill('dead-letters', topics.map(([topic, records]) => {
		const tr = row(cell(topic), cell(records, records > 0 ? 'number alert' : 'number'));
		tr.dataset.topic = topic;
		return tr;
	}));
	fill('recent', view.recent.map((run) => {
		const article = document.createElement('div');
		if (run.headline) {
			const headline = document.createElement('span');
			headline.className = 'headline';
			headline.textContent = run.headline;
			article.append(headline);
		}
		const id = document.createElement('span');
		id.className = 'id';
		id.textContent = run.articleId;
		article.append(id);
		const reached = document.createElement('div');
		reached.append(stageBadge(run.stage));
		if (run.reason) {
			const reason = document.createElement('small');
			reason.className = 'muted';
			reason.textContent = ` ${run.reason}`;
			reached.append(reason);
		}
		const tr = row(cell(article), cell(run.version, 'number'), cell(reached),
			cell(millis(run.millis.RECEIVED), 'number'), cell(millis(run.millis.ENRICHED), 'number'),
			cell(millis(run.millis.PUBLISHED ?? run.millis.HELD ?? run.millis.REJECTED ?? run.millis.RETRACTED), 'number'),
			cell(run.submittedAt ? new Date(run.submittedAt).toLocaleTimeString() : '–'));
		tr.dataset.article = run.articleId;
		tr.dataset.stage = run.stage ?? '';
		return tr;
	}));
}

function renderReenrichment(progress) {
	const line = document.getElementById('reenrichment');
	line.dataset.state = progress.state;
	if (progress.run == null) {
		line.textContent = 'No run yet.';
		return;
	}
	const going = progress.state === 'RUNNING' || progress.state === 'WAITING';
	const left = progress.state === 'FINISHED' ? 'done'
		: going && progress.etaSeconds != null ? `about ${Math.ceil(progress.etaSeconds / 60)} min left` : '';
	const figures = [`${progress.state.toLowerCase()}: ${progress.done} of ${progress.total} read`,
		`${progress.submitted} replayed, ${progress.skipped} passed over here`,
		`${progress.ratePerSecond.toFixed(1)}/s (limit ${progress.limitPerSecond}/s)`, left]
		.filter((part) => part !== '');
	line.textContent = figures.join(', ') + (progress.detail ? ` (${progress.detail})` : '');
}

async function refreshReenrichment() {
	// Its own request: the pipeline's figures are drawn whatever this one answers.
	try {
		const response = await fetchWithKey('/api/v1/ops/reenrichment', { headers: { Accept: 'application/json' } });
		if (response.ok) renderReenrichment(await response.json());
	} catch (error) {
		document.getElementById('reenrichment').textContent = `not known (${error.message})`;
	}
}

async function refresh() {
	const updated = document.getElementById('updated');
	try {
		const response = await fetchWithKey('/api/v1/ops/pipeline?recent=25', { headers: { Accept: 'application/json' } });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		render(await response.json());
		await refreshReenrichment();
		updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
		updated.classList.remove('stale');
	} catch (error) {
		updated.textContent = `cannot reach ingest-service (${error.message}); retrying`;
		updated.classList.add('stale');
	} finally {
		setTimeout(refresh, REFRESH_MS);
	}
}

refresh();
