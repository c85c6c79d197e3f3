import type { z } from 'astro/zod';
import { commandSchema } from '../schema/command.ts';
import { contactSchema, resourceSchema } from '../schema/reference.ts';
import { runbookShape } from '../schema/runbook.ts';
import { sectionSchema } from '../schema/section.ts';
import { recordFieldSchema, signoffRoleSchema, signoffSchema } from '../schema/signoff.ts';
import { alternativeSchema, stepSchema } from '../schema/step.ts';
import { variableSchema } from '../schema/variables.ts';

export interface FieldDoc {
	name: string;
	type: string;
	required: boolean;
	description: string;
}

export interface ObjectDoc {
	name: string;
	fields: FieldDoc[];
}

type AnySchema = z.ZodType & { description?: string };

const OBJECTS: [string, z.ZodObject][] = [
	['Runbook', runbookShape],
	['Section', sectionSchema],
	['Step', stepSchema],
	['Alternative', alternativeSchema],
	['Command', commandSchema],
	['Variable', variableSchema as unknown as z.ZodObject],
	['Contact', contactSchema],
	['Resource', resourceSchema],
	['Sign-off', signoffSchema],
	['Sign-off role', signoffRoleSchema],
	['Record field', recordFieldSchema as unknown as z.ZodObject],
];

function def(schema: AnySchema): { type: string; [key: string]: unknown } {
	return (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
}

function describeType(schema: AnySchema): string {
	const d = def(schema);
	switch (d.type) {
		case 'optional':
		case 'default':
		case 'nullable':
			return describeType(d.innerType as AnySchema);
		case 'pipe':
			return describeType(d.in as AnySchema);
		case 'array':
			return `list of ${describeType(d.element as AnySchema)}`;
		case 'enum':
			return `one of: ${Object.values(d.entries as Record<string, string>).join(', ')}`;
		case 'union':
			return (d.options as AnySchema[]).some((o) => def(o).type === 'date') ? 'date (YYYY-MM-DD)' : 'value';
		case 'object': {
			const named = OBJECTS.find(([, object]) => def(object as AnySchema).shape === d.shape);
			return named ? named[0] : 'object';
		}
		default:
			return d.type;
	}
}

function isRequired(schema: AnySchema): boolean {
	const type = def(schema).type;
	return type !== 'optional' && type !== 'default';
}

function descriptionOf(schema: AnySchema): string {
	let current: AnySchema | undefined = schema;
	while (current) {
		if (current.description) return current.description;
		const d = def(current);
		current = (d.innerType ?? d.in) as AnySchema | undefined;
	}
	return '';
}

/** The schema reference shown in the guide, read from the zod schemas themselves. */
export function schemaReference(): ObjectDoc[] {
	return OBJECTS.map(([name, object]) => ({
		name,
		fields: Object.entries(object.shape as Record<string, AnySchema>).map(([field, schema]) => ({
			name: field,
			type: describeType(schema),
			required: isRequired(schema),
			description: descriptionOf(schema),
		})),
	}));
}

/** Every field name the schema knows, for "did you mean" on a misspelt one. */
export function schemaFieldNames(): string[] {
	return [...new Set(schemaReference().flatMap((object) => object.fields.map((field) => field.name)))];
}
