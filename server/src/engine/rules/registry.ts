/** Every rule the product has, by family. A test fails when a rule lacks docs or a fixture. */
import type { Rule } from './api';
import FMCP000 from './FMCP000-unused-suppression';
import { FMCP1XX } from './fmcp1xx';
import { FMCP2XX } from './fmcp2xx';
import { FMCP3XX } from './fmcp3xx';
import { FMCP4XX } from './fmcp4xx';
import { FMCP5XX } from './fmcp5xx';
import { FMCP6XX } from './fmcp6xx';
import { FMCP7XX } from './fmcp7xx';
import { FMCP8XX } from './fmcp8xx';

export const ALL_RULES: readonly Rule[] = [FMCP000, ...FMCP1XX, ...FMCP2XX, ...FMCP3XX, ...FMCP4XX, ...FMCP5XX, ...FMCP6XX, ...FMCP7XX, ...FMCP8XX].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.code, r]));
export const ALL_CODES: readonly string[] = ALL_RULES.map((r) => r.meta.code);
