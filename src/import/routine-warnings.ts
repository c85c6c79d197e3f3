/**
 * What the import says of every document that has no version or review date: worth one line in
 * total (the import's summary), not one per document, and not an import problem for its report.
 */
export const NO_VERSION = 'no version found: add `version:` (e.g. "1.0.0")';
export const NO_REVIEW_DATE = 'no "Last Updated" date found: add `lastReviewed:` (YYYY-MM-DD)';

export const isRoutineWarning = (warning: string): boolean => warning === NO_VERSION || warning === NO_REVIEW_DATE;
