/**
 * The patterns of ids and variable names, apart from their zod schemas (ids.ts, variables.ts): the
 * browser checks what comes from outside (src/model/progress/check.ts) against the same patterns
 * without loading zod, which is larger than a runbook page's whole JavaScript budget.
 */

/**
 * Ids are public URL fragments (`/runbooks/<id>/#<step-id>`) and progress keys, so they are
 * restricted to lowercase words joined by single hyphens: safe in URLs, HTML ids and CSS
 * selectors, and unable to collide with the `--` suffixes the pages add for their own elements.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A variable's name: UPPER_SNAKE_CASE, so `{{DOMAIN}}` cannot be mistaken for another tool's template. */
export const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
