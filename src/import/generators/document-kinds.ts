/**
 * The files a folder import reads as Markdown documents, as the site generators name them:
 * `.md`/`.markdown`, Docusaurus' `.mdx`, and Middleman's `.html.md`, `.md.erb` and `.html.md.erb`
 * (Markdown with ERB, which is kept as text and reported: generators/erb.ts).
 */
const DOCUMENT = /\.(?:md|markdown|mdx)(?:\.erb)?$/i;

export const isDocumentPath = (path: string): boolean => DOCUMENT.test(path);

/** A document's file name without what says its kind: "cdn.html.md.erb" -> "cdn". */
export const documentStem = (name: string): string => name.replace(/(?:\.html?)?\.(?:md|markdown|mdx)(?:\.erb)?$/i, '');
