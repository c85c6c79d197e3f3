/** Resolves a `requires` id to the link shown under a step: text, where it sits, and its URL. */
export type StepLinks = (id: string) => { text: string; section: string; href: string } | undefined;
