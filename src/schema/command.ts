import { z } from 'astro/zod';

/** A command block shown ready to copy; `lang` drives syntax highlighting. */
export const commandSchema = z.strictObject({
	lang: z
		.string()
		.regex(/^[a-z0-9+#-]*$/i)
		.default('bash')
		.describe('Language for highlighting: bash, sql, python, yaml ...'),
	code: z.string().min(1, { error: 'a command needs code. Hint: remove the empty command or fill in `code:`' }),
	title: z.string().optional().describe('Optional caption, e.g. a file name'),
	output: z.string().optional().describe('What the command prints, as an example to compare with; shown under the command, never copied'),
});

export type Command = z.infer<typeof commandSchema>;
