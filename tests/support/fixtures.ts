/**
 * Where the tests find the documents other teams wrote: copies kept in this repository, each
 * folder with its SOURCE.md and license, so that a clone runs its tests with nothing beside it.
 */
/** The five production-deployment documents the bundled runbooks are imported from. */
export const SOURCE_CHECKLISTS = 'tests/fixtures/source-checklists';
/** The alert runbooks of prometheus-operator/runbooks (109 documents besides the folder indexes; Hugo content, Apache-2.0). */
export const PROMETHEUS_CORPUS = 'tests/fixtures/corpora/prometheus-operator-runbooks';

/** Markup where names go and files beside the runbooks, linked or not (its README.txt says what). */
export const HOSTILE = 'tests/fixtures/hostile';
/** A runbook whose system is its folder's name, copied into a folder named with markup by the imported site's build. */
export const HOSTILE_FOLDER = 'tests/fixtures/hostile-folder';
/** That folder's name: legal on Linux and in git, not on Windows, so the repository keeps the folder under a plain name. */
export const HOSTILE_FOLDER_NAME = '<img src=x onerror=alert(window.pwned=4)>';
