import { definePlugin, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import { h, visit } from '@astrojs/starlight/expressive-code/hast';
import { fillTemplate, templateReferences } from '../schema/template.ts';

/**
 * Expressive Code plugin: each `{{NAME}}` in a command becomes one `span.rs-var` (highlighted
 * tokens inside it are merged), which the page fills with the run's value; the copy button
 * keeps the command as a template (`data-rs-template`), from which the page writes the filled
 * command into the `data-code` that Expressive Code's own button copies. As built, that button
 * copies the command as it reads without values: `{{NAME}}`, and a shell variable as `$NAME`.
 */
export function pluginVariables(): ExpressiveCodePlugin {
	return definePlugin({
		name: 'Runsheet variables',
		hooks: {
			postprocessAnalyzedCode: ({ codeBlock }) => {
				if (!codeBlock.code.includes('{{')) return;
				for (const line of codeBlock.getLines()) {
					for (const part of templateReferences(line.text)) {
						line.addAnnotation({
							name: 'runsheet-variable',
							renderPhase: 'latest',
							inlineRange: { columnStart: part.start, columnEnd: part.end },
							// One element for the whole reference, whatever tokens the grammar made of it.
							render: ({ nodesToTransform }) =>
								nodesToTransform.map((_node, i) =>
									i === 0
										? h(
												'span',
												{
													className: 'rs-var',
													'data-var': part.name,
													'data-state': 'unset',
													...(part.shell ? { 'data-unset': part.unset } : {}),
												},
												part.unset,
											)
										: h(null, []),
								),
						});
					}
				}
			},
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				if (!codeBlock.code.includes('{{')) return;
				visit(renderData.blockAst, 'element', (node) => {
					const code = node.properties.dataCode;
					if (node.tagName === 'button' && typeof code === 'string' && code.includes('{{')) {
						node.properties.dataRsTemplate = code;
						node.properties.dataCode = fillTemplate(code, () => undefined);
					}
				});
			},
		},
	});
}
