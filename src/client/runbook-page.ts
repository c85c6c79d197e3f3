import { enhanceAlternatives, openTargetedAlternatives } from './alternatives-tabs.ts';
import { startProgress } from './progress/progress-page.ts';

// Runbook and rollback pages: option tabs, then progress on whatever steps the page holds.
enhanceAlternatives();
addEventListener('hashchange', openTargetedAlternatives);
const root = document.querySelector<HTMLElement>('[data-runbook]');
if (root) startProgress(root);
