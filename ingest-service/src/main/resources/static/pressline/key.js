// The API key the pages send: as an Authorization header on every request, from this
// tab's session storage. A browser's EventSource cannot send headers, so the key is also
// kept in a cookie, which the services accept for reading only (GET), never for a change.
const COOKIE = 'pressline-key';
const STORED = 'pressline-key';

function keep(key) {
	sessionStorage.setItem(STORED, key);
	const secure = location.protocol === 'https:' ? '; Secure' : '';
	document.cookie = `${COOKIE}=${encodeURIComponent(key)}; path=/; SameSite=Strict${secure}`;
}

function dialog() {
	let box = document.getElementById('key-dialog');
	if (box) return box;
	box = document.createElement('dialog');
	box.id = 'key-dialog';
	box.innerHTML = `<form method="dialog">
		<h2>API key</h2>
		<p id="key-reason"></p>
		<label for="api-key">Key</label>
		<input id="api-key" name="key" type="password" autocomplete="off" required>
		<p><button id="api-key-save" type="submit">Use this key</button></p>
	</form>`;
	document.body.append(box);
	return box;
}

/** Asks for a key and keeps it; resolves once one is given. */
export function askForKey(reason) {
	const box = dialog();
	box.querySelector('#key-reason').textContent = reason;
	box.querySelector('#api-key').value = '';
	return new Promise((resolve) => {
		box.addEventListener('close', () => {
			const key = box.querySelector('#api-key').value.trim();
			keep(key);
			resolve(key);
		}, { once: true });
		box.showModal();
	});
}

/**
 * fetch, asking for a key and trying again while the service says the key is missing or
 * wrong (401) or lacks the role (403).
 */
export async function fetchWithKey(url, options = {}) {
	for (;;) {
		const key = sessionStorage.getItem(STORED);
		const headers = new Headers(options.headers ?? {});
		if (key) headers.set('Authorization', `Bearer ${key}`);
		const response = await fetch(url, { ...options, headers });
		if (response.status !== 401 && response.status !== 403) return response;
		const problem = await response.json().catch(() => ({}));
		await askForKey(`${problem.detail ?? 'This page needs an API key.'} Enter a key with the right role.`);
	}
}
