// Types for the parts of citation-js Paperscope uses: its packages ship no type declarations.

declare module '@citation-js/core' {
  /** A CSL-JSON item; citation-js reads and writes the CSL 1.0.2 variables. */
  export type CslData = Record<string, unknown>;

  export interface CiteOptions {
    /** Skips input type detection: Paperscope always says what it passes, so no input is ever taken for a URL. */
    forceType?: string;
    generateGraph?: boolean;
  }

  export class Cite {
    constructor(data?: unknown, options?: CiteOptions);
    data: CslData[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }

  export const plugins: {
    input: {
      remove(format: string): void;
      /** One parsing step: `input` read as `type` (e.g. '@biblatex/text' gives the raw entries). */
      data(input: unknown, type: string): unknown;
    };
  };

  export const version: string;
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';

declare module '@citation-js/name' {
  export interface CslName {
    given?: string;
    family?: string;
    suffix?: string;
    'dropping-particle'?: string;
    'non-dropping-particle'?: string;
    literal?: string;
  }
  export function parse(name: string): CslName;
}
