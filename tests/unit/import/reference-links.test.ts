import { describe, expect, it } from 'vitest';
import { importChecklist } from '../../../src/import/index.ts';
import { inlineReferenceLinks } from '../../../src/import/reference-links.ts';

const inline = (markdown: string) => inlineReferenceLinks(markdown).text;

describe('reference-style links, written inline', () => {
	it('takes each kind of reference to its definition, whose text goes', () => {
		expect(
			inline(
				'See [the runbook][1], [Grafana][] and [Loki].\n\n[1]: ../node/Disk.md\n[grafana]: https://grafana.example\n[Loki]: https://loki.example\n',
			),
		).toBe('See [the runbook](../node/Disk.md), [Grafana](https://grafana.example) and [Loki](https://loki.example).\n\n\n\n\n');
	});

	it('matches labels as CommonMark does: case and inner spaces do not count, the first definition wins', () => {
		expect(inline('[Docs][The  Label]\n\n[the label]: https://a.example\n[THE LABEL]: https://b.example\n')).toBe(
			'[Docs](https://a.example)\n\n\n\n',
		);
	});

	it('writes images, badges (an image inside a link), titles and destinations with spaces or parentheses', () => {
		expect(
			inline(
				'![graph][g] [![build][b]][ci] [wiki][w]\n\n[g]: img/graph.png "Disk \\"used\\""\n[b]: https://ci.example/b.svg\n[ci]: https://ci.example\n[w]: <https://wiki.example/Disk (full)>\n',
			),
		).toBe(
			'![graph](img/graph.png "Disk \\"used\\"") [![build](https://ci.example/b.svg)](https://ci.example) [wiki](<https://wiki.example/Disk (full)>)\n\n\n\n\n\n',
		);
	});

	it('leaves code, undefined labels and text without definitions as written', () => {
		const markdown = 'Run `a[1]` and see [nothing][x].\n\n```\nfoo[1]\n[1]: not a definition in code\n```\n';
		expect(inline(markdown)).toBe(markdown);
		const withDefinition = 'Run `echo [a][1]` or [this][1].\n\n[1]: https://a.example\n';
		expect(inline(withDefinition)).toBe('Run `echo [a][1]` or [this](https://a.example).\n\n\n');
	});

	it('keeps a quote a quote when a definition sits in it', () => {
		// (A definition cannot interrupt a paragraph: a blank line of the quote comes first.)
		expect(inline('> See [docs][d].\n>\n> [d]: https://d.example\n> More.\n')).toBe('> See [docs](https://d.example).\n>\n> \n> More.\n');
	});

	it('says where a place of the new text was in the source, for --pin', () => {
		const source = 'Read [the guide][g] first.\n\n## Restart\n\n[g]: https://g.example\n';
		const result = inlineReferenceLinks(source);
		const at = result.text.indexOf('## Restart');
		expect(result.original(at)).toBe(source.indexOf('## Restart'));
		expect(result.original(result.text.indexOf(' first.'))).toBe(source.indexOf(' first.'));
	});
});

describe('an imported runbook', () => {
	it('keeps a reference link of a step as a link, and its definition is no note', () => {
		const { runbook, warnings } = importChecklist(
			'# Disk full\n\n## Mitigation\n\n1. Free space as the [cleanup runbook][1] says.\n2. Check [Grafana].\n\n[1]: ../node/NodeFilesystemSpaceFillingUp.md\n[grafana]: https://grafana.example/d/disk\n',
			{ id: 'disk-full' },
		);
		const text = JSON.stringify(runbook.sections);
		expect(text).toContain('[cleanup runbook](../node/NodeFilesystemSpaceFillingUp.md)');
		expect(text).toContain('[Grafana](https://grafana.example/d/disk)');
		expect(text).not.toContain('[1]:');
		expect(warnings.filter((w) => w.includes('definition'))).toEqual([]);
	});
});
