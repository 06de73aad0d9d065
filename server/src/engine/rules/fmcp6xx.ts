/** The FMCP6xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP601 from './FMCP601-removed-server-argument';
import FMCP602 from './FMCP602-server-settings-attribute';
import FMCP603 from './FMCP603-moved-or-missing-module';
import FMCP604 from './FMCP604-removed-server-method';

export const FMCP6XX: Rule[] = [FMCP601, FMCP602, FMCP603, FMCP604];
