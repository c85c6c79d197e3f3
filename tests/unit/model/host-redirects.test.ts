import { describe, expect, it } from 'vitest';
import {
	hostRedirects,
	netlifyRedirects,
	nginxRedirectMap,
	redirectPageTarget,
	bareRedirectPage,
	s3RoutingRules,
	S3_RULE_LIMIT,
} from '../../../src/model/host-redirects.ts';

const alert = { from: '/alerts/KubeAPIDown/', to: '/runbooks/kube-api-down/' };
const moved = { from: '/runbooks/old-name/', to: '/runbooks/new-name/' };

describe('hostRedirects', () => {
	it('keeps plain paths, sorted, one per address; leaves a fragment or odd characters to the redirect page', () => {
		expect(
			hostRedirects([
				moved,
				alert,
				{ from: '/alerts/Pinned/', to: '/runbooks/x/#step-2' },
				{ from: '/alerts/A B/', to: '/runbooks/x/' },
				{ from: '/alerts/Q"/', to: '/runbooks/x/' },
				{ from: '/runbooks/same/', to: '/runbooks/same/' },
			]),
		).toEqual([alert, moved]);
	});
});

describe('the host files', () => {
	it('nginx: quoted map entries, with and without the slash', () => {
		const map = nginxRedirectMap([alert]);
		expect(map.split('\n').filter((l) => !l.startsWith('#') && l)).toEqual([
			'"/alerts/KubeAPIDown/" "/runbooks/kube-api-down/";',
			'"/alerts/KubeAPIDown" "/runbooks/kube-api-down/";',
		]);
	});
	it('_redirects: from, to and 301 a line', () => {
		expect(netlifyRedirects([alert, moved]).split('\n').slice(1)).toEqual([
			'/alerts/KubeAPIDown/ /runbooks/kube-api-down/ 301',
			'/runbooks/old-name/ /runbooks/new-name/ 301',
			'',
		]);
	});
	it('S3: keys without the leading slash, at most 50 rules, saying how many were left out', () => {
		expect(JSON.parse(s3RoutingRules([alert]).json)).toEqual([
			{
				Condition: { KeyPrefixEquals: 'alerts/KubeAPIDown/' },
				Redirect: { ReplaceKeyWith: 'runbooks/kube-api-down/', HttpRedirectCode: '301' },
			},
		]);
		const many = Array.from({ length: 60 }, (_, i) => ({ from: `/alerts/A${i}/`, to: '/runbooks/a/' }));
		const s3 = s3RoutingRules(many);
		expect(JSON.parse(s3.json)).toHaveLength(S3_RULE_LIMIT);
		expect(s3.omitted).toBe(10);
	});
});

describe('redirectPageTarget', () => {
	it('reads a redirect page’s meta refresh, and nothing from another page', () => {
		expect(redirectPageTarget('<head><meta http-equiv="refresh" content="0; url=/runbooks/a/?x=1&amp;y=2"></head>')).toBe(
			'/runbooks/a/?x=1&y=2',
		);
		expect(redirectPageTarget('<html><h1>Alert X</h1></html>')).toBeUndefined();
	});
});

describe('bareRedirectPage', () => {
	it('drops the stylesheet and module script Astro adds, and keeps the redirect, its link and inline script', () => {
		const page =
			'<head><title>Alert X</title><script>location.replace(to)</script><meta http-equiv="refresh" content="0; url=/runbooks/x/"><link rel="stylesheet" href="/_astro/middleware.abc.css"><script type="module" src="/_astro/page.def.js"></script></head><body><p>The runbook is <a href="/runbooks/x/">X</a>.</p></body>';
		const bare = bareRedirectPage(page);
		expect(bare).not.toContain('/_astro/');
		expect(bare).toContain('<script>location.replace(to)</script>');
		expect(redirectPageTarget(bare)).toBe('/runbooks/x/');
		expect(bare).toContain('<a href="/runbooks/x/">X</a>');
	});
});
