/**
 * The slice of citation-js the CSL rendering test uses (the package ships no
 * types): a bibliography of CSL-JSON items in a bundled style, as plain text.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography', options: { format: 'text' | 'html'; template: string; lang?: string }): string;
  }
}
declare module '@citation-js/plugin-csl';
