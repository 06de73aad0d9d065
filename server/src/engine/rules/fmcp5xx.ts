/** The FMCP5xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP501 from './FMCP501-invalid-consent-argument';
import FMCP502 from './FMCP502-consent-disabled';
import FMCP503 from './FMCP503-oauth-missing-argument';
import FMCP504 from './FMCP504-hardcoded-secret';
import FMCP505 from './FMCP505-empty-redirect-allowlist';
import FMCP506 from './FMCP506-insecure-auth-base-url';
import FMCP507 from './FMCP507-storage-on-server';
import FMCP508 from './FMCP508-key-value-import-path';
import FMCP509 from './FMCP509-diskstore-path-argument';
import FMCP510 from './FMCP510-unencrypted-token-storage';
import FMCP511 from './FMCP511-ephemeral-token-storage';
import FMCP512 from './FMCP512-stateful-http-multi-worker';

export const FMCP5XX: Rule[] = [FMCP501, FMCP502, FMCP503, FMCP504, FMCP505, FMCP506, FMCP507, FMCP508, FMCP509, FMCP510, FMCP511, FMCP512];
