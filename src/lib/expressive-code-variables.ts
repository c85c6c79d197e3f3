import { definePlugin, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import { h, visit } from '@astrojs/starlight/expressive-code/hast';
import { placeholder, REFERENCE } from './variables.ts';

/**
 * Expressive Code plugin: each `{{NAME}}` in a command becomes one `span.rs-var` (highlighted
 * tokens inside it are merged), which the page fills with the run's value; the copy button
 * keeps the command as a template (`data-rs-template`), from which the page writes the filled
 * command into the `data-code` that Expressive Code's own button copies.
 */
export function pluginVariables(): ExpressiveCodePlugin {
	return definePlugin({
		name: 'Runsheet variables',
		hooks: {
			postprocessAnalyzedCode: ({ codeBlock }) => {
				if (!codeBlock.code.includes('{{')) return;
				for (const line of codeBlock.getLines()) {
					for (const match of line.text.matchAll(REFERENCE)) {
						const name = match[1]!;
						line.addAnnotation({
							name: 'runsheet-variable',
							renderPhase: 'latest',
							inlineRange: { columnStart: match.index, columnEnd: match.index + match[0].length },
							// One element for the whole reference, whatever tokens the grammar made of it.
							render: ({ nodesToTransform }) =>
								nodesToTransform.map((node, i) =>
									i === 0 ? h('span', { className: 'rs-var', 'data-var': name, 'data-state': 'unset' }, placeholder(name)) : h(null, []),
								),
						});
					}
				}
			},
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				if (!codeBlock.code.includes('{{')) return;
				visit(renderData.blockAst, 'element', (node) => {
					const code = node.properties.dataCode;
					if (node.tagName === 'button' && typeof code === 'string' && code.includes('{{')) node.properties.dataRsTemplate = code;
				});
			},
		},
	});
}
