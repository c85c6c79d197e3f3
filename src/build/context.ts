/**
 * What the site is built from: the settings of the config file and the runbooks folder, as the
 * Runsheet plugin resolved them from its options (src/plugin/integration.ts). Pages and the
 * runbooks collection read them here, never from the environment or a file of their own, so
 * that a team's Starlight site, the command line and this repository build the same way.
 */
export { contentDir, contentLabel, settings, standalone } from 'virtual:runsheet/context';
