/**
 * Where the tests find the documents other teams wrote: copies kept in this repository, each
 * folder with its SOURCE.md and license, so that a clone runs its tests with nothing beside it.
 */
/** The five production-deployment documents the bundled runbooks are imported from. */
export const SOURCE_CHECKLISTS = 'tests/fixtures/source-checklists';
/** The alert runbooks of prometheus-operator/runbooks (109 documents besides the folder indexes; Hugo content, Apache-2.0). */
export const PROMETHEUS_CORPUS = 'tests/fixtures/corpora/prometheus-operator-runbooks';
