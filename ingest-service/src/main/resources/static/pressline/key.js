// The API key the pages send. Kept in a cookie rather than a header, because a browser's
// EventSource cannot send headers; SameSite=Strict keeps other sites from sending it.
const COOKIE = 'pressline-key';

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
			document.cookie = `${COOKIE}=${encodeURIComponent(key)}; path=/; SameSite=Strict`;
			resolve(key);
		}, { once: true });
		box.showModal();
	});
}

/**
 * fetch, asking for a key and trying again while the service says the key is missing or
 * wrong (401) or lacks the role (403).
 */
export async function fetchWithKey(url, options) {
	for (;;) {
		const response = await fetch(url, options);
		if (response.status !== 401 && response.status !== 403) return response;
		const problem = await response.json().catch(() => ({}));
		await askForKey(`${problem.detail ?? 'This page needs an API key.'} Enter a key with the right role.`);
	}
}
