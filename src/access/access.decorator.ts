import { SetMetadata } from '@nestjs/common';
import type { Access } from './roles';

export const ACCESS_KEY = 'ledger:access';

/** What a route or controller needs; routes without it are open reads (unless LEDGER_READ_AUTH=on). */
export const RequiresAccess = (access: Access) => SetMetadata(ACCESS_KEY, access);
