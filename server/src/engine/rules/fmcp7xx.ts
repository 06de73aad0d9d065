/**
 * The FMCP7xx codes as rules, so that docs pages, `select`/`ignore`/`severity` and hovers know them.
 * They are workspace checks (server/src/engine/readiness/checks): their per-file `check` does nothing;
 * the readiness run reports them on the files and lines concerned.
 */
import type { Rule } from './api';
import { READINESS_CHECKS } from '../readiness/checks';

export const FMCP7XX: Rule[] = READINESS_CHECKS.map((c) => ({ meta: c.meta, check: () => undefined }));
