import { financeBasisProjection } from './finance-basis.projection';
import { grantDirectoryProjection } from './grant-directory.projection';
import { postingsProjection } from './postings.projection';
import { projectProjection } from './project.projection';
import type { Projection } from './projection';

/** The finance read models (one line in all-projections.ts, so slices merge cleanly). */
export const FINANCE_PROJECTIONS: readonly Projection[] = [grantDirectoryProjection, postingsProjection, projectProjection, financeBasisProjection];
