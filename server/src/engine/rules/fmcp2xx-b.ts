/** FMCP210–FMCP220, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP210 from './FMCP210-component-on-method';
import FMCP211 from './FMCP211-invalid-tool-name';
import FMCP212 from './FMCP212-duplicate-component';
import FMCP213 from './FMCP213-name-given-twice';
import FMCP214 from './FMCP214-task-on-sync-function';
import FMCP215 from './FMCP215-missing-description';
import FMCP216 from './FMCP216-resource-returns-non-text';
import FMCP217 from './FMCP217-prompt-returns-dicts';
import FMCP218 from './FMCP218-invalid-icon';
import FMCP219 from './FMCP219-unknown-decorator-argument';
import FMCP220 from './FMCP220-decorated-function-misuse';

export const FMCP2XX_B: Rule[] = [FMCP210, FMCP211, FMCP212, FMCP213, FMCP214, FMCP215, FMCP216, FMCP217, FMCP218, FMCP219, FMCP220];
