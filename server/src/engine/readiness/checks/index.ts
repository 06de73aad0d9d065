/** Every FMCP7xx workspace check, in code order. Each lives in its own module beside this file. */
import type { ReadinessCheck } from '../check';
import FMCP701 from './FMCP701-relative-import-in-entrypoint';
import FMCP702 from './FMCP702-circular-import';
import FMCP703 from './FMCP703-no-dependency-manifest';
import FMCP704 from './FMCP704-fastmcp-not-declared';
import FMCP705 from './FMCP705-undeclared-import';
import FMCP706 from './FMCP706-non-index-dependency';
import FMCP707 from './FMCP707-unbounded-fastmcp-major';
import FMCP708 from './FMCP708-env-file-not-ignored';
import FMCP709 from './FMCP709-env-file-committed';
import FMCP710 from './FMCP710-undocumented-env-var';
import FMCP711 from './FMCP711-invalid-fastmcp-json';
import FMCP712 from './FMCP712-no-git-remote';
import FMCP713 from './FMCP713-uncommitted-changes';
import FMCP714 from './FMCP714-syntax-error';
import FMCP715 from './FMCP715-python-version-unsupported';

export const READINESS_CHECKS: readonly ReadinessCheck[] = [FMCP701, FMCP702, FMCP703, FMCP704, FMCP705, FMCP706, FMCP707, FMCP708, FMCP709, FMCP710, FMCP711, FMCP712, FMCP713, FMCP714, FMCP715];
