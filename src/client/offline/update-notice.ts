/**
 * Loaded (as /sw-update.js) when the service worker says a newer build is installed and waiting.
 * Offers the reload, never does it on its own: a reader mid-run keeps the page they are on until
 * they choose. Ticks and values are in localStorage, so a reload loses nothing.
 */
const NOTICE = 'data-update-notice';

async function offer(): Promise<void> {
	if (document.querySelector(`[${NOTICE}]`)) return;
	const registration = await navigator.serviceWorker.getRegistration();
	// Told while the new worker was still installing: wait until it waits.
	const worker = registration?.waiting ?? registration?.installing;
	if (!registration || !worker) return;
	if (worker.state === 'installing')
		await new Promise<void>((done) => worker.addEventListener('statechange', () => worker.state !== 'installing' && done()));
	if (!registration.waiting) return;
	const notice = document.createElement('div');
	notice.className = 'rs-update-notice';
	notice.setAttribute('role', 'status');
	notice.setAttribute(NOTICE, '');
	const text = document.createElement('span');
	text.textContent = 'A newer version of these runbooks is ready. Your ticks and values are kept.';
	const reload = document.createElement('button');
	reload.type = 'button';
	reload.textContent = 'Reload now';
	const later = document.createElement('button');
	later.type = 'button';
	later.textContent = 'Later';
	notice.append(text, reload, later);
	later.addEventListener('click', () => notice.remove());
	reload.addEventListener('click', () => {
		reload.disabled = true;
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		registration.waiting?.postMessage('skip-waiting');
	});
	document.body.append(notice);
}

void offer();
