/** Hover docs: symbol knowledge (symbols.ts), the reference index, and the hover entry point. */
export { hoverAt, versionLine, type HoverOptions, type HoverResult } from './hover';
export { loadReferences, parseReference, slugify, excerpt, ReferenceIndex, type ReferenceFile, type ReferenceSection } from './references';
export { SYMBOLS, TRANSPORTS, ALIASES, canonicalSymbol, type SymbolDoc, type KeywordDoc, type Versioned } from './symbols';
