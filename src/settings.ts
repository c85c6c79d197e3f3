import { readConfig } from './config/read-config.ts';
import { contentFolder } from './build/content/content-folder.ts';
import type { Settings } from './schema/settings.ts';

// Wiring only: the config file (runsheet.config.yaml, found as src/config/read-config.ts says,
// beside the runbooks the build reads), read once at build time; a bad file stops the build with
// every problem's file, line and field. RUNSHEET_CONFIG (or the older RUNSHEET_SETTINGS) names
// another file, as the test sites do.
export async function loadSettings(file?: string): Promise<Settings> {
	return (await readConfig({ explicit: file, runbooks: contentFolder() })).settings;
}

export const settings = await loadSettings();
