// STUB (cli helper): the lead's src/cli/astro-run.ts replaces this file.
export type AstroVerb = 'dev' | 'build' | 'preview';

export interface AstroRunOptions {
	runbooks: string;
	out: string;
	base?: string;
	site?: string;
	config?: string;
	port?: number;
	host?: string;
}

export async function runAstro(verb: AstroVerb, _opts: AstroRunOptions): Promise<number> {
	throw new Error(`runsheet ${verb}: not yet (src/cli/astro-run.ts is a stub)`);
}
